package news.masthead.web;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Public responses kept by their exact address (path and query), so that {@link HotPath} can replay
 * a page asked for again without routing or rendering, the way a caching proxy in front of a site
 * would. An entry is good only while the edition's version is the one it was made at: any save
 * makes every entry stale at once. Only responses every reader shares are kept (no error pages: a
 * flood of bad addresses must not fill it). Bounded by weight like {@link ResponseCache}: past
 * {@code maxBytes} of kept pages it starts again empty. Thread-safe.
 */
public final class HotCache {
  private final boolean enabled;
  private final LongSupplier version;
  private final long maxBytes;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  /** What the kept pages weigh, counted as {@link #keep} counts them; guarded by this. */
  private long weight;

  /** How many addresses keep each page (by identity); guarded by this. */
  private final Map<RenderedPage, Integer> addresses = new IdentityHashMap<>();

  /** What an address's entry costs besides its characters. */
  private static final long ADDRESS_COST = 96;

  /** A kept response: the version it was made at, the page and its Cache-Control. */
  record Entry(long version, RenderedPage page, String cacheControl) {}

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
    this.maxBytes = maxBytes;
  }

  /** A response that may be replayed for {@code address}, or null when there is none. */
  Entry find(String address) {
    if (!enabled) {
      return null;
    }
    Entry entry = entries.get(address);
    return entry != null && entry.version() == version.getAsLong() ? entry : null;
  }

  /**
   * Keeps a response for {@code address}, made at {@code madeAt}. A page kept at several addresses
   * ({@code /?utm_source=…}) is counted once, with each address's own small cost.
   */
  synchronized void keep(String address, long madeAt, RenderedPage page, String cacheControl) {
    if (!enabled || address.length() > 1024) {
      return;
    }
    Entry replaced = entries.get(address);
    long cost = ADDRESS_COST + address.length() + (addressesOf(page) == 0 ? page.weight() : 0);
    if (weight + cost > maxBytes) {
      entries.clear();
      addresses.clear();
      weight = 0;
      replaced = null;
      cost = ADDRESS_COST + address.length() + page.weight();
    }
    entries.put(address, new Entry(madeAt, page, cacheControl));
    addresses.merge(page, 1, Integer::sum);
    weight += cost;
    if (replaced != null) {
      weight -= ADDRESS_COST + address.length();
      if (addresses.merge(replaced.page(), -1, Integer::sum) == 0) {
        addresses.remove(replaced.page());
        weight -= replaced.page().weight();
      }
    }
  }

  private int addressesOf(RenderedPage page) {
    return addresses.getOrDefault(page, 0);
  }

  /** What the kept pages weigh now, counted as {@link #keep} counts them. */
  synchronized long weight() {
    return weight;
  }

  /** The version responses made now belong to. */
  public long version() {
    return version.getAsLong();
  }
}
