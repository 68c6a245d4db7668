package news.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import news.masthead.app.Masthead;
import news.masthead.app.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsroomHostTest {
  @Test
  void a_newsroom_on_a_host_of_its_own_sends_requests_on_the_public_host_there_and_links_to_it(
      @TempDir Path data) throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (Masthead masthead =
        Masthead.open(
                Settings.standalone(
                    Map.of(
                        "data",
                        data.toString(),
                        "port",
                        Integer.toString(port),
                        "base.url",
                        "http://news.localhost:" + port,
                        "newsroom.url",
                        "http://desk.localhost:" + port,
                        "metrics",
                        "off")))
            .serve()) {
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
