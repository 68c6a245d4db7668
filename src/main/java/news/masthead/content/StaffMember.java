package news.masthead.content;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A member of the newsroom's staff: who they are, their role, the sections an editor or contributor
 * works in, the language of their newsroom pages, and whether they may still sign in. Immutable.
 *
 * @param sections the slugs of the sections given to them (an admin's are all, whatever this says)
 * @param hasPassword whether they have a password factor (contributors only)
 */
public record StaffMember(
    long id,
    String email,
    String name,
    Role role,
    List<Slug> sections,
    Language language,
    boolean disabled,
    boolean hasPassword,
    Instant createdAt) {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

  /** The longest name or email kept. */
  public static final int MAX_LENGTH = 200;

  public StaffMember {
    sections = List.copyOf(sections);
  }

  /**
   * An email address as staff are known by: trimmed and lower-cased.
   *
   * @throws InvalidContent naming what is wrong with it
   */
  public static String email(String text) {
    String email = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
    if (email.length() > MAX_LENGTH || !EMAIL.matcher(email).matches()) {
      throw new InvalidContent(
          "an email address such as reporter@example.org is needed, not \""
              + abbreviate(email)
              + "\"");
    }
    return email;
  }

  /**
   * A person's name as shown in the newsroom.
   *
   * @throws InvalidContent when it is empty or too long
   */
  public static String name(String text) {
    String name = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    if (name.isEmpty() || name.length() > MAX_LENGTH) {
      throw new InvalidContent("a name of 1 to " + MAX_LENGTH + " characters is needed");
    }
    return name;
  }

  /** Whether they may edit, publish and correct items of this section. */
  public boolean worksIn(Slug section) {
    return role == Role.ADMIN || sections.contains(section);
  }

  private static String abbreviate(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
