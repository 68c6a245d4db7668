package news.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import news.masthead.app.Masthead;
import news.masthead.app.Settings;
import news.masthead.testing.TestTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class SiteIconsTest {
  @TempDir Path data;

  private static HttpResponse<byte[]> get(Masthead masthead, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masthead.port() + path))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void every_page_names_icons_that_exist_in_the_sizes_browsers_and_phones_ask_for()
      throws Exception {
    TestTools.vips();
    try (Masthead masthead = Masthead.open(Settings.defaults(data, 0)).serve()) {
      String front = new String(get(masthead, "/").body(), java.nio.charset.StandardCharsets.UTF_8);
      HttpResponse<byte[]> favicon = get(masthead, "/favicon.ico");
      HttpResponse<byte[]> touch = get(masthead, "/apple-touch-icon.png");
      HttpResponse<byte[]> large = get(masthead, "/icons/icon-512.png");
      var manifest =
          JsonMapper.builder().build().readTree(get(masthead, "/site.webmanifest").body());

      assertThat(front)
          .contains("<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"32x32\">")
          .contains("<link rel=\"apple-touch-icon\" href=\"/apple-touch-icon.png\">")
          .contains("<link rel=\"manifest\" href=\"/site.webmanifest\">");
      assertThat(favicon.statusCode()).isEqualTo(200);
      assertThat(favicon.headers().firstValue("Content-Type")).hasValue("image/x-icon");
      assertThat(favicon.body()).startsWith(0, 0, 1, 0); // an ICO file's header
      assertThat(ImageIO.read(new ByteArrayInputStream(touch.body())).getWidth()).isEqualTo(180);
      assertThat(ImageIO.read(new ByteArrayInputStream(large.body())).getHeight()).isEqualTo(512);
      assertThat(manifest.get("name").asString()).isEqualTo("Masthead");
      assertThat(manifest.get("icons").get(1).get("src").asString())
          .isEqualTo("/icons/icon-512.png");
      assertThat(get(masthead, "/icons/icon-999.png").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void an_outlet_puts_its_own_icon_in_the_data_directory() throws Exception {
    BufferedImage red = new BufferedImage(600, 600, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = red.createGraphics();
    g.setColor(new Color(200, 0, 0));
    g.fillRect(0, 0, 600, 600);
    g.dispose();
    ImageIO.write(red, "png", data.resolve("icon.png").toFile());

    try (Masthead masthead = Masthead.open(Settings.defaults(data, 0)).serve()) {
      BufferedImage icon =
          ImageIO.read(new ByteArrayInputStream(get(masthead, "/icons/icon-192.png").body()));

      assertThat(icon.getWidth()).isEqualTo(192);
      assertThat(new Color(icon.getRGB(96, 96)).getRed()).isGreaterThan(180);
      assertThat(new Color(icon.getRGB(96, 96)).getGreen()).isLessThan(40);
    }
  }
}
