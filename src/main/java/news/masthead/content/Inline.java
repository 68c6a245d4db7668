package news.masthead.content;

/** A run of text inside a block: plain, emphasised or strong text, or a link. */
public sealed interface Inline {
  /** The run's visible text. */
  String text();

  /** How a run of text is set. */
  enum Style {
    PLAIN,
    EMPHASIS,
    STRONG,
    STRONG_EMPHASIS;

    public boolean isStrong() {
      return this == STRONG || this == STRONG_EMPHASIS;
    }

    public boolean isEmphasis() {
      return this == EMPHASIS || this == STRONG_EMPHASIS;
    }

    /** Text set in this style and also in {@code other}: strong inside emphasis is both. */
    public Style and(Style other) {
      boolean strong = isStrong() || other.isStrong();
      boolean emphasis = isEmphasis() || other.isEmphasis();
      return strong && emphasis ? STRONG_EMPHASIS : strong ? STRONG : emphasis ? EMPHASIS : PLAIN;
    }
  }

  /** Text set in one style. */
  record Text(String text, Style style) implements Inline {
    public Text {
      if (text == null) {
        throw new InvalidContent("a text run must not be null");
      }
      if (style == null) {
        style = Style.PLAIN;
      }
    }

    public static Text plain(String text) {
      return new Text(text, Style.PLAIN);
    }
  }

  /** A link: its text and where it goes. */
  record Link(String text, WebAddress href) implements Inline {
    public Link {
      if (text == null || href == null) {
        throw new InvalidContent("a link needs both its text and its address");
      }
    }
  }
}
