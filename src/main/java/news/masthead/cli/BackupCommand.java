package news.masthead.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import news.masthead.app.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code masthead backup DIR}: a consistent copy of a SQLite site, even while it serves. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Copies the SQLite site in MASTHEAD_DATA into DIR (new or empty) with SQLite's online",
      "backup, safe while the site serves and imports run, plus manifest.json (counts, SHA-256).",
      "PostgreSQL is backed up with pg_dump instead; masthead export works for both."
    })
final class BackupCommand implements Callable<Integer> {
  @Mixin Flags flags;

  @Parameters(paramLabel = "DIR", description = "A new or empty folder for the backup.")
  Path folder;

  @Override
  public Integer call() {
    Backups.Made made = Backups.backup(flags.settings(Map.of("metrics", "off")), folder);
    System.out.printf(
        "Backed up %d items (%d revisions, %,d bytes) into %s.%n",
        made.items(), made.revisions(), made.bytes(), made.folder());
    return 0;
  }
}
