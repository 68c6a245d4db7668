package news.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import news.masthead.app.Masthead;
import news.masthead.testing.Newsrooms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsroomHostTest {
  @Test
  void a_newsroom_on_a_host_of_its_own_sends_requests_on_the_public_host_there_and_links_to_it(
      @TempDir Path data) throws IOException {
    int port = Newsrooms.freePort();
    try (Masthead masthead =
        Newsrooms.serve(
            data,
            port,
            "http://news.localhost:" + port,
            Map.of("newsroom.url", "http://desk.localhost:" + port))) {
      String onPublic = raw(port, "news.localhost:" + port, "/newsroom/sign-in?lang=fa");
      String onOwn = raw(port, "desk.localhost:" + port, "/newsroom/sign-in");
      String link = masthead.addStaff("host@example.org", "Host", "editor", List.of(), "en");

      assertThat(onPublic)
          .startsWith("HTTP/1.1 308")
          .contains("Location: http://desk.localhost:" + port + "/newsroom/sign-in?lang=fa");
      assertThat(onOwn).startsWith("HTTP/1.1 200");
      assertThat(link).startsWith("http://desk.localhost:" + port + "/newsroom/enrol/");
    }
  }

  @Test
  void behind_https_the_session_cookie_is_secure_host_prefixed_and_strict(@TempDir Path data)
      throws Exception {
    int port = Newsrooms.freePort();
    String origin = "https://localhost:" + port; // as a TLS proxy in front would present it
    try (Masthead masthead = Newsrooms.serve(data, port, origin, Map.of())) {
      String link = masthead.addStaff("tls@example.org", "Tls", "contributor", List.of(), "en");
      String path = java.net.URI.create(link).getPath();
      var http = java.net.http.HttpClient.newHttpClient();
      String page =
          http.send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create("http://127.0.0.1:" + port + path))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .body();
      java.util.regex.Matcher secret =
          java.util.regex.Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(page);
      assertThat(secret.find()).isTrue();
      String code = Newsrooms.code(secret.group(1), 0);
      String form =
          "totp=" + secret.group(1) + "&password=lantern+orchard+quietly+tuesday&code=" + code;

      var enrolled =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + port + path + "/password"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Origin", origin)
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());

      assertThat(enrolled.statusCode()).isEqualTo(303);
      assertThat(enrolled.headers().firstValue("Set-Cookie"))
          .get()
          .asString()
          .startsWith("__Host-newsroom=")
          .contains("Path=/;")
          .contains("Secure")
          .contains("HttpOnly")
          .contains("SameSite=Strict")
          .doesNotContain("Domain=");
    }
  }

  /** A request with the Host header given (Java's HTTP client will not set it). */
  private static String raw(int port, String host, String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
