package news.masthead.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL these machines run on 127.0.0.1:5432 (user postgres, trust auth). Each test
 * class gets a fresh database of its own, dropped afterwards.
 *
 * <p>When PostgreSQL cannot be reached, tests that need it are skipped with a message saying so —
 * except under CI ({@code CI} set) or with {@code MASTHEAD_REQUIRE_POSTGRES=1}, where they fail:
 * there, a missing PostgreSQL is a broken machine, not a reason to test less.
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
      String message =
          "PostgreSQL is not reachable at " + SERVER + " as " + USER + ": " + e.getMessage();
      boolean required =
          System.getenv("CI") != null || "1".equals(System.getenv("MASTHEAD_REQUIRE_POSTGRES"));
      if (required) {
        throw new IllegalStateException(
            message + " (required: CI or MASTHEAD_REQUIRE_POSTGRES)", e);
      }
      Assumptions.abort(message + "; skipping the PostgreSQL half of the contract tests");
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
