package news.masthead.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code masthead}: the entry point of the runnable jar. */
@Command(
    name = "masthead",
    mixinStandardHelpOptions = true,
    version = "Masthead 0.1",
    description = "Masthead: a newsroom publishing platform.",
    subcommands = {
      ServeCommand.class,
      ImportCommand.class,
      ReindexCommand.class,
      MigrateCommand.class,
      BackupCommand.class,
      ExportCommand.class,
      RestoreCommand.class,
      UserCommand.class,
      WarmUpCommand.class
    },
    footer = {
      "",
      "Settings come from flags, then MASTHEAD_* environment variables, then the config file",
      "(MASTHEAD_CONFIG, else ./masthead.properties), then defaults:",
      "  MASTHEAD_PORT (8080)  MASTHEAD_DATA (./data)  MASTHEAD_DB_URL (SQLite in the data",
      "  directory; jdbc:postgresql://… for production)  MASTHEAD_BASE_URL  MASTHEAD_SITE_NAME",
      "  MASTHEAD_TIME_ZONE (UTC)  MASTHEAD_PAGE_CACHE (on|off)  MASTHEAD_PAGE_CACHE_MB (32)",
      "  MASTHEAD_MODE (development|production)  MASTHEAD_TRUSTED_PROXIES  MASTHEAD_METRICS",
      "  (127.0.0.1:9464|off)  MASTHEAD_LOG_FORMAT (text|json)  MASTHEAD_LOG_LEVEL (info)",
      "  MASTHEAD_ACCESS_LOG (on|off)  MASTHEAD_CDN_PURGE_URL  MASTHEAD_CDN_PURGE_TOKEN",
      "  The README's settings table explains each.",
      "",
      "The launcher ./masthead also has: ./masthead test (the whole test suite) and",
      "./masthead format (the code formatter)."
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    if (code != 0 || !ServeCommand.isServing()) {
      System.exit(code);
    }
  }

  /** The command line with its error handling, as the jar and the tests use it. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new Failures());
    return cli;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "say what to do: serve, import, reindex, migrate, backup, export or restore (see --help)");
  }
}
