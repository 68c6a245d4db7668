package news.masthead.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import news.masthead.app.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code masthead restore SOURCE}: a backup folder or an export into an empty site. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Restores a backup folder (masthead backup) or an export file (masthead export) into the",
      "empty data directory or database the settings name; refuses one that holds any item.",
      "A SQLite backup restores into PostgreSQL too. The search index is rebuilt on start."
    })
final class RestoreCommand implements Callable<Integer> {
  @Mixin Flags flags;

  @Parameters(paramLabel = "SOURCE", description = "A backup folder or an export file.")
  Path source;

  @Override
  public Integer call() {
    long revisions = Backups.restore(flags.settings(Map.of("metrics", "off")), source);
    System.out.printf("Restored %d revisions from %s.%n", revisions, source);
    return 0;
  }
}
