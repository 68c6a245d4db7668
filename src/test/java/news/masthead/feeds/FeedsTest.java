package news.masthead.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import news.masthead.content.Copy;
import news.masthead.content.Correction;
import news.masthead.content.Item;
import news.masthead.content.Status;
import news.masthead.testing.Copies;
import news.masthead.testing.RunningSite;
import news.masthead.testing.TestTools;
import news.masthead.workflow.Submission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** RSS, Atom and JSON Feed, read back by ROME, Jackson and newsboat. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedsTest {
  RunningSite site;

  @BeforeAll
  void start(@TempDir Path data) {
    site = RunningSite.withDemo(data);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  SyndFeed read(String path) throws Exception {
    HttpResponse<String> response = site.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return new SyndFeedInput().build(new StringReader(response.body()));
  }

  @Test
  void the_rss_feed_has_every_newest_item_in_full_with_its_uri_as_id() throws Exception {
    HttpResponse<String> response = site.get("/en/feed.xml");
    SyndFeed feed = read("/en/feed.xml");

    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/rss+xml; charset=utf-8");
    assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
    assertThat(feed.getEntries()).hasSizeGreaterThan(10);
    SyndEntry water =
        feed.getEntries().stream()
            .filter(e -> e.getTitle().startsWith("Tehran suburbs face nightly water cuts"))
            .findFirst()
            .orElseThrow();
    assertThat(water.getUri()).isEqualTo("urn:masthead-demo:iran-water-rationing");
    assertThat(water.getLink())
        .startsWith("http://localhost:8080/iran/")
        .contains("/tehran-suburbs-face");
    assertThat(water.getContents().getFirst().getValue())
        .contains("<p>Residents of several districts")
        .contains("<blockquote>")
        .contains("<li>fill containers before 11pm;</li>");
    assertThat(response.body()).contains("<content:encoded>");
  }

  @Test
  void the_atom_feed_reads_back_with_content_authors_and_categories() throws Exception {
    SyndFeed feed = read("/en/atom.xml");
    SyndEntry water =
        feed.getEntries().stream()
            .filter(e -> e.getTitle().startsWith("Tehran suburbs face"))
            .findFirst()
            .orElseThrow();

    assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
    assertThat(water.getUri()).isEqualTo("urn:masthead-demo:iran-water-rationing");
    assertThat(water.getContents().getFirst().getValue())
        .contains("Residents of several districts");
    assertThat(water.getAuthors()).extracting(a -> a.getName()).containsExactly("Leila Navabi");
    assertThat(water.getCategories()).extracting(c -> c.getName()).contains("Iran", "Water");
    assertThat(water.getUpdatedDate()).isNotNull();
  }

  @Test
  void an_item_without_a_byline_has_the_outlet_as_its_author_never_an_empty_one() throws Exception {
    Copy brief = Copies.brief("Unsigned brief on the dam", "Iran", "The dam reopened on Monday.");
    site.masthead()
        .publishing()
        .save(
            Copies.published(
                "urn:test:unsigned",
                Copies.withoutByline(brief),
                "2026-11-10T09:00:00Z")); // older than the demo's items, which other tests read

    SyndEntry atom =
        read("/en/atom.xml").getEntries().stream()
            .filter(e -> e.getUri().equals("urn:test:unsigned"))
            .findFirst()
            .orElseThrow();
    JsonNode json = JsonMapper.builder().build().readTree(site.get("/en/feed.json").body());
    JsonNode entry =
        json.get("items")
            .valueStream()
            .filter(i -> i.get("id").asString().equals("urn:test:unsigned"))
            .findFirst()
            .orElseThrow();

    assertThat(atom.getAuthors()).extracting(a -> a.getName()).containsExactly("Masthead");
    assertThat(entry.get("authors").get(0).get("name").asString()).isEqualTo("Masthead");
    assertThat(json.get("items").valueStream().map(i -> i.get("authors").size())).doesNotContain(0);
  }

  @Test
  void the_json_feed_follows_json_feed_1_1() throws Exception {
    HttpResponse<String> response = site.get("/en/feed.json");
    JsonNode feed = JsonMapper.builder().build().readTree(response.body());

    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/feed+json; charset=utf-8");
    assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
    assertThat(feed.get("feed_url").asString()).isEqualTo("http://localhost:8080/en/feed.json");
    JsonNode first = feed.get("items").get(0);
    assertThat(first.get("id").asString()).startsWith("urn:masthead-demo:");
    assertThat(first.get("content_html").asString()).startsWith("<p>");
    assertThat(first.get("url").asString()).startsWith("http://localhost:8080/");
    assertThat(first.has("date_published")).isTrue();
  }

  @Test
  void there_are_feeds_for_the_whole_site_each_edition_section_tag_and_author() throws Exception {
    assertThat(read("/feed.xml").getEntries())
        .extracting(SyndEntry::getUri)
        .contains(
            "urn:masthead-demo:iran-water-rationing", "urn:masthead-demo:fa-iran-water-rationing");
    assertThat(read("/fa/feed.xml").getEntries())
        .extracting(SyndEntry::getUri)
        .as("the Persian edition's feed: every Persian item, and only those")
        .containsExactlyInAnyOrder(
            "urn:masthead-demo:fa-iran-water-rationing",
            "urn:masthead-demo:fa-iran-rial",
            "urn:masthead-demo:fa-iraq-basra",
            "urn:masthead-demo:fa-brief-quake",
            "urn:masthead-demo:fa-brief-metro",
            "urn:masthead-demo:fa-brief-bread",
            "urn:masthead-demo:fa-brief-mosul");
    assertThat(read("/iraq/feed.xml").getEntries())
        .extracting(SyndEntry::getTitle)
        .contains("Parliament delays vote on election law amid dispute over district boundaries")
        .noneMatch(t -> t.startsWith("Tehran suburbs"));
    assertThat(read("/tag/water/atom.xml").getEntries()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(read("/author/leila-navabi/feed.xml").getEntries()).hasSize(2);
    assertThat(read("/fa/iran/feed.xml").getEntries())
        .extracting(SyndEntry::getUri)
        .containsExactlyInAnyOrder(
            "urn:masthead-demo:fa-iran-water-rationing",
            "urn:masthead-demo:fa-brief-quake",
            "urn:masthead-demo:fa-brief-metro",
            "urn:masthead-demo:fa-brief-bread");
    assertThat(site.get("/no-such-section/feed.xml").statusCode()).isEqualTo(404);
    assertThat(site.get("/tag/no-such-tag/feed.json").statusCode()).isEqualTo(404);
  }

  @Test
  void a_correction_keeps_the_feed_id_and_moves_the_updated_time() throws Exception {
    var masthead = site.masthead();
    Item before = masthead.items().findByUri("urn:masthead-demo:iraq-oil-exports").orElseThrow();
    Copy old = before.copy();
    List<Correction> corrections = new ArrayList<>(old.corrections());
    corrections.add(
        new Correction(
            java.time.Instant.parse("2026-11-24T12:00:00Z"),
            "An earlier version gave the wrong month."));
    Copy corrected =
        new Copy(
            old.profile(),
            old.language(),
            old.headline(),
            old.standfirst(),
            old.body(),
            old.byline(),
            old.dateline(),
            old.section(),
            old.subjects(),
            old.sources(),
            old.genres(),
            corrections,
            old.translations());
    masthead
        .publishing()
        .save(
            Submission.imported(
                before.uri(),
                corrected,
                new Status.Published(),
                Optional.empty(),
                Optional.of(java.time.Instant.parse("2026-11-24T12:00:00Z")),
                "desk"));

    SyndEntry entry =
        read("/economy/atom.xml").getEntries().stream()
            .filter(e -> e.getUri().equals("urn:masthead-demo:iraq-oil-exports"))
            .findFirst()
            .orElseThrow();

    assertThat(entry.getUpdatedDate().toInstant()).isEqualTo("2026-11-24T12:00:00Z");
    assertThat(entry.getPublishedDate().toInstant())
        .isEqualTo(before.firstPublished().orElseThrow());
  }

  @Test
  void every_page_names_its_feeds_in_its_head() {
    String front = site.get("/").body();
    String section = site.get("/iran").body();

    assertThat(front)
        .contains(
            "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Masthead (RSS)\" href=\"/en/feed.xml\">");
    assertThat(front)
        .contains("type=\"application/atom+xml\"")
        .contains("type=\"application/feed+json\"");
    assertThat(section).contains("title=\"Iran (RSS)\" href=\"/iran/feed.xml\"");
  }

  @Test
  void the_feeds_are_well_formed_xml_for_xmllint() throws Exception {
    Path xmllint = TestTools.xmllint();
    for (String path :
        List.of("/en/feed.xml", "/en/atom.xml", "/fa/feed.xml", "/tag/water/feed.xml")) {
      Path file = Files.createTempFile("feed", ".xml");
      Files.writeString(file, site.get(path).body());
      Process check =
          new ProcessBuilder(xmllint.toString(), "--noout", file.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(check.getInputStream().readAllBytes());
      assertThat(check.waitFor()).as(path + ": " + output).isZero();
    }
  }

  @Test
  void newsboat_reads_the_rss_and_atom_feeds(@TempDir Path dir) throws Exception {
    Path newsboat = TestTools.newsboat();
    Path urls =
        Files.writeString(
            dir.resolve("urls"), site.url("/en/feed.xml") + "\n" + site.url("/fa/atom.xml") + "\n");
    Path cache = dir.resolve("cache.db");
    Process reload =
        new ProcessBuilder(
                newsboat.toString(),
                "-u",
                urls.toString(),
                "-c",
                cache.toString(),
                "-C",
                "/dev/null",
                "-x",
                "reload")
            .redirectErrorStream(true)
            .start();
    String output = new String(reload.getInputStream().readAllBytes());
    assertThat(reload.waitFor()).as(output).isZero();

    try (var db = DriverManager.getConnection("jdbc:sqlite:" + cache);
        var rows =
            db.createStatement()
                .executeQuery(
                    "SELECT feedurl, COUNT(*) FROM rss_item GROUP BY feedurl ORDER BY feedurl")) {
      List<String> counts = new ArrayList<>();
      while (rows.next()) {
        counts.add(rows.getString(1).replaceAll(".*:\\d+", "") + "=" + rows.getInt(2));
      }
      assertThat(counts)
          .as("the items newsboat stored from each feed")
          .containsExactly("/en/feed.xml=18", "/fa/atom.xml=7");
    }
  }
}
