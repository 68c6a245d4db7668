package news.masthead.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import news.masthead.app.Masthead;
import news.masthead.app.Settings;
import news.masthead.content.Copy;
import news.masthead.content.Item;
import news.masthead.content.SavedRevision;
import news.masthead.content.Status;
import news.masthead.store.ItemStore;
import news.masthead.testing.Copies;
import news.masthead.testing.RunningSite;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled publication: an item is on no public surface before its time, is published once at it
 * whatever the number of nodes, and is published, noted late, when a server comes back after its
 * time passed while every server was down.
 */
class ScheduleTest {
  @TempDir Path first;
  @TempDir Path second;

  private static Masthead node(Path data, Optional<String> db) {
    Map<String, String> flags =
        new java.util.HashMap<>(
            Map.of(
                "data", data.toString(),
                "port", "0",
                "host", "127.0.0.1",
                "mode", "development",
                "metrics", "off",
                "access.log", "off"));
    db.ifPresent(url -> flags.put("db.url", url));
    return Masthead.open(Settings.standalone(flags));
  }

  private static SavedRevision schedule(Masthead masthead, String uri, Copy copy, Instant at) {
    return masthead
        .publishing()
        .save(
            new Submission(
                uri,
                OptionalInt.empty(),
                copy,
                new Status.Scheduled(at),
                Optional.empty(),
                Optional.empty(),
                "editor@example.org"));
  }

  private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 15 s").isLessThan(until);
      Thread.sleep(100);
    }
  }

  @Test
  void a_scheduled_story_is_on_no_public_surface_before_its_time_and_published_at_it()
      throws InterruptedException {
    Masthead masthead = node(first, Optional.empty()).serve();
    try (RunningSite site = RunningSite.of(masthead)) {
      Copy copy = Copies.story("Embargoed budget figures", "Iran");
      SavedRevision saved =
          schedule(masthead, "urn:test:embargo", copy, Instant.now().plusSeconds(3));

      assertThat(site.get("/iran/" + saved.id().value()).statusCode()).isEqualTo(404);
      for (String surface :
          List.of(
              "/",
              "/iran",
              "/feed.xml",
              "/sitemaps/news.xml",
              "/api/v1/items",
              "/search?q=budget")) {
        assertThat(site.get(surface).body()).as(surface).doesNotContain("Embargoed budget figures");
      }

      waitFor(() -> site.get("/iran/" + saved.id().value()).statusCode() == 301);
      assertThat(site.get("/feed.xml").body()).contains("Embargoed budget figures");
      assertThat(masthead.staff().auditLog("desk.publish", "schedule", 10)).hasSize(1);
    }
  }

  @Test
  void an_item_due_while_every_server_was_down_is_published_when_one_comes_back_and_noted_late()
      throws InterruptedException {
    Masthead stopped = node(first, Optional.empty());
    SavedRevision saved =
        schedule(
            stopped,
            "urn:test:late",
            Copies.story("Cabinet reshuffle announced", "Iran"),
            Instant.now().minus(Duration.ofMinutes(5)));
    stopped.close();

    Masthead back = node(first, Optional.empty()).serve();
    try {
      waitFor(
          () ->
              back.items().find(saved.id()).map(Item::status).orElseThrow()
                  instanceof Status.Published);
      waitFor(() -> !back.items().notes(saved.id()).isEmpty());
      assertThat(back.items().notes(saved.id()))
          .extracting(n -> n.text())
          .anyMatch(text -> text.startsWith("Published late: scheduled for"));
      assertThat(back.staff().auditLog("desk.publish", "", 10))
          .singleElement()
          .satisfies(e -> assertThat(e.detail()).contains("late by 5 min"));
    } finally {
      back.close();
    }
  }

  @Test
  void two_nodes_on_one_database_publish_a_scheduled_item_exactly_once()
      throws InterruptedException {
    String url = TestDatabases.createPostgres();
    Masthead one = node(first, Optional.of(url)).serve();
    Masthead two = node(second, Optional.of(url)).serve();
    try {
      SavedRevision saved =
          schedule(
              one,
              "urn:test:once",
              Copies.story("Central bank holds rates", "Iran"),
              Instant.now().plusSeconds(2));

      waitFor(
          () ->
              one.items().find(saved.id()).map(Item::status).orElseThrow()
                  instanceof Status.Published);
      Thread.sleep(4_000); // both nodes have looked again since

      assertThat(one.items().history(saved.id()))
          .extracting(ItemStore.RevisionEntry::status)
          .containsExactly("scheduled", "published");
      assertThat(one.staff().auditLog("desk.publish", "schedule", 10)).hasSize(1);
    } finally {
      one.close();
      two.close();
      TestDatabases.dropPostgres(url);
    }
  }
}
