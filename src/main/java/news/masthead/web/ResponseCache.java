package news.masthead.web;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

  /** What the kept pages weigh ({@link RenderedPage#weight()}); guarded by this. */
  private long weight;

  /** Turns at rendering, shared with this cache's siblings and the rest of the server. */
  private final Turns turns;

  private record Entry(long version, RenderedPage page) {}

  /**
   * A cache with turns of its own, one a core.
   *
   * @param maxBytes what the kept pages may weigh together; at least one page's weight
   */
  ResponseCache(boolean enabled, long maxBytes) {
    this(enabled, maxBytes, Turns.perCore());
  }

  /** A cache with {@code turns} renders at once, each waiting at most {@code turnWaitMillis}. */
  ResponseCache(boolean enabled, long maxBytes, int turns, long turnWaitMillis) {
    this(enabled, maxBytes, new Turns(turns, turnWaitMillis));
  }

  /** A cache whose renders take {@code turns}, the server's turns at uncached work. */
  public ResponseCache(boolean enabled, long maxBytes, Turns turns) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("a cache needs a positive size, not " + maxBytes);
    }
    this.enabled = enabled;
    this.maxBytes = maxBytes;
    this.turns = turns;
  }

  /**
   * Another cache, on or off like this one, that may hold {@code maxBytes} and shares this one's
   * turns at rendering.
   */
  public ResponseCache sibling(long maxBytes) {
    return new ResponseCache(enabled, maxBytes, turns);
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
    if (weight + cost - freed > maxBytes) {
      pages.clear();
      weight = 0;
      freed = 0;
    }
    pages.put(key, entry);
    weight += cost - freed;
  }

  /** Renders in a turn, or answers {@link RenderedPage#busy()} when no turn frees in time. */
  private RenderedPage renderInTurn(Supplier<RenderedPage> render) {
    return turns.take(render).orElseGet(RenderedPage::busy);
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
  public synchronized long weight() {
    return enabled ? weight : 0;
  }

  public Optional<Integer> size() {
    return enabled ? Optional.of(pages.size()) : Optional.empty();
  }
}
