package news.masthead.content;

import java.util.Locale;

/** The kind of item, as ninjs calls it: a full story, or a short brief for the in-brief rail. */
public enum Profile {
  STORY,
  BRIEF;

  /** The ninjs profile word: {@code story} or {@code brief}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Profile fromCode(String code) {
    return switch (code == null ? "" : code.trim().toLowerCase(Locale.ROOT)) {
      case "story" -> STORY;
      case "brief" -> BRIEF;
      default ->
          throw new InvalidContent("profile must be \"story\" or \"brief\", not \"" + code + "\"");
    };
  }
}
