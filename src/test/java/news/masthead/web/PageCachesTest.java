package news.masthead.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The page caches are bounded by what their pages weigh, so a crawler cannot fill the heap, and
 * keep what readers ask for often, so a flood of one-off addresses cannot empty them.
 */
class PageCachesTest {
  private static final int PAGE_BYTES = 20_000;

  /** The bytes of a page in caches that hold as many pages as a real one (a thousand). */
  private static final int SMALL = 2_000;

  private static RenderedPage page(int n) {
    return page(n, PAGE_BYTES);
  }

  private static RenderedPage page(int n, int bytes) {
    byte[] body = new byte[bytes];
    body[0] = (byte) n;
    return RenderedPage.html(200, body);
  }

  @Test
  void a_page_is_rendered_once_per_version_and_again_after_a_change() {
    ResponseCache cache = new ResponseCache(true, 1_000_000);
    AtomicInteger renders = new AtomicInteger();

    cache.get("/story", 1, () -> page(renders.incrementAndGet()));
    cache.get("/story", 1, () -> page(renders.incrementAndGet()));
    cache.get("/story", 2, () -> page(renders.incrementAndGet()));

    assertThat(renders).hasValue(2);
  }

  @Test
  void a_crawl_of_every_page_never_keeps_more_than_the_cache_may_weigh() {
    long budget = 40 * page(0).weight();
    ResponseCache cache = new ResponseCache(true, budget);

    for (int i = 0; i < 10_000; i++) {
      int n = i;
      cache.get("/story/" + i, 1, () -> page(n));
      assertThat(cache.weight()).isLessThanOrEqualTo(budget);
    }
    assertThat(cache.size()).hasValueSatisfying(size -> assertThat(size).isBetween(1L, 40L));
  }

  @Test
  void a_page_kept_again_under_the_same_key_is_counted_once() {
    ResponseCache cache = new ResponseCache(true, 1_000_000);

    cache.get("/story", 1, () -> page(1));
    cache.get("/story", 2, () -> page(2));

    assertThat(cache.weight()).isBetween(page(0).weight(), 2 * page(0).weight() - 1);
  }

  @Test
  void the_address_cache_is_bounded_by_weight_too() {
    long budget = 10 * (page(0).weight() + 200);
    HotCache hot = new HotCache(true, () -> 1, budget);

    for (int i = 0; i < 1_000; i++) {
      hot.keep("/?page=" + i, 1, page(i), "public, max-age=60", "/", "edition-en");
      assertThat(hot.weight()).isLessThanOrEqualTo(budget);
    }
    assertThat(hot.weight()).isPositive();
  }

  @Test
  void a_flood_of_searches_asked_once_each_does_not_push_out_the_story_readers_keep_asking_for() {
    ResponseCache cache = new ResponseCache(true, 1_000 * page(0, SMALL).weight());
    AtomicInteger storyRenders = new AtomicInteger();
    for (int i = 0; i < 20; i++) {
      cache.get("/story", 1, () -> page(storyRenders.incrementAndGet(), SMALL));
    }

    for (int i = 0; i < 50_000; i++) {
      int n = i;
      cache.get("/search?q=made-up-" + i, 1, () -> page(n, SMALL));
      if (i % 100 == 0) {
        cache.get("/story", 1, () -> page(storyRenders.incrementAndGet(), SMALL));
      }
    }

    assertThat(storyRenders).as("the story was rendered once, then kept").hasValue(1);
  }

  @Test
  void a_page_readers_start_asking_for_during_a_flood_is_kept_after_a_few_renders() {
    ResponseCache cache = new ResponseCache(true, 1_000 * page(0, SMALL).weight());
    AtomicInteger renders = new AtomicInteger();

    for (int i = 0; i < 50_000; i++) {
      int n = i;
      cache.get("/search?q=made-up-" + i, 1, () -> page(n, SMALL));
      if (i % 100 == 0) {
        cache.get("/breaking-story", 1, () -> page(renders.incrementAndGet(), SMALL));
      }
    }

    assertThat(renders.get()).as("renders of the new story, out of 500 readers").isBetween(1, 5);
  }

  @Test
  void a_flood_of_addresses_asked_once_each_does_not_push_out_the_front_page() {
    RenderedPage front = page(1, SMALL);
    HotCache hot = new HotCache(true, () -> 1, 1_000 * (front.weight() + 200));
    hot.keep("/", 1, front, "public, max-age=60", "/", "edition-en");
    for (int i = 0; i < 20; i++) {
      assertThat(hot.find("/")).isNotNull();
    }

    for (int i = 0; i < 50_000; i++) {
      hot.keep("/?utm_source=" + i, 1, page(i, SMALL), "public, max-age=60", "/", "edition-en");
      if (i % 100 == 0) {
        assertThat(hot.find("/")).as("the front page, asked for again").isNotNull();
      }
    }

    assertThat(hot.find("/")).as("the front page is still kept").isNotNull();
  }

