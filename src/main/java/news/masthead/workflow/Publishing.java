package news.masthead.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import news.masthead.content.AuditEntry;
import news.masthead.content.SavedRevision;
import news.masthead.content.Status;
import news.masthead.content.Teaser;
import news.masthead.store.ItemStore;
import news.masthead.store.NewRevision;
import news.masthead.store.PreparedRevision;

/**
 * Saves revisions by the newsroom's rules: the slug follows the headline, the teaser is cut by
 * {@link Teaser}, an item keeps the time it was first published, and every listener hears of the
 * change once it is committed. Thread-safe.
 */
public final class Publishing {
  private final ItemStore items;
  private final Clock clock;
  private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

  public Publishing(ItemStore items, Clock clock) {
    this.items = items;
    this.clock = clock;
  }

  public void addListener(ChangeListener listener) {
    listeners.add(listener);
  }

  /**
   * Saves one revision as a new immutable revision of its item.
   *
   * @throws news.masthead.content.EditConflict when it is based on an old revision
   */
  public SavedRevision save(Submission submission) {
    SavedRevision saved = items.save(revisionOf(submission));
    tellListeners();
    return saved;
  }

  /**
   * Saves one revision and its audit entry in one transaction.
   *
   * @throws news.masthead.content.EditConflict when it is based on an old revision
   */
  public SavedRevision save(Submission submission, AuditEntry why) {
    NewRevision revision = revisionOf(submission);
    SavedRevision saved = items.save(revision, why);
    if (!submission.status().isDeskOnly()) {
      tellListeners(); // a desk-only revision changes nothing readers see
    }
    return saved;
  }

  /** The outcome of one submission in {@link #saveAll}. */
  public sealed interface Outcome {
    record Saved(SavedRevision revision) implements Outcome {}

    record Refused(String reason) implements Outcome {}
  }

  /**
   * A submission made ready to save: slug and teaser cut, copy serialised. Made by {@link #prepare}
   * on any thread, so that a batch writer's transaction does nothing but write.
   */
  public static final class Ready {
    private final PreparedRevision revision;

    private Ready(PreparedRevision revision) {
      this.revision = revision;
    }
  }

  /** Does the pure work of saving {@code submission}: call it on whichever thread should. */
  public Ready prepare(Submission submission) {
    return new Ready(PreparedRevision.of(revisionOf(submission)));
  }

  /**
   * Saves a batch in one transaction; a submission that fails is refused alone and the rest are
   * kept. {@code progress} hears of each submission as it is done.
   */
  public List<Outcome> saveAll(List<Submission> submissions, Consumer<Outcome> progress) {
    // Cutting teasers and slugs is pure work: done on every core before the transaction.
    return saveReady(submissions.parallelStream().map(this::prepare).toList(), progress);
  }

  /** As {@link #saveAll}, for submissions made ready by {@link #prepare}. */
  public List<Outcome> saveReady(List<Ready> batch, Consumer<Outcome> progress) {
    List<Outcome> outcomes =
        items
            .saveAll(
                batch.stream().map(ready -> ready.revision).toList(),
                o -> progress.accept(outcomeOf(o)))
            .stream()
            .map(Publishing::outcomeOf)
            .toList();
    tellListeners();
    return outcomes;
  }

  private static Outcome outcomeOf(ItemStore.Outcome o) {
    return switch (o) {
      case ItemStore.Outcome.Saved s -> new Outcome.Saved(s.revision());
      case ItemStore.Outcome.Refused r -> new Outcome.Refused(r.reason());
    };
  }

  private NewRevision revisionOf(Submission s) {
    Instant now = clock.instant();
    Instant savedAt = s.versionCreated().orElse(now);
    Optional<Instant> firstPublished =
        s.status() instanceof Status.Published
            ? Optional.of(s.firstPublished().orElse(savedAt))
            : Optional.empty();
    return new NewRevision(
        s.uri(),
        s.basedOn(),
        s.copy(),
        s.status(),
        s.copy().slug(),
        Teaser.of(s.copy().body()),
        firstPublished,
        savedAt,
        s.savedBy(),
        s.restoring());
  }

  /** After a restore that kept items' ids: new items get ids above every restored one. */
  public void restored() {
    items.afterRestore();
    tellListeners();
  }

  private void tellListeners() {
    long latest = items.latestChange();
    for (ChangeListener listener : listeners) {
      listener.changed(latest);
    }
  }
}
