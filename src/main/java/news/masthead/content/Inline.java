package news.masthead.content;

/** A run of text inside a block: plain, emphasised or strong text, or a link. */
public sealed interface Inline {
  /** The run's visible text. */
  String text();

  /** How a run of text is set. */
  enum Style {
    PLAIN,
    EMPHASIS,
    STRONG
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