  @Test
  void no_more_pages_render_at_once_than_there_are_cores_and_a_render_inside_a_render_goes_on()
      throws InterruptedException {
    ResponseCache cache = new ResponseCache(false, 1_000_000);
    ResponseCache searches = cache.sibling(1_000);
    int cores = Runtime.getRuntime().availableProcessors();
    AtomicInteger now = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Thread> readers = new ArrayList<>();
    for (int i = 0; i < cores * 4; i++) {
      readers.add(
          Thread.ofPlatform()
              .start(
                  () ->
                      searches.get(
                          "/search",
                          1,
                          () -> {
                            most.accumulateAndGet(now.incrementAndGet(), Math::max);
                            try {
                              Thread.sleep(20);
                            } catch (InterruptedException e) {
                              Thread.currentThread().interrupt();
                            }
                            // A part kept in the other cache, rendered inside this render.
                            RenderedPage part = cache.get("/part", 1, () -> page(2));
                            now.decrementAndGet();
                            return part;
                          })));
    }
    for (Thread reader : readers) {
      reader.join(10_000);
      assertThat(reader.isAlive()).as("a reader still waiting: renders deadlocked").isFalse();
    }
    assertThat(most.get()).isBetween(1, cores);
  }

  @Test
  void a_render_that_waits_too_long_for_its_turn_tells_the_reader_the_site_is_busy()
      throws InterruptedException {
    ResponseCache cache = new ResponseCache(true, 1_000_000, 1, 50);
    java.util.concurrent.CountDownLatch rendering = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    Thread slow =
        Thread.ofPlatform()
            .start(
                () ->
                    cache.get(
                        "/slow",
                        1,
                        () -> {
                          rendering.countDown();
                          try {
                            release.await();
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          return page(1);
                        }));
    rendering.await();

    RenderedPage answer = cache.get("/other", 1, () -> page(2));

    release.countDown();
    slow.join();
    assertThat(answer.status()).isEqualTo(503);
    assertThat(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("Too many readers at once")
        .contains("lang=\"fa\"");
    assertThat(cache.get("/other", 1, () -> page(2)).status())
        .as("a busy answer is never kept")
        .isEqualTo(200);
  }

  @Test
  void readers_who_missed_together_get_the_one_page_the_first_of_them_rendered()
      throws InterruptedException {
    ResponseCache cache = new ResponseCache(true, 1_000_000, 1, 10_000);

    int renders = rendersWhenEightReadersMissTogether(cache, "/section", page(1), 20);

    assertThat(renders).isEqualTo(1);
    assertThat(cache.weight()).isBetween(page(1).weight(), 2 * page(1).weight() - 1);
  }

  @Test
  void readers_who_miss_a_new_page_together_get_one_render_even_when_the_cache_is_full()
      throws InterruptedException {
    ResponseCache cache = new ResponseCache(true, 1_000 * page(0, SMALL).weight(), 2, 10_000);
    for (int round = 0; round < 3; round++) { // pages readers keep asking for fill the cache
      for (int i = 0; i < 1_000; i++) {
        int n = i;
        cache.get("/story/" + i, 1, () -> page(n, SMALL));
      }
    }

    int renders = rendersWhenEightReadersMissTogether(cache, "/breaking", page(1, SMALL), 50);

    assertThat(renders).isEqualTo(1);
  }

  /**
   * Lets eight readers ask {@code cache} for {@code key} at once, each render taking {@code
   * renderMillis} and making {@code made}; how many renders there were.
   */
  private static int rendersWhenEightReadersMissTogether(
      ResponseCache cache, String key, RenderedPage made, long renderMillis)
      throws InterruptedException {
    AtomicInteger renders = new AtomicInteger();
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<Thread> readers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      readers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      start.await();
                      cache.get(
                          key,
                          1,
                          () -> {
                            renders.incrementAndGet();
                            try {
                              Thread.sleep(renderMillis);
                            } catch (InterruptedException e) {
                              Thread.currentThread().interrupt();
                            }
                            return made;
                          });
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
    }
    start.countDown();
    for (Thread reader : readers) {
      reader.join();
    }
    return renders.get();
  }

  @Test
  void a_cache_of_no_size_is_refused() {
    assertThatThrownBy(() -> new ResponseCache(true, 0)).hasMessageContaining("positive size");
  }
}
