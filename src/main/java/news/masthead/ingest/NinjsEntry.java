package news.masthead.ingest;

import tools.jackson.databind.JsonNode;

/**
 * One entry read from a ninjs file: an item's JSON, a line of JSON Lines still to be parsed (by
 * whichever thread maps it), or why the text there was not JSON.
 */
sealed interface NinjsEntry {
  Position position();

  record Json(Position position, JsonNode node) implements NinjsEntry {}

  record Line(Position position, String text) implements NinjsEntry {}

  record Malformed(Position position, String reason) implements NinjsEntry {}

  /** Where an entry starts: file name and 1-based line. */
  record Position(String file, int line) {
    @Override
    public String toString() {
      return file + ":" + line;
    }
  }
}
