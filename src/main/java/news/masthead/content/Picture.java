package news.masthead.content;

import java.time.Instant;
import java.util.List;

/**
 * A picture in the media library: its size, its words (caption, credit, alt text, usage rights, in
 * {@code language}), its focal point as fractions of its width and height, and the metadata the
 * upload carried that was removed. {@code publicKey} and {@code version} name its renditions'
 * addresses; the version moves when the focal point does.
 */
public record Picture(
    long id,
    String publicKey,
    int version,
    int width,
    int height,
    String caption,
    String credit,
    String alt,
    String rights,
    Language language,
    double focalX,
    double focalY,
    List<String> removed,
    String createdBy,
    Instant createdAt) {
  public static final int MAX_CAPTION = 1000;
  public static final int MAX_CREDIT = 200;
  public static final int MAX_ALT = 500;
  public static final int MAX_RIGHTS = 500;

  public Picture {
    removed = List.copyOf(removed);
    if (focalX < 0 || focalX > 1 || focalY < 0 || focalY > 1) {
      throw new InvalidContent("a focal point lies inside the picture: 0 to 1 across and down");
    }
  }

  /** The words a picture is stored with, checked: plain text of bounded length. */
  public record Words(String caption, String credit, String alt, String rights) {
    public Words {
      caption = checked("caption", caption, MAX_CAPTION);
      credit = checked("credit", credit, MAX_CREDIT);
      alt = checked("alt text", alt, MAX_ALT);
      rights = checked("usage rights", rights, MAX_RIGHTS);
    }

    private static String checked(String field, String value, int max) {
      String text = value.strip();
      if (text.length() > max) {
        throw new InvalidContent(
            "the " + field + " is " + text.length() + " characters; at most " + max);
      }
      if (text.indexOf('<') >= 0 && text.matches("(?s).*<\\s*[a-zA-Z/!].*")) {
        throw new InvalidContent("the " + field + " is plain text: markup is not accepted");
      }
      return text;
    }
  }
}
