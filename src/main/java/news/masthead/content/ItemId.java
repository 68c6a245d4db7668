package news.masthead.content;

import java.util.Optional;

/** The immutable public id of an item, as it appears in its URL. Always positive. */
public record ItemId(long value) {
  public ItemId {
    if (value <= 0) {
      throw new InvalidContent("an item id must be a positive number, not " + value);
    }
  }

  /** Reads an id from a URL segment; empty when the segment is not a positive decimal number. */
  public static Optional<ItemId> parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 18) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
    }
    long value = Long.parseLong(text);
    return value > 0 ? Optional.of(new ItemId(value)) : Optional.empty();
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
