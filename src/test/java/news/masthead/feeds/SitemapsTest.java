package news.masthead.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import news.masthead.content.EditionPaths;
import news.masthead.content.Item;
import news.masthead.content.Language;
import news.masthead.content.Status;
import news.masthead.testing.RunningSite;
import news.masthead.testing.TestTools;
import news.masthead.workflow.Submission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SitemapsTest {
  private static final EditionPaths PATHS =
      EditionPaths.standard(List.of(Language.ENGLISH, Language.PERSIAN));

  RunningSite site;

  @BeforeAll
  void start(@TempDir Path data) {
    site = RunningSite.withDemo(data);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  @Test
  void robots_txt_allows_everything_and_names_the_sitemap_index_and_the_news_sitemap() {
    HttpResponse<String> robots = site.get("/robots.txt");

    assertThat(robots.statusCode()).isEqualTo(200);
    assertThat(robots.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
    assertThat(robots.body())
        .isEqualTo(
            """
            User-agent: *
            Allow: /

            Sitemap: http://localhost:8080/sitemap.xml
            Sitemap: http://localhost:8080/sitemaps/news.xml
            """);
  }

  @Test
  void the_sitemap_index_lists_the_pages_and_item_sitemaps() {
    String index = site.get("/sitemap.xml").body();

    assertThat(index)
        .contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">")
        .contains("<loc>http://localhost:8080/sitemaps/pages.xml</loc>")
        .contains("<loc>http://localhost:8080/sitemaps/items-1.xml</loc><lastmod>");
    assertThat(site.get("/sitemaps/items-2.xml").statusCode()).isEqualTo(404);
    assertThat(site.get("/sitemaps/whatever.xml").statusCode()).isEqualTo(404);
  }

  @Test
  void the_item_sitemap_lists_every_published_item_once() {
    String items = site.get("/sitemaps/items-1.xml").body();
    List<String> locs =
        Pattern.compile("<loc>([^<]+)</loc>")
            .matcher(items)
            .results()
            .map(m -> m.group(1))
            .toList();

    assertThat(locs).hasSize(site.masthead().items().countPublished()).doesNotHaveDuplicates();
    assertThat(locs).anyMatch(l -> l.startsWith("http://localhost:8080/fa/iran/"));
    assertThat(site.get("/sitemaps/pages.xml").body())
        .contains("<loc>http://localhost:8080/</loc>")
        .contains("<loc>http://localhost:8080/iran</loc>")
        .contains("<loc>http://localhost:8080/fa/</loc>");
  }

  @Test
  void lastmod_moves_on_a_real_edit_and_not_on_an_identical_reimport() {
    var masthead = site.masthead();
    Item item = masthead.items().findByUri("urn:masthead-demo:culture-film-festival").orElseThrow();
    Instant later = Instant.parse("2026-11-24T13:00:00Z");

    masthead
        .publishing()
        .save(
            Submission.imported(
                item.uri(),
                item.copy(),
                new Status.Published(),
                Optional.empty(),
                Optional.of(later),
                "wire"));
    String afterSame = lastmodOf(item);
    var edited =
        new news.masthead.content.Copy(
            item.copy().profile(),
            item.copy().language(),
            item.copy().headline(),
            "A new standfirst.",
            item.copy().body(),
            item.copy().byline(),
            item.copy().dateline(),
            item.copy().section(),
            item.copy().subjects(),
            item.copy().sources(),
            item.copy().genres(),
            item.copy().corrections(),
            item.copy().translations());
    masthead
        .publishing()
        .save(
            Submission.imported(
                item.uri(),
                edited,
                new Status.Published(),
                Optional.empty(),
                Optional.of(later),
                "desk"));

    assertThat(afterSame).isEqualTo(item.updated().toString());
    assertThat(lastmodOf(item)).isEqualTo("2026-11-24T13:00:00Z");
    assertThat(masthead.items().history(item.id())).hasSize(3);
  }

  private String lastmodOf(Item item) {
    String items = site.get("/sitemaps/items-1.xml").body();
    var m =
        Pattern.compile(
                "<loc>http://localhost:8080"
                    + Pattern.quote(PATHS.of(item).replaceAll("/[^/]+$", "/"))
                    + "[^<]*</loc><lastmod>([^<]+)</lastmod>")
            .matcher(items);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void the_news_sitemap_has_only_the_last_two_days_with_publication_and_language() {
    var masthead = site.masthead();
    Instant now = Instant.now();
    masthead
        .publishing()
        .save(
            Submission.imported(
                "urn:test:fresh",
                news.masthead.testing.Copies.story("A fresh story", "Iran"),
                new Status.Published(),
                Optional.of(now.minusSeconds(3600)),
                Optional.of(now.minusSeconds(3600)),
                "desk"));

    String news = site.get("/sitemaps/news.xml").body();

    assertThat(news)
        .contains("xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"")
        .contains("<news:name>Masthead</news:name><news:language>en</news:language>")
        .contains("<news:title>A fresh story</news:title>")
        .doesNotContain("Independent film festival returns"); // first published 2026-11-17
  }

  @Test
  void every_sitemap_is_well_formed_xml_for_xmllint() throws Exception {
    Path xmllint = TestTools.xmllint();
    for (String path :
        List.of(
            "/sitemap.xml", "/sitemaps/pages.xml", "/sitemaps/items-1.xml", "/sitemaps/news.xml")) {
      Path file = Files.createTempFile("sitemap", ".xml");
      Files.writeString(file, site.get(path).body());
      Process check =
          new ProcessBuilder(xmllint.toString(), "--noout", file.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(check.getInputStream().readAllBytes());
      assertThat(check.waitFor()).as(path + ": " + output).isZero();
    }
  }
}
