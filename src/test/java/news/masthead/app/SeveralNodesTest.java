package news.masthead.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import news.masthead.content.Copy;
import news.masthead.content.SavedRevision;
import news.masthead.testing.Copies;
import news.masthead.testing.RunningSite;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL, as an operator runs them behind a load balancer: what one saves, the
 * other shows on every public surface within a second of the commit, and stopping one never
 * disturbs the other.
 */
class SeveralNodesTest {
  @TempDir Path first;
  @TempDir Path second;
  String url;
  Masthead saving;
  Masthead reading;
  RunningSite other;

  @BeforeEach
  void start() {
    url = TestDatabases.createPostgres();
    saving = node(first);
    reading = node(second);
    other = RunningSite.of(reading);
  }

  private Masthead node(Path data) {
    return Masthead.open(
            Settings.standalone(
                Map.of(
                    "data", data.toString(),
                    "port", "0",
                    "host", "127.0.0.1",
                    "db.url", url,
                    "mode", "development",
                    "metrics", "off",
                    "access.log", "off")))
        .serve();
  }

  @AfterEach
  void stop() {
    saving.close();
    reading.close();
    TestDatabases.dropPostgres(url);
  }

  @Test
  void a_story_saved_on_one_node_shows_on_the_others_pages_feeds_search_and_api() throws Exception {
    waitUntilSearchable();
    Copy copy = Copies.story("Kharazmi bridge reopens after the quake survey", "Iran");
    SavedRevision saved =
        saving.publishing().save(Copies.published("urn:nodes:1", copy, "2026-11-30T09:00:00Z"));
    long committed = System.nanoTime();
    long id = saved.id().value();

    List<String> missing = List.of("page", "front", "feed", "search", "api");
    while (!missing.isEmpty() && System.nanoTime() - committed < 5_000_000_000L) {
      List<String> still = new ArrayList<>();
      if (!shows("/iran/" + id + "/kharazmi-bridge-reopens-after-the-quake-survey")) {
        still.add("page");
      }
      if (!shows("/")) {
        still.add("front");
      }
      if (!shows("/feed.xml")) {
        still.add("feed");
      }
      if (!shows("/search?q=kharazmi", "/iran/" + id + "/")) {
        still.add("search");
      }
      if (!shows("/api/v1/items/" + id)) {
        still.add("api");
      }
      missing = still;
    }
    long tookMillis = (System.nanoTime() - committed) / 1_000_000;

    System.out.printf(
        "every surface of the other node showed the story %d ms after commit%n", tookMillis);
    assertThat(missing).as("surfaces of the other node still without the story").isEmpty();
    assertThat(tookMillis).as("milliseconds from commit to every surface").isLessThan(1_000);
  }

  private boolean shows(String path) {
    return shows(path, "Kharazmi bridge reopens");
  }

  private boolean shows(String path, String text) {
    HttpResponse<String> response = other.get(path);
    return response.statusCode() == 200 && response.body().contains(text);
  }

  private void waitUntilSearchable() throws InterruptedException {
    for (int i = 0; i < 200 && other.get("/readyz").statusCode() != 200; i++) {
      Thread.sleep(50);
    }
    assertThat(other.get("/readyz").statusCode()).isEqualTo(200);
  }

  @Test
  void stopping_one_node_never_disturbs_the_other() throws Exception {
    saving
        .publishing()
        .save(
            Copies.published(
                "urn:nodes:2",
                Copies.story("Port workers end strike", "Iraq"),
                "2026-11-30T09:00:00Z"));
    AtomicBoolean reading = new AtomicBoolean(true);
    List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread reader =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (reading.get()) {
                    statuses.add(other.get("/").statusCode());
                    statuses.add(other.get("/iraq").statusCode());
                  }
                });
    Thread.sleep(300);
    saving.close();
    saving = node(first); // closed twice is harmless; a fresh one for teardown
    Thread.sleep(300);
    reading.set(false);
    reader.join(5_000);

    assertThat(statuses).hasSizeGreaterThan(10).containsOnly(200);
  }
}
