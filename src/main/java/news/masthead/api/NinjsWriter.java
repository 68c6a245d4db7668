package news.masthead.api;

import java.util.List;
import java.util.Map;
import news.masthead.content.Art;
import news.masthead.content.Block;
import news.masthead.content.Copy;
import news.masthead.content.Correction;
import news.masthead.content.Genre;
import news.masthead.content.Illustration;
import news.masthead.content.Inline;
import news.masthead.content.Item;
import news.masthead.content.Source;
import news.masthead.content.Status;
import news.masthead.content.Subject;
import news.masthead.content.SubjectKind;
import news.masthead.content.Translation;
import news.masthead.media.Darkroom;
import news.masthead.media.Renditions;
import news.masthead.media.Shape;
import news.masthead.web.PublicLinks;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an item as IPTC ninjs 3, the inverse of the import mapping: importing what this writes
 * gives back the same item. The body is HTML built with jsoup (so every text is escaped) in the
 * shapes the importer reads: paragraphs, headings, blockquotes with a {@code cite}, lists, figures
 * and iframes. Thread-safe.
 */
final class NinjsWriter {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private NinjsWriter() {}

  /** The ninjs of an item; {@code art} has the library pictures it shows (others are left out). */
  static ObjectNode write(Item item, PublicLinks links, Map<Long, Art> art) {
    Copy copy = item.copy();
    ObjectNode ninjs = JSON.createObjectNode();
    ninjs.put("uri", item.uri());
    ninjs.put("type", "text");
    ninjs.put("profile", copy.profile().code());
    ninjs.put("language", copy.language().code());
    ninjs.put("version", Integer.toString(item.revision()));
    ninjs.put(
        "pubStatus",
        switch (item.status()) {
          case Status.Published p -> "usable";
          case Status.Retracted r -> "canceled";
          case Status.Withheld w -> "withheld";
          case Status.Draft d -> "withheld";
          case Status.Submitted s -> "withheld";
          case Status.Scheduled s -> "withheld";
        });
    if (item.status() instanceof Status.Retracted retracted && !retracted.notice().isEmpty()) {
      ninjs.put("edNote", retracted.notice());
    }
    item.firstPublished().ifPresent(p -> ninjs.put("firstCreated", p.toString()));
    ninjs.put("versionCreated", item.updated().toString());
    ninjs.putArray("headlines").addObject().put("value", copy.headline());
    ArrayNode descriptions = JSON.createArrayNode();
    if (!copy.standfirst().isEmpty()) {
      descriptions.addObject().put("role", "summary").put("value", copy.standfirst());
    }
    for (Correction correction : copy.corrections()) {
      descriptions.addObject().put("role", "correction").put("value", correction.text());
    }
    if (!descriptions.isEmpty()) {
      ninjs.set("descriptions", descriptions);
    }
    ninjs
        .putArray("bodies")
        .addObject()
        .put("role", "main")
        .put("contentType", "text/html")
        .put("value", bodyHtml(copy, art, links));
    if (!copy.byline().text().isEmpty()) {
      ninjs.put("by", copy.byline().text());
    }
    if (!copy.dateline().isEmpty()) {
      ninjs.put("located", copy.dateline());
    }
    ArrayNode subjects = ninjs.putArray("subjects");
    subjects
        .addObject()
        .put("name", copy.section().name())
        .put("rel", "section")
        .put("literal", copy.section().slug().value());
    for (Subject tag : copy.subjects(SubjectKind.TAG)) {
      subjects.addObject().put("name", tag.name());
    }
    named(ninjs, "people", copy.subjects(SubjectKind.PERSON));
    named(ninjs, "organisations", copy.subjects(SubjectKind.ORGANISATION));
    named(ninjs, "places", copy.subjects(SubjectKind.PLACE));
    if (!copy.sources().isEmpty()) {
      ArrayNode sources = ninjs.putArray("infoSources");
      for (Source source : copy.sources()) {
        sources
            .addObject()
            .put("name", source.name())
            .put("role", kindWord(source.kind()) + " " + roleWord(source.role()));
      }
    }
    if (!copy.genres().isEmpty()) {
      ArrayNode genres = ninjs.putArray("genres");
      for (Genre genre : copy.genres()) {
        genres.addObject().put("name", genre.label());
      }
    }
    ArrayNode associations = JSON.createArrayNode();
    copy.lead()
        .filter(f -> art.containsKey(f.picture()))
        .ifPresent(
            f ->
                associations.add(
                    picture(Illustration.of(f, art.get(f.picture())), "featureimage", links)));
    if (!copy.translations().isEmpty()) {
      for (Translation translation : copy.translations()) {
        associations
            .addObject()
            .put("name", "translation")
            .put("rel", "translation")
            .put("uri", translation.uri())
            .put("language", translation.language().code());
      }
    }
    if (!associations.isEmpty()) {
      ninjs.set("associations", associations);
    }
    ninjs.putArray("altIds").addObject().put("role", "url").put("value", links.url(item));
    return ninjs;
  }

