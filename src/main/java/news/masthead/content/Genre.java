package news.masthead.content;

import java.util.Locale;

/** The type of work an item is, so readers can tell reporting from opinion. */
public enum Genre {
  NEWS("News"),
  ANALYSIS("Analysis"),
  OPINION("Opinion"),
  REPORTAGE("Reportage"),
  INTERVIEW("Interview"),
  EXPLAINER("Explainer");

  private final String label;

  Genre(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Reads a genre name or IPTC genre code; unknown names read as news. */
  public static Genre fromName(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    int colon = n.lastIndexOf(':');
    int slash = n.lastIndexOf('/');
    n = n.substring(Math.max(colon, slash) + 1);
    return switch (n) {
      case "analysis" -> ANALYSIS;
      case "opinion", "comment", "editorial", "column" -> OPINION;
      case "reportage", "feature" -> REPORTAGE;
      case "interview" -> INTERVIEW;
      case "explainer", "background" -> EXPLAINER;
      default -> NEWS;
    };
  }
}
