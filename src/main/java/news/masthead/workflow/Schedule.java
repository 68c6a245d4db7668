package news.masthead.workflow;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes scheduled items when their time comes: every node runs one, and {@link Desk#publishDue}
 * makes sure each item is published once. Its first look is at start, so items whose time passed
 * while every server was down are published as soon as one comes back. One daemon thread; close it
 * at shutdown.
 */
public final class Schedule implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Schedule.class);

  private final Desk desk;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("schedule").unstarted(r));

  public Schedule(Desk desk) {
    this.desk = desk;
  }

  /** Looks for items due now, then every {@code periodMillis}. */
  public void start(long periodMillis) {
    timer.scheduleWithFixedDelay(this::publishDue, 0, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void publishDue() {
    try {
      int published = desk.publishDue();
      if (published > 0) {
        LOG.info("published {} scheduled item(s)", published);
      }
    } catch (RuntimeException e) {
      LOG.warn("could not publish the scheduled items; will try again: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
