package news.masthead.api;

import java.util.List;
import java.util.Map;
import news.masthead.content.Art;
import news.masthead.content.Copy;
import news.masthead.content.Illustration;
import news.masthead.content.Item;
import news.masthead.content.ItemSummary;
import news.masthead.content.Language;
import news.masthead.content.Section;
import news.masthead.content.Subject;
import news.masthead.content.SubjectKind;
import news.masthead.web.PublicLinks;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The API's own JSON shapes, as {@code /api/openapi.json} describes them. Thread-safe. */
final class ApiJson {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private ApiJson() {}

  static ObjectNode summary(ItemSummary item, PublicLinks links) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", item.id().value());
    node.put("url", links.url(item));
    node.put("profile", item.profile().code());
    node.put("language", item.language().code());
    node.set("section", section(item.section(), links));
    node.put("headline", item.headline());
    node.put("standfirst", item.standfirst());
    node.put("teaser", item.teaser().text());
    node.put("byline", item.byline());
    node.put("genre", item.genre().name().toLowerCase(java.util.Locale.ROOT));
    item.firstPublished().ifPresent(p -> node.put("firstPublished", p.toString()));
    node.put("updated", item.updated().toString());
    return node;
  }

  static ObjectNode item(Item item, PublicLinks links, Map<Long, Art> art) {
    Copy copy = item.copy();
    ObjectNode node = JSON.createObjectNode();
    node.put("id", item.id().value());
    node.put("uri", item.uri());
    node.put("url", links.url(item));
    node.put("revision", item.revision());
    node.put("profile", copy.profile().code());
    node.put("language", copy.language().code());
    node.set("section", section(copy.section(), links));
    node.put("headline", copy.headline());
    node.put("standfirst", copy.standfirst());
    node.put("byline", copy.byline().text());
    ArrayNode credits = node.putArray("credits");
    copy.byline()
        .credits()
        .forEach(c -> credits.addObject().put("name", c.name()).put("role", c.role().code()));
    node.put("dateline", copy.dateline());
    item.firstPublished().ifPresent(p -> node.put("firstPublished", p.toString()));
    node.put("updated", item.updated().toString());
    ArrayNode genres = node.putArray("genres");
    copy.genres().forEach(g -> genres.add(g.name().toLowerCase(java.util.Locale.ROOT)));
    node.set("authors", subjects(copy.authors(), copy.language(), links));
    node.set("tags", subjects(copy.subjects(SubjectKind.TAG), copy.language(), links));
    node.set("people", subjects(copy.subjects(SubjectKind.PERSON), copy.language(), links));
    node.set(
        "organisations", subjects(copy.subjects(SubjectKind.ORGANISATION), copy.language(), links));
    node.set("places", subjects(copy.subjects(SubjectKind.PLACE), copy.language(), links));
    ArrayNode sources = node.putArray("sources");
    copy.sources()
        .forEach(
            s ->
                sources
                    .addObject()
                    .put("name", s.name())
                    .put("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .put("role", s.role().name().toLowerCase(java.util.Locale.ROOT)));
    ArrayNode corrections = node.putArray("corrections");
    copy.corrections()
        .forEach(c -> corrections.addObject().put("at", c.at().toString()).put("text", c.text()));
    ArrayNode translations = node.putArray("translations");
    copy.translations()
        .forEach(
            t -> translations.addObject().put("uri", t.uri()).put("language", t.language().code()));
    copy.lead()
        .filter(f -> art.containsKey(f.picture()))
        .ifPresent(
            f ->
                node.set(
                    "lead",
                    NinjsWriter.picture(Illustration.of(f, art.get(f.picture())), "lead", links)));
    node.put("bodyHtml", NinjsWriter.bodyHtml(copy, art, links));
    node.put("bodyText", copy.body().plainText());
    return node;
  }

  static ObjectNode section(Section section, PublicLinks links) {
    return JSON.createObjectNode()
        .put("slug", section.slug().value())
        .put("name", section.name())
        .put("language", section.language().code())
        .put("url", links.url(section));
  }

  static ArrayNode subjects(List<Subject> subjects, Language language, PublicLinks links) {
    ArrayNode array = JSON.createArrayNode();
    for (Subject subject : subjects) {
      array.add(subject(subject, language, links));
    }
    return array;
  }

  static ObjectNode subject(Subject subject, Language language, PublicLinks links) {
    return JSON.createObjectNode()
        .put("kind", subject.kind().pathWord())
        .put("slug", subject.slug().value())
        .put("name", subject.name())
        .put("url", links.url(subject, language));
  }

  /** {@code {"error": {"status": 404, "message": "…"}}}. */
  static byte[] error(int status, String message) {
    ObjectNode root = JSON.createObjectNode();
    root.putObject("error").put("status", status).put("message", message);
    return JSON.writeValueAsBytes(root);
  }
}
