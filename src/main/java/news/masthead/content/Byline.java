package news.masthead.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who made an item, in order, each with what they did. Empty for an item with no byline. Pages
 * print it grouped by role ("By Sara Ahmadi and Omid Karimi. Translated by Leila Rahimi").
 */
public record Byline(List<Credit> credits) {
  public static final Byline NONE = new Byline(List.of());
  public static final int MAX_CREDITS = 12;

  private static final Pattern SPLIT =
      Pattern.compile("\\s*(?:,|;|&|\\band\\b|\\sو\\s|،)\\s*", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern PREFIX =
      Pattern.compile("^(?:by|از|نویسنده:?|گزارش:?)\\s+", Pattern.CASE_INSENSITIVE);

  public Byline {
    credits = List.copyOf(new LinkedHashSet<>(credits == null ? List.of() : credits));
    if (credits.size() > MAX_CREDITS) {
      throw new InvalidContent(
          "a byline names at most " + MAX_CREDITS + " people, not " + credits.size());
    }
  }

  /**
   * Reads a byline written as one line, as wire feeds and earlier revisions give it: "By Sara
   * Ahmadi and Omid Karimi" names two reporters; "Reuters staff" is one desk.
   */
  public static Byline parse(String text) {
    String names = PREFIX.matcher(text == null ? "" : text.strip()).replaceFirst("");
    if (names.codePoints().noneMatch(Character::isLetter)) {
      return NONE;
    }
    Credit whole = new Credit(shortened(names), Credit.Role.REPORTING);
    if (!whole.isPerson()) {
      return new Byline(List.of(whole));
    }
    List<Credit> credits = new ArrayList<>();
    for (String name : SPLIT.split(names)) {
      if (name.codePoints().anyMatch(Character::isLetter) && credits.size() < MAX_CREDITS) {
        credits.add(new Credit(shortened(name), Credit.Role.REPORTING));
      }
    }
    return new Byline(credits);
  }

  private static String shortened(String name) {
    String n = name.strip();
    return n.length() > Credit.MAX_NAME ? n.substring(0, Credit.MAX_NAME) : n;
  }

  public boolean isEmpty() {
    return credits.isEmpty();
  }

  /** The names of those who reported or wrote, joined by commas: ninjs {@code by}, feeds. */
  public String text() {
    return String.join(
        ", ", credits.stream().filter(c -> c.role().isAuthorship()).map(Credit::name).toList());
  }

  /** The credits with this role, in order. */
  public List<Credit> of(Credit.Role role) {
    return credits.stream().filter(c -> c.role() == role).toList();
  }

  /** The credits grouped by role, each group in the order its first name appears. */
  public List<Group> groups() {
    Map<Credit.Role, List<Credit>> groups = new LinkedHashMap<>();
    for (Credit credit : credits) {
      Credit.Role key =
          credit.role() == Credit.Role.WRITING ? Credit.Role.REPORTING : credit.role();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(credit);
    }
    return groups.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList();
  }

  /** The people named, each with an author page. */
  public List<Subject> people() {
    return List.copyOf(
        new LinkedHashSet<>(
            credits.stream().filter(Credit::isPerson).map(Credit::subject).toList()));
  }

  /** The people who reported or wrote the item: its authors in feeds and structured data. */
  public List<Subject> authors() {
    return credits.stream()
        .filter(c -> c.isPerson() && c.role().isAuthorship())
        .map(Credit::subject)
        .distinct()
        .toList();
  }

  /** One role's names: "Translated by" and who. */
  public record Group(Credit.Role role, List<Credit> credits) {
    public Group {
      credits = List.copyOf(credits);
    }
  }
}
