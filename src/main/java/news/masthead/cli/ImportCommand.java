package news.masthead.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
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
      boolean terminal = System.console() != null && System.console().isTerminal();
      ImportProgress progress = terminal ? new Bar() : new Lines();
      long start = System.nanoTime();
      ImportReport report = masthead.importer().importFiles(files, progress);
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

  /** A progress bar, for a terminal. Problems are printed above it as they come. */
  private static final class Bar implements ImportProgress {
    private ProgressBar bar;

    @Override
    public void started(long expected) {
      bar =
          new ProgressBarBuilder()
              .setTaskName("Importing")
              .setInitialMax(expected)
              .setStyle(ProgressBarStyle.UNICODE_BLOCK)
              .setUnit(" items", 1)
              .showSpeed()
              .build();
    }

    @Override
    public void advanced(ImportReport.Problem problem) {
      if (problem != null) {
        System.err.println("\rrejected " + problem);
      }
      bar.step();
    }

    @Override
    public void finished(ImportReport report) {
      bar.close();
    }
  }

  /** Plain progress lines, for logs and pipes: one every 1,000 items, and each problem. */
  private static final class Lines implements ImportProgress {
    private long expected;
    private long done;

    @Override
    public void started(long expected) {
      this.expected = expected;
      System.out.println(expected < 0 ? "Importing…" : "Importing " + expected + " items…");
    }

    @Override
    public void advanced(ImportReport.Problem problem) {
      done++;
      if (problem != null) {
        System.err.println("rejected " + problem);
      }
      if (done % 1000 == 0) {
        System.out.println(
            expected > 0
                ? String.format("… %d of %d items (%d%%)", done, expected, done * 100 / expected)
                : "… " + done + " items");
      }
    }

    @Override
    public void finished(ImportReport report) {}
  }
}
