package news.masthead.web;

import news.masthead.content.EditionPaths;
import news.masthead.content.Item;
import news.masthead.content.ItemAddress;
import news.masthead.content.ItemSummary;
import news.masthead.content.Language;
import news.masthead.content.Section;
import news.masthead.content.Subject;

/**
 * Absolute addresses on the public site, for feeds, sitemaps, the API and ninjs: the outlet's base
 * URL (without a trailing slash) and where each edition's pages are. Immutable.
 */
public record PublicLinks(String baseUrl, EditionPaths paths) {
  public PublicLinks {
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The address of a path on the site, such as {@code /robots.txt}. */
  public String url(String path) {
    return baseUrl + path;
  }

  public String url(Item item) {
    return baseUrl + paths.of(item);
  }

  public String url(ItemSummary item) {
    return baseUrl + paths.of(item);
  }

  public String url(ItemAddress item) {
    return baseUrl + paths.of(item);
  }

  public String url(Section section) {
    return baseUrl + paths.of(section);
  }

  public String url(Subject subject, Language language) {
    return baseUrl + paths.of(subject, language);
  }

  /** An edition's front page. */
  public String home(Language language) {
    return baseUrl + paths.home(language);
  }
}
