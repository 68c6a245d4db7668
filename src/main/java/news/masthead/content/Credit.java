package news.masthead.content;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One name in an item's byline and what they did for it: "Sara Ahmadi, reporting", "Omid Karimi,
 * translation". A name may be a person or a desk ("Reuters staff"); only people get author pages.
 */
public record Credit(String name, Role role) {
  public static final int MAX_NAME = 100;

  /** Bylines that name a desk, not a person: they get no author page. */
  private static final Pattern NOT_A_PERSON =
      Pattern.compile(
          "(?i).*\\b(staff|desk|newsroom|editors|correspondents|reporters|agencies)\\b.*|تحریریه|.*خبرنگاران.*");

  public Credit {
    if (name == null || name.isBlank()) {
      throw new InvalidContent("a byline's name must not be empty");
    }
    name = Teaser.collapseSpaces(name).strip();
    if (name.length() > MAX_NAME) {
      throw new InvalidContent(
          "a byline's name is at most " + MAX_NAME + " characters, not " + name.length());
    }
    if (name.codePoints().noneMatch(Character::isLetter)) {
      throw new InvalidContent("a byline's name needs a letter, not \"" + name + "\"");
    }
    if (role == null) {
      role = Role.REPORTING;
    }
  }

  /** What the person did. Authors are those who reported or wrote; the others are contributors. */
  public enum Role {
    REPORTING,
    WRITING,
    ADDITIONAL_REPORTING,
    TRANSLATION,
    EDITING,
    PHOTOGRAPHY;

    /** The lower-case word used in the API and ninjs: {@code additional-reporting}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isAuthorship() {
      return this == REPORTING || this == WRITING;
    }

    /** Reads a role by its name or its code, as a form or the API sends it. */
    public static Role fromCode(String code) {
      String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT).replace('-', '_');
      try {
        return valueOf(c);
      } catch (IllegalArgumentException e) {
        throw new InvalidContent(
            "a byline's role is reporting, writing, additional-reporting, translation, editing or"
                + " photography, not \""
                + code
                + "\"");
      }
    }
  }

  /** Whether this names a person, who gets an author page, rather than a desk. */
  public boolean isPerson() {
    return !NOT_A_PERSON.matcher(name).matches();
  }

  /** The author page's subject for this person. */
  public Subject subject() {
    return Subject.named(SubjectKind.AUTHOR, name);
  }
}
