package news.masthead.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.masthead.testing.RunningSite;
import news.masthead.testing.TestTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metrics an operator scrapes: served apart from the public site, in a format Prometheus's own
 * tools accept, scraped by a real Prometheus server, and every query of the shipped Grafana
 * dashboard names a metric the node really exposes.
 */
class MetricsTest {
  static final Path DASHBOARD = Path.of("ops/grafana/masthead.json");
  static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path data;
  static RunningSite site;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    site = RunningSite.withDemo(data, Map.of("metrics", "127.0.0.1:0", "host", "127.0.0.1"));
    // a little traffic of every kind: pages rendered and kept, a search, an unknown address
    for (String path : List.of("/", "/", "/iran", "/search?q=water", "/no-such-page", "/readyz")) {
      site.get(path);
    }
    // GC meters appear with the JVM's first collection, which a running server has long had
    System.gc();
    for (int i = 0; i < 100 && !scrape().contains("jvm_gc_pause_seconds_sum"); i++) {
      sleep(50);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static String scrape() {
    int port = site.masthead().metricsPort().orElseThrow();
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .contains("text/plain; version=0.0.4; charset=utf-8");
      return response.body();
    } catch (IOException | InterruptedException e) {
      throw new AssertionError("cannot scrape the metrics endpoint", e);
    }
  }

  @Test
  void requests_are_counted_by_route_pattern_and_status_with_a_latency_histogram() {
    String metrics = scrape();

    assertThat(metrics)
        .contains(
            "masthead_http_requests_seconds_count{method=\"GET\",route=\"/\",status=\"200\"} 2")
        .contains(
            "masthead_http_requests_seconds_count{method=\"GET\",route=\"/{section}\",status=\"200\"} 1")
        .contains(
            "masthead_http_requests_seconds_count{method=\"GET\",route=\"/search\",status=\"200\"} 1")
        .contains(
            "masthead_http_requests_seconds_bucket{method=\"GET\",route=\"/\",status=\"200\",le=");
    // the second front page came from the address cache, in front of the router: still its route
    assertThat(metrics)
        .contains("masthead_page_cache_requests_total{cache=\"address\",result=\"hit\"} 1.0");
    assertThat(metrics).containsPattern("masthead_search_seconds_count 1\\b");
    assertThat(metrics)
        .contains("masthead_change_log_behind 0.0")
        .contains("masthead_search_index_behind 0.0")
        .contains("hikaricp_connections_active{pool=\"masthead\"}")
        .contains("jvm_memory_used_bytes{area=\"heap\"")
        .contains("jvm_gc_pause_seconds");
  }

  @Test
  void the_public_port_does_not_serve_metrics() {
    assertThat(site.get("/metrics").statusCode()).isEqualTo(404);
  }

  @Test
  void promtool_accepts_what_the_node_exposes(@TempDir Path dir) throws Exception {
    Path scraped = Files.writeString(dir.resolve("scrape.txt"), scrape());
    Process check =
        new ProcessBuilder(TestTools.promtool().toString(), "check", "metrics")
            .redirectInput(scraped.toFile())
            .redirectErrorStream(true)
            .start();
    String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as("promtool check metrics said: %s", said).isZero();
  }

  @Test
  void every_dashboard_query_names_a_metric_the_node_exposes() throws IOException {
    String metrics = scrape();
    Set<String> exposed = new TreeSet<>();
    for (String line : metrics.split("\n")) {
      if (!line.startsWith("#") && !line.isBlank()) {
        exposed.add(line.split("[{ ]", 2)[0]);
      }
    }
    JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
    List<String> queries = new java.util.ArrayList<>();
    dashboard
        .get("panels")
        .forEach(p -> p.get("targets").forEach(t -> queries.add(t.get("expr").asString())));
    dashboard
        .get("templating")
        .get("list")
        .forEach(
            v -> {
              if (v.path("type").asString().equals("query")) {
                queries.add(v.get("query").asString());
              }
            });
    Pattern metric = Pattern.compile("\\b((?:masthead|hikaricp|jvm|process)_[a-z0-9_]+)");
    Set<String> named = new TreeSet<>();
    for (String query : queries) {
      Matcher m = metric.matcher(query);
      boolean any = false;
      while (m.find()) {
        named.add(m.group(1));
        any = true;
      }
      assertThat(any).as("a query that names no metric: %s", query).isTrue();
    }
    assertThat(queries).hasSizeGreaterThanOrEqualTo(12);
    assertThat(exposed).containsAll(named);
  }

  @Test
  void a_real_prometheus_scrapes_the_node(@TempDir Path dir) throws Exception {
    int metricsPort = site.masthead().metricsPort().orElseThrow();
    int prometheusPort;
    try (ServerSocket free = new ServerSocket(0)) {
      prometheusPort = free.getLocalPort();
    }
    Path config =
        Files.writeString(
            dir.resolve("prometheus.yml"),
            """
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: masthead
                static_configs:
                  - targets: ['127.0.0.1:%d']
            """
                .formatted(metricsPort));
    Process prometheus =
        new ProcessBuilder(
                TestTools.prometheus().toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + prometheusPort)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    try {
      String query =
          "http://127.0.0.1:"
              + prometheusPort
              + "/api/v1/query?query=masthead_http_requests_seconds_count%7Broute%3D%22%2F%22%7D";
      JsonNode found = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        try {
          HttpResponse<String> answer =
              HTTP.send(
                  HttpRequest.newBuilder(URI.create(query)).timeout(Duration.ofSeconds(5)).build(),
                  HttpResponse.BodyHandlers.ofString());
          JsonNode result = JSON.readTree(answer.body()).path("data").path("result");
          if (answer.statusCode() == 200 && result.size() > 0) {
            found = result;
            break;
          }
        } catch (IOException notYet) {
          // Prometheus is still starting
        }
        Thread.sleep(250);
      }
      assertThat(found)
          .as("Prometheus's log: %s", Files.readString(dir.resolve("prometheus.log")))
          .isNotNull();
      assertThat(found.get(0).path("metric").path("job").asString()).isEqualTo("masthead");
      assertThat(found.get(0).path("value").get(1).asString()).isEqualTo("2");
    } finally {
      prometheus.destroy();
      prometheus.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
