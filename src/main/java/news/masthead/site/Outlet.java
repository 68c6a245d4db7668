package news.masthead.site;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.masthead.content.EditionPaths;
import news.masthead.content.Language;
import news.masthead.web.EditionSetup;
import news.masthead.web.Messages;

/**
 * The news outlet the site belongs to: the public address canonical links use, the editions it
 * publishes (the first is its main one), where each edition's pages are, and where its own policy
 * texts are. Immutable.
 */
public record Outlet(
    String baseUrl, List<EditionSetup> setups, Optional<Path> policies, EditionPaths paths) {
  public Outlet {
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    setups = List.copyOf(setups);
    if (setups.isEmpty()) {
      throw new IllegalArgumentException("an outlet publishes at least one edition");
    }
  }

  /** An outlet whose editions are at the paths their setups give. */
  public Outlet(String baseUrl, List<EditionSetup> setups, Optional<Path> policies) {
    this(baseUrl, setups, policies, pathsOf(setups));
  }

  private static EditionPaths pathsOf(List<EditionSetup> setups) {
    Map<Language, String> prefixes = new LinkedHashMap<>();
    setups.forEach(setup -> prefixes.put(setup.language(), setup.path()));
    return EditionPaths.of(prefixes);
  }

  /** The languages of the editions, the main one first. */
  public List<Language> editions() {
    return setups.stream().map(EditionSetup::language).toList();
  }

  /** The outlet's name in its first edition. */
  public String name() {
    return setups.getFirst().name();
  }

  /** The edition of a language, or the first edition for a language the outlet does not publish. */
  public EditionSetup setup(Language language) {
    for (EditionSetup setup : setups) {
      if (setup.language().equals(language)) {
        return setup;
      }
    }
    return setups.getFirst();
  }

  public String nameIn(Language language) {
    return setup(language).name();
  }

  /** The words of a language's edition (the first edition's for a language it does not publish). */
  public Messages messages(Language language) {
    return setup(language).messages();
  }

  /** The main edition: the first the outlet names. */
  public Language defaultLanguage() {
    return setups.getFirst().language();
  }
}
