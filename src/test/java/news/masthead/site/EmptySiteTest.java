package news.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import news.masthead.app.Masthead;
import news.masthead.app.Settings;
import news.masthead.testing.TestTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmptySiteTest {
  @TempDir Path data;

  @Test
  void the_front_page_of_an_empty_site_explains_how_to_import_or_run_the_demo() throws Exception {
    try (Masthead masthead = Masthead.open(Settings.defaults(data, 0)).serve()) {
      HttpResponse<String> front =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masthead.port() + "/"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(front.statusCode()).isEqualTo(200);
      assertThat(front.body()).contains("./masthead import").contains("./masthead serve --demo");
    }
  }

  @Test
  void the_news_sitemap_of_a_site_with_no_recent_news_is_valid_against_the_sitemap_schema()
      throws Exception {
    try (Masthead masthead = Masthead.open(Settings.defaults(data, 0)).serve()) {
      HttpResponse<String> news =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + masthead.port() + "/sitemaps/news.xml"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      Path file = data.resolve("news.xml");
      Files.writeString(file, news.body());
      Path schema = Path.of(getClass().getResource("/schemas/sitemap.xsd").toURI());

      Process check =
          new ProcessBuilder(
                  TestTools.xmllint().toString(),
                  "--noout",
                  "--schema",
                  schema.toString(),
                  file.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(check.getInputStream().readAllBytes());

      assertThat(check.waitFor()).as(output).isZero();
      assertThat(news.body()).doesNotContain("<news:news>");
    }
  }
}
