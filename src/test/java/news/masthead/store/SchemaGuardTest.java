package news.masthead.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a node meets a shared PostgreSQL schema that is not the one it knows: newer (a newer Masthead
 * migrated it) is refused; older is refused too, until the operator runs {@code masthead migrate}.
 */
class SchemaGuardTest {
  String url;

  @BeforeEach
  void create() {
    url = TestDatabases.createPostgres();
    Database.open(url).close(); // a current schema, as a running cluster has
  }

  @AfterEach
  void drop() {
    TestDatabases.dropPostgres(url);
  }

  private void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  @Test
  void a_node_refuses_a_schema_newer_than_it_knows_and_changes_nothing() throws Exception {
    sql(
        "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
            + " installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL',"
            + " 'V99__future.sql', 'test', 0, true)");

    assertThatThrownBy(() -> Database.open(url))
        .isInstanceOf(Database.SchemaTooNew.class)
        .hasMessageContaining(
            "at version 99, newer than this Masthead knows (version "
                + Database.SCHEMA_VERSION
                + ")");
    assertThatThrownBy(() -> Database.open(url, Database.SchemaCheck.FULL))
        .isInstanceOf(Database.SchemaTooNew.class);
  }

  @Test
  void a_node_refuses_an_older_shared_schema_until_it_is_migrated() throws Exception {
    sql("DELETE FROM flyway_schema_history WHERE version = '" + Database.SCHEMA_VERSION + "'");

    assertThatThrownBy(() -> Database.open(url))
        .isInstanceOf(Database.SchemaBehind.class)
        .hasMessageContaining("run `./masthead migrate`");

    Database.open(url, Database.SchemaCheck.FULL).close(); // what masthead migrate does
    try (Database migrated = Database.open(url)) {
      assertThat(migrated.schemaIsCurrent()).isTrue();
    }
  }
}
