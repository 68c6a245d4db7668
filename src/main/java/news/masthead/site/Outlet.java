package news.masthead.site;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import news.masthead.content.Language;

/**
 * The news outlet the site belongs to: its name in each edition, the public address canonical links
 * use, the time zone its pages give times in, and its editions (the first is at {@code /}).
 */
public record Outlet(
    String name,
    String persianName,
    String baseUrl,
    ZoneId timeZone,
    List<Language> editions,
    Optional<Path> policies) {
  public Outlet {
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    editions = List.copyOf(editions);
  }

  public String nameIn(Language language) {
    return language.equals(Language.PERSIAN) ? persianName : name;
  }

  /** The edition at {@code /}. */
  public Language defaultLanguage() {
    return editions.getFirst();
  }
}
