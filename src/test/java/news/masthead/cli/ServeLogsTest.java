package news.masthead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code masthead serve} as an operator runs it, in a process of its own: with {@code
 * MASTHEAD_LOG_FORMAT=json} every line it writes is one JSON object, the request lines with their
 * fields as key-values; and a production node with the default base URL refuses to start.
 */
class ServeLogsTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Pattern SERVING = Pattern.compile("serving .* on http:(?:\\\\?/){2}[^:]+:(\\d+)");

  private static Process serve(Path data, String... environment) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "--add-modules=jdk.incubator.vector",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "serve",
                "--port",
                "0",
                "--data",
                data.toString())
            .redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("MASTHEAD_"));
    builder.environment().put("MASTHEAD_METRICS", "off");
    builder.environment().put("MASTHEAD_HOST", "127.0.0.1");
    for (int i = 0; i < environment.length; i += 2) {
      builder.environment().put(environment[i], environment[i + 1]);
    }
    return builder.start();
  }

  @Test
  void json_logs_are_one_object_a_line_with_each_request_as_fields(@TempDir Path data)
      throws Exception {
    Process server = serve(data, "MASTHEAD_LOG_FORMAT", "json", "MASTHEAD_ACCESS_LOG", "on");
    LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  lines.add(line);
                }
              } catch (java.io.IOException ended) {
                // the process ended
              }
            });
    List<String> seen = new ArrayList<>();
    try {
      int port = -1;
      while (port < 0) {
        String line = lines.poll(60, TimeUnit.SECONDS);
        assertThat(line).as("the server's start, after %s", seen).isNotNull();
        seen.add(line);
        Matcher m = SERVING.matcher(line);
        if (m.find()) {
          port = Integer.parseInt(m.group(1));
        }
      }
      try (HttpClient http = HttpClient.newHttpClient()) {
        HttpResponse<String> search =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/search?q=informant"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(search.statusCode()).isIn(200, 503);
      }
      JsonNode request = null;
      while (request == null) {
        String line = lines.poll(10, TimeUnit.SECONDS);
        assertThat(line).as("the request's line, after %s", seen).isNotNull();
        seen.add(line);
        JsonNode event = JSON.readTree(line);
        if (event.path("loggerName").asString().equals("masthead.access")) {
          request = event;
        }
      }
      for (String line : seen) {
        // the JVM's own note of the vector module the launcher adds, before any logger exists
        if (!line.equals("WARNING: Using incubator modules: jdk.incubator.vector")) {
          assertThat(JSON.readTree(line).path("level").asString()).isNotEmpty();
        }
      }
      assertThat(request.toString()).doesNotContain("informant");
      List<String> keys = new ArrayList<>();
      request.path("kvpList").forEach(kv -> kv.properties().forEach(e -> keys.add(e.getKey())));
      assertThat(keys).contains("method", "path", "route", "status", "ms", "bytes", "client");
    } finally {
      server.destroy();
      server.waitFor(15, TimeUnit.SECONDS);
    }
  }

  @Test
  void a_production_node_with_the_localhost_base_url_refuses_to_start(@TempDir Path data)
      throws Exception {
    Process server = serve(data, "MASTHEAD_MODE", "production");
    assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String said = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(server.exitValue()).isEqualTo(1);
    assertThat(said)
        .contains("masthead: MASTHEAD_BASE_URL is http://localhost:8080")
        .contains("production node");
  }
}
