package news.masthead.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * A connection pool to SQLite or PostgreSQL with the schema migrated to the latest version.
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=FULL}, so an acknowledged save survives a
 * power cut, and takes its write lock when a transaction begins ({@code IMMEDIATE}), so two writers
 * wait for each other instead of failing. Thread-safe; close it once, at shutdown.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final Dialect dialect;
  private final String description;

  /**
   * The newest migration under {@code db/migration}; raise it with every new migration (a test
   * holds the two together). Lets a node start without Flyway when its schema is already current.
   */
  public static final int SCHEMA_VERSION = 12;

  /** How thoroughly to bring the schema up to date when opening. */
  public enum SchemaCheck {
    /** Run Flyway only when the schema is behind (a server's start: Flyway's check is slow). */
    QUICK,
    /**
     * Always run Flyway, which also validates every applied migration ({@code masthead migrate}).
     */
    FULL
  }

  /** Which SQL dialect a database speaks, where the two differ. */
  public enum Dialect {
    SQLITE,
    POSTGRESQL
  }

  private Database(HikariDataSource pool, Dialect dialect, String description) {
    this.pool = pool;
    this.jdbi = Jdbi.create(pool);
    this.dialect = dialect;
    this.description = description;
  }

  /** The embedded default: {@code masthead.db} in the data directory, created when missing. */
  public static Database openSqlite(Path dataDirectory) {
    return openSqlite(dataDirectory, SchemaCheck.QUICK);
  }

  /** The embedded default, with the schema checked as asked. */
  public static Database openSqlite(Path dataDirectory, SchemaCheck check) {
    createDirectory(dataDirectory);
    return open("jdbc:sqlite:" + dataDirectory.resolve("masthead.db").toAbsolutePath(), check);
  }

  /**
   * Opens {@code jdbc:sqlite:…} or {@code jdbc:postgresql://…} and migrates its schema.
   *
   * @throws StoreFailure naming the URL (without password) when it cannot be reached or migrated
   */
  public static Database open(String jdbcUrl) {
    return open(jdbcUrl, SchemaCheck.QUICK);
  }

  /** Opens a database with the schema checked as asked. */
  public static Database open(String jdbcUrl, SchemaCheck check) {
    return open(jdbcUrl, check, Optional.empty());
  }

  /**
   * Opens a database with the schema checked as asked, reporting its connection pool's use ({@code
   * hikaricp_connections_*}) to {@code registry}.
   */
  public static Database open(String jdbcUrl, SchemaCheck check, MeterRegistry registry) {
    return open(jdbcUrl, check, Optional.of(registry));
  }

  /** The embedded default, with its pool reported to {@code registry}. */
  public static Database openSqlite(Path dataDirectory, SchemaCheck check, MeterRegistry registry) {
    createDirectory(dataDirectory);
    return open(
        "jdbc:sqlite:" + dataDirectory.resolve("masthead.db").toAbsolutePath(),
        check,
        Optional.of(registry));
  }

  private static Database open(String jdbcUrl, SchemaCheck check, Optional<MeterRegistry> meters) {
    HikariConfig config = new HikariConfig();
    meters.ifPresent(
        registry -> config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry)));
    config.setJdbcUrl(jdbcUrl);
    config.setPoolName("masthead");
    Dialect dialect;
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      dialect = Dialect.SQLITE;
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("synchronous", "FULL");
      config.addDataSourceProperty("foreign_keys", "true");
      config.addDataSourceProperty("busy_timeout", "10000");
      config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
      config.setMaximumPoolSize(4);
    } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      dialect = Dialect.POSTGRESQL;
      config.setMaximumPoolSize(8);
    } else {
      throw new StoreFailure(
          "MASTHEAD_DB_URL must start with jdbc:sqlite: or jdbc:postgresql:, not "
              + withoutSecrets(jdbcUrl),
          null);
    }
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreFailure(
          "cannot connect to " + withoutSecrets(jdbcUrl) + ": " + rootMessage(e), e);
    }
    Database database = new Database(pool, dialect, withoutSecrets(jdbcUrl));
    int applied = database.appliedVersion();
    if (applied > SCHEMA_VERSION) {
      pool.close();
      throw new SchemaTooNew(database.description, applied);
    }
    if (check == SchemaCheck.FULL || applied == 0 || dialect == Dialect.SQLITE) {
      if (check == SchemaCheck.FULL || applied < SCHEMA_VERSION) {
        database.migrate();
      }
    } else if (applied < SCHEMA_VERSION) {
      pool.close();
      throw new SchemaBehind(database.description, applied);
    }
    return database;
  }

  /**
   * The database's schema is newer than this Masthead knows: a newer version migrated it. Running
   * an older node on it could write what the newer schema forbids, so the node refuses to start.
   */
  public static final class SchemaTooNew extends StoreFailure {
    SchemaTooNew(String database, int applied) {
      super(
          "the schema of "
              + database
              + " is at version "
              + applied
              + ", newer than this Masthead knows (version "
              + SCHEMA_VERSION
              + "): a newer Masthead has migrated it. Run that newer version on this node;"
              + " nothing was changed",
          null);
    }
  }

  /**
   * A shared PostgreSQL database's schema is older than this Masthead needs. Migrating a database
   * other nodes serve from is the operator's step ({@code masthead migrate}), never a side effect
   * of starting one node.
   */
  public static final class SchemaBehind extends StoreFailure {
    SchemaBehind(String database, int applied) {
      super(
          "the schema of "
              + database
              + " is at version "
              + applied
              + " but this Masthead needs version "
              + SCHEMA_VERSION
              + ": run `./masthead migrate` with this version first (the migrations only add, so"
              + " nodes still on the old version keep serving), then start this node",
          null);
    }
  }

  /**
   * Copies a SQLite database, while it serves, to {@code file} through SQLite's online backup: a
   * consistent snapshot of every committed transaction, taken without stopping writers for long.
   *
   * @throws StoreFailure on PostgreSQL (back it up with pg_dump), or when the copy fails
   */
  public void backupTo(Path file) {
    if (dialect != Dialect.SQLITE) {
      throw new StoreFailure(
          "masthead backup copies a SQLite database; back up PostgreSQL with pg_dump (see the"
              + " README), or write a portable copy with masthead export",
          null);
    }
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      // sqlite-jdbc's statement for sqlite3_backup_init/step/finish
      statement.executeUpdate(
          "backup to '" + file.toAbsolutePath().toString().replace("'", "''") + "'");
    } catch (SQLException e) {
      throw new StoreFailure(
          "cannot back up " + description + " to " + file + ": " + e.getMessage(), e);
    }
  }

  /** Whether the schema is at the version this Masthead knows: a readiness check. */
  public boolean schemaIsCurrent() {
    return appliedVersion() == SCHEMA_VERSION;
  }

  /**
   * Whether the database answers a trivial query within {@code seconds}: a readiness check. Never
   * throws.
   */
  public boolean answers(int seconds) {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(seconds);
      statement.execute("SELECT 1");
      return true;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  private static void createDirectory(Path dataDirectory) {
    try {
      Files.createDirectories(dataDirectory);
    } catch (IOException e) {
      throw new StoreFailure(
          "cannot create the data directory " + dataDirectory + ": " + e.getMessage(), e);
    }
  }

  private void migrate() {
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations(
              "classpath:db/migration/" + (dialect == Dialect.SQLITE ? "sqlite" : "postgresql"))
          .javaMigrations(new DeskText.Migration())
          .load()
          .migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw new StoreFailure(
          "cannot migrate the schema of " + description + ": " + rootMessage(e), e);
    }
  }

  /** The newest migration applied; 0 for a new database. */
  int appliedVersion() {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success = "
                    + (dialect == Dialect.SQLITE ? "1" : "true"))) {
      int newest = 0;
      while (rows.next()) {
        String version = rows.getString(1);
        if (version != null && version.matches("[0-9]+")) {
          newest = Math.max(newest, Integer.parseInt(version));
        }
      }
      return newest;
    } catch (SQLException e) {
      return 0; // no history table yet: a new database
    }
  }

  Jdbi jdbi() {
    return jdbi;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The database's URL without any password, for logs and messages. */
  public String description() {
    return description;
  }

  @Override
  public void close() {
    pool.close();
  }

  static String withoutSecrets(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
