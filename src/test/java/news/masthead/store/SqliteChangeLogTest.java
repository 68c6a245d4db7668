package news.masthead.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The change log under concurrent writers on SQLite, the embedded default. */
class SqliteChangeLogTest extends ChangeLogContract {
  @TempDir Path data;

  @Override
  Database openDatabase() {
    return Database.openSqlite(data);
  }

  @Override
  void dropDatabase() {}
}
