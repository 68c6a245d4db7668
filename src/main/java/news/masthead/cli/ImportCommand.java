package news.masthead.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import news.masthead.app.Masthead;
import news.masthead.ingest.ImportProgress;
import news.masthead.ingest.ImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code masthead import FILE…}: imports IPTC ninjs items. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports IPTC ninjs 3 items from each FILE: one JSON object, a JSON array of objects, or",
      "JSON Lines. An item whose uri is already stored becomes a new revision of that item.",
      "An item that cannot be imported is reported with its file, line and reason, and the rest",
      "are still imported. Exits 0 when every item was imported, 1 when any was rejected."
    })
final class ImportCommand implements Callable<Integer> {
  @Mixin Flags flags;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "ninjs files to import")
  List<Path> files;

  @Override
  public Integer call() {
    try (Masthead masthead = Masthead.open(flags.settings(Map.of()))) {
      long start = System.nanoTime();
      ImportReport report;
      try (ProgressDisplay display = ProgressDisplay.forConsole()) {
        report =
            masthead
                .importer()
                .importFiles(
                    files,
                    new ImportProgress() {
                      @Override
                      public void started(long expected) {
                        display.start(
                            "Importing",
                            expected < 0 ? "Importing…" : "Importing " + expected + " items…",
                            expected);
                      }

                      @Override
                      public void advanced(ImportReport.Problem problem) {
                        if (problem != null) {
                          display.problem("rejected " + problem);
                        }
                        display.step(1);
                      }

                      @Override
                      public void finished(ImportReport report) {}
                    });
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      int total = report.imported() + report.updated() + report.rejected();
      System.out.printf(
          "Imported %d new items, updated %d, rejected %d, in %.1f s (%.0f items/s).%n",
          report.imported(),
          report.updated(),
          report.rejected(),
          seconds,
          total / Math.max(seconds, 0.001));
      return report.rejected() == 0 ? 0 : 1;
    }
  }
}
