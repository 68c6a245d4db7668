package news.masthead.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import news.masthead.content.ItemId;
import news.masthead.content.Language;
import news.masthead.content.Slug;

/**
 * The names a CDN purges cached responses by ({@code Surrogate-Key} and {@code Cache-Tag}): every
 * public response names what it shows, and every change names what it touched. An item page is
 * {@code item-ID} and its section ({@code section-LANG-SLUG}, whose in-brief rail it shows);
 * section fronts and feeds are their section; the front page, subject pages, search and every
 * edition-wide listing are {@code edition-LANG}. A change to an item purges its item, section and
 * edition keys. Keys are ASCII (a Persian slug is percent-encoded) and never contain spaces.
 */
public final class SurrogateKeys {
  /** Pages that no change of an item alters (policy pages, the stylesheet). */
  public static final String FIXED = "fixed";

  private SurrogateKeys() {}

  public static String item(ItemId id) {
    return "item-" + id.value();
  }

  public static String section(Language language, Slug section) {
    return section(language, section.value());
  }

  /** The key of a section named by an address, before it is known to exist. */
  public static String section(Language language, String slug) {
    return "section-" + language.code() + "-" + URLEncoder.encode(slug, StandardCharsets.UTF_8);
  }

  public static String edition(Language language) {
    return "edition-" + language.code();
  }

  /** The keys of every edition: for responses that list items of them all. */
  public static String editions(List<Language> languages) {
    return String.join(" ", languages.stream().map(SurrogateKeys::edition).toList());
  }

  /** The keys to purge when this item changes. */
  public static List<String> touchedBy(ItemId id, Language language, Slug section) {
    return List.of(item(id), section(language, section), edition(language));
  }
}
