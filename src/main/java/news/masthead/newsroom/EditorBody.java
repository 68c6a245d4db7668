package news.masthead.newsroom;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.masthead.content.Block;
import news.masthead.content.Body;
import news.masthead.content.Figure;
import news.masthead.content.Inline;
import news.masthead.content.InvalidContent;
import news.masthead.content.Picture;
import news.masthead.content.WebAddress;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An item's body as the desk's editor (ProseMirror, {@code editor.js}) holds it, a document of
 * paragraphs, headings, quotes with their attribution, lists, and images and embeds kept as they
 * came; and the other way. The server reads the editor's document into the content model's blocks,
 * refusing any node, mark or attribute the editor's schema does not have: nothing the browser sends
 * is stored as markup. Stateless.
 */
final class EditorBody {
  /** The most blocks a body may have. */
  static final int MAX_BLOCKS = 2000;

  /** The most characters of text a body may have. */
  static final int MAX_TEXT = 200_000;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private EditorBody() {}

  /**
   * Reads the editor's document.
   *
   * @throws InvalidContent naming the first thing that is not in the editor's schema, or a body
   *     over the limits
   */
  static Body read(JsonNode doc) {
    if (!doc.isObject() || !"doc".equals(doc.path("type").asString(""))) {
      throw new InvalidContent("the body must be the editor's document, of type \"doc\"");
    }
    JsonNode content = doc.path("content");
    if (!content.isArray() && !content.isMissingNode()) {
      throw new InvalidContent("the body's content must be a list of blocks");
    }
    if (content.size() > MAX_BLOCKS) {
      throw new InvalidContent(
          "a body has at most " + MAX_BLOCKS + " blocks, not " + content.size());
    }
    List<Block> blocks = new ArrayList<>();
    int[] length = {0};
    for (JsonNode node : content) {
      Optional<Block> block = block(node, length);
      block.ifPresent(blocks::add);
    }
    if (length[0] > MAX_TEXT) {
      throw new InvalidContent(
          "a body has at most " + MAX_TEXT + " characters of text, not " + length[0]);
    }
    return new Body(blocks);
  }

  /**
   * Reads text typed without the editor: paragraphs separated by blank lines. A paragraph whose
   * text is a block of {@code current} unchanged stays that block, with its formatting, links and
   * kind.
   *
   * @throws InvalidContent when it is over the limit
   */
  static Body fromText(String text, Body current) {
    if (text.length() > MAX_TEXT) {
      throw new InvalidContent(
          "a body has at most " + MAX_TEXT + " characters of text, not " + text.length());
    }
    Map<String, Deque<Block>> unchanged = new HashMap<>();
    for (Block block : current.blocks()) {
      unchanged
          .computeIfAbsent(paragraphs(block.plainText()).plainText(), k -> new ArrayDeque<>())
          .add(block);
    }
    List<Block> blocks = new ArrayList<>();
    for (Block typed : paragraphs(text).blocks()) {
      Deque<Block> same = unchanged.get(typed.plainText());
      blocks.add(same == null || same.isEmpty() ? typed : same.poll());
    }
    return new Body(blocks);
  }

  /** The text's paragraphs whatever its length: for showing a refused body back to its writer. */
  static Body paragraphs(String text) {
    List<Block> blocks = new ArrayList<>();
    for (String paragraph : text.replace("\r\n", "\n").split("\n\\s*\n")) {
      String p = paragraph.strip().replaceAll("\\s*\n\\s*", " ");
      if (!p.isEmpty()) {
        blocks.add(new Block.Paragraph(List.of(Inline.Text.plain(p))));
      }
    }
    return new Body(blocks);
  }

