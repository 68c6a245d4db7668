package news.masthead.workflow;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import news.masthead.content.Item;
import news.masthead.content.ItemSummary;
import news.masthead.search.SearchIndex;
import news.masthead.search.SearchRequest;
import news.masthead.search.SearchResults;
import news.masthead.store.ItemStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link SearchIndex} following the database's change log: every publish, correction and
 * retraction, made on this node or another, is searchable (or gone) by the time the {@link Edition}
 * shows it, because the edition asks for {@link #catchUp} before it moves to a new version.
 *
 * <p>At {@link #start} the index is opened on a background thread, so the server's first page does
 * not wait for it; a missing or foreign index (empty, made from another database, or ahead of it)
 * is then rebuilt from scratch, an index that is merely behind (the node was down during an import)
 * catches up. Searches answer "not ready" until that is done. {@link #rebuild} also runs in the
 * foreground, for {@code masthead reindex}. Thread-safe: one writer at a time, searches alongside.
 */
public final class SearchIndexing implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SearchIndexing.class);

  /** Changes read, or items indexed, per round trip to the database. */
  static final int BATCH = 500;

  private final ItemStore items;
  private final Supplier<SearchIndex> opener;
  private final Runnable ready;
  private final ReentrantLock writing = new ReentrantLock();
  private volatile Optional<SearchIndex> index = Optional.empty();
  private volatile boolean following;

  /** Whether the index has caught up since it was opened or rebuilt: searches wait for this. */
  private volatile boolean caughtUp;

  private volatile boolean closed;
  private volatile Optional<ExecutorService> background = Optional.empty();

  /**
   * @param opener opens the index, when it is first needed (opening is slow in a cold JVM, so a
   *     server does it in the background)
   * @param ready told when the index has become ready after {@link #start} or a rebuild, so that
   *     caches drop pages made without it
   */
  public SearchIndexing(ItemStore items, Supplier<SearchIndex> opener, Runnable ready) {
    this.items = items;
    this.opener = opener;
    this.ready = ready;
  }

  /** Hears how a rebuild advances, for a progress bar. */
  public interface Progress {
    void started(int expected);

    void advanced(int items);

    Progress SILENT =
        new Progress() {
          @Override
          public void started(int expected) {}

          @Override
          public void advanced(int items) {}
        };
  }

  /** What a rebuild did: items indexed, the change log position reached, and the time taken. */
  public record Rebuilt(int items, long through, Duration took) {}

  /**
   * Opens the index and brings it up to date on a background thread, and returns at once: the index
   * is rebuilt from scratch when it is empty, foreign or ahead of the database, else caught up from
   * where it stopped. Searches answer "not ready" until it is open, or rebuilt.
   */
  public void start() {
    ExecutorService thread =
        Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("search-indexer").unstarted(r));
    background = Optional.of(thread);
    thread.execute(this::openAndFollow);
  }

  private void openAndFollow() {
    try {
      SearchIndex opened = index();
      long latest = items.latestChange();
      long through = opened.indexedThrough();
      if ((through == 0 && latest > 0) || through > latest) {
        LOG.info("building the search index at {} in the background", opened.location());
        Rebuilt done = rebuild(Progress.SILENT);
        if (!closed) {
          LOG.info("search index built: {} items in {} ms", done.items(), done.took().toMillis());
        }
        return;
      }
      if (through < latest) {
        LOG.info(
            "the search index at {} is {} changes behind; catching up",
            opened.location(),
            latest - through);
      }
      writing.lock();
      try {
        following = true; // before catching up: a change from now on waits for the lock instead
        catchUpLocked(opened);
        caughtUp = true;
      } finally {
        writing.unlock();
      }
      ready.run();
    } catch (RuntimeException e) {
      LOG.error("could not open or build the search index; searches will say so", e);
    }
  }

  /** The index, opened on first use. */
  private synchronized SearchIndex index() {
    if (index.isEmpty()) {
      index = Optional.of(opener.get());
    }
    return index.get();
  }

  /** Whether searches can be answered: false until the index is open, and while it is built. */
  public boolean isReady() {
    return caughtUp && !closed;
  }

  /**
   * Indexes every change the database has that the index lacks, and returns when they are
   * searchable. Returns at once until the index is open and while a rebuild runs: those catch up
   * when they finish.
   */
  public void catchUp() {
    if (!following || closed) {
      return;
    }
    writing.lock();
    try {
      catchUpLocked(index());
    } catch (RuntimeException e) {
      LOG.warn("could not update the search index; will try again on the next change", e);
    } finally {
      writing.unlock();
    }
  }

  private void catchUpLocked(SearchIndex opened) {
    while (!closed) {
      long through = opened.indexedThrough();
      ItemStore.ChangedItems changed = items.listChangedSince(through, BATCH);
      if (changed.through() == through) {
        return;
      }
      opened.update(changed.items(), changed.through());
    }
  }

  /** Rebuilds the index from the database, then follows the changes made meanwhile. */
  public Rebuilt rebuild(Progress progress) {
    long start = System.nanoTime();
    SearchIndex opened = index();
    long snapshot = items.latestChange();
    progress.started(items.countPublished());
    int count = 0;
    writing.lock();
    try {
      following = false;
      caughtUp = false;
      opened.clear();
    } finally {
      writing.unlock();
    }
    long after = 0;
    while (!closed) {
      List<Item> page = items.listPublished(after, BATCH);
      if (page.isEmpty()) {
        break;
      }
      opened.add(page);
      count += page.size();
      after = page.getLast().id().value();
      progress.advanced(page.size());
    }
    if (closed) {
      return new Rebuilt(count, 0, Duration.ofNanos(System.nanoTime() - start));
    }
    writing.lock();
    try {
      opened.update(List.of(), snapshot);
      following = true; // before catching up: a change from now on waits for the lock instead
      catchUpLocked(opened);
      caughtUp = true;
      opened.commit();
    } finally {
      writing.unlock();
    }
    ready.run();
    if (!closed) {
      opened.compact(); // searches already run meanwhile, on the segments the rebuild wrote
    }
    return new Rebuilt(count, opened.indexedThrough(), Duration.ofNanos(System.nanoTime() - start));
  }

  /** The change log position the index has applied; 0 until it is open. */
  public long indexedThrough() {
    return index.map(SearchIndex::indexedThrough).orElse(0L);
  }

  /** Runs a search, or empty while the index is being built. */
  public Optional<SearchResults> find(SearchRequest request) {
    return isReady() ? Optional.of(index().find(request)) : Optional.empty();
  }

  /** Published items like this one, or none while the index is being built. */
  public List<ItemSummary> related(Item item, int count) {
    if (!isReady()) {
      return List.of();
    }
    try {
      return index().related(item, count);
    } catch (RuntimeException e) {
      LOG.warn("could not find items related to {}: {}", item.id(), e.getMessage());
      return List.of();
    }
  }

  /** Stops a rebuild at its next batch, commits what is complete, and closes the index. */
  @Override
  public void close() {
    closed = true;
    background.ifPresent(
        thread -> {
          thread.shutdown();
          try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    writing.lock();
    try {
      index.ifPresent(SearchIndex::close);
    } finally {
      writing.unlock();
    }
  }
}
