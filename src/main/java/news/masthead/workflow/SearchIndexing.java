package news.masthead.workflow;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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
 * <p>At {@link #start} a missing or foreign index (empty, made from another database, or ahead of
 * it) is rebuilt from scratch on a background thread, and searches answer "not ready" until it is
 * done; an index that is merely behind (the node was down during an import) catches up in the
 * background while it answers from what it has. {@link #rebuild} also runs in the foreground, for
 * {@code masthead reindex}. Thread-safe: one writer at a time, searches alongside.
 */
public final class SearchIndexing implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SearchIndexing.class);

  /** Changes read, or items indexed, per round trip to the database. */
  static final int BATCH = 500;

  private final ItemStore items;
  private final SearchIndex index;
  private final Runnable rebuilt;
  private final ReentrantLock writing = new ReentrantLock();
  private volatile boolean ready;
  private volatile boolean closed;
  private volatile Optional<ExecutorService> background = Optional.empty();

  /**
   * @param rebuilt told when a rebuild has finished, so that caches drop pages made without it
   */
  public SearchIndexing(ItemStore items, SearchIndex index, Runnable rebuilt) {
    this.items = items;
    this.index = index;
    this.rebuilt = rebuilt;
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
   * Brings the index up to date in the background and returns at once: rebuilt from scratch when it
   * is empty, foreign or ahead of the database, else caught up from where it stopped.
   */
  public void start() {
    long latest = items.latestChange();
    long through = index.indexedThrough();
    boolean foreign = (through == 0 && latest > 0) || through > latest;
    ready = !foreign;
    ExecutorService thread =
        Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("search-indexer").unstarted(r));
    background = Optional.of(thread);
    if (foreign) {
      LOG.info("building the search index at {} in the background", index.location());
      thread.execute(this::rebuildInBackground);
    } else if (through < latest) {
      LOG.info(
          "the search index at {} is {} changes behind; catching up in the background",
          index.location(),
          latest - through);
      thread.execute(this::catchUp);
    }
  }

  /** Whether searches can be answered: false while the index is being built from scratch. */
  public boolean isReady() {
    return ready && !closed;
  }

  /**
   * Indexes every change the database has that the index lacks, and returns when they are
   * searchable. Returns at once while a rebuild runs: the rebuild catches up when it finishes.
   */
  public void catchUp() {
    if (!ready || closed) {
      return;
    }
    writing.lock();
    try {
      catchUpLocked();
    } catch (RuntimeException e) {
      LOG.warn("could not update the search index; will try again on the next change", e);
    } finally {
      writing.unlock();
    }
  }

  private void catchUpLocked() {
    while (!closed) {
      long through = index.indexedThrough();
      ItemStore.ChangedItems changed = items.listChangedSince(through, BATCH);
      if (changed.through() == through) {
        return;
      }
      index.update(changed.items(), changed.through());
    }
  }

  /** Rebuilds the index from the database, then follows the changes made meanwhile. */
  public Rebuilt rebuild(Progress progress) {
    long start = System.nanoTime();
    long snapshot = items.latestChange();
    progress.started(items.countPublished());
    int count = 0;
    writing.lock();
    try {
      ready = false;
      index.clear();
    } finally {
      writing.unlock();
    }
    long after = 0;
    while (!closed) {
      List<Item> page = items.listPublished(after, BATCH);
      if (page.isEmpty()) {
        break;
      }
      index.add(page);
      count += page.size();
      after = page.getLast().id().value();
      progress.advanced(page.size());
    }
    if (closed) {
      return new Rebuilt(count, 0, Duration.ofNanos(System.nanoTime() - start));
    }
    writing.lock();
    try {
      index.update(List.of(), snapshot);
      ready = true; // before catching up: a change from now on waits for the lock instead
      catchUpLocked();
      index.commit();
    } finally {
      writing.unlock();
    }
    rebuilt.run();
    return new Rebuilt(count, index.indexedThrough(), Duration.ofNanos(System.nanoTime() - start));
  }

  private void rebuildInBackground() {
    try {
      Rebuilt done = rebuild(Progress.SILENT);
      if (!closed) {
        LOG.info("search index built: {} items in {} ms", done.items(), done.took().toMillis());
      }
    } catch (RuntimeException e) {
      LOG.error("could not build the search index; searches will say so until a restart", e);
    }
  }

  /** Runs a search, or empty while the index is being built. */
  public Optional<SearchResults> find(SearchRequest request) {
    return isReady() ? Optional.of(index.find(request)) : Optional.empty();
  }

  /** Published items like this one, or none while the index is being built. */
  public List<ItemSummary> related(Item item, int count) {
    if (!isReady()) {
      return List.of();
    }
    try {
      return index.related(item, count);
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
      index.close();
    } finally {
      writing.unlock();
    }
  }
}
