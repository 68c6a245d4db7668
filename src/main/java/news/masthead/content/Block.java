package news.masthead.content;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One block of an item's body. Bodies are stored as blocks, never as markup, so whatever was
 * imported or typed can only ever be rendered as escaped text, links and images.
 */
public sealed interface Block {

  /** The block's text, without markup, as a reader would read it aloud. */
  String plainText();

  private static String join(List<Inline> runs) {
    return runs.stream().map(Inline::text).collect(Collectors.joining());
  }

  /** A paragraph of text. */
  record Paragraph(List<Inline> text) implements Block {
    public Paragraph {
      text = List.copyOf(text);
    }

    @Override
    public String plainText() {
      return join(text);
    }
  }

  /** A sub-heading inside the body, level 2 to 4 (the headline is level 1). */
  record Heading(int level, List<Inline> text) implements Block {
    public Heading {
      if (level < 2 || level > 4) {
        throw new InvalidContent("a body heading has level 2, 3 or 4, not " + level);
      }
      text = List.copyOf(text);
    }

    @Override
    public String plainText() {
      return join(text);
    }
  }

  /** A quotation, with whom it is attributed to when known. */
  record Quote(List<Inline> text, Optional<String> attribution) implements Block {
    public Quote {
      text = List.copyOf(text);
    }

    @Override
    public String plainText() {
      return join(text);
    }
  }

  /** A bulleted or numbered list; each entry is a run of inline text. */
  record ListBlock(boolean ordered, List<List<Inline>> entries) implements Block {
    public ListBlock {
      entries = entries.stream().map(List::copyOf).toList();
    }

    @Override
    public String plainText() {
      return entries.stream().map(Block::join).collect(Collectors.joining("\n"));
    }
  }

  /** An image with its text alternative, and a caption and credit when given. */
  record Image(WebAddress source, String alt, Optional<String> caption, Optional<String> credit)
      implements Block {
    public Image {
      if (alt == null) {
        alt = "";
      }
    }

    @Override
    public String plainText() {
      return caption.orElse("");
    }
  }

  /** A picture from the media library, with its text alternative and caption for this item. */
  record LibraryPicture(Figure figure) implements Block {
    @Override
    public String plainText() {
      return figure.caption();
    }
  }

  /**
   * Something embedded from elsewhere (a post, a video). Rendered as a plain link to it: the public
   * site runs no third-party script.
   */
  record Embed(WebAddress address, String title) implements Block {
    @Override
    public String plainText() {
      return title;
    }
  }
}