  /**
   * A library picture as a ninjs association: its caption, text alternative and credit, and a
   * rendition in each shape pages use, each with its address, type and size.
   */
  static ObjectNode picture(Illustration shown, String name, PublicLinks links) {
    Art art = shown.art();
    ObjectNode picture = JSON.createObjectNode();
    picture.put("name", name);
    picture.put("uri", "urn:masthead:picture:" + art.publicKey());
    picture.put("type", "picture");
    picture.put("version", Integer.toString(art.version()));
    if (!shown.caption().isEmpty()) {
      picture.putArray("headlines").addObject().put("value", shown.caption());
    }
    if (!shown.alt().isEmpty()) {
      picture.putArray("descriptions").addObject().put("role", "alt").put("value", shown.alt());
    }
    if (!art.credit().isEmpty()) {
      picture.put("copyrightHolder", art.credit());
      picture.put("by", art.credit());
    }
    ArrayNode renditions = picture.putArray("renditions");
    for (Shape shape : List.of(Shape.FULL, Shape.WIDE, Shape.CLASSIC, Shape.SQUARE, Shape.SOCIAL)) {
      int width = Renditions.nearest(art, shape, 1200);
      renditions
          .addObject()
          .put("name", shape.word())
          .put("href", links.url(Renditions.path(art, shape, width, Darkroom.Format.JPEG)))
          .put("contentType", Darkroom.Format.JPEG.mediaType())
          .put("width", Renditions.widthAt(art, shape, width))
          .put("height", Renditions.heightAt(art, shape, width));
    }
    return picture;
  }

  private static void named(ObjectNode ninjs, String field, List<Subject> subjects) {
    if (!subjects.isEmpty()) {
      ArrayNode array = ninjs.putArray(field);
      subjects.forEach(s -> array.addObject().put("name", s.name()));
    }
  }

  private static String kindWord(Source.Kind kind) {
    return switch (kind) {
      case WIRE -> "wire";
      case NEWS_ORGANISATION -> "news_organisation";
      case OFFICIAL -> "official";
      case SPOKESPERSON -> "spokesperson";
      case DOCUMENT -> "document";
      case UNNAMED -> "unnamed";
      case OTHER -> "other";
    };
  }

  private static String roleWord(Source.Role role) {
    return switch (role) {
      case REPORTED -> "reported";
      case CONFIRMED -> "confirmed";
      case DENIED -> "denied";
      case DECLINED_TO_COMMENT -> "declined_to_comment";
      case YET_TO_RESPOND -> "yet_to_respond";
    };
  }

  /**
   * The body as HTML; a library picture is a figure with its 1200-pixel rendition, or is left out
   * when {@code art} does not have it.
   */
  static String bodyHtml(Copy copy, Map<Long, Art> art, PublicLinks links) {
    Document document = Document.createShell("");
    document.outputSettings().prettyPrint(false);
    Element root = document.body();
    for (Block block : copy.body().blocks()) {
      switch (block) {
        case Block.Paragraph p -> inlines(root.appendElement("p"), p.text());
        case Block.Heading h -> inlines(root.appendElement("h" + h.level()), h.text());
        case Block.Quote q -> {
          Element quote = root.appendElement("blockquote");
          inlines(quote.appendElement("p"), q.text());
          q.attribution().ifPresent(a -> quote.appendElement("cite").text(a));
        }
        case Block.ListBlock l -> {
          Element list = root.appendElement(l.ordered() ? "ol" : "ul");
          l.entries().forEach(entry -> inlines(list.appendElement("li"), entry));
        }
        case Block.Image i -> {
          Element figure = root.appendElement("figure");
          figure.appendElement("img").attr("src", i.source().value()).attr("alt", i.alt());
          i.caption().ifPresent(c -> figure.appendElement("figcaption").text(c));
        }
        case Block.LibraryPicture p -> {
          Art found = art.get(p.figure().picture());
          if (found != null) {
            int width = Renditions.nearest(found, Shape.FULL, 1200);
            Element figure = root.appendElement("figure");
            figure
                .appendElement("img")
                .attr(
                    "src",
                    links.url(Renditions.path(found, Shape.FULL, width, Darkroom.Format.JPEG)))
                .attr("alt", p.figure().alt())
                .attr("width", Integer.toString(Renditions.widthAt(found, Shape.FULL, width)))
                .attr("height", Integer.toString(Renditions.heightAt(found, Shape.FULL, width)));
            if (!found.credit().isEmpty()) {
              figure.selectFirst("img").attr("data-credit", found.credit());
            }
            if (!p.figure().caption().isEmpty()) {
              figure.appendElement("figcaption").text(p.figure().caption());
            }
          }
        }
        case Block.Embed e ->
            root.appendElement("iframe").attr("src", e.address().value()).attr("title", e.title());
      }
    }
    return root.html();
  }

  private static void inlines(Element parent, List<Inline> runs) {
    for (Inline run : runs) {
      switch (run) {
        case Inline.Link link ->
            parent.appendElement("a").attr("href", link.href().value()).text(link.text());
        case Inline.Text text -> {
          switch (text.style()) {
            case PLAIN -> parent.appendText(text.text());
            case EMPHASIS -> parent.appendElement("em").text(text.text());
            case STRONG -> parent.appendElement("strong").text(text.text());
            case STRONG_EMPHASIS ->
                parent.appendElement("strong").appendElement("em").text(text.text());
          }
        }
      }
    }
  }
}
