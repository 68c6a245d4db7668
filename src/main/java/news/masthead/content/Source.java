package news.masthead.content;

import java.util.Locale;

/**
 * Whom a piece of reporting rests on, and what they did: "Reuters reported", "an official
 * confirmed", "spokesmen are yet to respond". Shown in the story's sources box.
 */
public record Source(String name, Kind kind, Role role) {
  public Source {
    if (name == null || name.isBlank()) {
      throw new InvalidContent("a source needs a name, such as \"Reuters\" or \"an official\"");
    }
    name = name.strip();
    if (kind == null) {
      kind = Kind.OTHER;
    }
    if (role == null) {
      role = Role.REPORTED;
    }
  }

  /** What sort of party the source is. */
  public enum Kind {
    WIRE("wire service"),
    NEWS_ORGANISATION("news organisation"),
    OFFICIAL("official"),
    SPOKESPERSON("spokesperson"),
    DOCUMENT("document"),
    UNNAMED("unnamed source"),
    OTHER("source");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** What the source did in this story. */
  public enum Role {
    REPORTED("reported"),
    CONFIRMED("confirmed"),
    DENIED("denied"),
    DECLINED_TO_COMMENT("declined to comment"),
    YET_TO_RESPOND("yet to respond");

    private final String label;

    Role(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * Reads a kind word as ninjs feeds write it ({@code wire}, {@code official}, {@code unnamed}).
   */
  public static Kind kindFromCode(String code) {
    String c = normalise(code);
    return switch (c) {
      case "wire", "agency", "news_agency", "wire_service" -> Kind.WIRE;
      case "news_organisation", "news_organization", "newspaper", "broadcaster", "media" ->
          Kind.NEWS_ORGANISATION;
      case "official", "government" -> Kind.OFFICIAL;
      case "spokesperson", "spokesman", "spokeswoman", "spokespeople" -> Kind.SPOKESPERSON;
      case "document", "documents", "report" -> Kind.DOCUMENT;
      case "unnamed", "anonymous", "unnamed_source", "sources" -> Kind.UNNAMED;
      default -> Kind.OTHER;
    };
  }

  /** Reads a role word ({@code confirmed}, {@code yet_to_respond}…); unknown words are reported. */
  public static java.util.Optional<Role> roleFromCode(String code) {
    String c = normalise(code);
    return switch (c) {
      case "reported", "originfo", "source", "origin" -> java.util.Optional.of(Role.REPORTED);
      case "confirmed" -> java.util.Optional.of(Role.CONFIRMED);
      case "denied" -> java.util.Optional.of(Role.DENIED);
      case "declined_to_comment", "declined", "no_comment" ->
          java.util.Optional.of(Role.DECLINED_TO_COMMENT);
      case "yet_to_respond", "not_responded", "no_response" ->
          java.util.Optional.of(Role.YET_TO_RESPOND);
      default -> java.util.Optional.empty();
    };
  }

  private static String normalise(String code) {
    return code == null
        ? ""
        : code.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
  }
}
