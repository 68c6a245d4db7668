package news.masthead.web;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rendered responses (pages, feeds, sitemaps) kept in memory until the edition changes: a page is
 * rendered once per change, however many readers ask for it. Bounded to {@link #capacity} pages;
 * past that it starts again empty (the pages that matter most are asked for again at once). A 503
 * ("try again shortly") is never kept. Can be switched off, for measuring rendering itself.
 * Thread-safe.
 */
public final class ResponseCache {
  private final boolean enabled;
  private final int capacity;
  private final ConcurrentHashMap<String, Entry> pages = new ConcurrentHashMap<>();

  private record Entry(long version, RenderedPage page) {}

  public ResponseCache(boolean enabled, int capacity) {
    this.enabled = enabled;
    this.capacity = capacity;
  }

  /** The page for {@code key} at this version, rendered by {@code render} when not cached. */
  public RenderedPage get(String key, long version, Supplier<RenderedPage> render) {
    if (!enabled) {
      return render.get();
    }
    Entry entry = pages.get(key);
    if (entry != null && entry.version() == version) {
      return entry.page();
    }
    RenderedPage page = render.get();
    if (page.status() == 503) {
      return page;
    }
    if (pages.size() >= capacity) {
      pages.clear();
    }
    pages.put(key, new Entry(version, page));
    return page;
  }

  /** Whether responses are kept at all (off for measuring rendering itself). */
  public boolean enabled() {
    return enabled;
  }

  public Optional<Integer> size() {
    return enabled ? Optional.of(pages.size()) : Optional.empty();
  }
}
