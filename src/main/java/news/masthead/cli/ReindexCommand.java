package news.masthead.cli;

import java.util.Map;
import java.util.concurrent.Callable;
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
      SearchIndexing.Rebuilt done;
      try (ProgressDisplay display = ProgressDisplay.forConsole()) {
        done =
            masthead.reindex(
                new SearchIndexing.Progress() {
                  @Override
                  public void started(int expected) {
                    display.start(
                        "Indexing", "Indexing " + expected + " published items…", expected);
                  }

                  @Override
                  public void advanced(int items) {
                    display.step(items);
                  }
                });
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
}
