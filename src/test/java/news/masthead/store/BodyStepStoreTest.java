package news.masthead.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import news.masthead.content.Copy;
import news.masthead.content.Status;
import news.masthead.testing.Copies;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The step log's appends, committed together for many items, on SQLite and PostgreSQL. */
class BodyStepStoreTest {
  private static final String STEP = "{\"stepType\":\"replace\",\"from\":1,\"to\":1}";

  private static void appendsForManyItemsAtOnceAreAllKeptAndATakenVersionIsRefused(Database db)
      throws Exception {
    BodyStepStore store = new BodyStepStore(db, Clock.systemUTC());
    List<Callable<Boolean>> work = new ArrayList<>();
    for (long item = 1; item <= 40; item++) {
      long id = item;
      work.add(() -> store.append(id, 0, List.of(STEP, STEP), "tab-" + id, 7));
    }
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Future<Boolean> done : threads.invokeAll(work)) {
        assertThat(done.get()).isTrue();
      }
    }
    for (long item = 1; item <= 40; item++) {
      assertThat(store.newest(item)).contains(2);
      assertThat(store.after(item, 0))
          .extracting(BodyStepStore.StoredStep::clientId)
          .containsExactly("tab-" + item, "tab-" + item);
    }

    assertThat(store.append(3, 1, List.of(STEP), "late-tab", 8))
        .as("version 2 of item 3 is taken")
        .isFalse();
    assertThat(store.after(3, 0)).hasSize(2);
    assertThat(store.append(3, 2, List.of(STEP), "next-tab", 8)).isTrue();
    assertThat(store.newest(3)).contains(3);
  }

  private static void theNewestVersionOfManyItemsIsEachOnesLastStep(Database db) {
    ItemStore items = new ItemStore(db);
    List<Long> ids = new ArrayList<>();
    for (String headline : List.of("Dam levels fall", "Fares are free", "Trains run late")) {
      Copy copy = Copies.story(headline, "Iran");
      ids.add(
          items
              .save(
                  ItemStoreContract.revision(
                      "urn:test:" + headline, copy, new Status.Draft(), "2026-11-20T08:00:00Z"))
              .id()
              .value());
    }
    long dam = ids.get(0);
    long fares = ids.get(1);
    long trains = ids.get(2);
    BodyStepStore store = new BodyStepStore(db, Clock.systemUTC());
    assertThat(store.append(dam, 0, List.of(STEP, STEP, STEP), "tab-7", 1)).isTrue();
    assertThat(store.append(trains, 0, List.of(STEP), "tab-9", 1)).isTrue();
    assertThat(store.append(trains, 1, List.of(STEP), "tab-9", 1)).isTrue();

    assertThat(store.newest(List.of(dam, fares, trains)))
        .as("the second item has no steps, so no newest version")
        .isEqualTo(java.util.Map.of(dam, 3, trains, 2));
    assertThat(store.newest(List.<Long>of())).isEmpty();
  }

  @Test
  void on_sqlite_the_newest_version_of_many_items_is_each_ones_last_step(@TempDir Path data) {
    try (Database db = Database.openSqlite(data)) {
      theNewestVersionOfManyItemsIsEachOnesLastStep(db);
    }
  }

  @Test
  void on_postgresql_the_newest_version_of_many_items_is_each_ones_last_step() {
    String url = TestDatabases.createPostgres();
    try (Database db = Database.open(url)) {
      theNewestVersionOfManyItemsIsEachOnesLastStep(db);
    } finally {
      TestDatabases.dropPostgres(url);
    }
  }

  @Test
  void on_sqlite_appends_for_many_items_at_once_are_all_kept_and_a_taken_version_is_refused(
      @TempDir Path data) throws Exception {
    try (Database db = Database.openSqlite(data)) {
      appendsForManyItemsAtOnceAreAllKeptAndATakenVersionIsRefused(db);
    }
  }

  @Test
  void on_postgresql_appends_for_many_items_at_once_are_all_kept_and_a_taken_version_is_refused()
      throws Exception {
    String url = TestDatabases.createPostgres();
    try (Database db = Database.open(url)) {
      appendsForManyItemsAtOnceAreAllKeptAndATakenVersionIsRefused(db);
    } finally {
      TestDatabases.dropPostgres(url);
    }
  }
}
