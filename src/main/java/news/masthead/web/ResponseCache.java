package news.masthead.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rendered responses (pages, feeds, sitemaps) kept in memory until the edition changes: a page is
 * rendered once per change, however many readers ask for it (readers who miss together wait for one
 * render). Bounded by weight ({@link #kept(long, Weight)}): once each write's evictions are done,
 * the pages kept (with their keys) weigh no more than {@code maxBytes} ({@link
 * RenderedPage#weight()}), and a page asked for once does not push out the pages readers keep
 * asking for, so neither a crawler walking the whole archive nor a flood of made-up searches can
 * fill the heap or empty the cache. A 503 ("try again shortly") is never kept. Can be switched off,
 * for measuring rendering itself. Thread-safe.
 */
public final class ResponseCache {
  private final boolean enabled;
  private final long maxBytes;
  private final Cache<String, Entry> pages;
  private final CacheStats stats;
  private final PlainPages plain;

  /** Turns at rendering, shared with this cache's siblings and the rest of the server. */
  private final Turns turns;

  private record Entry(long version, RenderedPage page) {}

  /** A render under way: of the page for a key, at a version. */
  private record Rendering(String key, long version) {}

  /** Renders under way, which readers who miss meanwhile wait for instead of rendering again. */
  private final ConcurrentHashMap<Rendering, CompletableFuture<RenderedPage>> rendering =
      new ConcurrentHashMap<>();

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
    this(enabled, maxBytes, turns, new CacheStats(), PlainPages.SHIPPED);
  }

  /** As above, answering "busy" in the languages of {@code plain}. */
  public ResponseCache(boolean enabled, long maxBytes, Turns turns, PlainPages plain) {
    this(enabled, maxBytes, turns, new CacheStats(), plain);
  }

  private ResponseCache(
      boolean enabled, long maxBytes, Turns turns, CacheStats stats, PlainPages plain) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("a cache needs a positive size, not " + maxBytes);
    }
    this.enabled = enabled;
    this.maxBytes = maxBytes;
    this.turns = turns;
    this.stats = stats;
    this.plain = plain;
    this.pages =
        kept(maxBytes, (String key, Entry entry) -> 2L * key.length() + entry.page().weight());
  }

  /** What an entry of a cache bounded by weight weighs, in bytes. */
  @FunctionalInterface
  interface Weight<K, V> {
    long weigh(K key, V value);
  }

  /**
   * A cache of at most {@code maxBytes}, by {@code weigher}, that keeps what is asked for often
   * (Caffeine's W-TinyLFU): a new entry joins a small window, and when something must go, it stays
   * only if it has been asked for more often than the entry it would push out. A flood of addresses
   * asked once each (cache-busting searches, a crawl) thus churns the window alone, and the pages
   * kept for long are the pages most readers ask for. The pages a flood makes die young, too,
   * before they reach the old generation, where they would cost full collections. Evicts on the
   * writer's thread, at once (no background pool).
   */
  static <K, V> Cache<K, V> kept(long maxBytes, Weight<K, V> weigher) {
    return Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .<K, V>weigher((key, value) -> (int) Math.min(Integer.MAX_VALUE, weigher.weigh(key, value)))
        .executor(Runnable::run)
        .build();
  }

  /**
   * Another cache, on or off like this one, that may hold {@code maxBytes} and shares this one's
   * turns at rendering.
   */
  public ResponseCache sibling(long maxBytes) {
    return new ResponseCache(enabled, maxBytes, turns, stats, plain);
  }

  /** The page for {@code key} at this version, rendered by {@code render} when not cached. */
  public RenderedPage get(String key, long version, Supplier<RenderedPage> render) {
    if (!enabled) {
      return renderInTurn(render);
    }
    Entry entry = pages.getIfPresent(key);
    if (entry != null && entry.version() == version) {
      stats.hit();
      return entry.page();
    }
    stats.miss();
    if (turns.holdsTurn()) {
      // a part of a page being rendered: made in this turn, for waiting on another reader's render
      // while holding a turn could leave no turn for that render
      return renderAndKeep(key, version, render);
    }
    // Readers who miss together get the one page the first of them renders: the cache may decline
    // to keep a new page (it keeps what is asked for most), so they wait for the render itself,
    // without holding turns.
    Rendering job = new Rendering(key, version);
    CompletableFuture<RenderedPage> mine = new CompletableFuture<>();
    CompletableFuture<RenderedPage> underWay = rendering.putIfAbsent(job, mine);
    if (underWay != null) {
      return awaited(underWay);
    }
    try {
      RenderedPage page = renderInTurn(() -> renderAndKeep(key, version, render));
      mine.complete(page);
      return page;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      rendering.remove(job, mine);
    }
  }

  /** Renders a page and keeps it, unless it was kept meanwhile or is a 503; in a turn. */
  private RenderedPage renderAndKeep(String key, long version, Supplier<RenderedPage> render) {
    Entry kept = pages.getIfPresent(key);
    if (kept != null && kept.version() == version) {
      return kept.page();
    }
    RenderedPage page = render.get();
    if (page.status() != 503) {
      pages.put(key, new Entry(version, page));
    }
    return page;
  }

  /** The page another reader's render made, or what that render threw. */
  private static RenderedPage awaited(CompletableFuture<RenderedPage> render) {
    try {
      return render.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** Renders in a turn, or answers {@link PlainPages#busy()} when no turn frees in time. */
  private RenderedPage renderInTurn(Supplier<RenderedPage> render) {
    return turns.take(render).orElseGet(plain::busy);
  }

  /** How often a page was found kept, by this cache and its siblings together. */
  public CacheStats stats() {
    return stats;
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
    return weightOf(pages);
  }

  /** How many pages are kept now; empty when off. */
  public Optional<Long> size() {
    if (!enabled) {
      return Optional.empty();
    }
    pages.cleanUp();
    return Optional.of(pages.estimatedSize());
  }

  /** What the entries of a cache made by {@link #kept} weigh now, after pending evictions. */
  static long weightOf(Cache<?, ?> cache) {
    cache.cleanUp();
    return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
  }
}
