package news.masthead.content;

/**
 * A picture from the media library as one item uses it: the library picture's id, and the text
 * alternative and caption in the item's language (which may differ from the library's own words).
 * An empty alt is allowed in a draft; publishing refuses it.
 */
public record Figure(long picture, String alt, String caption) {
  public Figure {
    if (picture <= 0) {
      throw new InvalidContent("a picture is named by its id in the media library, a number");
    }
    alt = new Picture.Words("", "", alt == null ? "" : alt, "").alt();
    caption = new Picture.Words(caption == null ? "" : caption, "", "", "").caption();
  }

  /** Whether a reader who cannot see the picture is told what it shows. */
  public boolean isDescribed() {
    return !alt.isBlank();
  }
}
