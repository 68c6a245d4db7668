package news.masthead.store;

import news.masthead.testing.TestDatabases;

/** The change log under concurrent writers on PostgreSQL, where transactions truly overlap. */
class PostgresChangeLogTest extends ChangeLogContract {
  private String url;

  @Override
  Database openDatabase() {
    url = TestDatabases.createPostgres();
    return Database.open(url);
  }

  @Override
  void dropDatabase() {
    TestDatabases.dropPostgres(url);
  }
}
