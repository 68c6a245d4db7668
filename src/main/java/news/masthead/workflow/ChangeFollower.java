package news.masthead.workflow;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import news.masthead.store.ItemStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the database's change log so that saves made by another node, or by an import run beside
 * the server, reach this node's caches within a second. One daemon thread; close it at shutdown.
 */
public final class ChangeFollower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeFollower.class);

  private final ItemStore items;
  private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("change-follower").unstarted(r));
  private volatile long seen;
  private volatile long lastRead = System.nanoTime();

  public ChangeFollower(ItemStore items) {
    this.items = items;
    this.seen = items.latestChange();
  }

  public void addListener(ChangeListener listener) {
    listeners.add(listener);
  }

  /** Starts polling the change log every {@code periodMillis}. */
  public void start(long periodMillis) {
    timer.scheduleWithFixedDelay(this::poll, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void poll() {
    try {
      long latest = items.latestChange();
      lastRead = System.nanoTime();
      if (latest != seen) {
        seen = latest;
        for (ChangeListener listener : listeners) {
          listener.changed(latest);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("could not read the change log; will try again: {}", e.getMessage());
    }
  }

  /**
   * How long ago the change log was last read: about the polling period on a healthy node, and
   * growing while the database cannot be read.
   */
  public Duration sinceLastRead() {
    return Duration.ofNanos(System.nanoTime() - lastRead);
  }

  /** The newest change log position this node has seen and passed on to its listeners. */
  public long seen() {
    return seen;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
