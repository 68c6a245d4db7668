package news.masthead.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where each edition's pages are: the path prefix of every language the outlet publishes, such as
 * English at {@code /} (the empty prefix) and Persian at {@code /fa}, and the addresses of items,
 * sections and subjects under them. At most one edition is at the root. A language the outlet does
 * not publish is placed at {@code /<code>}. Immutable and thread-safe.
 */
public final class EditionPaths {
  private static final Pattern PREFIX = Pattern.compile("(/[a-z0-9][a-z0-9-]{0,39})?");

  private final Map<Language, String> prefixes;

  private EditionPaths(Map<Language, String> prefixes) {
    this.prefixes = prefixes;
  }

  /**
   * The editions at the prefixes given, in the outlet's order. A prefix is empty (the root) or one
   * lower-case path segment such as {@code /fa} or {@code /farsi}.
   *
   * @throws InvalidContent naming the prefix when one is malformed, two editions share one, or more
   *     than one edition is at the root
   */
  public static EditionPaths of(Map<Language, String> prefixes) {
    Map<Language, String> checked = new LinkedHashMap<>();
    Map<String, Language> taken = new LinkedHashMap<>();
    for (Map.Entry<Language, String> entry : prefixes.entrySet()) {
      String prefix = entry.getValue();
      if (!PREFIX.matcher(prefix).matches()) {
        throw new InvalidContent(
            "the path of the "
                + entry.getKey()
                + " edition must be / or one lower-case segment such as /"
                + entry.getKey()
                + ", not \""
                + prefix
                + "\"");
      }
      Language other = taken.putIfAbsent(prefix, entry.getKey());
      if (other != null) {
        throw new InvalidContent(
            "the "
                + other
                + " and "
                + entry.getKey()
                + " editions are both at "
                + (prefix.isEmpty() ? "/" : prefix)
                + ": give each edition a path of its own");
      }
      checked.put(entry.getKey(), prefix);
    }
    if (checked.isEmpty()) {
      throw new InvalidContent("an outlet publishes at least one edition");
    }
    return new EditionPaths(checked);
  }

  /** The usual layout: the first edition at the root, every other under {@code /<code>}. */
  public static EditionPaths standard(List<Language> editions) {
    Map<Language, String> prefixes = new LinkedHashMap<>();
    for (Language language : editions) {
      prefixes.put(language, prefixes.isEmpty() ? "" : "/" + language.code());
    }
    return of(prefixes);
  }

  /** The editions, in the outlet's order. */
  public List<Language> editions() {
    return new ArrayList<>(prefixes.keySet());
  }

  /** The edition at the root, if one is. */
  public Optional<Language> atRoot() {
    return prefixes.entrySet().stream()
        .filter(e -> e.getValue().isEmpty())
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** The prefix of a language's edition: empty at the root, else such as {@code /fa}. */
  public String prefix(Language language) {
    String prefix = prefixes.get(language);
    return prefix != null ? prefix : "/" + language.code();
  }

  /** The edition's front page: {@code /} or such as {@code /fa/}. */
  public String home(Language language) {
    return prefix(language) + "/";
  }

  /** The edition's search page, such as {@code /fa/search}. */
  public String search(Language language) {
    return prefix(language) + "/search";
  }

  /** A page of the edition below its prefix, such as {@code /about/ethics}. */
  public String page(Language language, String path) {
    return prefix(language) + path;
  }

  /** An item's canonical path: edition, section, id and slug, such as {@code /iran/42/quds}. */
  public String item(Language language, Slug section, ItemId id, Slug slug) {
    return prefix(language) + "/" + section + "/" + id + "/" + slug;
  }

  public String of(Item item) {
    return item(item.copy().language(), item.copy().section().slug(), item.id(), item.slug());
  }

  public String of(ItemSummary item) {
    return item(item.language(), item.section().slug(), item.id(), item.slug());
  }

  public String of(ItemAddress item) {
    return item(item.language(), item.section(), item.id(), item.slug());
  }

  /** A section front, such as {@code /iran} or {@code /fa/iran}. */
  public String of(Section section) {
    return prefix(section.language()) + "/" + section.slug();
  }

  /** A subject's page in a language's edition, such as {@code /fa/person/qasem-example}. */
  public String of(Subject subject, Language language) {
    return prefix(language) + "/" + subject.kind().pathWord() + "/" + subject.slug();
  }

  /** The edition whose prefix the path is under, if any (the root edition is not looked for). */
  public Optional<Language> prefixedEditionOf(String path) {
    for (Map.Entry<Language, String> entry : prefixes.entrySet()) {
      String prefix = entry.getValue();
      if (!prefix.isEmpty() && (path.equals(prefix) || path.startsWith(prefix + "/"))) {
        return Optional.of(entry.getKey());
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EditionPaths paths && prefixes.equals(paths.prefixes);
  }

  @Override
  public int hashCode() {
    return prefixes.hashCode();
  }

  @Override
  public String toString() {
    return prefixes.toString();
  }
}
