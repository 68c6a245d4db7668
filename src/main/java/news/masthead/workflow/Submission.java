package news.masthead.workflow;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import news.masthead.content.Copy;
import news.masthead.content.ItemId;
import news.masthead.content.Status;

/**
 * A revision handed in for saving: from a reporter's editor, or from a wire or file import.
 *
 * @param uri the item's external id; a new uri makes a new item
 * @param basedOn the revision an editor started from; empty for a wire update
 * @param firstPublished for imports, when the item was first published elsewhere
 * @param versionCreated for imports, when this version was made; the save time otherwise
 * @param restoring for a restore from a backup, the id the item had (kept, so its addresses stay)
 */
public record Submission(
    String uri,
    OptionalInt basedOn,
    Copy copy,
    Status status,
    Optional<Instant> firstPublished,
    Optional<Instant> versionCreated,
    String savedBy,
    Optional<ItemId> restoring) {

  /** A revision saved in the ordinary way: a new item gets the next free id. */
  public Submission(
      String uri,
      OptionalInt basedOn,
      Copy copy,
      Status status,
      Optional<Instant> firstPublished,
      Optional<Instant> versionCreated,
      String savedBy) {
    this(uri, basedOn, copy, status, firstPublished, versionCreated, savedBy, Optional.empty());
  }

  /** The same revision as restored from a backup: saved by whom it was, with the item's id. */
  public Submission restored(String savedBy, Status status, ItemId id) {
    return new Submission(
        uri, basedOn, copy, status, firstPublished, versionCreated, savedBy, Optional.of(id));
  }

  /** A wire or file import: always becomes the item's newest revision. */
  public static Submission imported(
      String uri,
      Copy copy,
      Status status,
      Optional<Instant> firstPublished,
      Optional<Instant> versionCreated,
      String source) {
    return new Submission(
        uri, OptionalInt.empty(), copy, status, firstPublished, versionCreated, source);
  }
}
