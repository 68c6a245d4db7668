package news.masthead.web;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.function.LongSupplier;

/**
 * Public responses kept by their exact address (path and query), so that {@link HotPath} can replay
 * a page asked for again without routing or rendering, the way a caching proxy in front of a site
 * would. An entry is good only while the edition's version is the one it was made at: any save
 * makes every entry stale at once. Only responses every reader shares are kept (no error pages: a
 * flood of bad addresses must not fill it). Bounded by weight and kept by how often each address is
 * asked for, like {@link ResponseCache}: a flood of addresses asked once each ({@code
 * /?utm_source=…}, made-up searches) does not push out the addresses readers keep asking for.
 * Thread-safe.
 */
public final class HotCache {
  /** What an address's entry costs besides its characters and its page. */
  private static final long ADDRESS_COST = 96;

  private final boolean enabled;
  private final LongSupplier version;
  private final Cache<String, Entry> entries;

  /**
   * A kept response: the version it was made at, the page, its Cache-Control, the route that made
   * it and its surrogate keys (empty for none).
   */
  record Entry(
      long version, RenderedPage page, String cacheControl, String route, String surrogateKeys) {}

  private final CacheStats stats = new CacheStats();

  /**
   * @param maxBytes what the kept pages may weigh together; a page kept at several addresses counts
   *     at each, so the real cost is never more
   */
  public HotCache(boolean enabled, LongSupplier version, long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("a cache needs a positive size, not " + maxBytes);
    }
    this.enabled = enabled;
    this.version = version;
    this.entries =
        ResponseCache.kept(
            maxBytes,
            (String address, Entry entry) ->
                ADDRESS_COST + address.length() + entry.page().weight());
  }

  /** A response that may be replayed for {@code address}, or null when there is none. */
  Entry find(String address) {
    if (!enabled) {
      return null;
    }
    Entry entry = entries.getIfPresent(address);
    if (entry != null && entry.version() == version.getAsLong()) {
      stats.hit();
      return entry;
    }
    stats.miss();
    return null;
  }

  /** Keeps a response for {@code address}, made at {@code madeAt} by {@code route}. */
  void keep(
      String address,
      long madeAt,
      RenderedPage page,
      String cacheControl,
      String route,
      String surrogateKeys) {
    if (!enabled || address.length() > 1024) {
      return;
    }
    entries.put(address, new Entry(madeAt, page, cacheControl, route, surrogateKeys));
  }

  /** How often a request found its response kept here. */
  public CacheStats stats() {
    return stats;
  }

  /** What the kept pages weigh now, a page counted at each address that keeps it. */
  long weight() {
    return ResponseCache.weightOf(entries);
  }

  /** The version responses made now belong to. */
  public long version() {
    return version.getAsLong();
  }
}
