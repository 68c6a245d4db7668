package news.masthead.web;

import news.masthead.content.EditionPaths;
import news.masthead.content.Language;
import news.masthead.content.Section;
import news.masthead.content.Subject;

/**
 * Where each feed lives: {@code /feed.xml} for the whole site, {@code <edition>/feed.xml} for an
 * edition ({@code /fa/feed.xml}; the edition at the root has {@code /en/feed.xml}), and {@code
 * <page>/feed.xml} for a section or subject page (so {@code /iran/atom.xml}, {@code
 * /fa/tag/آب/feed.json}).
 */
public final class FeedPaths {
  private FeedPaths() {}

  public static String everything(FeedFormat format) {
    return "/" + format.fileName();
  }

  public static String edition(EditionPaths paths, Language language, FeedFormat format) {
    String prefix = paths.prefix(language);
    return (prefix.isEmpty() ? "/" + language.code() : prefix) + "/" + format.fileName();
  }

  public static String section(EditionPaths paths, Section section, FeedFormat format) {
    return paths.of(section) + "/" + format.fileName();
  }

  public static String subject(
      EditionPaths paths, Subject subject, Language language, FeedFormat format) {
    return paths.of(subject, language) + "/" + format.fileName();
  }
}
