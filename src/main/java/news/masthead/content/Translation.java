package news.masthead.content;

/** A link from an item to the same item in another language, by the other item's uri. */
public record Translation(String uri, Language language) {
  public Translation {
    if (uri == null || uri.isBlank()) {
      throw new InvalidContent("a translation link needs the uri of the translated item");
    }
  }
}
