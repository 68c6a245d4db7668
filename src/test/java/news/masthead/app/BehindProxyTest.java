package news.masthead.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import news.masthead.content.SavedRevision;
import news.masthead.testing.Copies;
import news.masthead.testing.RunningSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What a node needs behind a reverse proxy or CDN: the client's address believed only from trusted
 * proxies, access lines without search terms, surrogate keys on every public response, purges sent
 * to the CDN when content changes, and a production node that refuses a localhost base URL.
 */
class BehindProxyTest {
  /** A node that writes access lines with their fields, as it does with JSON logs. */
  static final Map<String, String> LOGGED = Map.of("access.log", "on", "log.format", "json");

  @TempDir Path data;

  private static Map<String, String> with(String key, String value) {
    Map<String, String> settings = new java.util.HashMap<>(LOGGED);
    settings.put(key, value);
    return settings;
  }

  ListAppender<ILoggingEvent> access = new ListAppender<>();
  Logger accessLogger = (Logger) LoggerFactory.getLogger("masthead.access");

  @BeforeEach
  void listen() {
    access.start();
    accessLogger.addAppender(access);
  }

  @AfterEach
  void stopListening() {
    accessLogger.detachAppender(access);
  }

  private String loggedClient(RunningSite site, String forwardedFor) {
    access.list.clear();
    site.get("/", "X-Forwarded-For", forwardedFor);
    return value(lastAccessLine(), "client");
  }

  private ILoggingEvent lastAccessLine() {
    for (int i = 0; i < 100 && access.list.isEmpty(); i++) {
      sleep(20);
    }
    assertThat(access.list).isNotEmpty();
    return access.list.getLast();
  }

