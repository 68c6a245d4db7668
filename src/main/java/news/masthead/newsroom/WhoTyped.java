package news.masthead.newsroom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import news.masthead.together.Together;

/**
 * Who typed what in a co-edited body between two revisions, for the history's comparison: the
 * body's paragraphs as pieces of text, each typed by someone (with their name and colour), there
 * before, or deleted by someone; and the typists, in the order they first appear.
 */
public record WhoTyped(List<List<WhoTyped.Piece>> paragraphs, List<WhoTyped.Typist> typists) {
  /** A piece of a paragraph: typed (or deleted) by {@code name} in colour {@code colour}. */
  public record Piece(String text, String name, int colour, boolean typed, boolean deleted) {}

  /** Someone who typed or deleted text between the two revisions. */
  public record Typist(String name, int colour) {}

  static WhoTyped of(List<List<Together.Run>> blocks, LongFunction<String> names) {
    Map<Long, Typist> typists = new LinkedHashMap<>();
    List<List<Piece>> paragraphs = new ArrayList<>();
    for (List<Together.Run> block : blocks) {
      List<Piece> pieces = new ArrayList<>();
      for (Together.Run run : block) {
        if (run.by() == 0) {
          pieces.add(new Piece(run.text(), "", 0, false, false));
          continue;
        }
        Typist who =
            typists.computeIfAbsent(
                run.by(), id -> new Typist(names.apply(id), Together.colourOf(id)));
        pieces.add(new Piece(run.text(), who.name(), who.colour(), !run.deleted(), run.deleted()));
      }
      paragraphs.add(pieces);
    }
    return new WhoTyped(paragraphs, List.copyOf(typists.values()));
  }
}
