package news.masthead.web;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Rendered responses (pages, feeds, sitemaps) kept in memory until the edition changes: a page is
 * rendered once per change, however many readers ask for it. Bounded by weight: when the pages kept
 * would weigh more than {@code maxBytes} ({@link RenderedPage#weight()}), it starts again empty
 * (the pages that matter most are asked for again at once), so a crawler walking the whole archive
 * cannot fill the heap. A 503 ("try again shortly") is never kept. Can be switched off, for
 * measuring rendering itself. Thread-safe.
 */
public final class ResponseCache {
  private final boolean enabled;
  private final long maxBytes;
  private final ConcurrentHashMap<String, Entry> pages = new ConcurrentHashMap<>();
  private final AtomicLong weight = new AtomicLong();

  /**
   * Pages are rendered at most one a core at once, shared by this cache and its siblings; the rest
   * wait their turn in order. With more renders running than cores each is preempted again and
   * again, and the slowest reader waits many times the average.
   */
  private final Semaphore rendering;

  /**
   * How long a render waits for its turn before the reader is told the site is busy ({@link
   * RenderedPage#busy()}): long enough never to happen under a heavy but sustainable load, short
   * enough that a flood of slow requests cannot hold every server thread.
   */
  static final long TURN_WAIT_MS = 2_000;

  private final long turnWaitMillis;

  /** Whether this thread is rendering already (and so holds a turn). */
  private static final ThreadLocal<Boolean> HOLDS_TURN = ThreadLocal.withInitial(() -> false);

  private record Entry(long version, RenderedPage page) {}

  /**
   * @param maxBytes what the kept pages may weigh together; at least one page's weight
   */
  public ResponseCache(boolean enabled, long maxBytes) {
    this(enabled, maxBytes, Runtime.getRuntime().availableProcessors(), TURN_WAIT_MS);
  }

  /** A cache with {@code turns} renders at once, each waiting at most {@code turnWaitMillis}. */
  ResponseCache(boolean enabled, long maxBytes, int turns, long turnWaitMillis) {
    this(enabled, maxBytes, new Semaphore(turns, true), turnWaitMillis);
  }

  private ResponseCache(boolean enabled, long maxBytes, Semaphore rendering, long turnWaitMillis) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("a cache needs a positive size, not " + maxBytes);
    }
    this.enabled = enabled;
    this.maxBytes = maxBytes;
    this.rendering = rendering;
    this.turnWaitMillis = turnWaitMillis;
  }

  /**
   * Another cache, on or off like this one, that may hold {@code maxBytes} and shares this one's
   * turns at rendering.
   */
  public ResponseCache sibling(long maxBytes) {
    return new ResponseCache(enabled, maxBytes, rendering, turnWaitMillis);
  }

  /** The page for {@code key} at this version, rendered by {@code render} when not cached. */
  public RenderedPage get(String key, long version, Supplier<RenderedPage> render) {
    if (!enabled) {
      return renderInTurn(render);
    }
    Entry entry = pages.get(key);
    if (entry != null && entry.version() == version) {
      return entry.page();
    }
    // Readers who missed together queue for turns: the first renders and keeps its page before
    // its turn ends, and the rest find that page here instead of rendering it again in turn.
    return renderInTurn(
        () -> {
          Entry kept = pages.get(key);
          if (kept != null && kept.version() == version) {
            return kept.page();
          }
          RenderedPage page = render.get();
          if (page.status() != 503) {
            keep(key, new Entry(version, page));
          }
          return page;
        });
  }

  /** Keeps an entry, starting again empty when the kept pages would weigh too much. */
  private synchronized void keep(String key, Entry entry) {
    Entry replaced = pages.get(key);
    long cost = entry.page().weight();
    long freed = replaced == null ? 0 : replaced.page().weight();
    if (weight.get() + cost - freed > maxBytes) {
      pages.clear();
      weight.set(0);
      freed = 0;
    }
    pages.put(key, entry);
    weight.addAndGet(cost - freed);
  }

  /**
   * Renders once a turn is free, or answers {@link RenderedPage#busy()} when none frees within the
   * wait; a render inside a render (a page made of kept parts) has its turn already.
   */
  private RenderedPage renderInTurn(Supplier<RenderedPage> render) {
    if (HOLDS_TURN.get()) {
      return render.get();
    }
    try {
      if (!rendering.tryAcquire(turnWaitMillis, TimeUnit.MILLISECONDS)) {
        return RenderedPage.busy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return RenderedPage.busy();
    }
    HOLDS_TURN.set(true);
    try {
      return render.get();
    } finally {
      HOLDS_TURN.remove();
      rendering.release();
    }
  }

  /** Whether responses are kept at all (off for measuring rendering itself). */
  public boolean enabled() {
    return enabled;
  }

  /** What the kept pages may weigh together. */
  public long maxBytes() {
    return maxBytes;
  }

  /** What the kept pages weigh now ({@link RenderedPage#weight()}); 0 when off. */
  public long weight() {
    return enabled ? weight.get() : 0;
  }

  public Optional<Integer> size() {
    return enabled ? Optional.of(pages.size()) : Optional.empty();
  }
}
