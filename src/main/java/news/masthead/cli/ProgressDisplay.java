package news.masthead.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How a long job shows its progress: a progress bar on a terminal, plain lines otherwise (one at
 * least every 1,000 items, for logs and pipes). Problems are printed on standard error as they
 * come. Used from one thread; close it when the job is over.
 */
abstract sealed class ProgressDisplay implements AutoCloseable {
  /** The display for where standard output goes now. */
  static ProgressDisplay forConsole() {
    boolean terminal = System.console() != null && System.console().isTerminal();
    return terminal ? new Bar() : new Lines();
  }

  /** The job begins: {@code headline} says what it does; {@code expected} is -1 when unknown. */
  abstract void start(String task, String headline, long expected);

  abstract void step(long items);

  void problem(String line) {
    System.err.println(line);
  }

  @Override
  public void close() {}

  /** A progress bar, for a terminal. */
  static final class Bar extends ProgressDisplay {
    private ProgressBar bar;

    @Override
    void start(String task, String headline, long expected) {
      bar =
          new ProgressBarBuilder()
              .setTaskName(task)
              .setInitialMax(expected)
              .setStyle(ProgressBarStyle.UNICODE_BLOCK)
              .setUnit(" items", 1)
              .showSpeed()
              .build();
    }

    @Override
    void step(long items) {
      bar.stepBy(items);
    }

    @Override
    void problem(String line) {
      System.err.println("\r" + line);
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }

  /** Plain progress lines, for logs and pipes. */
  static final class Lines extends ProgressDisplay {
    private long expected;
    private long done;
    private long reported;

    @Override
    void start(String task, String headline, long expected) {
      this.expected = expected;
      System.out.println(headline);
    }

    @Override
    void step(long items) {
      done += items;
      if (done - reported >= 1000) {
        reported = done - done % 1000;
        System.out.println(
            expected > 0
                ? String.format("… %d of %d items (%d%%)", done, expected, done * 100 / expected)
                : "… " + done + " items");
      }
    }
  }
}
