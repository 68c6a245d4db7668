package news.masthead.content;

/**
 * A picture as a page shows it: the library picture's {@link Art} with the words the item gives it.
 * A listing's illustrations carry no caption.
 */
public record Illustration(Art art, String alt, String caption) {
  public static Illustration of(Figure figure, Art art) {
    return new Illustration(art, figure.alt(), figure.caption());
  }
}
