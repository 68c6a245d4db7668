package news.masthead.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A three-way merge of an item's copy: what someone opened ({@code base}), what was saved since
 * ({@code theirs}) and what they send ({@code mine}). A field or body paragraph changed on one side
 * only takes that side's value; one changed on both sides to different values is a {@link Conflict}
 * that the person resolves by choosing a side. Corrections, which only the workflow's correct step
 * adds, are always theirs. Stateless.
 */
public final class CopyMerge {
  private CopyMerge() {}

  /** Which side a conflict is resolved with. */
  public enum Side {
    MINE,
    THEIRS
  }

  /**
   * A field, or a body paragraph, changed on both sides.
   *
   * @param key {@code headline}, {@code standfirst}, {@code byline}, {@code dateline}, {@code
   *     section}, {@code genre}, {@code subjects}, {@code sources}, {@code translations}, {@code
   *     body} (the whole body, when the two sides changed its paragraphs' number) or {@code body.N}
   *     (paragraph N)
   */
  public record Conflict(String key, String theirs, String mine) {}

  /** The merged copy (conflicts resolved as {@code choices} say, else with mine) and the rest. */
  public record Merged(Copy copy, List<Conflict> conflicts) {
    public Merged {
      conflicts = List.copyOf(conflicts);
    }
  }

  /**
   * Merges, resolving conflicts as {@code choices} say (by key), and mine where they say nothing.
   */
  public static Merged merge(Copy base, Copy theirs, Copy mine, Map<String, Side> choices) {
    List<Conflict> conflicts = new ArrayList<>();
    Merging m = new Merging(conflicts, choices);
    String headline = m.field("headline", base, theirs, mine, Copy::headline, s -> s);
    String standfirst = m.field("standfirst", base, theirs, mine, Copy::standfirst, s -> s);
    String byline = m.field("byline", base, theirs, mine, Copy::byline, s -> s);
    String dateline = m.field("dateline", base, theirs, mine, Copy::dateline, s -> s);
    Section section = m.field("section", base, theirs, mine, Copy::section, Section::name);
    List<Genre> genres = m.field("genre", base, theirs, mine, Copy::genres, Object::toString);
    List<Subject> subjects =
        m.field(
            "subjects",
            base,
            theirs,
            mine,
            Copy::subjects,
            list -> list.stream().map(Subject::name).toList().toString());
    List<Source> sources =
        m.field(
            "sources",
            base,
            theirs,
            mine,
            Copy::sources,
            list -> list.stream().map(Source::name).toList().toString());
    List<Translation> translations =
        m.field(
            "translations",
            base,
            theirs,
            mine,
            Copy::translations,
            list -> list.stream().map(Translation::uri).toList().toString());
    Body body = m.body(base.body(), theirs.body(), mine.body());
    Copy merged =
        new Copy(
            mine.profile(),
            mine.language(),
            headline,
            standfirst,
            body,
            byline,
            dateline,
            section,
            subjects,
            sources,
            genres,
            theirs.corrections(),
            translations);
    return new Merged(merged, conflicts);
  }

  private record Merging(List<Conflict> conflicts, Map<String, Side> choices) {
    <T> T field(
        String key,
        Copy base,
        Copy theirs,
        Copy mine,
        Function<Copy, T> value,
        Function<T, String> shown) {
      return pick(key, value.apply(base), value.apply(theirs), value.apply(mine), shown);
    }

    <T> T pick(String key, T base, T theirs, T mine, Function<T, String> shown) {
      if (Objects.equals(mine, base) || Objects.equals(mine, theirs)) {
        return theirs;
      }
      if (Objects.equals(theirs, base)) {
        return mine;
      }
      Side side = choices.get(key);
      if (side == null) {
        conflicts.add(new Conflict(key, shown.apply(theirs), shown.apply(mine)));
        return mine;
      }
      return side == Side.THEIRS ? theirs : mine;
    }

    Body body(Body base, Body theirs, Body mine) {
      List<Block> b = base.blocks();
      List<Block> t = theirs.blocks();
      List<Block> m = mine.blocks();
      if (b.size() != t.size() || b.size() != m.size()) {
        return pick("body", base, theirs, mine, Body::plainText);
      }
      List<Block> merged = new ArrayList<>();
      for (int i = 0; i < b.size(); i++) {
        merged.add(pick("body." + i, b.get(i), t.get(i), m.get(i), Block::plainText));
      }
      return new Body(merged);
    }
  }
}
