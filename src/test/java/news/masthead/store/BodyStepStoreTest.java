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
