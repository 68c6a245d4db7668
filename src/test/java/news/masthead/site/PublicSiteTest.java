package news.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.masthead.app.Masthead;
import news.masthead.app.Settings;
import news.masthead.content.Copy;
import news.masthead.content.EditionPaths;
import news.masthead.content.Language;
import news.masthead.content.SavedRevision;
import news.masthead.content.Status;
import news.masthead.ingest.ImportProgress;
import news.masthead.testing.Copies;
import news.masthead.testing.HeldTurns;
import news.masthead.testing.RunningSite;
import news.masthead.web.RenderedPage;
import news.masthead.workflow.Submission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The public site over real HTTP, from a real server on a free port with real SQLite. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicSiteTest {
  private static final EditionPaths PATHS =
      EditionPaths.standard(List.of(Language.ENGLISH, Language.PERSIAN));

  Path data;
  Masthead masthead;
  HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  SavedRevision story;
  SavedRevision retracted;

  @BeforeAll
  void start(@TempDir Path data) throws IOException {
    this.data = data;
    masthead = Masthead.open(Settings.defaults(data, 0)).serve();
    Path demo = data.resolve("demo.jsonl");
    try (var in = PublicSiteTest.class.getResourceAsStream("/demo/demo.ninjs.jsonl")) {
      Files.write(demo, in.readAllBytes());
    }
    masthead.importer().importFiles(List.of(demo), ImportProgress.SILENT);
    story =
        masthead
            .publishing()
            .save(
                Copies.published(
                    "urn:test:story",
                    Copies.story("Officials <b>confirm</b> the report", "Iran"),
                    "2026-11-24T10:00:00Z"));
    masthead
        .publishing()
        .save(
            Copies.published(
                "urn:test:gone",
                Copies.story("A story later retracted", "Iran"),
                "2026-11-01T10:00:00Z"));
    retracted =
        masthead
            .publishing()
            .save(
                Submission.imported(
                    "urn:test:gone",
                    Copies.story("A story later retracted", "Iran"),
                    new Status.Retracted(
                        "This story was retracted because its main source recanted."),
                    Optional.empty(),
                    Optional.of(Instant.parse("2026-11-02T10:00:00Z")),
                    "test"));
    for (int i = 1; i <= 25; i++) {
      masthead
          .publishing()
          .save(
              Copies.published(
                  "urn:test:paged:" + i,
                  Copies.story("Paged story " + i, "Paged"),
                  "2026-10-%02dT10:00:00Z".formatted(i)));
    }
  }

  @AfterAll
  void stop() {
    masthead.close();
  }

  HttpResponse<String> get(String path, String... headers) {
    return RunningSite.of(masthead).get(path, headers);
  }

  String storyPath() {
    return PATHS.of(masthead.items().find(story.id()).orElseThrow());
  }

  @Test
  void the_front_page_has_a_lead_story_top_stories_section_blocks_and_the_in_brief_rail() {
    HttpResponse<String> front = get("/");

    assertThat(front.statusCode()).isEqualTo(200);
    assertThat(front.body())
        .contains("<article class=\"lead\">")
        .contains("Top stories")
        .contains("<h2 id=\"s-iraq\"><a href=\"/iraq\">Iraq</a></h2>")
        .contains("<aside class=\"rail\"")
        .contains(">More<span class=\"vh\">");
  }

  @Test
  void the_front_page_shows_no_story_twice() {
    String html = get("/").body();
    List<String> storyLinks =
        Pattern.compile("<h[23]><a href=\"(/[^\"]+/\\d+/[^\"]+)\"")
            .matcher(html)
            .results()
            .map(m -> m.group(1))
            .toList();

    assertThat(storyLinks).isNotEmpty().doesNotHaveDuplicates();
  }

  @Test
  void a_story_page_shows_every_part_of_the_story() {
    HttpResponse<String> page = get(storyPath());
    String html = page.body();

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(html)
        .contains("<h1 id=\"headline\">Officials &lt;b&gt;confirm&lt;/b&gt; the report</h1>")
        .contains("<p class=\"standfirst\">A standfirst that says what happened.</p>")
        .contains("<a rel=\"author\" href=\"/author/sara-example\"><bdi>Sara Example</bdi></a>")
        .contains("<a rel=\"author\" href=\"/author/omid-sample\"><bdi>Omid Sample</bdi></a>")
        .contains("<span class=\"dateline\"><bdi>TEHRAN</bdi></span>")
        .contains("<time datetime=\"2026-11-24T10:00:00Z\">24 November 2026, 10:00 UTC</time>")
        .contains("<a href=\"https://example.org/report\">confirmed</a>")
        .contains("<figcaption><bdi>A spokesman</bdi></figcaption>")
        .contains("<span class=\"genre\">Analysis</span>")
        .contains("An earlier version misspelt a name.")
        .contains(
            "<strong><bdi>Example Wire</bdi></strong> <span class=\"kind\">(wire service)</span>")
        .contains(
            "<strong><bdi>An official</bdi></strong> <span class=\"kind\">(official)</span> <span class=\"role role-confirmed\">confirmed</span>")
        .contains("<span class=\"role role-yet_to_respond\">yet to respond</span>")
        .contains("<a href=\"/tag/water\"><bdi>Water</bdi></a>")
        .contains("<a href=\"/person/darius-example\"><bdi>Darius Example</bdi></a>")
        .contains("<a href=\"/organisation/water-authority\"><bdi>Water Authority</bdi></a>")
        .contains("<a href=\"/place/tehran\"><bdi>Tehran</bdi></a>")
        .contains("Iran in Brief")
        .contains("More from Iran")
        .contains("<link rel=\"canonical\" href=\"http://localhost:8080" + storyPath() + "\">");
  }

  @Test
  void a_story_page_with_its_stylesheet_weighs_under_fifty_kilobytes() {
    // The Persian font is not counted: it is cached for a year, and bench/RESULTS.md has its size.
    for (String path : List.of(storyPath(), persianStoryPath())) {
      HttpResponse<String> page = get(path);
      HttpResponse<String> stylesheet = get(stylesheetPath(page.body()));

      int bytes =
          page.body().getBytes(StandardCharsets.UTF_8).length
              + stylesheet.body().getBytes(StandardCharsets.UTF_8).length;

      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(stylesheet.statusCode()).isEqualTo(200);
      assertThat(stylesheet.headers().firstValue("Cache-Control"))
          .contains("public, max-age=31536000, immutable");
      assertThat(bytes).as("the HTML and CSS of %s", path).isLessThan(50 * 1024);
    }
  }

  private static String stylesheetPath(String html) {
    Matcher css = Pattern.compile("href=\"(/assets/site\\.[^\"]+\\.css)\"").matcher(html);
    assertThat(css.find()).as("a link to the stylesheet in%n%s", html).isTrue();
    return css.group(1);
  }

  private String persianStoryPath() {
    Matcher link = Pattern.compile("href=\"(/fa/iran/\\d+/[^\"]+)\"").matcher(get("/fa/").body());
    assertThat(link.find()).as("a Persian story on /fa/").isTrue();
    return link.group(1);
  }

  @Test
  void the_stylesheet_names_its_font_at_an_address_that_changes_with_its_content()
      throws Exception {
    String stylesheet = stylesheetPath(get("/fa/").body());
    String css = get(stylesheet).body();
    Matcher font =
        Pattern.compile("url\\(\"(/assets/vazirmatn-nl\\.[0-9a-z]+\\.woff2)\"\\)").matcher(css);
    assertThat(font.find()).as("the font's address in the stylesheet:%n%s", css).isTrue();
    byte[] file;
    try (var in = PublicSiteTest.class.getResourceAsStream("/site/fonts/vazirmatn-nl.woff2")) {
      file = in.readAllBytes();
    }

    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + masthead.port() + font.group(1)))
                .header("Accept-Encoding", "gzip")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("font/woff2");
    assertThat(response.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(response.headers().firstValue("Content-Encoding"))
        .as("a WOFF2 font is compressed already")
        .isEmpty();
    assertThat(response.body()).isEqualTo(file);
    String etag = response.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).isEqualTo(RenderedPage.etagOf(file));
    assertThat(get(font.group(1), "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(css)
        .contains("font-display: swap")
        .as("the stylesheet names no font by its file's own name")
        .doesNotContain("url(\"fonts/");
    for (String path :
        List.of(
            "/assets/vazirmatn-nl.woff2",
            "/assets/vazirmatn-nl.0000.woff2",
            "/assets/site.css",
            "/assets/OFL.txt",
            "/assets/fonts/vazirmatn-nl.woff2")) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(404);
    }
  }

  @Test
  void the_in_brief_rail_lists_the_newest_briefs_first_each_cut_at_a_word_with_a_more_link() {
    String html = get("/iran").body();
    String rail = html.substring(html.indexOf("<aside class=\"rail\""));

    assertThat(rail).contains("<h2 id=\"rail-title\">Iran in Brief</h2>");
    List<String> headlines =
        Pattern.compile("<span class=\"vh\"> — ([^<]+)</span>")
            .matcher(rail)
            .results()
            .map(m -> m.group(1))
            .toList();
    assertThat(headlines)
        .startsWith(
            "Moderate earthquake shakes Kerman province; no casualties reported",
            "Flights resume at Mashhad airport after fog delays");
    assertThat(rail)
        .containsPattern("[a-z]… <a class=\"more\" href=\"/iran/\\d+/moderate-earthquake");
  }

  @Test
  void a_brief_has_its_own_page() {
    String railLink =
        Pattern.compile("href=\"(/iran/\\d+/moderate-earthquake[^\"]*)\"")
            .matcher(get("/iran").body())
            .results()
            .findFirst()
            .orElseThrow()
            .group(1);

    HttpResponse<String> brief = get(railLink);

    assertThat(brief.statusCode()).isEqualTo(200);
    assertThat(brief.body())
        .contains("class=\"item primary brief\"")
        .contains("Moderate earthquake shakes Kerman province")
        .contains("magnitude 4.9 earthquake");
  }

  @Test
  void an_old_slug_or_a_bare_id_answers_301_to_the_canonical_address() {
    String canonical = storyPath();

    for (String path :
        List.of(
            "/iran/" + story.id() + "/an-old-headline",
            "/iran/" + story.id(),
            "/iraq/" + story.id() + "/x")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(301);
      assertThat(response.headers().firstValue("Location")).as(path).contains(canonical);
    }
  }

  @Test
  void a_changed_headline_moves_the_story_to_a_new_slug_and_the_old_one_redirects() {
    SavedRevision first =
        masthead
            .publishing()
            .save(
                Copies.published(
                    "urn:test:renamed",
                    Copies.story("First words", "Iran"),
                    "2026-11-23T10:00:00Z"));
    String oldPath = PATHS.of(masthead.items().find(first.id()).orElseThrow());
    masthead
        .publishing()
        .save(
            Copies.published(
                "urn:test:renamed", Copies.story("Better words", "Iran"), "2026-11-23T11:00:00Z"));

    HttpResponse<String> response = get(oldPath);

    assertThat(response.statusCode()).isEqualTo(301);
    assertThat(response.headers().firstValue("Location"))
        .contains("/iran/" + first.id() + "/better-words");
    assertThat(get("/iran/" + first.id() + "/better-words").statusCode()).isEqualTo(200);
  }

  @Test
  void a_retracted_item_answers_410_with_its_notice() {
    HttpResponse<String> response = get("/iran/" + retracted.id() + "/a-story-later-retracted");

    assertThat(response.statusCode()).isEqualTo(410);
    assertThat(response.body())
        .contains("This item was retracted")
        .contains("This story was retracted because its main source recanted.");
  }

  @Test
  void unknown_addresses_get_a_helpful_404_page() {
    for (String path :
        List.of(
            "/iran/999999/nothing",
            "/iran/abc/def",
            "/no-such-section",
            "/tag/no-such-tag",
            "/a/b/c/d/e",
            "/fa/no-such")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body())
          .as(path)
          .contains("<h1>")
          .contains("href=\"/")
          .contains("<html lang=");
    }
  }

  @Test
  void bad_page_numbers_get_a_4xx_page_never_a_500() {
    assertThat(get("/paged?page=abc").statusCode()).isEqualTo(400);
    assertThat(get("/paged?page=abc").body()).contains("the page number must be a whole number");
    assertThat(get("/paged?page=0").statusCode()).isEqualTo(400);
    assertThat(get("/paged?page=-1").statusCode()).isEqualTo(400);
    assertThat(get("/paged?page=99999999999999999999").statusCode()).isEqualTo(400);
    assertThat(get("/paged?page=3").statusCode()).isEqualTo(404);
    assertThat(get("/paged?page=501").statusCode()).isEqualTo(404);
  }

  @Test
  void section_fronts_are_paginated() {
    String first = get("/paged").body();
    String second = get("/paged?page=2").body();

    assertThat(first)
        .contains("Page 1 of 2")
        .contains("rel=\"next\" href=\"/paged?page=2\"")
        .contains("Paged story 25");
    assertThat(second)
        .contains("Page 2 of 2")
        .contains("rel=\"prev\" href=\"/paged\"")
        .contains("Paged story 1<");
  }

  @Test
  void tag_person_organisation_place_and_author_pages_list_their_items() {
    assertThat(get("/tag/water").body())
        .contains("<h1>Tag: Water</h1>")
        .contains("Officials &lt;b&gt;confirm");
    assertThat(get("/person/darius-example").body()).contains("<h1>Person: Darius Example</h1>");
    assertThat(get("/organisation/water-authority").statusCode()).isEqualTo(200);
    assertThat(get("/place/tehran").statusCode()).isEqualTo(200);
    assertThat(get("/author/sara-example").body()).contains("<h1>Author: Sara Example</h1>");
  }

  @Test
  void a_persian_item_renders_right_to_left_in_the_persian_edition() {
    String front = get("/fa/").body();
    Matcher link = Pattern.compile("href=\"(/fa/iran/\\d+/[^\"]+)\"").matcher(front);
    assertThat(link.find()).isTrue();

    HttpResponse<String> item = get(link.group(1));

    assertThat(item.statusCode()).isEqualTo(200);
    assertThat(item.body())
        .contains("<html lang=\"fa\" dir=\"rtl\">")
        .contains("اخبار کوتاه ایران");
    String bareId = link.group(1).substring(0, link.group(1).lastIndexOf('/'));
    HttpResponse<String> redirect = get(bareId);
    assertThat(redirect.statusCode()).isEqualTo(301);
    assertThat(redirect.headers().firstValue("Location").orElseThrow())
        .startsWith(bareId + "/%D9%82%D8%B7%D8%B9"); // the Persian slug, percent-encoded
    String followed = URI.create(redirect.headers().firstValue("Location").orElseThrow()).getPath();
    assertThat(get(followed).statusCode()).isEqualTo(200);
  }

  /** What every public response carries, whatever it is: no script, no framing, no sniffing. */
  static final Map<String, String> SECURITY_HEADERS =
      Map.of(
          "Content-Security-Policy",
          "default-src 'none'; style-src 'self'; img-src 'self' https: data:; font-src 'self'; manifest-src 'self';"
              + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
          "X-Content-Type-Options",
          "nosniff",
          "Referrer-Policy",
          "no-referrer",
          "X-Frame-Options",
          "DENY",
          "Cross-Origin-Opener-Policy",
          "same-origin",
          "Permissions-Policy",
          "camera=(), microphone=(), geolocation=(), interest-cohort=()");

  static final String PAGE_CACHING =
      "public, max-age=60, stale-while-revalidate=600, stale-if-error=86400";

  @Test
  void every_public_response_carries_caching_and_security_headers_and_sets_no_cookie() {
    record Expected(String path, int status, String cacheControl, String contentType) {}
    String html = "text/html;charset=utf-8";
    for (Expected expected :
        List.of(
            new Expected("/", 200, PAGE_CACHING, html),
            new Expected(storyPath(), 200, PAGE_CACHING, html),
            new Expected("/iran", 200, PAGE_CACHING, html),
            new Expected("/tag/water", 200, PAGE_CACHING, html),
            new Expected("/fa/", 200, PAGE_CACHING, html),
            new Expected("/robots.txt", 200, "public, max-age=3600", "text/plain;charset=utf-8"),
            new Expected("/nope", 404, "public, max-age=30", html))) {
      String path = expected.path();
      HttpResponse<String> response = get(path);
      var headers = response.headers();
      byte[] body = response.body().getBytes(StandardCharsets.UTF_8);

      assertThat(response.statusCode()).as(path).isEqualTo(expected.status());
      assertThat(headers.firstValue("Cache-Control")).as(path).hasValue(expected.cacheControl());
      assertThat(headers.firstValue("Content-Type")).as(path).hasValue(expected.contentType());
      assertThat(headers.firstValue("Content-Length"))
          .as(path)
          .hasValue(Integer.toString(body.length));
      assertThat(headers.firstValue("Vary")).as(path).hasValue("Accept-Encoding");
      // A strong tag made from this very body: its length in base 36, then its checksums.
      assertThat(headers.firstValue("ETag"))
          .as(path)
          .hasValueSatisfying(
              etag ->
                  assertThat(etag)
                      .matches("\"[0-9a-z]+-[0-9a-z]+\"")
                      .startsWith("\"" + Integer.toString(body.length, 36) + "-")
                      .isEqualTo(RenderedPage.etagOf(body)));
      SECURITY_HEADERS.forEach(
          (name, value) ->
              assertThat(headers.allValues(name)).as(path + " " + name).containsExactly(value));
      assertThat(headers.firstValue("Set-Cookie")).as(path).isEmpty();
      // The only script element allowed is JSON-LD: data, never run.
      assertThat(response.body().replace("<script type=\"application/ld+json\">", ""))
          .as(path)
          .doesNotContain("<script");
    }
  }

  @Test
  void a_matching_if_none_match_answers_304_without_a_body() {
    HttpResponse<String> first = get(storyPath());
    String etag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> again = get(storyPath(), "If-None-Match", etag);

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(get(storyPath(), "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
  }

  @Test
  void a_public_page_refuses_to_be_changed_with_405() throws Exception {
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masthead.port() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.body()).contains("can only be read");
  }

  @Test
  void pages_are_sent_gzipped_to_clients_that_accept_it_with_their_own_etag() throws Exception {
    HttpResponse<byte[]> gzipped =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masthead.port() + storyPath()))
                .header("Accept-Encoding", "gzip")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    String plainEtag = get(storyPath()).headers().firstValue("ETag").orElseThrow();

    assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
    String html =
        new String(
            new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))
                .readAllBytes(),
            StandardCharsets.UTF_8);
    assertThat(html).isEqualTo(get(storyPath()).body());
    String gzipEtag = gzipped.headers().firstValue("ETag").orElseThrow();
    assertThat(gzipEtag).isNotEqualTo(plainEtag);
    assertThat(get(storyPath(), "Accept-Encoding", "gzip", "If-None-Match", gzipEtag).statusCode())
        .isEqualTo(304);
  }

  @Test
  void a_head_request_gets_the_same_headers_as_get_and_no_body() throws Exception {
    HttpResponse<String> head =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masthead.port() + storyPath()))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> get = get(storyPath());

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("ETag"))
        .hasValue(RenderedPage.etagOf(get.body().getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(get.headers().firstValue("ETag"));
    assertThat(head.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
    assertThat(head.headers().firstValue("Cache-Control")).hasValue(PAGE_CACHING);
    assertThat(head.headers().firstValue("Content-Length"))
        .hasValue(Integer.toString(get.body().getBytes(StandardCharsets.UTF_8).length));
  }

  @Test
  void a_malformed_path_gets_a_400_page_with_the_security_headers() throws Exception {
    // No HTTP client library will send a malformed path, so speak HTTP over a socket.
    String response;
    try (var socket = new java.net.Socket("127.0.0.1", masthead.port())) {
      socket
          .getOutputStream()
          .write(
              "GET /%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(response).startsWith("HTTP/1.1 400 ");
    assertThat(response).contains("This request could not be understood");
    List<String> headerLines =
        response.substring(0, response.indexOf("\r\n\r\n")).lines().skip(1).toList();
    SECURITY_HEADERS.forEach(
        (name, value) ->
            assertThat(headerLines)
                .as(name)
                .anySatisfy(line -> assertThat(line).isEqualToIgnoringCase(name + ": " + value)));
    assertThat(headerLines)
        .anySatisfy(
            line -> assertThat(line).isEqualToIgnoringCase("Cache-Control: public, max-age=30"));
  }

  @Test
  void a_page_is_kept_for_speed_and_never_served_after_the_item_changes()
      throws InterruptedException {
    SavedRevision saved =
        masthead
            .publishing()
            .save(
                Copies.published(
                    "urn:test:hot",
                    Copies.brief("Hot words", "Hot", "First text."),
                    "2026-11-24T07:00:00Z"));
    String path = PATHS.of(masthead.items().find(saved.id()).orElseThrow());
    String first = get(path).body();
    assertThat(first).contains("First text.");

    // With every turn at rendering taken, as in a flood, a page rendered again would wait for a
    // turn and be told the site is busy: only a page kept from the first answer comes back now.
    try (HeldTurns flood = HeldTurns.all(masthead.turns())) {
      HttpResponse<String> again = get(path);
      assertThat(again.statusCode())
          .as("the page asked for again while none can render")
          .isEqualTo(200);
      assertThat(again.body()).isEqualTo(first);
    }

    masthead
        .publishing()
        .save(
            Copies.published(
                "urn:test:hot",
                Copies.brief("Hot words", "Hot", "Changed text."),
                "2026-11-24T07:00:00Z"));

    assertThat(get(path).body()).contains("Changed text.").doesNotContain("First text.");
  }

  @Test
  void robots_txt_lets_every_crawler_read_every_page() {
    HttpResponse<String> robots = get("/robots.txt");
    List<String> rules = robots.body().lines().takeWhile(line -> !line.isBlank()).toList();

    assertThat(robots.statusCode()).isEqualTo(200);
    assertThat(rules).as("the first group of rules").containsExactly("User-agent: *", "Allow: /");
    assertThat(robots.body()).doesNotContainIgnoringCase("disallow");
  }

  @Test
  void a_save_by_another_process_reaches_this_server_within_seconds() throws InterruptedException {
    try (Masthead other = Masthead.open(Settings.defaults(data, 0))) {
      other
          .publishing()
          .save(
              Copies.published(
                  "urn:test:elsewhere",
                  Copies.story("Saved by another node", "Elsewhere"),
                  "2026-11-24T11:00:00Z"));
    }
    long deadline = System.currentTimeMillis() + 5_000;
    int status = 0;
    while (System.currentTimeMillis() < deadline
        && (status = get("/elsewhere").statusCode()) != 200) {
      Thread.sleep(100);
    }
    assertThat(status).isEqualTo(200);
  }

  @Test
  void headlines_and_bodies_are_escaped_so_stored_text_cannot_carry_markup() {
    Copy hostile =
        Copies.brief("<img src=x onerror=alert(1)>", "Hostile", "\"><script>alert(2)</script>");
    SavedRevision saved =
        masthead
            .publishing()
            .save(Copies.published("urn:test:hostile", hostile, "2026-11-24T09:00:00Z"));

    String html = get(PATHS.of(masthead.items().find(saved.id()).orElseThrow())).body();

    assertThat(html)
        .doesNotContain("<img src=x")
        .doesNotContain("<script>")
        .contains("&lt;img src=x onerror=alert(1)&gt;");
  }
}
