package news.masthead.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import news.masthead.ingest.NinjsEntry.Position;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a ninjs file in any of its three shapes: one JSON object, a JSON array of objects, or JSON
 * Lines (one object a line). In JSON Lines a malformed line is reported and the next line is read;
 * in an array, malformed JSON ends the file (the rest cannot be told apart), and that is reported
 * too. Stateless and thread-safe.
 */
final class NinjsReader {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** The shape of a file, told from its first characters. */
  enum Shape {
    OBJECT,
    ARRAY,
    LINES
  }

  Shape shapeOf(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        String t = line.strip();
        if (t.startsWith("\uFEFF")) {
          t = t.substring(1).strip();
        }
        if (t.isEmpty()) {
          continue;
        }
        if (t.startsWith("[")) {
          return Shape.ARRAY;
        }
        try {
          JsonNode first = MAPPER.readTree(t);
          return first != null && first.isObject() ? Shape.LINES : Shape.OBJECT;
        } catch (JacksonException e) {
          return Shape.OBJECT; // a pretty-printed object spans lines
        }
      }
    }
    return Shape.LINES;
  }

  /** How many items a file holds, when that is cheap to know (JSON Lines); -1 otherwise. */
  long estimateCount(Path file) throws IOException {
    if (shapeOf(file) != Shape.LINES) {
      return -1;
    }
    // Counts line ends as bytes, without decoding: a fraction of the cost of reading lines.
    long count = 0;
    boolean lineHasText = false;
    byte[] buffer = new byte[1 << 16];
    try (var in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        for (int i = 0; i < n; i++) {
          byte b = buffer[i];
          if (b == '\n') {
            count += lineHasText ? 1 : 0;
            lineHasText = false;
          } else if (b != ' ' && b != '\t' && b != '\r') {
            lineHasText = true;
          }
        }
      }
    }
    return count + (lineHasText ? 1 : 0);
  }

  /**
   * The JSON of one line of JSON Lines, or the entry that says why it is not an item's JSON.
   * Thread-safe.
   */
  static NinjsEntry parse(NinjsEntry.Line line) {
    try {
      return new NinjsEntry.Json(line.position(), MAPPER.readTree(line.text()));
    } catch (JacksonException e) {
      return new NinjsEntry.Malformed(line.position(), "malformed JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * Reads every entry of a file, in order, handing each to {@code sink}. A line of JSON Lines comes
   * as a {@link NinjsEntry.Line} for {@link #parse}; other shapes come parsed.
   */
  void read(Path file, Consumer<NinjsEntry> sink) throws IOException {
    String name = file.toString();
    switch (shapeOf(file)) {
      case LINES -> readLines(file, name, sink);
      case ARRAY, OBJECT -> readDocument(file, name, sink);
    }
  }

  private void readLines(Path file, String name, Consumer<NinjsEntry> sink) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        // Parsed later, by the thread that maps it: reading stays a cheap, single-threaded scan.
        sink.accept(new NinjsEntry.Line(new Position(name, number), line));
      }
    }
  }

  private void readDocument(Path file, String name, Consumer<NinjsEntry> sink) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        JsonParser parser = MAPPER.createParser(in)) {
      int line = 1;
      try {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_ARRAY) {
          while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            line = parser.currentTokenLocation().getLineNr();
            sink.accept(new NinjsEntry.Json(new Position(name, line), parser.readValueAsTree()));
          }
        } else {
          while (token != null) {
            line = parser.currentTokenLocation().getLineNr();
            sink.accept(new NinjsEntry.Json(new Position(name, line), parser.readValueAsTree()));
            token = parser.nextToken();
          }
        }
      } catch (JacksonException e) {
        int at = e.getLocation() == null ? line : e.getLocation().getLineNr();
        sink.accept(
            new NinjsEntry.Malformed(
                new Position(name, at),
                "malformed JSON: "
                    + e.getOriginalMessage()
                    + "; the rest of the file was not read"));
      }
    }
  }
}
