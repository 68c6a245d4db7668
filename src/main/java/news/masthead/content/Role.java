package news.masthead.content;

import java.util.Locale;

/**
 * What a member of staff may do: a contributor writes and submits their own items; an editor also
 * edits, publishes, schedules, corrects and retracts items of their sections; an admin also runs
 * staff, sections and settings, and may do everything an editor may in every section.
 */
public enum Role {
  CONTRIBUTOR,
  EDITOR,
  ADMIN;

  /** The role named {@code name} ({@code editor}, in any case). */
  public static Role named(String name) {
    for (Role role : values()) {
      if (role.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
        return role;
      }
    }
    throw new InvalidContent("a role is admin, editor or contributor, not \"" + name + "\"");
  }

  /** Whether this role signs in with a passkey only (a password is never enough for it). */
  public boolean needsPasskey() {
    return this != CONTRIBUTOR;
  }

  /** The lower-case name, as written in commands and forms. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
