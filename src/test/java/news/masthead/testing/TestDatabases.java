package news.masthead.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The real PostgreSQL these machines run on 127.0.0.1:5432 (user postgres, trust auth). Each test
 * class gets a fresh database of its own, dropped afterwards.
 *
 * <p>When PostgreSQL cannot be reached, a test that needs it fails, saying what is missing and how
 * to provide it; it never skips. A missing PostgreSQL is a broken machine, not a reason to test
 * less: the production database would otherwise go untested without anyone noticing.
 */
public final class TestDatabases {
  public static final String SERVER =
      System.getenv().getOrDefault("MASTHEAD_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");
  public static final String USER = "postgres";

  private TestDatabases() {}

  /** Creates an empty database and returns its JDBC URL. */
  public static String createPostgres() {
    String name = "masthead_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(SERVER + "postgres?user=" + USER);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL is not reachable at "
              + SERVER
              + " as "
              + USER
              + " ("
              + e.getMessage()
              + "): the tests of the production database run against a real PostgreSQL and fail"
              + " without it. Run PostgreSQL on 127.0.0.1:5432 with a user postgres that may"
              + " connect by trust authentication, or name another server in MASTHEAD_TEST_PG",
          e);
    }
    return SERVER + name + "?user=" + USER;
  }

  /** Drops a database made by {@link #createPostgres}. */
  public static void dropPostgres(String url) {
    String name = url.substring(SERVER.length(), url.indexOf('?'));
    try (Connection c = DriverManager.getConnection(SERVER + "postgres?user=" + USER);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop the test database " + name, e);
    }
  }
}
