package news.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.masthead.content.EditionPaths;
import news.masthead.content.Language;
import news.masthead.content.SavedRevision;
import news.masthead.testing.Copies;
import news.masthead.testing.RunningSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON-LD, link previews, hreflang and the Trust Project policy pages. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StructuredDataTest {
  private static final EditionPaths PATHS =
      EditionPaths.standard(List.of(Language.ENGLISH, Language.PERSIAN));

  RunningSite site;
  Path data;

  @BeforeAll
  void start(@TempDir Path data) throws Exception {
    this.data = data;
    Files.createDirectories(data.resolve("policies"));
    Files.writeString(
        data.resolve("policies/ownership.txt"),
        "Who owns us\n\nThe Example Media Trust owns this outlet.\n\nIt takes no money from governments.");
    site = RunningSite.withDemo(data);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  JsonNode jsonLd(String html) {
    Matcher m =
        Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
            .matcher(html);
    assertThat(m.find()).as("a JSON-LD block").isTrue();
    return JsonMapper.builder().build().readTree(m.group(1));
  }

  String pathOf(String uri) {
    return PATHS.of(site.masthead().items().findByUri(uri).orElseThrow());
  }

  @Test
  void a_story_page_describes_itself_as_a_news_article_with_its_sources_and_corrections() {
    JsonNode article = jsonLd(site.get(pathOf("urn:masthead-demo:iraq-basra-power")).body());

    assertThat(article.get("@context").asString()).isEqualTo("https://schema.org");
    assertThat(article.get("@type").asString()).isEqualTo("NewsArticle");
    assertThat(article.get("headline").asString()).startsWith("Basra power cuts ease");
    assertThat(article.get("datePublished").asString()).isEqualTo("2026-11-23T12:30:00Z");
    assertThat(article.get("dateModified").asString()).isNotEmpty();
    assertThat(article.get("dateline").asString()).isEqualTo("BASRA");
    assertThat(article.get("articleSection").asString()).isEqualTo("Iraq");
    assertThat(article.get("inLanguage").asString()).isEqualTo("en");
    assertThat(article.get("author").get(0).get("name").asString()).isEqualTo("Karim al-Jaberi");
    assertThat(article.get("citation")).hasSize(3);
    assertThat(article.get("citation").get(0).get("name").asString())
        .isEqualTo("Tigris News Agency");
    assertThat(article.get("correction").get(0).get("@type").asString())
        .isEqualTo("CorrectionComment");
    JsonNode publisher = article.get("publisher");
    assertThat(publisher.get("@type").asString()).isEqualTo("NewsMediaOrganization");
    assertThat(publisher.get("correctionsPolicy").asString())
        .isEqualTo("http://localhost:8080/about/corrections");
    assertThat(publisher.get("unnamedSourcesPolicy").asString())
        .isEqualTo("http://localhost:8080/about/unnamed-sources");
    assertThat(publisher.get("ethicsPolicy").asString())
        .isEqualTo("http://localhost:8080/about/ethics");
  }

  @Test
  void the_type_of_work_picks_the_schema_org_type() {
    assertThat(
            jsonLd(site.get(pathOf("urn:masthead-demo:iran-analysis-subsidies")).body())
                .get("@type")
                .asString())
        .isEqualTo("AnalysisNewsArticle");
    assertThat(
            jsonLd(site.get(pathOf("urn:masthead-demo:iraq-opinion-marshes")).body())
                .get("@type")
                .asString())
        .isEqualTo("OpinionNewsArticle");
  }

  @Test
  void a_brief_without_a_byline_names_the_outlet_as_its_author() {
    var brief = Copies.brief("Unsigned brief for JSON-LD", "Iran", "The border post reopened.");
    SavedRevision saved =
        site.masthead()
            .publishing()
            .save(
                Copies.published(
                    "urn:test:unsigned-ld", Copies.withoutByline(brief), "2026-11-24T09:00:00Z"));
    JsonNode author =
        jsonLd(site.get(PATHS.of(site.masthead().items().find(saved.id()).orElseThrow())).body())
            .get("author");

    assertThat(author.size()).isEqualTo(1);
    assertThat(
            jsonLd(
                    site.get(PATHS.of(site.masthead().items().find(saved.id()).orElseThrow()))
                        .body())
                .at("/publisher/logo/url")
                .asString())
        .isEqualTo("http://localhost:8080/icons/icon-512.png");
    assertThat(author.get(0).get("@type").asString()).isEqualTo("Organization");
    assertThat(author.get(0).get("name").asString()).isEqualTo("Masthead");
  }

  @Test
  void section_and_front_pages_have_a_meta_description() {
    assertThat(site.get("/").body())
        .contains("<meta name=\"description\" content=\"Masthead: the latest news");
    assertThat(site.get("/iran").body())
        .contains("<meta name=\"description\" content=\"The latest stories and briefs from Iran");
    assertThat(site.get("/fa/").body()).contains("<meta name=\"description\" content=\"");
  }

  @Test
  void a_headline_that_tries_to_close_the_script_stays_inside_the_json() {
    SavedRevision saved =
        site.masthead()
            .publishing()
            .save(
                Copies.published(
                    "urn:test:script",
                    Copies.story("</script><script>alert(1)</script> & more", "Iran"),
                    "2026-11-24T08:00:00Z"));
    String html = site.get(PATHS.of(site.masthead().items().find(saved.id()).orElseThrow())).body();

    assertThat(html).doesNotContain("</script><script>alert(1)");
    assertThat(jsonLd(html).get("headline").asString())
        .isEqualTo("</script><script>alert(1)</script> & more");
  }

  @Test
  void story_pages_carry_opengraph_and_twitter_tags_and_hreflang_to_their_translation() {
    String html = site.get(pathOf("urn:masthead-demo:iran-water-rationing")).body();

    assertThat(html)
        .contains("<meta property=\"og:type\" content=\"article\">")
        .contains("<meta property=\"og:title\" content=\"Tehran suburbs face nightly water cuts")
        .contains("<meta property=\"article:published_time\" content=\"2026-11-23T07:40:00Z\">")
        .contains("<meta property=\"article:section\" content=\"Iran\">")
        .contains("<meta name=\"twitter:card\" content=\"summary\">")
        .contains("<link rel=\"alternate\" hreflang=\"fa\" href=\"http://localhost:8080/fa/iran/")
        .contains("<link rel=\"alternate\" hreflang=\"en\" href=\"http://localhost:8080/iran/");
  }

  @Test
  void the_policy_pages_are_linked_from_every_page_and_an_outlet_can_write_its_own() {
    String front = site.get("/").body();
    String ownership = site.get("/about/ownership").body();

    assertThat(front)
        .contains("<a href=\"/about/corrections\">Corrections</a>")
        .contains("<a href=\"/about/unnamed-sources\">Unnamed sources</a>");
    assertThat(site.get("/about/corrections").body()).contains("<h1>Corrections policy</h1>");
    assertThat(ownership)
        .contains("<h1>Who owns us</h1>")
        .contains("<p>The Example Media Trust owns this outlet.</p>");
    assertThat(site.get("/fa/about/ethics").body()).contains("dir=\"rtl\"");
    assertThat(site.get("/about/secrets").statusCode()).isEqualTo(404);
  }
}
