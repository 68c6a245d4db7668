package news.masthead.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.Callable;
import news.masthead.app.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code masthead export FILE}: every revision of every item as ninjs JSON Lines. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes every item with its full revision history as IPTC ninjs JSON Lines to FILE (or to",
      "standard output with -): the portable backup, which masthead restore reads back into",
      "SQLite or PostgreSQL."
    })
final class ExportCommand implements Callable<Integer> {
  @Mixin Flags flags;

  @Parameters(paramLabel = "FILE", description = "The file to write (not one that exists), or -.")
  String file;

  @Override
  public Integer call() {
    var settings = flags.settings(Map.of("metrics", "off"));
    if (file.equals("-")) {
      Backups.export(settings, System.out);
      return 0;
    }
    Path path = Path.of(file);
    long written;
    try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW)) {
      written = Backups.export(settings, out);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new UncheckedIOException(
          path + " exists already: export writes a new file and never replaces one", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
    }
    System.out.printf("Exported %d revisions to %s.%n", written, path);
    return 0;
  }
}