  /** The body as the editor's document, for it to open. */
  static ObjectNode write(Body body) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("type", "doc");
    ArrayNode content = doc.putArray("content");
    for (Block block : body.blocks()) {
      switch (block) {
        case Block.Paragraph p -> inline(content.addObject().put("type", "paragraph"), p.text());
        case Block.Heading h -> {
          ObjectNode node = content.addObject().put("type", "heading");
          node.putObject("attrs").put("level", h.level());
          inline(node, h.text());
        }
        case Block.Quote q -> {
          ObjectNode node = content.addObject().put("type", "quote");
          node.putObject("attrs").put("attribution", q.attribution().orElse(""));
          inline(node, q.text());
        }
        case Block.ListBlock l -> {
          ObjectNode list =
              content.addObject().put("type", l.ordered() ? "ordered_list" : "bullet_list");
          ArrayNode items = list.putArray("content");
          for (List<Inline> entry : l.entries()) {
            ObjectNode paragraph = JSON.createObjectNode().put("type", "paragraph");
            inline(paragraph, entry);
            items.addObject().put("type", "list_item").putArray("content").add(paragraph);
          }
        }
        case Block.Image i -> {
          ObjectNode attrs = content.addObject().put("type", "image").putObject("attrs");
          attrs.put("src", i.source().value());
          attrs.put("alt", i.alt());
          attrs.put("caption", i.caption().orElse(""));
          attrs.put("credit", i.credit().orElse(""));
        }
        case Block.LibraryPicture p -> {
          ObjectNode attrs = content.addObject().put("type", "picture").putObject("attrs");
          attrs.put("picture", p.figure().picture());
          attrs.put("alt", p.figure().alt());
          attrs.put("caption", p.figure().caption());
        }
        case Block.Embed e -> {
          ObjectNode attrs = content.addObject().put("type", "embed").putObject("attrs");
          attrs.put("href", e.address().value());
          attrs.put("title", e.title());
        }
      }
    }
    return doc;
  }

  private static void inline(ObjectNode node, List<Inline> runs) {
    if (runs.isEmpty()) {
      return;
    }
    ArrayNode content = node.putArray("content");
    for (Inline run : runs) {
      if (run.text().isEmpty()) {
        continue;
      }
      ObjectNode text = content.addObject().put("type", "text").put("text", run.text());
      switch (run) {
        case Inline.Text t -> {
          if (t.style() != Inline.Style.PLAIN) {
            ArrayNode marks = text.putArray("marks");
            if (t.style().isStrong()) {
              marks.addObject().put("type", "strong");
            }
            if (t.style().isEmphasis()) {
              marks.addObject().put("type", "em");
            }
          }
        }
        case Inline.Link l ->
            text.putArray("marks")
                .addObject()
                .put("type", "link")
                .putObject("attrs")
                .put("href", l.href().value());
      }
    }
  }

  private static Optional<Block> block(JsonNode node, int[] length) {
    String type = node.path("type").asString("");
    JsonNode attrs = node.path("attrs");
    return switch (type) {
      case "paragraph" -> {
        List<Inline> runs = runs(node, length);
        yield runs.isEmpty() ? Optional.empty() : Optional.of(new Block.Paragraph(runs));
      }
      case "heading" -> {
        int level = attrs.path("level").asInt(0);
        List<Inline> runs = runs(node, length);
        yield runs.isEmpty() ? Optional.empty() : Optional.of(new Block.Heading(level, runs));
      }
      case "quote" -> {
        List<Inline> runs = runs(node, length);
        String attribution = text(attrs.path("attribution"), "a quote's attribution", 300);
        yield runs.isEmpty()
            ? Optional.empty()
            : Optional.of(
                new Block.Quote(
                    runs,
                    attribution.isBlank() ? Optional.empty() : Optional.of(attribution.strip())));
      }
      case "bullet_list", "ordered_list" -> {
        List<List<Inline>> entries = new ArrayList<>();
        for (JsonNode item : node.path("content")) {
          if (!"list_item".equals(item.path("type").asString(""))) {
            throw new InvalidContent("a list holds list items, not \"" + name(item) + "\"");
          }
          List<Inline> entry = new ArrayList<>();
          for (JsonNode paragraph : item.path("content")) {
            if (!"paragraph".equals(paragraph.path("type").asString(""))) {
              throw new InvalidContent(
                  "a list item holds a paragraph, not \"" + name(paragraph) + "\"");
            }
            entry.addAll(runs(paragraph, length));
          }
          if (!entry.isEmpty()) {
            entries.add(entry);
          }
        }
        yield entries.isEmpty()
            ? Optional.empty()
            : Optional.of(new Block.ListBlock(type.equals("ordered_list"), entries));
      }
      case "image" -> {
        String src = text(attrs.path("src"), "an image's address", 2000);
        if (!WebAddress.isSafe(src)) {
          throw new InvalidContent("an image's address must be an http or https address");
        }
        String caption = text(attrs.path("caption"), "a caption", 1000);
        String credit = text(attrs.path("credit"), "a credit", 300);
        yield Optional.of(
            new Block.Image(
                new WebAddress(src),
                text(attrs.path("alt"), "an image's text alternative", 1000),
                caption.isBlank() ? Optional.empty() : Optional.of(caption),
                credit.isBlank() ? Optional.empty() : Optional.of(credit)));
      }
      case "picture" -> {
        long picture = attrs.path("picture").asLong(0);
        if (picture <= 0) {
          throw new InvalidContent("a picture in the body names a picture of the media library");
        }
        yield Optional.of(
            new Block.LibraryPicture(
                new Figure(
                    picture,
                    text(attrs.path("alt"), "a picture's text alternative", Picture.MAX_ALT),
                    text(attrs.path("caption"), "a picture's caption", Picture.MAX_CAPTION))));
      }
      case "embed" -> {
        String href = text(attrs.path("href"), "an embed's address", 2000);
        if (!WebAddress.isSafe(href)) {
          throw new InvalidContent("an embed's address must be an http or https address");
        }
        yield Optional.of(
            new Block.Embed(new WebAddress(href), text(attrs.path("title"), "a title", 300)));
      }
      default ->
          throw new InvalidContent(
              "the body holds a block the editor does not make: \"" + name(node) + "\"");
    };
  }

  private static List<Inline> runs(JsonNode node, int[] length) {
    List<Inline> runs = new ArrayList<>();
    for (JsonNode child : node.path("content")) {
      if (!"text".equals(child.path("type").asString(""))) {
        throw new InvalidContent("a block holds text, not \"" + name(child) + "\"");
      }
      String text = child.path("text").asString("");
      if (text.isEmpty()) {
        continue;
      }
      length[0] += text.length();
      if (length[0] > MAX_TEXT) {
        throw new InvalidContent("a body has at most " + MAX_TEXT + " characters of text");
      }
      Inline.Style style = Inline.Style.PLAIN;
      Optional<WebAddress> link = Optional.empty();
      for (JsonNode mark : child.path("marks")) {
        switch (mark.path("type").asString("")) {
          case "strong" -> style = style.and(Inline.Style.STRONG);
          case "em" -> style = style.and(Inline.Style.EMPHASIS);
          case "link" -> {
            String href = text(mark.path("attrs").path("href"), "a link's address", 2000);
            if (!WebAddress.isSafe(href)) {
              throw new InvalidContent(
                  "a link must go to an http, https or mailto address, not \""
                      + abbreviate(href)
                      + "\"");
            }
            link = Optional.of(new WebAddress(href));
          }
          default ->
              throw new InvalidContent(
                  "text is set in a way the editor does not make: \"" + name(mark) + "\"");
        }
      }
      Inline run =
          link.isPresent() ? new Inline.Link(text, link.get()) : new Inline.Text(text, style);
      // Neighbouring runs set alike are one run.
      if (!runs.isEmpty() && sameSetting(runs.getLast(), run)) {
        Inline last = runs.removeLast();
        run =
            run instanceof Inline.Link l
                ? new Inline.Link(last.text() + l.text(), l.href())
                : new Inline.Text(last.text() + run.text(), style);
      }
      runs.add(run);
    }
    return runs;
  }

  private static boolean sameSetting(Inline a, Inline b) {
    return switch (a) {
      case Inline.Text t -> b instanceof Inline.Text u && t.style() == u.style();
      case Inline.Link l -> b instanceof Inline.Link m && l.href().equals(m.href());
    };
  }

  private static String text(JsonNode value, String what, int max) {
    if (value.isMissingNode() || value.isNull()) {
      return "";
    }
    if (!value.isString()) {
      throw new InvalidContent(what + " must be text");
    }
    String text = value.asString();
    if (text.length() > max) {
      throw new InvalidContent(what + " is at most " + max + " characters");
    }
    return text;
  }

  private static String name(JsonNode node) {
    return abbreviate(node.path("type").asString("?"));
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
