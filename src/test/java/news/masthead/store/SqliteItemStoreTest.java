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
  void the_schema_version_constant_names_the_newest_migration_in_sql_or_java() throws Exception {
    int newest = 0;
    for (String dialect : new String[] {"sqlite", "postgresql"}) {
      try (var files =
          java.nio.file.Files.list(Path.of("src/main/resources/db/migration", dialect))) {
        for (Path file : files.toList()) {
          String name = file.getFileName().toString();
          newest = Math.max(newest, Integer.parseInt(name.substring(1, name.indexOf("__"))));
        }
      }
    }
    newest = Math.max(newest, Integer.parseInt(new DeskText.Migration().getVersion().getVersion()));
    assertThat(Database.SCHEMA_VERSION).isEqualTo(newest);
    assertThat(database.appliedVersion()).isEqualTo(newest);
  }

  @Test
  void reopening_a_current_database_finds_it_current_and_keeps_every_item() {
    items.save(
        published(
            "urn:reopen",
            news.masthead.testing.Copies.story("Kept", "Iran"),
            "2026-11-01T08:00:00Z"));
    database.close();

    database = Database.openSqlite(data);
    items = new ItemStore(database);

    assertThat(database.appliedVersion()).isEqualTo(Database.SCHEMA_VERSION);
    assertThat(items.findByUri("urn:reopen")).isPresent();
  }

  @Test
  void the_database_lives_in_the_data_directory() {
    assertThat(data.resolve("masthead.db")).exists();
  }
}
