package news.masthead.store;

import news.masthead.testing.TestDatabases;

/**
 * The store contract on PostgreSQL, the production store: the server on 127.0.0.1:5432, a fresh
 * database per test. Skipped, saying so, only when PostgreSQL is truly absent and not under CI.
 */
class PostgresItemStoreTest extends ItemStoreContract {
  private String url;

  @Override
  Database openDatabase() {
    url = TestDatabases.createPostgres();
    return Database.open(url);
  }

  @Override
  void closeDatabase() {
    super.closeDatabase();
    TestDatabases.dropPostgres(url);
  }
}
