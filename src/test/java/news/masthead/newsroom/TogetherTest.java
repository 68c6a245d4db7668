package news.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import news.masthead.app.Masthead;
import news.masthead.testing.Newsrooms;
import news.masthead.testing.TestDatabases;
import news.masthead.together.Together;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live co-editing over HTTP, on two nodes sharing one PostgreSQL database: steps in, steps out by
 * long polling and by server-sent events, batches based on an old version, and bad batches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TogetherTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private String url;
  private Masthead first;
  private Masthead second;
  private String origin;
  private String secondAddress;
  private StaffClient reporter;
  private StaffClient editor;
  private StaffClient editorOnSecond;
  private StaffClient iraqEditor;

  @BeforeAll
  void start(@TempDir Path one, @TempDir Path two) throws Exception {
    url = TestDatabases.createPostgres();
    int port = Newsrooms.freePort();
    origin = "http://localhost:" + port;
    first = Newsrooms.serve(one, port, origin, Map.of("db.url", url, "mode", "development"));
    Newsrooms.importDemo(first, one);
    int secondPort = Newsrooms.freePort();
    secondAddress = "http://localhost:" + secondPort;
    second = Newsrooms.serve(two, secondPort, origin, Map.of("db.url", url, "mode", "development"));
    reporter =
        StaffClient.add(first, origin, "reporter@example.org", "contributor", List.of("iran"));
    editor = StaffClient.add(first, origin, "editor@example.org", "editor", List.of("iran"));
    editorOnSecond = editor.onNode(secondAddress);
    iraqEditor = StaffClient.add(first, origin, "iraq@example.org", "editor", List.of("iraq"));
  }

  @AfterAll
  void stop() {
    first.close();
    second.close();
    TestDatabases.dropPostgres(url);
  }

  private long write() {
    HttpResponse<String> created =
        reporter.post("/newsroom/items", DeskTest.story("Bakeries in Tabriz open at dawn"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
    String location = created.headers().firstValue("Location").orElseThrow();
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  private static String typed(int at, String text) {
    return "{\"stepType\":\"replace\",\"from\":"
        + at
        + ",\"to\":"
        + at
        + ",\"slice\":{\"content\":[{\"type\":\"text\",\"text\":\""
        + text
        + "\"}]}}";
  }

  private static String batch(int version, String client, String... steps) {
    return "{\"version\":"
        + version
        + ",\"clientID\":\""
        + client
        + "\",\"steps\":["
        + String.join(",", steps)
        + "]}";
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  @Test
  void two_editors_on_two_nodes_exchange_steps_and_a_stale_batch_gets_what_it_missed() {
    long id = write();
    String base = "/newsroom/items/" + id + "/together";
    JsonNode opened = json(reporter.get(base));
    assertThat(opened.path("version").asInt()).isZero();
    assertThat(opened.path("doc").toString()).contains("water utility of Tehran");

    HttpResponse<String> mine =
        reporter.postJson(base + "/steps", batch(0, "reporter-tab-1", typed(1, "Update: ")));
    HttpResponse<String> theirs =
        editorOnSecond.postJson(base + "/steps", batch(0, "editor-tab-01", typed(1, "Now: ")));

    assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
    assertThat(json(mine).path("version").asInt()).isEqualTo(1);
    assertThat(theirs.statusCode()).as(theirs.body()).isEqualTo(409);
    assertThat(json(theirs).path("version").asInt()).isEqualTo(1);
    assertThat(json(theirs).path("clientIDs").toString()).contains("reporter-tab-1");
    assertThat(json(theirs).path("steps").toString()).contains("Update: ");

    HttpResponse<String> rebased =
        editorOnSecond.postJson(base + "/steps", batch(1, "editor-tab-01", typed(9, "now ")));
    assertThat(rebased.statusCode()).as(rebased.body()).isEqualTo(200);
    JsonNode polled = json(reporter.get(base + "/steps?version=1"));
    assertThat(polled.path("version").asInt()).isEqualTo(2);
    assertThat(polled.path("clientIDs").toString()).contains("editor-tab-01");

    JsonNode now = json(editor.get(base));
    assertThat(now.path("version").asInt()).isEqualTo(2);
    assertThat(now.path("doc").toString()).contains("Update: now The water utility");
    assertThat(now.path("hash").asString()).isEqualTo(Together.hash(now.path("doc").toString()));
    assertThat(json(editorOnSecond.get(base)).path("hash").asString())
        .isEqualTo(now.path("hash").asString());
  }

  @Test
  void a_follower_on_one_node_hears_steps_accepted_on_the_other_within_a_moment() throws Exception {
    long id = write();
    String base = "/newsroom/items/" + id + "/together";
    reporter.get(base);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(secondAddress + base + "/events?version=0"))
            .header("Cookie", "newsroom=" + editor.cookie())
            .header("Accept", "text/event-stream")
            .build();
    var stream =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
    assertThat(stream.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    Thread reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  try (Stream<String> body = stream.body()) {
                    body.forEach(lines::add);
                  } catch (java.io.UncheckedIOException e) {
                    // the stream ends when the test closes its client
                  }
                });
    HttpResponse<String> presence =
        editor.postJson(
            base + "/presence", "{\"clientID\":\"editor-tab-02\",\"place\":\"headline\"}");
    assertThat(presence.statusCode()).as(presence.body()).isEqualTo(200);
    HttpResponse<String> sent =
        reporter.postJson(base + "/steps", batch(0, "reporter-tab-2", typed(1, "Breaking: ")));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);

    StringBuilder heard = new StringBuilder();
    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < until
        && !(heard.toString().contains("Breaking: ") && heard.toString().contains("headline"))) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null) {
        heard.append(line).append('\n');
      }
    }
    client.shutdownNow();
    assertThat(heard.toString())
        .contains("event: steps")
        .contains("Breaking: ")
        .contains("reporter-tab-2")
        .contains("event: presence")
        .contains("\"place\":\"headline\"")
        .contains("editor");
  }

  @Test
  void bad_batches_are_refused_by_name_and_change_nothing() {
    long id = write();
    String base = "/newsroom/items/" + id + "/together";
    reporter.get(base);
    String client = "reporter-tab-3";

    assertThat(reporter.postJson(base + "/steps", batch(0, client, "{\"stepType\":\"explode\"}")))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(400))
        .satisfies(r -> assertThat(r.body()).contains("unknown type"));
    assertThat(reporter.postJson(base + "/steps", batch(0, client, typed(100000, "x"))))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(400))
        .satisfies(r -> assertThat(r.body()).contains("step 1"));
    assertThat(
            reporter.postJson(
                base + "/steps",
                batch(
                    0,
                    client,
                    "{\"stepType\":\"replace\",\"from\":1,\"to\":1,\"slice\":{\"content\":"
                        + "[{\"type\":\"script\",\"text\":\"x\"}]}}")))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(400))
        .satisfies(r -> assertThat(r.body()).contains("script"));
    assertThat(
            reporter.postJson(
                base + "/steps",
                batch(
                    0,
                    client,
                    "{\"stepType\":\"addMark\",\"from\":1,\"to\":4,\"mark\":{\"type\":\"link\","
                        + "\"attrs\":{\"href\":\"javascript:alert(1)\"}}}")))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(400))
        .satisfies(r -> assertThat(r.body()).contains("javascript:"));
    String[] many = new String[Together.MAX_STEPS + 1];
    java.util.Arrays.fill(many, typed(1, "a"));
    assertThat(reporter.postJson(base + "/steps", batch(0, client, many)))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(400))
        .satisfies(r -> assertThat(r.body()).contains("at most " + Together.MAX_STEPS));
    assertThat(reporter.postJson(base + "/steps", batch(7, client, typed(1, "a"))))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(400))
        .satisfies(r -> assertThat(r.body()).contains("never had"));
    assertThat(reporter.postJson(base + "/steps", batch(0, "x", typed(1, "a"))).statusCode())
        .isEqualTo(400);
    assertThat(iraqEditor.postJson(base + "/steps", batch(0, client, typed(1, "a"))).statusCode())
        .isIn(403, 404);
    assertThat(
            reporter
                .postJson(base + "/steps", "{\"version\":0,\"clientID\":\"" + client + "\"")
                .statusCode())
        .isEqualTo(400);

    JsonNode now = json(reporter.get(base));
    assertThat(now.path("version").asInt()).isZero();
    assertThat(now.path("doc").toString()).doesNotContain("explode").doesNotContain("javascript");
  }

  @Test
  void a_copy_that_cannot_join_the_live_text_is_kept_beside_it_and_never_replaces_it() {
    long id = write();
    String base = "/newsroom/items/" + id + "/together";
    json(reporter.get(base));
    assertThat(
            reporter
                .postJson(base + "/steps", batch(0, "reporter-tab-3", typed(1, "Update: ")))
                .statusCode())
        .isEqualTo(200);
    int revision = reporter.latest(id);

    Map<String, String> stale = DeskTest.story("Bakeries in Tabriz open at dawn");
    stale.put("body_text", "The water utility of Tehran said on Monday. A refused copy's line.");
    stale.put("revision", Integer.toString(revision));
    stale.put("together_draft", "1");
    HttpResponse<String> kept = editorOnSecond.postForJson("/newsroom/items/" + id, stale);

    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(409);
    String draft = json(kept).path("conflict").asString();
    assertThat(draft).startsWith("/newsroom/items/" + id + "/conflicts/");
    assertThat(json(editor.get(base)).path("doc").toString())
        .contains("Update: The water utility")
        .doesNotContain("refused copy");
    assertThat(reporter.latest(id))
        .as("the live text was kept as a revision")
        .isGreaterThan(revision);
    assertThat(editorOnSecond.get(draft).body()).contains("refused copy");
  }

  @Test
  void a_kept_copy_that_conflicts_with_nothing_shows_its_text_and_says_saving_applies_it() {
    long id = write();
    String base = "/newsroom/items/" + id + "/together";
    json(reporter.get(base));
    Map<String, String> copy = DeskTest.story("Bakeries in Tabriz open at dawn");
    copy.put(
        "body_text",
        "The water utility of Tehran said on Monday it would cut supply at night.\n\n"
            + "The utility did not say how long the cuts would last.\n\n"
            + "A line typed offline that the server could not take.");
    copy.put("revision", Integer.toString(reporter.latest(id)));
    copy.put("together_draft", "1");
    HttpResponse<String> kept = reporter.postForJson("/newsroom/items/" + id, copy);
    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(409);

    String page = reporter.get(json(kept).path("conflict").asString()).body();

    assertThat(page)
        .doesNotContain("<fieldset class=\"conflict\">")
        .contains("Nothing in your copy conflicts with the text as it is now")
        .contains("<details class=\"kept-copy\" open>")
        .contains("<p>A line typed offline that the server could not take.</p>");
  }

  @Test
  void a_stream_that_may_not_start_is_refused_with_its_own_status() throws Exception {
    long id = write();
    String events = "/newsroom/items/" + id + "/together/events";
    reporter.get("/newsroom/items/" + id + "/together");
    HttpResponse<String> anonymous =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(origin + events + "?version=0")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).as("nobody signed in").isEqualTo(403);
    assertThat(anonymous.headers().firstValue("Content-Type").orElse(""))
        .doesNotStartWith("text/event-stream");
    assertThat(iraqEditor.get(events + "?version=0").statusCode())
        .as("an editor of another section")
        .isIn(403, 404);
    HttpResponse<String> noVersion = editor.get(events);
    assertThat(noVersion.statusCode()).isEqualTo(400);
    assertThat(noVersion.body()).contains("version");
  }

  @Test
  void steps_from_a_session_just_ended_are_refused_at_once() {
    long id = write();
    StaffClient leaving =
        StaffClient.add(first, origin, "leaving@example.org", "editor", List.of("iran"));
    String base = "/newsroom/items/" + id + "/together";
    int version = json(leaving.get(base)).path("version").asInt();
    assertThat(
            leaving
                .postJson(base + "/steps", batch(version, "leaving-tab-1", typed(1, "Early ")))
                .statusCode())
        .isEqualTo(200);

    assertThat(leaving.post("/newsroom/sign-out", Map.of()).statusCode()).isEqualTo(303);

    HttpResponse<String> after =
        leaving.postJson(base + "/steps", batch(version + 1, "leaving-tab-1", typed(1, "Late ")));
    assertThat(after.statusCode()).as(after.body()).isEqualTo(403);
    assertThat(json(reporter.get(base)).path("doc").toString()).doesNotContain("Late ");
  }
}
