package news.masthead.store;

import news.masthead.testing.TestDatabases;

/**
 * The store contract on PostgreSQL, the production store: the server on 127.0.0.1:5432, a fresh
 * database per test. Without that server every test here fails, saying so ({@link
 * TestDatabases#createPostgres}).
 */
class PostgresItemStoreTest extends ItemStoreContract {
  private String url;

  @Override
  Database openDatabase() {
    url = TestDatabases.createPostgres();
    try {
      return Database.open(url);
    } catch (RuntimeException e) {
      TestDatabases.dropPostgres(url);
      throw e;
    }
  }

  @Override
  void closeDatabase() {
    super.closeDatabase();
    TestDatabases.dropPostgres(url);
  }
}
