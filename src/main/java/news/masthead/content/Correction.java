package news.masthead.content;

import java.time.Instant;

/** A published correction: when it was made and what was wrong. */
public record Correction(Instant at, String text) {
  public Correction {
    if (at == null) {
      throw new InvalidContent("a correction needs the time it was made");
    }
    if (text == null || text.isBlank()) {
      throw new InvalidContent("a correction must say what was wrong");
    }
    text = text.strip();
  }
}
