package news.masthead.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded default, SQLite, in a fresh data directory. */
class SqliteItemStoreTest extends ItemStoreContract {
  @TempDir Path data;

  @Override
  Database openDatabase() {
    return Database.openSqlite(data);
  }

  @Test
  void sqlite_runs_in_wal_mode_with_full_synchronous_writes() {
    try (Handle handle = database.jdbi().open()) {
      assertThat(handle.createQuery("PRAGMA journal_mode").mapTo(String.class).one())
          .isEqualToIgnoringCase("wal");
      // 2 is FULL: every commit reaches the disk before it is acknowledged
      assertThat(handle.createQuery("PRAGMA synchronous").mapTo(Integer.class).one()).isEqualTo(2);
    }
  }

  @Test
  void the_database_lives_in_the_data_directory() {
    assertThat(data.resolve("masthead.db")).exists();
  }
}
