package news.masthead.web;

import java.util.concurrent.atomic.LongAdder;

/**
 * How often a cache of rendered responses answered from what it kept (a hit) and how often it had
 * to render or pass the request on (a miss), for the server's metrics. Thread-safe; cheap enough to
 * count every request.
 */
public final class CacheStats {
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  void hit() {
    hits.increment();
  }

  void miss() {
    misses.increment();
  }

  public long hits() {
    return hits.sum();
  }

  public long misses() {
    return misses.sum();
  }
}
