package news.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.masthead.app.Masthead;
import news.masthead.testing.Newsrooms;
import news.masthead.testing.Photos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PicturesKeepCreditTest {

  @Test
  void
      an_outlet_that_keeps_credit_and_rights_finds_the_librarys_words_and_nothing_else_in_renditions(
          @TempDir Path data) throws Exception {
    int port = Newsrooms.freePort();
    String origin = "http://localhost:" + port;
    try (Masthead masthead =
        Newsrooms.serve(data, port, origin, Map.of("pictures.keep", "credit,rights"))) {
      StaffClient editor =
          StaffClient.add(masthead, origin, "editor@example.org", "editor", List.of("iran"));
      HttpResponse<String> uploaded =
          editor.upload(
              "/newsroom/media",
              Map.of(
                  "caption", "ناوبری در بندر بوشهر",
                  "credit", "عکاس خبرگزاری",
                  "alt", "A harbour at dusk.",
                  "rights", "Editorial use only",
                  "language", "fa"),
              List.of(new StaffClient.Upload("harbour.jpg", Photos.phonePhoto(data, 800, 600))),
              true);
      Matcher id =
          Pattern.compile("href=\"/newsroom/media/([0-9]+)\"><bdi>harbour.jpg")
              .matcher(uploaded.body());
      assertThat(id.find()).as(uploaded.body()).isTrue();
      String page = editor.get("/newsroom/media/" + id.group(1)).body();
      Matcher path =
          Pattern.compile("src=\"(/media/[A-Za-z0-9_-]{22}/1/wide-480\\.jpg)\"").matcher(page);
      assertThat(path.find()).as(page).isTrue();

      assertThat(page).contains("are written into every copy served");
      for (String file : List.of(path.group(1), path.group(1).replace(".jpg", ".webp"))) {
        HttpResponse<byte[]> served = editor.getBytes(file);
        assertThat(served.statusCode()).isEqualTo(200);
        String fields = Photos.exif(data, served.body());
        assertThat(fields)
            .as(file)
            .contains("Credit")
            .contains("عکاس خبرگزاری")
            .contains("Editorial use only")
            .doesNotContain("GPS")
            .doesNotContain("CAM-4471")
            .doesNotContain("unnamed")
            .doesNotContain("Tehran")
            .doesNotContain("ExamplePhone");
      }
    }
  }
}
