package news.masthead.web;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns at the server's uncached work: rendering a page ({@link ResponseCache}) and answering an
 * API read. At most one piece runs a core at once and the rest wait their turn in order: with more
 * running than cores, each is preempted again and again and the slowest reader waits many times the
 * average. Work inside work (a page made of kept parts, a search inside a page's render) runs in
 * the turn it is in. Thread-safe; one per server, shared by everything that takes turns.
 *
 * <p>A wait has no timer of its own: a virtual thread's timed wait asks the JVM's scheduler for a
 * timer and cancels it when the turn comes, and both wake the scheduler's thread, which is costly
 * in a flood (bench/RESULTS.md). Work here waits untimed, in order; the waits that have lasted too
 * long are ended by one sweep every {@value #SWEEP_MS} ms, shared by every {@code Turns}, so a wait
 * lasts its limit and at most one sweep more.
 */
public final class Turns {
  /**
   * How long work waits for its turn before the reader is told the site is busy: long enough never
   * to happen under a heavy but sustainable load, short enough that a flood of slow requests cannot
   * pile up waiting requests (each on a virtual thread, see {@code app.Masthead}) without bound.
   */
  static final long WAIT_MS = 2_000;

  /** How often waits that have lasted their limit are ended. */
  static final long SWEEP_MS = 50;

  private static final Logger LOG = LoggerFactory.getLogger(Turns.class);

  /** Whether this thread holds a turn already. */
  private static final ThreadLocal<Boolean> HOLDS_TURN = ThreadLocal.withInitial(() -> false);

  /** The one thread that ends overlong waits, for every {@code Turns} there is. */
  private static final ScheduledExecutorService SWEEPER =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("turn-sweeper").factory());

  private final ReentrantLock lock = new ReentrantLock();

  /** Turns nobody holds; guarded by {@link #lock}. */
  private int free;

  /** The work waiting, first come first; guarded by {@link #lock}. */
  private final ArrayDeque<Waiter> queue = new ArrayDeque<>();

  private final int count;
  private final long waitNanos;

  /** One turn a core, each waited for at most {@value #WAIT_MS} ms. */
  public static Turns perCore() {
    return new Turns(Runtime.getRuntime().availableProcessors(), WAIT_MS);
  }

  Turns(int count, long waitMillis) {
    this.count = count;
    this.free = count;
    this.waitNanos = TimeUnit.MILLISECONDS.toNanos(waitMillis);
    sweepWhileReachable(this);
  }

  /**
   * Ends the overlong waits of {@code turns} every {@value #SWEEP_MS} ms for as long as anything
   * else holds it; the sweep holds it only weakly, so a {@code Turns} no longer used is collected.
   */
  private static void sweepWhileReachable(Turns turns) {
    Sweep sweep = new Sweep(new WeakReference<>(turns));
    sweep.scheduled =
        SWEEPER.scheduleWithFixedDelay(sweep, SWEEP_MS, SWEEP_MS, TimeUnit.MILLISECONDS);
  }

  /** One {@code Turns}' sweep: cancels itself once its {@code Turns} has been collected. */
  private static final class Sweep implements Runnable {
    private final WeakReference<Turns> turns;

    /** Set just after scheduling, while the {@code Turns} is still in its constructor. */
    volatile ScheduledFuture<?> scheduled;

    Sweep(WeakReference<Turns> turns) {
      this.turns = turns;
    }

    @Override
    public void run() {
      Turns alive = turns.get();
      if (alive == null) {
        scheduled.cancel(false);
        return;
      }
      try {
        alive.endOverlongWaits(System.nanoTime());
      } catch (RuntimeException | Error e) {
        // a task that throws is never run again: waits would then never end
        LOG.error("ending overlong waits for a turn failed; the sweep goes on", e);
      }
    }
  }

  /**
   * Waits until no work holds a turn, then takes them all for good, so that what the work used (the
   * database, the index) can be closed under none. Work that comes later waits its wait and is
   * refused. Returns false when work still held a turn after {@code millis}.
   */
  public boolean closeAfterWork(long millis) {
    return await(count, TimeUnit.MILLISECONDS.toNanos(millis));
  }

  /** About how many pieces of work are waiting for a turn now (a snapshot, for monitoring). */
  public int waiting() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
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
    if (!await(1, waitNanos)) {
      return Optional.empty();
    }
    HOLDS_TURN.set(true);
    try {
      // A virtual thread keeps its carrier (one a core) until it waits, and uncached work never
      // waits once it has its turn: yielding first lets the short requests already queued (kept
      // pages) run ahead of the render instead of behind it. Cheap when nothing waits.
      Thread.yield();
      return Optional.of(work.get());
    } finally {
      HOLDS_TURN.remove();
      release(1);
    }
  }

  /**
   * Takes {@code turns} turns once they are free and nothing came before; false when that took
   * longer than {@code nanos} (give or take a sweep), or the thread was interrupted before or
   * meanwhile (its interrupt kept, and no turn taken: work run interrupted would have its socket
   * and database I/O fail).
   */
  private boolean await(int turns, long nanos) {
    if (Thread.currentThread().isInterrupted()) {
      return false;
    }
    Waiter waiter;
    lock.lock();
    try {
      if (queue.isEmpty() && free >= turns) {
        free -= turns;
        return true;
      }
      if (nanos <= 0) {
        return false;
      }
      waiter = new Waiter(Thread.currentThread(), turns, System.nanoTime() + nanos);
      queue.addLast(waiter);
    } finally {
      lock.unlock();
    }
    while (waiter.state == Waiter.WAITING) {
      LockSupport.park(this);
      if (Thread.currentThread().isInterrupted()) {
        if (!withdraw(waiter) && waiter.state == Waiter.GRANTED) {
          release(turns); // granted as the interrupt came: given back, as if it came first
        }
        return false;
      }
    }
    return waiter.state == Waiter.GRANTED;
  }

  /** Takes a waiter out of the queue unless its turn came first; whether it was taken out. */
  private boolean withdraw(Waiter waiter) {
    lock.lock();
    try {
      if (waiter.state != Waiter.WAITING) {
        return false;
      }
      queue.remove(waiter);
      waiter.state = Waiter.REFUSED;
      grantInOrder();
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void release(int turns) {
    lock.lock();
    try {
      free += turns;
      grantInOrder();
    } finally {
      lock.unlock();
    }
  }

  /** Hands free turns to the waiters at the head of the queue, in order; under the lock. */
  private void grantInOrder() {
    Waiter first;
    while ((first = queue.peekFirst()) != null && free >= first.turns) {
      queue.pollFirst();
      free -= first.turns;
      first.state = Waiter.GRANTED;
      LockSupport.unpark(first.thread);
    }
  }

  /** Refuses the waits that have lasted their limit (the sweep's work), then grants in order. */
  void endOverlongWaits(long now) {
    lock.lock();
    try {
      boolean ended = false;
      for (Iterator<Waiter> waiters = queue.iterator(); waiters.hasNext(); ) {
        Waiter waiter = waiters.next();
        if (now - waiter.deadline >= 0) {
          waiters.remove();
          waiter.state = Waiter.REFUSED;
          LockSupport.unpark(waiter.thread);
          ended = true;
        }
      }
      if (ended) {
        grantInOrder(); // a refused wait for many turns may have held back those behind it
      }
    } finally {
      lock.unlock();
    }
  }

  /** One piece of work waiting for its turns. */
  private static final class Waiter {
    static final int WAITING = 0;
    static final int GRANTED = 1;
    static final int REFUSED = 2;

    final Thread thread;
    final int turns;
    final long deadline;

    /** Set under the lock; read by the waiter without it. */
    volatile int state = WAITING;

    Waiter(Thread thread, int turns, long deadline) {
      this.thread = thread;
      this.turns = turns;
      this.deadline = deadline;
    }
  }
}
