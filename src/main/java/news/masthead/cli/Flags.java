package news.masthead.cli;

import java.util.HashMap;
import java.util.Map;
import news.masthead.app.Settings;
import picocli.CommandLine.Option;

/** The flags every verb shares, which win over environment variables and the config file. */
final class Flags {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data directory (SQLite database). Default: $MASTHEAD_DATA or ./data")
  String data;

  @Option(
      names = "--db-url",
      paramLabel = "JDBC_URL",
      description =
          "Database, such as jdbc:postgresql://host/db. Default: $MASTHEAD_DB_URL or SQLite")
  String databaseUrl;

  Settings settings(Map<String, String> more) {
    Map<String, String> flags = new HashMap<>(more);
    if (data != null) {
      flags.put("data", data);
    }
    if (databaseUrl != null) {
      flags.put("db.url", databaseUrl);
    }
    return Settings.resolve(flags, System.getenv());
  }
}
