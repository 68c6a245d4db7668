package news.masthead.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A three-way merge of an item's copy: what someone opened ({@code base}), what was saved since
 * ({@code theirs}) and what they send ({@code mine}). A field or body paragraph changed on one side
 * only takes that side's value; one changed on both sides to different values is a {@link Conflict}
 * that the person resolves by choosing a side or, for text, writing the merged text themselves.
 * Corrections, which only the workflow's correct step adds, are always theirs. Stateless.
 */
public final class CopyMerge {
  private CopyMerge() {}

  /** Which side a conflict is resolved with. */
  public enum Side {
    MINE,
    THEIRS
  }

  /**
   * How one conflict is resolved: with a side, or with text the person wrote from both.
   *
   * @param written the text written, used when {@code side} is empty
   */
  public record Choice(Optional<Side> side, String written) {
    public Choice {
      written = written == null ? "" : written.strip();
    }

    public static Choice of(Side side) {
      return new Choice(Optional.of(side), "");
    }

    public static Choice writing(String text) {
      return new Choice(Optional.empty(), text);
    }
  }

  /**
   * A field, or a body paragraph, changed on both sides.
   *
   * @param key {@code headline}, {@code standfirst}, {@code byline}, {@code dateline}, {@code
   *     section}, {@code genre}, {@code lead}, {@code subjects}, {@code sources}, {@code
   *     translations}, {@code body} (the whole body, when the two sides changed its paragraphs'
   *     number) or {@code body.N} (paragraph N)
   */
  public record Conflict(String key, String theirs, String mine, boolean writable) {}

  /** The merged copy (conflicts resolved as {@code choices} say, else with mine) and the rest. */
  public record Merged(Copy copy, List<Conflict> conflicts) {
    public Merged {
      conflicts = List.copyOf(conflicts);
    }
  }

  /**
   * Merges, resolving conflicts as {@code choices} say (by key), and mine where they say nothing.
   */
  public static Merged merge(Copy base, Copy theirs, Copy mine, Map<String, Choice> choices) {
    List<Conflict> conflicts = new ArrayList<>();
    Merging m = new Merging(conflicts, choices);
    String headline = m.text("headline", base, theirs, mine, Copy::headline);
    String standfirst = m.text("standfirst", base, theirs, mine, Copy::standfirst);
    Byline byline =
        m.field(
            "byline",
            base,
            theirs,
            mine,
            Copy::byline,
            b -> b.credits().stream().map(Credit::name).toList().toString());
    String slug = m.text("slug", base, theirs, mine, Copy::chosenSlug);
    String dateline = m.text("dateline", base, theirs, mine, Copy::dateline);
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
    Optional<Figure> lead =
        m.field(
            "lead",
            base,
            theirs,
            mine,
            Copy::lead,
            f -> f.map(x -> "#" + x.picture() + " " + x.alt() + " " + x.caption()).orElse(""));
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
            translations,
            slug,
            lead);
    return new Merged(merged, conflicts);
  }

  private record Merging(List<Conflict> conflicts, Map<String, Choice> choices) {
    <T> T field(
        String key,
        Copy base,
        Copy theirs,
        Copy mine,
        Function<Copy, T> value,
        Function<T, String> shown) {
      return pick(
          key, value.apply(base), value.apply(theirs), value.apply(mine), shown, Optional.empty());
    }

    String text(String key, Copy base, Copy theirs, Copy mine, Function<Copy, String> value) {
      return pick(
          key,
          value.apply(base),
          value.apply(theirs),
          value.apply(mine),
          s -> s,
          Optional.of(s -> s));
    }

    <T> T pick(
        String key,
        T base,
        T theirs,
        T mine,
        Function<T, String> shown,
        Optional<Function<String, T>> written) {
      if (Objects.equals(mine, base) || Objects.equals(mine, theirs)) {
        return theirs;
      }
      if (Objects.equals(theirs, base)) {
        return mine;
      }
      Choice choice = choices.get(key);
      if (choice == null || (choice.side().isEmpty() && written.isEmpty())) {
        conflicts.add(
            new Conflict(key, shown.apply(theirs), shown.apply(mine), written.isPresent()));
        return mine;
      }
      return choice
          .side()
          .map(side -> side == Side.THEIRS ? theirs : mine)
          .orElseGet(() -> written.get().apply(choice.written()));
    }

    Body body(Body base, Body theirs, Body mine) {
      List<Block> b = base.blocks();
      List<Block> t = theirs.blocks();
      List<Block> m = mine.blocks();
      if (b.size() != t.size() || b.size() != m.size()) {
        return pick("body", base, theirs, mine, Body::plainText, Optional.of(Merging::paragraphs));
      }
      List<Block> merged = new ArrayList<>();
      for (int i = 0; i < b.size(); i++) {
        Block mineBlock = m.get(i);
        merged.add(
            pick(
                "body." + i,
                b.get(i),
                t.get(i),
                mineBlock,
                Block::plainText,
                Optional.of(text -> likeBlock(mineBlock, text))));
      }
      return new Body(merged);
    }

    /** Text written for a paragraph, as a block of the same kind as {@code mine}. */
    private static Block likeBlock(Block mine, String text) {
      List<Inline> runs = List.of(Inline.Text.plain(text.replaceAll("\\s+", " ")));
      return switch (mine) {
        case Block.Heading h -> new Block.Heading(h.level(), runs);
        case Block.Quote q -> new Block.Quote(runs, q.attribution());
        default -> new Block.Paragraph(runs);
      };
    }

    /** Text written for the whole body: paragraphs separated by blank lines. */
    private static Body paragraphs(String text) {
      List<Block> blocks = new ArrayList<>();
      for (String paragraph : text.split("\\n\\s*\\n")) {
        if (!paragraph.isBlank()) {
          blocks.add(
              new Block.Paragraph(
                  List.of(Inline.Text.plain(paragraph.strip().replaceAll("\\s+", " ")))));
        }
      }
      return new Body(blocks);
    }
  }
}
