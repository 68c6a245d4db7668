package news.masthead.content;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** An item's body: its blocks in reading order. */
public record Body(List<Block> blocks) {
  public Body {
    blocks = List.copyOf(blocks);
  }

  public static Body of(Block... blocks) {
    return new Body(List.of(blocks));
  }

  /** The library pictures in the body, in order. */
  public List<Figure> figures() {
    return blocks.stream()
        .filter(b -> b instanceof Block.LibraryPicture)
        .map(b -> ((Block.LibraryPicture) b).figure())
        .toList();
  }

  public boolean isEmpty() {
    return blocks.stream()
        .allMatch(
            b ->
                b.plainText().isBlank()
                    && !(b instanceof Block.Image || b instanceof Block.LibraryPicture));
  }

  /** The text of every block, blocks separated by a blank line. */
  public String plainText() {
    return blocks.stream()
        .map(Block::plainText)
        .filter(t -> !t.isBlank())
        .collect(Collectors.joining("\n\n"));
  }

  /**
   * The runs of the body's running text (paragraphs, headings, quotes, lists), each block's runs
   * followed by a space run, for the teaser to cut. Images and embeds are left out.
   */
  public List<Inline> runningText() {
    List<Inline> runs = new ArrayList<>();
    for (Block block : blocks) {
      List<Inline> blockRuns =
          switch (block) {
            case Block.Paragraph p -> p.text();
            case Block.Heading h -> h.text();
            case Block.Quote q -> q.text();
            case Block.ListBlock l -> l.entries().stream().flatMap(List::stream).toList();
            case Block.Image i -> List.of();
            case Block.LibraryPicture p -> List.of();
            case Block.Embed e -> List.of();
          };
      if (!blockRuns.isEmpty()) {
        if (!runs.isEmpty()) {
          runs.add(Inline.Text.plain(" "));
        }
        runs.addAll(blockRuns);
      }
    }
    return runs;
  }

  /** The number of words in the body, for reading time. */
  public int wordCount() {
    String text = plainText().trim();
    return text.isEmpty() ? 0 : text.split("\\s+").length;
  }
}