  private static String value(ILoggingEvent event, String key) {
    return event.getKeyValuePairs().stream()
        .filter(kv -> kv.key.equals(key))
        .map(kv -> String.valueOf(kv.value))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + " in " + event));
  }

  @Test
  void the_client_address_comes_from_x_forwarded_for_only_through_a_trusted_proxy() {
    try (RunningSite direct = RunningSite.withDemo(data.resolve("a"), LOGGED)) {
      assertThat(loggedClient(direct, "203.0.113.9")).isEqualTo("127.0.0.1");
    }
    try (RunningSite behind =
        RunningSite.withDemo(data.resolve("b"), with("trusted.proxies", "127.0.0.1,10.0.0.0/8"))) {
      assertThat(loggedClient(behind, "203.0.113.9")).isEqualTo("203.0.113.9");
      // a client that forged the header gets its own address, which the proxies appended
      assertThat(loggedClient(behind, "198.51.100.1, 203.0.113.9, 10.1.2.3"))
          .isEqualTo("203.0.113.9");
    }
    try (RunningSite elsewhere =
        RunningSite.withDemo(data.resolve("c"), with("trusted.proxies", "10.0.0.0/8"))) {
      assertThat(loggedClient(elsewhere, "203.0.113.9")).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void an_access_line_names_route_status_and_bytes_but_never_what_was_searched() {
    try (RunningSite site = RunningSite.withDemo(data, LOGGED)) {
      access.list.clear();
      HttpResponse<String> search = site.get("/search?q=kharazmi+informant");
      ILoggingEvent line = lastAccessLine();

      assertThat(value(line, "method")).isEqualTo("GET");
      assertThat(value(line, "path")).isEqualTo("/search");
      assertThat(value(line, "route")).isEqualTo("/search");
      assertThat(value(line, "status")).isEqualTo(Integer.toString(search.statusCode()));
      assertThat(Long.parseLong(value(line, "bytes")))
          .isEqualTo(search.body().getBytes(StandardCharsets.UTF_8).length);
      assertThat(line.getFormattedMessage()).doesNotContain("kharazmi").doesNotContain("informant");

      access.list.clear();
      site.get("/iran?page=1");
      assertThat(value(lastAccessLine(), "path")).isEqualTo("/iran?page=1");
      assertThat(value(lastAccessLine(), "route")).isEqualTo("/{section}");
    }
  }

  @Test
  void public_responses_name_their_surrogate_keys_for_a_cdn_even_when_replayed() {
    try (RunningSite site = RunningSite.withDemo(data, Map.of())) {
      SavedRevision saved =
          site.masthead()
              .publishing()
              .save(
                  Copies.published(
                      "urn:keys:1",
                      Copies.story("Bridge reopens", "Iran"),
                      "2026-11-30T09:00:00Z"));
      String item = "/iran/" + saved.id().value() + "/bridge-reopens";
      for (int replay = 0; replay < 2; replay++) {
        HttpResponse<String> page = site.get(item);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Surrogate-Key"))
            .contains("item-" + saved.id().value() + " section-en-iran");
        assertThat(page.headers().firstValue("Cache-Tag"))
            .contains("item-" + saved.id().value() + ",section-en-iran");
      }
      assertThat(site.get("/").headers().firstValue("Surrogate-Key")).contains("edition-en");
      assertThat(site.get("/fa/").headers().firstValue("Surrogate-Key")).contains("edition-fa");
      assertThat(site.get("/iraq").headers().firstValue("Surrogate-Key"))
          .contains("section-en-iraq");
      assertThat(site.get("/feed.xml").headers().firstValue("Surrogate-Key"))
          .contains("edition-en edition-fa");
      assertThat(site.get("/readyz").headers().firstValue("Surrogate-Key")).isEmpty();
    }
  }

  @Test
  void every_change_is_announced_to_the_cdn_purge_address_with_the_keys_it_touched()
      throws Exception {
    LinkedBlockingQueue<String> purges = new LinkedBlockingQueue<>();
    HttpServer cdn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    cdn.createContext(
        "/purge",
        exchange -> {
          purges.add(
              exchange.getRequestHeaders().getFirst("Authorization")
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    cdn.start();
    try (RunningSite site =
        RunningSite.withDemo(
            data,
            Map.of(
                "cdn.purge.url",
                "http://127.0.0.1:" + cdn.getAddress().getPort() + "/purge",
                "cdn.purge.token",
                "s3cret"))) {
      // the demo outlet's import, made before the node followed the log or just after it
      for (String demo = purges.poll(3, TimeUnit.SECONDS);
          demo != null;
          demo = purges.poll(1, TimeUnit.SECONDS)) {
        assertThat(demo).startsWith("Bearer s3cret {\"surrogate_keys\":[\"item-");
      }
      SavedRevision saved =
          site.masthead()
              .publishing()
              .save(
                  Copies.published(
                      "urn:purge:1",
                      Copies.story("Dam levels fall", "Economy"),
                      "2026-11-30T09:00:00Z"));

      String purge = purges.poll(10, TimeUnit.SECONDS);
      assertThat(purge)
          .isEqualTo(
              "Bearer s3cret {\"surrogate_keys\":[\"item-"
                  + saved.id().value()
                  + "\",\"section-en-economy\",\"edition-en\"]}");
    } finally {
      cdn.stop(0);
    }
  }

  @Test
  void a_production_node_refuses_the_localhost_base_url_and_names_the_setting() {
    Settings postgres =
        Settings.resolve(Map.of("db.url", "jdbc:postgresql://db.internal/news"), Map.of());
    assertThat(postgres.operations().production()).isTrue();
    assertThatThrownBy(postgres::checkBeforeServing)
        .isInstanceOf(Settings.InvalidSetting.class)
        .hasMessageContaining("MASTHEAD_BASE_URL is http://localhost:8080")
        .hasMessageContaining("https://news.example.org");

    Settings.resolve(
            Map.of(
                "db.url", "jdbc:postgresql://db.internal/news",
                "base.url", "https://news.example.org"),
            Map.of())
        .checkBeforeServing();
    Settings.resolve(Map.of(), Map.of()).checkBeforeServing(); // development, SQLite
    assertThatThrownBy(
            () -> Settings.resolve(Map.of("mode", "production"), Map.of()).checkBeforeServing())
        .isInstanceOf(Settings.InvalidSetting.class);
  }

  @Test
  void operations_settings_that_cannot_be_used_are_refused_by_name() {
    assertThatThrownBy(() -> Settings.resolve(Map.of("trusted.proxies", "proxy.example"), Map.of()))
        .hasMessageContaining("MASTHEAD_TRUSTED_PROXIES")
        .hasMessageContaining("proxy.example");
    assertThatThrownBy(() -> Settings.resolve(Map.of("metrics", "9464"), Map.of()))
        .hasMessageContaining("MASTHEAD_METRICS must be host:port");
    assertThatThrownBy(() -> Settings.resolve(Map.of("log.format", "xml"), Map.of()))
        .hasMessageContaining("MASTHEAD_LOG_FORMAT must be text or json, not \"xml\"");
    assertThatThrownBy(() -> Settings.resolve(Map.of("cdn.purge.url", "ftp://cdn"), Map.of()))
        .hasMessageContaining("MASTHEAD_CDN_PURGE_URL");
    assertThat(Settings.resolve(Map.of("metrics", "off"), Map.of()).operations().metrics())
        .isEmpty();
    assertThat(List.of(Settings.resolve(Map.of(), Map.of()).operations().metrics().orElseThrow()))
        .containsExactly("127.0.0.1:9464");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
