package news.masthead.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import news.masthead.content.Block;
import news.masthead.content.Body;
import news.masthead.content.Inline;
import news.masthead.content.Teaser;
import news.masthead.content.WebAddress;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Turns a body given as HTML or plain text into {@link Body} blocks. HTML is parsed once by jsoup
 * and passed through jsoup's safelist {@link Cleaner}: scripts, styles, event handlers, unknown
 * elements and any URL that is not http, https, mailto or a path on this site are dropped. What is
 * left is read into paragraphs, headings, quotes, lists, images and embeds, whose addresses must
 * also pass {@link WebAddress#isSafe}. Stateless and thread-safe.
 */
public final class BodyCleaner {
  /** Elements whose content is never article text: code, styling, fallbacks, graphics, forms. */
  private static final String NOT_TEXT =
      "script, style, template, noscript, title, svg, math, object, textarea, select, button";

  /** Relative links are checked against this base, and kept relative. */
  private static final String BASE = "https://masthead.invalid/";

  private static final Safelist SAFELIST =
      new Safelist()
          .addTags(
              "p",
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "blockquote",
              "ul",
              "ol",
              "li",
              "a",
              "em",
              "i",
              "strong",
              "b",
              "img",
              "figure",
              "figcaption",
              "cite",
              "footer",
              "br",
              "div",
              "span",
              "section",
              "article",
              "q",
              "iframe")
          .addAttributes("a", "href")
          .addAttributes("img", "src", "alt")
          .addAttributes("iframe", "src", "title")
          .addProtocols("a", "href", "http", "https", "mailto")
          .addProtocols("img", "src", "http", "https")
          .addProtocols("iframe", "src", "http", "https")
          .preserveRelativeLinks(true);

  /** Cleans an HTML body. */
  public Body fromHtml(String html) {
    Document dirty = Jsoup.parseBodyFragment(html == null ? "" : html, BASE);
    // The cleaner keeps the text of elements it drops; these hold no article text at all.
    dirty.select(NOT_TEXT).remove();
    Element root = new Cleaner(SAFELIST).clean(dirty).body();
    List<Block> blocks = new ArrayList<>();
    List<Inline> loose = new ArrayList<>();
    readBlocks(root, blocks, loose);
    flush(loose, blocks);
    return new Body(blocks);
  }

  /** Reads a plain-text body: paragraphs are separated by blank lines. */
  public Body fromPlainText(String text) {
    List<Block> blocks = new ArrayList<>();
    for (String paragraph : (text == null ? "" : text).split("\\R\\s*\\R")) {
      String p = paragraph.strip().replaceAll("\\s+", " ");
      if (!p.isEmpty()) {
        blocks.add(new Block.Paragraph(List.of(Inline.Text.plain(p))));
      }
    }
    return new Body(blocks);
  }

  private void readBlocks(Element parent, List<Block> blocks, List<Inline> loose) {
    for (Node node : parent.childNodes()) {
      if (node instanceof TextNode text) {
        addText(loose, text.getWholeText(), Inline.Style.PLAIN);
        continue;
      }
      if (!(node instanceof Element element)) {
        continue;
      }
      switch (element.normalName()) {
        case "p" -> {
          flush(loose, blocks);
          List<Inline> runs = inlines(element);
          if (hasText(runs)) {
            blocks.add(new Block.Paragraph(runs));
          }
          for (Element img : element.select("img")) {
            image(img, Optional.empty()).ifPresent(blocks::add);
          }
        }
        case "h1", "h2", "h3", "h4", "h5", "h6" -> {
          flush(loose, blocks);
          int level = Math.max(2, Math.min(4, element.normalName().charAt(1) - '0'));
          List<Inline> runs = inlines(element);
          if (hasText(runs)) {
            blocks.add(new Block.Heading(level, runs));
          }
        }
        case "blockquote" -> {
          flush(loose, blocks);
          Optional<String> attribution = Optional.empty();
          for (Element cite : element.select("cite, footer")) {
            String who = cite.text().strip().replaceFirst("^[\\u2014\\u2013-]+\\s*", "");
            if (!who.isEmpty()) {
              attribution = Optional.of(who);
            }
            cite.remove();
          }
          List<Inline> runs = inlines(element);
          if (hasText(runs)) {
            blocks.add(new Block.Quote(runs, attribution));
          }
        }
        case "ul", "ol" -> {
          flush(loose, blocks);
          List<List<Inline>> entries = new ArrayList<>();
          for (Element li : element.children()) {
            List<Inline> runs = inlines(li);
            if (hasText(runs)) {
              entries.add(runs);
            }
          }
          if (!entries.isEmpty()) {
            blocks.add(new Block.ListBlock(element.normalName().equals("ol"), entries));
          }
        }
        case "figure" -> {
          flush(loose, blocks);
          Element img = element.selectFirst("img");
          Element caption = element.selectFirst("figcaption");
          if (img != null) {
            image(img, Optional.ofNullable(caption).map(Element::text).filter(c -> !c.isBlank()))
                .ifPresent(blocks::add);
          }
        }
        case "img" -> {
          flush(loose, blocks);
          image(element, Optional.empty()).ifPresent(blocks::add);
        }
        case "iframe" -> {
          flush(loose, blocks);
          String src = element.attr("src");
          if (WebAddress.isSafe(src)) {
            String title = element.attr("title").isBlank() ? src : element.attr("title");
            blocks.add(new Block.Embed(new WebAddress(src), title));
          }
        }
        case "div", "section", "article" -> {
          flush(loose, blocks);
          readBlocks(element, blocks, loose);
          flush(loose, blocks);
        }
        case "br" -> addText(loose, " ", Inline.Style.PLAIN);
        default -> readInline(element, loose, Inline.Style.PLAIN);
      }
    }
  }

  private static Optional<Block> image(Element img, Optional<String> caption) {
    String src = img.attr("src");
    if (!WebAddress.isSafe(src)) {
      return Optional.empty();
    }
    return Optional.of(
        new Block.Image(new WebAddress(src), img.attr("alt"), caption, Optional.empty()));
  }

  private List<Inline> inlines(Element element) {
    List<Inline> runs = new ArrayList<>();
    for (Node child : element.childNodes()) {
      readInlineNode(child, runs, Inline.Style.PLAIN);
    }
    return tidy(runs);
  }

  private void readInline(Element element, List<Inline> runs, Inline.Style style) {
    switch (element.normalName()) {
      case "a" -> {
        String href = element.attr("href");
        String text = element.text();
        if (WebAddress.isSafe(href) && !text.isBlank()) {
          runs.add(new Inline.Link(text, new WebAddress(href)));
        } else {
          addText(runs, text, style);
        }
      }
      case "br" -> addText(runs, " ", style);
      case "img", "iframe" -> {}
      default -> {
        Inline.Style inner =
            switch (element.normalName()) {
              case "em", "i", "cite", "q" -> style.and(Inline.Style.EMPHASIS);
              case "strong", "b" -> style.and(Inline.Style.STRONG);
              default -> style;
            };
        for (Node child : element.childNodes()) {
          readInlineNode(child, runs, inner);
        }
      }
    }
  }

  private void readInlineNode(Node node, List<Inline> runs, Inline.Style style) {
    if (node instanceof TextNode text) {
      addText(runs, text.getWholeText(), style);
    } else if (node instanceof Element element) {
      readInline(element, runs, style);
    }
  }

  private static void addText(List<Inline> runs, String text, Inline.Style style) {
    String collapsed = Teaser.collapseSpaces(text);
    if (collapsed.isEmpty()) {
      return;
    }
    if (!runs.isEmpty() && runs.getLast() instanceof Inline.Text last && last.style() == style) {
      runs.set(runs.size() - 1, new Inline.Text(last.text() + collapsed, style));
    } else {
      runs.add(new Inline.Text(collapsed, style));
    }
  }

  /** Drops the leading and trailing spaces of a block's runs. */
  private static List<Inline> tidy(List<Inline> runs) {
    List<Inline> out = new ArrayList<>(runs);
    if (!out.isEmpty() && out.getFirst() instanceof Inline.Text first) {
      String t = first.text().stripLeading();
      if (t.isEmpty()) {
        out.removeFirst();
      } else {
        out.set(0, new Inline.Text(t, first.style()));
      }
    }
    if (!out.isEmpty() && out.getLast() instanceof Inline.Text last) {
      String t = last.text().stripTrailing();
      if (t.isEmpty()) {
        out.removeLast();
      } else {
        out.set(out.size() - 1, new Inline.Text(t, last.style()));
      }
    }
    return out;
  }

  private static boolean hasText(List<Inline> runs) {
    return runs.stream().anyMatch(r -> !r.text().isBlank());
  }

  private static void flush(List<Inline> loose, List<Block> blocks) {
    List<Inline> runs = tidy(loose);
    if (hasText(runs)) {
      blocks.add(new Block.Paragraph(runs));
    }
    loose.clear();
  }
}
