package news.masthead.content;

import java.time.Instant;

/** A note on an item among its staff (never published): who wrote it, when, and what. */
public record EditorialNote(long id, Instant at, String author, String text) {
  public static final int MAX_LENGTH = 4000;

  public EditorialNote {
    if (text == null || text.isBlank()) {
      throw new InvalidContent("a note needs some text");
    }
    text = text.strip();
    if (text.length() > MAX_LENGTH) {
      throw new InvalidContent(
          "a note is at most " + MAX_LENGTH + " characters, not " + text.length());
    }
  }
}
