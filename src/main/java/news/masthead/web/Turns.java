package news.masthead.web;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Turns at the server's uncached work: rendering a page ({@link ResponseCache}) and answering an
 * API read. At most one piece runs a core at once and the rest wait their turn in order: with more
 * running than cores, each is preempted again and again and the slowest reader waits many times the
 * average. Work inside work (a page made of kept parts, a search inside a page's render) runs in
 * the turn it is in. Thread-safe; one per server, shared by everything that takes turns.
 */
public final class Turns {
  /**
   * How long work waits for its turn before the reader is told the site is busy: long enough never
   * to happen under a heavy but sustainable load, short enough that a flood of slow requests cannot
   * pile up waiting requests (each on a virtual thread, see {@code app.Masthead}) without bound.
   */
  static final long WAIT_MS = 2_000;

  /** Whether this thread holds a turn already. */
  private static final ThreadLocal<Boolean> HOLDS_TURN = ThreadLocal.withInitial(() -> false);

  private final Semaphore turns;
  private final int count;
  private final long waitMillis;

  /** One turn a core, each waited for at most {@value #WAIT_MS} ms. */
  public static Turns perCore() {
    return new Turns(Runtime.getRuntime().availableProcessors(), WAIT_MS);
  }

  Turns(int count, long waitMillis) {
    this.turns = new Semaphore(count, true);
    this.count = count;
    this.waitMillis = waitMillis;
  }

  /**
   * Waits until no work holds a turn, then takes them all for good, so that what the work used (the
   * database, the index) can be closed under none. Work that comes later waits its wait and is
   * refused. Returns false when work still held a turn after {@code millis}.
   */
  public boolean closeAfterWork(long millis) {
    try {
      return turns.tryAcquire(count, millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** About how many pieces of work are waiting for a turn now (a snapshot, for monitoring). */
  public int waiting() {
    return turns.getQueueLength();
  }

  /** Whether the calling thread holds a turn now (it is inside work that took one). */
  boolean holdsTurn() {
    return HOLDS_TURN.get();
  }

  /** Runs {@code work} once a turn is free; empty when none frees within the wait. */
  public <T> Optional<T> take(Supplier<T> work) {
    if (holdsTurn()) {
      return Optional.of(work.get());
    }
    try {
      if (!turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
        return Optional.empty();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    HOLDS_TURN.set(true);
    try {
      // A virtual thread keeps its carrier (one a core) until it waits, and uncached work never
      // waits once it has its turn: without this, a reader of a kept page queued behind whole
      // renders (measured in a flood of uncached searches: a kept story at 1,000-1,150 req/s, p50
      // 7-8 ms). Yielding first lets the short requests already queued run ahead of the render:
      // 2,600-2,800 req/s, p50 2.5 ms, p99 37 ms. Cheap when nothing waits.
      Thread.yield();
      return Optional.of(work.get());
    } finally {
      HOLDS_TURN.remove();
      turns.release();
    }
  }
}
