package news.masthead.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import news.masthead.content.Copy;
import news.masthead.content.EditConflict;
import news.masthead.content.Item;
import news.masthead.content.SavedRevision;
import news.masthead.content.Slug;
import news.masthead.content.Status;
import news.masthead.content.Teaser;
import news.masthead.testing.Copies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The change log under concurrent writers, run once per database: a follower reading it while many
 * transactions save at once sees every committed revision exactly once, in an order consistent with
 * the order of commits. SQLite ({@link SqliteChangeLogTest}) and PostgreSQL ({@link
 * PostgresChangeLogTest}).
 */
abstract class ChangeLogContract {
  static final int WRITERS = 6;
  static final int ROUNDS = 12;
  static final int BATCH = 15;

  Database database;
  ItemStore items;

  abstract Database openDatabase();

  abstract void dropDatabase();

  @BeforeEach
  void open() {
    database = openDatabase();
    items = new ItemStore(database);
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
      dropDatabase();
    }
  }

  private static PreparedRevision revision(String uri, String section, int n) {
    Copy copy = Copies.story("Report " + n + " on the talks", section);
    Instant at = Instant.parse("2026-11-20T08:00:00Z").plusSeconds(n);
    return PreparedRevision.of(
        new NewRevision(
            uri,
            OptionalInt.empty(),
            copy,
            new Status.Published(),
            Slug.of(copy.headline(), "item"),
            Teaser.of(copy.body()),
            Optional.of(at),
            at,
            "test"));
  }

  /** A revision as the follower and the writers name it: item and revision number. */
  private record Saved(long item, int revision) {}

  @Test
  void a_follower_sees_every_change_of_concurrent_writers_once_in_commit_order() throws Exception {
    List<Saved> followed = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean writing = new AtomicBoolean(true);
    Thread follower =
        Thread.ofPlatform()
            .start(
                () -> {
                  long seen = 0;
                  while (true) {
                    // read once more after the writers finish: their last commits may land after
                    // a read that found nothing
                    boolean finished = !writing.get();
                    List<ItemStore.Change> changes = items.listChanges(seen, 37);
                    for (ItemStore.Change change : changes) {
                      seen = change.seq();
                      followed.add(new Saved(change.item().value(), change.revision()));
                    }
                    if (finished && changes.isEmpty()) {
                      return;
                    }
                  }
                });
    // Each writer saves batches (each one transaction, long enough for others to commit in
    // between) into a section of its own, and knows the order its own commits were acknowledged.
    List<List<Saved>> acknowledged = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      writers.add(
          pool.submit(
              () -> {
                List<Saved> mine = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                  List<PreparedRevision> batch = new ArrayList<>();
                  for (int i = 0; i < (round % 3 == 0 ? 1 : BATCH); i++) {
                    // half the uris come back in later rounds: new revisions of the same items
                    int n = (round / 2) * BATCH + i;
                    batch.add(revision("urn:w" + writer + ":" + n, "Section " + writer, n));
                  }
                  for (ItemStore.Outcome outcome : items.saveAll(batch, o -> {})) {
                    SavedRevision saved = ((ItemStore.Outcome.Saved) outcome).revision();
                    mine.add(new Saved(saved.id().value(), saved.revision()));
                  }
                }
                acknowledged.add(mine);
                return null;
              }));
    }
    for (Future<?> writer : writers) {
      writer.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    writing.set(false);
    follower.join(30_000);

    List<Saved> everySave = acknowledged.stream().flatMap(List::stream).toList();
    assertThat(everySave).hasSize(WRITERS * (ROUNDS / 3 * (1 + 2 * BATCH)));
    assertThat(followed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(everySave);
    Map<Saved, Integer> position = new HashMap<>();
    for (int i = 0; i < followed.size(); i++) {
      position.put(followed.get(i), i);
    }
    for (List<Saved> mine : acknowledged) {
      List<Integer> seenAt = mine.stream().map(position::get).toList();
      assertThat(seenAt).as("one writer's commits, as the follower saw them").isSorted();
    }
  }

  @Test
  void two_first_saves_of_one_new_uri_at_once_make_one_item_with_two_revisions() throws Exception {
    int uris = 40;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Set<String> failures = new HashSet<>();
    try {
      for (int n = 0; n < uris; n++) {
        String uri = "urn:race:" + n;
        int number = n * 2;
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<SavedRevision>> saves = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
          int s = side;
          saves.add(
              pool.submit(
                  () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return items.save(revision(uri, "Race", number + s).revision());
                  }));
        }
        List<Integer> revisions = new ArrayList<>();
        for (Future<SavedRevision> save : saves) {
          try {
            revisions.add(save.get(30, TimeUnit.SECONDS).revision());
          } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof EditConflict)) {
              failures.add(uri + ": " + e.getCause());
            }
          }
        }
        Item item = items.findByUri(uri).orElseThrow();
        assertThat(items.history(item.id())).hasSize(revisions.size());
        assertThat(revisions).containsAnyOf(1);
        assertThat(item.revision()).isEqualTo(revisions.size());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(failures).as("saves that failed other than with a clean conflict").isEmpty();
  }
}
