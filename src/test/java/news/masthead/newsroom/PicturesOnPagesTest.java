package news.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.masthead.app.Masthead;
import news.masthead.testing.Newsrooms;
import news.masthead.testing.Photos;
import news.masthead.testing.TestTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pictures from the media library in items: chosen on the desk, required to be described before
 * publishing, and shown to readers and machines on the story page, the front page, the rail, the
 * feeds and the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PicturesOnPagesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ALT = "Two men unload sacks of flour from a lorry at dawn.";
  private Masthead masthead;
  private StaffClient reporter;
  private StaffClient editor;
  private Path data;
  private long picture;
  private long inBody;

  @BeforeAll
  void start(@TempDir Path data) throws Exception {
    this.data = data;
    int port = Newsrooms.freePort();
    String origin = "http://localhost:" + port;
    masthead = Newsrooms.serve(data, port, origin, Map.of());
    Newsrooms.importDemo(masthead, data);
    reporter =
        StaffClient.add(masthead, origin, "reporter@example.org", "contributor", List.of("iran"));
    editor = StaffClient.add(masthead, origin, "editor@example.org", "editor", List.of("iran"));
    picture = upload("flour.jpg", 2400, 1400);
    inBody = upload("market.jpg", 900, 1200);
  }

  @AfterAll
  void stop() {
    masthead.close();
  }

  private long upload(String name, int width, int height) throws Exception {
    HttpResponse<String> page =
        reporter.upload(
            "/newsroom/media",
            Map.of(
                "caption", "Flour arrives at a bakery in Tabriz.",
                "credit", "Staff photographer",
                "alt", "",
                "rights", "Ours, all uses",
                "language", "en"),
            List.of(new StaffClient.Upload(name, Photos.phonePhoto(data, width, height))),
            true);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    Matcher m =
        Pattern.compile("href=\"/newsroom/media/([0-9]+)\"><bdi>" + Pattern.quote(name))
            .matcher(page.body());
    assertThat(m.find()).as(page.body()).isTrue();
    return Long.parseLong(m.group(1));
  }

  private Map<String, String> item(String profile, String headline, String leadAlt) {
    Map<String, String> form = new HashMap<>(DeskTest.story(headline));
    form.put("profile", profile);
    form.put("lead_picture", Long.toString(picture));
    form.put("lead_alt", leadAlt);
    form.put("lead_caption", "Deliveries began before sunrise.");
    form.remove("body_text");
    form.put(
        "body_json",
        """
        {"type":"doc","content":[
         {"type":"paragraph","content":[{"type":"text","text":"Bakeries in Tabriz received flour on Monday."}]},
         {"type":"picture","attrs":{"picture":%d,"alt":"Stalls of dried fruit under a vaulted roof.","caption":"The bazaar was quiet."}},
         {"type":"paragraph","content":[{"type":"text","text":"Prices were unchanged, traders said."}]}]}
        """
            .formatted(inBody));
    return form;
  }

  private long write(Map<String, String> form) {
    HttpResponse<String> created = reporter.post("/newsroom/items", form);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
    String location = created.headers().firstValue("Location").orElseThrow();
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  private HttpResponse<String> step(StaffClient who, long id, String step) {
    return who.post(
        "/newsroom/items/" + id + "/steps/" + step,
        Map.of("revision", Integer.toString(who.latest(id)), "text", ""));
  }

  private long published(String profile, String headline) {
    long id = write(item(profile, headline, ALT));
    assertThat(step(editor, id, "publish").statusCode()).isEqualTo(303);
    return id;
  }

  /** The item's public page, with the white space between tags taken out. */
  private String publicPage(long id) {
    HttpResponse<String> first = reporter.get("/iran/" + id);
    String page =
        first.statusCode() == 301
            ? reporter
                .get(
                    first
                        .headers()
                        .firstValue("Location")
                        .orElseThrow()
                        .replaceFirst("^https?://[^/]+", ""))
                .body()
            : first.body();
    return page.replaceAll(">\\s+<", "><");
  }

  private static List<String> all(String pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(pattern).matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void a_picture_that_is_not_in_the_library_is_refused_by_its_number() {
    Map<String, String> form = item("story", "Flour for the bakeries of Tabriz", ALT);
    form.put("lead_picture", "987654");

    HttpResponse<String> refused = reporter.post("/newsroom/items", form);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("there is no picture number 987654 in the media library")
        .as("what was typed is kept")
        .contains("Flour for the bakeries of Tabriz");
  }

  @Test
  void an_item_whose_picture_says_nothing_of_what_it_shows_is_not_published() {
    long id = write(item("story", "Bread queues shorten in Tabriz", ""));

    HttpResponse<String> refused = step(editor, id, "publish");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("picture number " + picture + " has no text alternative");
    assertThat(reporter.get("/iran/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void a_story_page_shows_its_lead_and_body_pictures_in_every_size_with_room_kept()
      throws Exception {
    long id = published("story", "Flour reaches Tabriz bakeries after a week");

    String page = publicPage(id);

    assertThat(page)
        .contains("<figure class=\"lead-picture\"><picture><source type=\"image/webp\" srcset=\"")
        .containsPattern(
            "/media/[A-Za-z0-9_-]{22}/1/wide-320\\.webp 320w, [^\"]*wide-1200\\.webp 1200w\"")
        .containsPattern(
            "<img src=\"/media/[^\"]+/wide-800\\.jpg\"[^>]* width=\"800\" height=\"450\" alt=\""
                + ALT
                + "\"[^>]* fetchpriority=\"high\"")
        .contains("Deliveries began before sunrise.")
        .contains("Photo: Staff photographer")
        .containsPattern(
            "<figure class=\"picture\"><picture>.*full-320\\.webp 320w.*full-800\\.webp 800w")
        .contains("full-1200.webp 1200w")
        .as("a picture is never enlarged")
        .doesNotContain("full-1600")
        .doesNotContain("wide-1600")
        .as("a body picture is loaded as the reader comes to it")
        .containsPattern("alt=\"Stalls of dried fruit under a vaulted roof\\.\" loading=\"lazy\"")
        .contains("The bazaar was quiet.");
    for (String src : all("<img src=\"(/media/[^\"]+)\"", page)) {
      HttpResponse<byte[]> rendition = reporter.getBytes(src);
      assertThat(rendition.statusCode()).as(src).isEqualTo(200);
    }
  }

  @Test
  void a_story_page_gives_social_networks_and_search_engines_its_picture() throws Exception {
    long id = published("story", "Bakers in Tabriz work through the night");

    String page = publicPage(id);

    String og = all("<meta property=\"og:image\" content=\"([^\"]+)\"", page).getFirst();
    assertThat(og).matches("http://localhost:[0-9]+/media/[A-Za-z0-9_-]{22}/1/social-1200\\.jpg");
    assertThat(page)
        .contains("<meta property=\"og:image:width\" content=\"1200\">")
        .contains("<meta property=\"og:image:height\" content=\"630\">")
        .contains("<meta property=\"og:image:alt\" content=\"" + ALT + "\">")
        .contains("<meta name=\"twitter:card\" content=\"summary_large_image\">");
    String ld = all("<script type=\"application/ld\\+json\">(.+?)</script>", page).getFirst();
    JsonNode images = JSON.readTree(ld).get("image");
    assertThat(images.size()).isEqualTo(3);
    assertThat(images.get(0).asString()).endsWith("/wide-1200.jpg");
    assertThat(images.get(1).asString()).endsWith("/classic-1200.jpg");
    assertThat(images.get(2).asString()).endsWith("/square-1200.jpg");
    HttpResponse<byte[]> card = reporter.getBytes(og.replaceFirst("^http://[^/]+", ""));
    assertThat(card.statusCode()).isEqualTo(200);
    String exif = Photos.exif(data, card.body());
    assertThat(exif).doesNotContain("GPS").doesNotContain("CAM-4471");
    assertThat(exif).containsPattern("ImageSize\\s*:\\s*1200x630");
  }

  @Test
  void front_pages_feeds_and_the_api_carry_the_lead_picture() throws Exception {
    long id = published("story", "Tabriz flour convoy arrives");

    assertThat(reporter.get("/").body().replaceAll(">\\s+<", "><"))
        .containsPattern("<a class=\"card-picture\" href=\"/iran/" + id + "/[^\"]+\"");
    String rss = reporter.get("/iran/feed.xml").body();
    assertThat(rss)
        .containsPattern(
            "<media:content medium=\"image\" height=\"675\" type=\"image/jpeg\" width=\"1200\""
                + " url=\"http://localhost:[0-9]+/media/[^\"]+/wide-1200\\.jpg\">")
        .contains("<media:credit scheme=\"urn:ebu\">Staff photographer</media:credit>")
        .contains("<media:description>" + ALT + "</media:description>")
        .containsPattern(
            "<enclosure url=\"[^\"]+/wide-1200\\.jpg\" length=\"0\" type=\"image/jpeg\"");
    assertThat(reporter.get("/iran/atom.xml").body())
        .containsPattern(
            "<link rel=\"enclosure\" type=\"image/jpeg\" href=\"[^\"]+/wide-1200\\.jpg\"");
    JsonNode jsonFeed = JSON.readTree(reporter.get("/iran/feed.json").body());
    JsonNode entry = jsonFeed.get("items").get(0);
    assertThat(entry.get("image").asString()).endsWith("/wide-1200.jpg");
    assertThat(entry.get("content_html").asString())
        .containsPattern("<figure class=\"lead-picture\">\\s*<picture>")
        .containsPattern("src=\"http://localhost:[0-9]+/media/");
    JsonNode ninjs = JSON.readTree(reporter.get("/api/v1/items/" + id + "?format=ninjs").body());
    JsonNode feature = ninjs.get("associations").get(0);
    assertThat(feature.get("name").asString()).isEqualTo("featureimage");
    assertThat(feature.get("type").asString()).isEqualTo("picture");
    assertThat(feature.get("descriptions").get(0).get("value").asString()).isEqualTo(ALT);
    assertThat(feature.get("renditions").size()).isEqualTo(5);
  }

  @Test
  void feed_readers_parse_the_pictures_of_the_rss_and_atom_feeds() throws Exception {
    long id = published("story", "Tabriz bakers get a second delivery");

    for (String path : List.of("/iran/feed.xml", "/iran/atom.xml")) {
      String xml = reporter.get(path).body();
      Path file = Files.writeString(data.resolve("feed-" + path.replace('/', '-')), xml);
      Process xmllint =
          new ProcessBuilder(TestTools.xmllint().toString(), "--noout", file.toString())
              .redirectErrorStream(true)
              .start();
      String complaints = new String(xmllint.getInputStream().readAllBytes());
      assertThat(xmllint.waitFor()).as(path + ": " + complaints).isZero();
      SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
      SyndEntry entry =
          feed.getEntries().stream()
              .filter(e -> e.getLink().contains("/iran/" + id + "/"))
              .findFirst()
              .orElseThrow();
      assertThat(entry.getEnclosures())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getUrl()).matches("http://localhost:[0-9]+/media/.+/wide-1200\\.jpg");
                assertThat(e.getType()).isEqualTo("image/jpeg");
              });
      if (path.endsWith("feed.xml")) {
        MediaEntryModule media = (MediaEntryModule) entry.getModule(MediaModule.URI);
        assertThat(media.getMediaContents()).hasSize(1);
        assertThat(media.getMediaContents()[0].getWidth()).isEqualTo(1200);
        assertThat(media.getMediaContents()[0].getMetadata().getDescription()).isEqualTo(ALT);
      }
    }
  }

  @Test
  void a_brief_with_a_picture_shows_it_small_in_the_rail_beside_a_story() {
    long brief = published("brief", "Tabriz mills reopen");
    long story = published("story", "Wheat prices steady in Azerbaijan province");

    String page = publicPage(story);

    assertThat(page)
        .containsPattern(
            "<li><span class=\"thumb\"><picture><source type=\"image/webp\" srcset=\"[^\"]*square-160\\.webp 160w")
        .contains("/iran/" + brief + "/");
  }
}
