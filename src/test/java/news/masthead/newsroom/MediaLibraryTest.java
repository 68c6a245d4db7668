package news.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.masthead.app.Masthead;
import news.masthead.testing.Newsrooms;
import news.masthead.testing.Photos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The media library over HTTP: upload, what readers get, descriptions, refusals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaLibraryTest {
  private Masthead masthead;
  private StaffClient reporter;
  private StaffClient otherReporter;
  private StaffClient editor;
  private Path data;

  @BeforeAll
  void start(@TempDir Path data) {
    this.data = data;
    int port = Newsrooms.freePort();
    String origin = "http://localhost:" + port;
    masthead = Newsrooms.serve(data, port, origin, Map.of());
    reporter =
        StaffClient.add(masthead, origin, "reporter@example.org", "contributor", List.of("iran"));
    otherReporter =
        StaffClient.add(masthead, origin, "other@example.org", "contributor", List.of("iran"));
    editor = StaffClient.add(masthead, origin, "editor@example.org", "editor", List.of("iran"));
  }

  @AfterAll
  void stop() {
    masthead.close();
  }

  private static final Map<String, String> WORDS =
      Map.of(
          "caption", "Queues outside a bakery in Tabriz on Tuesday.",
          "credit", "Staff photographer",
          "alt", "A line of people along a shop front in winter coats.",
          "rights", "Ours, all uses",
          "language", "en");

  private long upload(StaffClient who) throws Exception {
    HttpResponse<String> page =
        who.upload(
            "/newsroom/media",
            WORDS,
            List.of(new StaffClient.Upload("queue.jpg", Photos.phonePhoto(data, 900, 600))),
            true);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    Matcher m =
        Pattern.compile("href=\"/newsroom/media/([0-9]+)\"><bdi>queue.jpg").matcher(page.body());
    assertThat(m.find()).as(page.body()).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void an_uploaded_phone_photo_is_listed_and_served_to_readers_without_its_hidden_fields()
      throws Exception {
    long id = upload(reporter);

    String picturePage = reporter.get("/newsroom/media/" + id).body();
    Matcher path =
        Pattern.compile("src=\"(/media/[A-Za-z0-9_-]{22}/1/wide-480\\.jpg)\"").matcher(picturePage);
    assertThat(path.find()).as(picturePage).isTrue();
    HttpResponse<byte[]> served = reporter.getBytes(path.group(1));
    HttpResponse<byte[]> webp = reporter.getBytes(path.group(1).replace(".jpg", ".webp"));

    assertThat(picturePage)
        .contains("Queues outside a bakery in Tabriz")
        .contains("GPS: GPS Latitude")
        .contains("Serial Number");
    assertThat(reporter.get("/newsroom/media?q=tabriz").body()).contains("/newsroom/media/" + id);
    assertThat(reporter.get("/newsroom/media?q=nowhere-at-all").body())
        .doesNotContain("/newsroom/media/" + id + "\"");
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(served.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(webp.headers().firstValue("Content-Type")).hasValue("image/webp");
    for (byte[] picture : List.of(served.body(), webp.body())) {
      assertThat(Photos.exif(data, picture))
          .doesNotContain("GPS")
          .doesNotContain("CAM-4471")
          .doesNotContain("unnamed")
          .doesNotContain("Tehran");
    }
    assertThat(masthead.staff().auditLog("media.", "", 100))
        .anyMatch(e -> e.action().equals("media.upload") && e.detail().equals("queue.jpg"));
  }

  @Test
  void moving_the_focal_point_gives_the_renditions_new_addresses_and_the_old_still_answer()
      throws Exception {
    long id = upload(reporter);
    String before = reporter.get("/newsroom/media/" + id).body();
    Matcher old = Pattern.compile("src=\"(/media/[^\"]+/1/square-320\\.jpg)\"").matcher(before);
    assertThat(old.find()).isTrue();

    HttpResponse<String> saved =
        reporter.post(
            "/newsroom/media/" + id,
            Map.of(
                "caption", "Queues in Tabriz.",
                "credit", "Staff",
                "alt", "People queueing.",
                "rights", "Ours",
                "focal_x", "0.9",
                "focal_y", "0.2"));
    String after = reporter.get("/newsroom/media/" + id).body();

    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(after).contains("value=\"0.90\"").contains("Queues in Tabriz.");
    assertThat(after).contains(old.group(1).replace("/1/", "/2/"));
    assertThat(reporter.getBytes(old.group(1).replace("/1/", "/2/")).statusCode()).isEqualTo(200);
    assertThat(reporter.getBytes(old.group(1)).statusCode())
        .as("a page cached before the move still shows its picture")
        .isEqualTo(200);
    assertThat(reporter.getBytes(old.group(1).replace("/1/", "/3/")).statusCode())
        .as("no version after the newest")
        .isEqualTo(404);
  }

  @Test
  void a_contributor_describes_only_their_own_pictures_and_an_editor_any() throws Exception {
    long id = upload(reporter);
    Map<String, String> words =
        Map.of(
            "caption", "Changed", "credit", "", "alt", "", "rights", "", "focal_x", "0.5",
            "focal_y", "0.5");

    assertThat(otherReporter.post("/newsroom/media/" + id, words).statusCode()).isEqualTo(403);
    assertThat(editor.post("/newsroom/media/" + id, words).statusCode()).isEqualTo(303);
  }

  @Test
  void bad_uploads_are_refused_by_name_and_store_nothing() throws Exception {
    int before = count();
    byte[] photo = Photos.phonePhoto(data, 400, 300);

    HttpResponse<String> svg =
        reporter.upload(
            "/newsroom/media",
            WORDS,
            List.of(
                new StaffClient.Upload(
                    "drawing.svg",
                    "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                        .getBytes(StandardCharsets.UTF_8))),
            true);
    HttpResponse<String> truncated =
        reporter.upload(
            "/newsroom/media",
            WORDS,
            List.of(
                new StaffClient.Upload(
                    "cut.jpg", java.util.Arrays.copyOf(photo, photo.length / 2))),
            true);
    HttpResponse<String> scripted =
        reporter.upload(
            "/newsroom/media",
            Map.of("caption", "<script>alert(1)</script>"),
            List.of(new StaffClient.Upload("ok.jpg", photo)),
            true);
    HttpResponse<String> forged =
        reporter.upload(
            "/newsroom/media", WORDS, List.of(new StaffClient.Upload("ok.jpg", photo)), false);

    assertThat(svg.statusCode()).isEqualTo(400);
    assertThat(svg.body()).contains("drawing.svg").contains("SVG drawings are not accepted");
    assertThat(truncated.statusCode()).isEqualTo(400);
    assertThat(truncated.body()).contains("truncated");
    assertThat(scripted.statusCode()).isEqualTo(400);
    assertThat(scripted.body()).contains("markup is not accepted");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(count()).isEqualTo(before);
    assertThat(reporter.getBytes("/media/AAAAAAAAAAAAAAAAAAAAAA/1/wide-480.jpg").statusCode())
        .isEqualTo(404);
  }

  private int count() {
    return masthead.media().list("", 10_000).size();
  }
}
