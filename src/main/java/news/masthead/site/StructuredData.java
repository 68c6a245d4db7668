package news.masthead.site;

import java.util.List;
import java.util.Optional;
import news.masthead.content.Block;
import news.masthead.content.Copy;
import news.masthead.content.Correction;
import news.masthead.content.Credit;
import news.masthead.content.Genre;
import news.masthead.content.Item;
import news.masthead.content.Language;
import news.masthead.content.Source;
import news.masthead.content.Subject;
import news.masthead.content.SubjectKind;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * schema.org JSON-LD for an item page: a NewsArticle (or ReportageNewsArticle, AnalysisNewsArticle,
 * OpinionNewsArticle by type of work) with its headline, dates, authors, publisher and its
 * policies, dateline, section, language, a citation for each source and each correction. The JSON
 * is safe inside {@code <script type="application/ld+json">}: no {@code <}, {@code >} or {@code &}
 * is left unescaped. Thread-safe.
 */
final class StructuredData {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private StructuredData() {}

  /**
   * The article's JSON-LD; {@code images} are absolute addresses of its picture (in 16:9, 4:3 and
   * 1:1 when it has a library picture), none when it has no picture.
   */
  static String of(Item item, Outlet outlet, List<String> images) {
    Copy copy = item.copy();
    String url = outlet.baseUrl() + outlet.paths().of(item);
    ObjectNode article = JSON.createObjectNode();
    article.put("@context", "https://schema.org");
    article.put("@type", typeOf(copy.genre()));
    article.put("@id", url);
    article.put("url", url);
    article.put("mainEntityOfPage", url);
    article.put("headline", copy.headline());
    if (!copy.standfirst().isEmpty()) {
      article.put("description", copy.standfirst());
    }
    item.firstPublished().ifPresent(p -> article.put("datePublished", p.toString()));
    article.put("dateModified", item.updated().toString());
    article.put("inLanguage", copy.language().code());
    article.put("articleSection", copy.section().name());
    if (!copy.dateline().isEmpty()) {
      article.put("dateline", copy.dateline());
    }
    article.put("isAccessibleForFree", true);
    article.put("wordCount", copy.body().wordCount());
    if (!images.isEmpty()) {
      ArrayNode pictures = article.putArray("image");
      images.forEach(pictures::add);
    }
    ArrayNode authors = article.putArray("author");
    for (Subject author : copy.byline().authors()) {
      authors
          .addObject()
          .put("@type", "Person")
          .put("name", author.name())
          .put("url", outlet.baseUrl() + outlet.paths().of(author, copy.language()));
    }
    if (copy.byline().authors().isEmpty()) { // a desk's byline, or none: the outlet
      authors
          .addObject()
          .put("@type", "Organization")
          .put(
              "name",
              copy.byline().text().isEmpty()
                  ? outlet.nameIn(copy.language())
                  : copy.byline().text())
          .put("url", outlet.baseUrl() + outlet.paths().home(copy.language()));
    }
    contributors(article, "translator", copy, Credit.Role.TRANSLATION);
    contributors(article, "editor", copy, Credit.Role.EDITING);
    contributors(article, "contributor", copy, Credit.Role.ADDITIONAL_REPORTING);
    contributors(article, "contributor", copy, Credit.Role.PHOTOGRAPHY);
    ObjectNode publisher = article.putObject("publisher");
    publisher.put("@type", "NewsMediaOrganization");
    publisher.put("name", outlet.nameIn(copy.language()));
    publisher
        .putObject("logo")
        .put("@type", "ImageObject")
        .put("url", outlet.baseUrl() + "/icons/icon-512.png")
        .put("width", 512)
        .put("height", 512);
    Language main = outlet.defaultLanguage();
    publisher.put("url", outlet.baseUrl() + outlet.paths().home(main));
    publisher.put(
        "publishingPrinciples", outlet.baseUrl() + outlet.paths().page(main, Policy.ETHICS.path()));
    for (Policy policy : Policy.values()) {
      publisher.put(
          policy.schemaProperty(), outlet.baseUrl() + outlet.paths().page(main, policy.path()));
    }
    ArrayNode citations = article.putArray("citation");
    for (Source source : copy.sources()) {
      citations
          .addObject()
          .put("@type", "CreativeWork")
          .put("name", source.name())
          .put("description", source.kind().label() + ", " + source.role().label());
    }
    ArrayNode keywords = article.putArray("keywords");
    copy.subjects(SubjectKind.TAG).forEach(tag -> keywords.add(tag.name()));
    if (!copy.corrections().isEmpty()) {
      ArrayNode corrections = article.putArray("correction");
      for (Correction correction : copy.corrections()) {
        corrections
            .addObject()
            .put("@type", "CorrectionComment")
            .put("text", correction.text())
            .put("datePublished", correction.at().toString());
      }
    }
    return safeForScript(JSON.writeValueAsString(article));
  }

  /** The first image of the body, as an absolute address, for cards and structured data. */
  /** Adds the people credited with {@code role} to the article's {@code property} array. */
  private static void contributors(
      ObjectNode article, String property, Copy copy, Credit.Role role) {
    for (Credit credit : copy.byline().of(role)) {
      ArrayNode people =
          article.has(property) ? (ArrayNode) article.get(property) : article.putArray(property);
      ObjectNode person = people.addObject();
      person.put("@type", credit.isPerson() ? "Person" : "Organization").put("name", credit.name());
    }
  }

  static Optional<String> imageOf(Item item, Outlet outlet) {
    for (Block block : item.copy().body().blocks()) {
      if (block instanceof Block.Image image) {
        String src = image.source().value();
        return Optional.of(src.startsWith("/") ? outlet.baseUrl() + src : src);
      }
    }
    return Optional.empty();
  }

  static String typeOf(Genre genre) {
    return switch (genre) {
      case ANALYSIS, EXPLAINER -> "AnalysisNewsArticle";
      case OPINION -> "OpinionNewsArticle";
      case REPORTAGE, INTERVIEW -> "ReportageNewsArticle";
      case NEWS -> "NewsArticle";
    };
  }

  /** JSON's own escapes for the characters that could end or confuse a script element. */
  static String safeForScript(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }
}
