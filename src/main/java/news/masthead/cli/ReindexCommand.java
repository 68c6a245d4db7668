package news.masthead.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import news.masthead.app.Masthead;
import news.masthead.workflow.SearchIndexing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code masthead reindex}: rebuilds the search index from the database. */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds the search index (MASTHEAD_DATA/index) from the database: every published story",
      "and brief. A running server keeps its index up to date by itself, and builds it when it is",
      "missing or out of date, so this is for repairs; stop the server first."
    })
final class ReindexCommand implements Callable<Integer> {
  @Mixin Flags flags;

  @Override
  public Integer call() {
    try (Masthead masthead = Masthead.open(flags.settings(Map.of()))) {
      boolean terminal = System.console() != null && System.console().isTerminal();
      SearchIndexing.Rebuilt done;
      if (terminal) {
        try (Bar bar = new Bar()) {
          done = masthead.reindex(bar);
        }
      } else {
        done = masthead.reindex(new Lines());
      }
      double seconds = done.took().toNanos() / 1e9;
      System.out.printf(
          "Indexed %d published items into %s in %.1f s (%.0f items/s), up to change %d.%n",
          done.items(),
          masthead.searchIndexDirectory(),
          seconds,
          done.items() / Math.max(seconds, 0.001),
          done.through());
      return 0;
    }
  }

  /** A progress bar, for a terminal. */
  private static final class Bar implements SearchIndexing.Progress, AutoCloseable {
    private ProgressBar bar;

    @Override
    public void started(int expected) {
      bar =
          new ProgressBarBuilder()
              .setTaskName("Indexing")
              .setInitialMax(expected)
              .setStyle(ProgressBarStyle.UNICODE_BLOCK)
              .setUnit(" items", 1)
              .showSpeed()
              .build();
    }

    @Override
    public void advanced(int items) {
      bar.stepBy(items);
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }

  /** Plain progress lines, for logs and pipes: one at least every 1,000 items. */
  private static final class Lines implements SearchIndexing.Progress {
    private long expected;
    private long done;
    private long reported;

    @Override
    public void started(int expected) {
      this.expected = expected;
      System.out.println("Indexing " + expected + " published items…");
    }

    @Override
    public void advanced(int items) {
      done += items;
      if (done - reported >= 1000) {
        reported = done;
        System.out.printf(
            "… %d of %d items (%d%%)%n", done, expected, done * 100 / Math.max(expected, 1));
      }
    }
  }
}
