package news.masthead.store;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import news.masthead.content.Copy;
import news.masthead.content.ItemId;
import news.masthead.content.Slug;
import news.masthead.content.Status;
import news.masthead.content.Teaser;

/**
 * One revision to save for the item with this uri, creating the item when the uri is new.
 *
 * @param basedOn the revision the editor started from; when present and no longer the latest, the
 *     save is refused with an {@link news.masthead.content.EditConflict}. Empty for a wire update,
 *     which always becomes the newest revision.
 * @param firstPublished when the item was first published; kept from the item when it already has
 *     one, so a later revision never moves it
 * @param restoring for a restore from a backup: the id the item had, which its first revision
 *     creates it with, so its addresses stay the same
 */
public record NewRevision(
    String uri,
    OptionalInt basedOn,
    Copy copy,
    Status status,
    Slug slug,
    Teaser teaser,
    Optional<Instant> firstPublished,
    Instant savedAt,
    String savedBy,
    Optional<ItemId> restoring) {

  /** A revision saved in the ordinary way: a new item gets the next free id. */
  public NewRevision(
      String uri,
      OptionalInt basedOn,
      Copy copy,
      Status status,
      Slug slug,
      Teaser teaser,
      Optional<Instant> firstPublished,
      Instant savedAt,
      String savedBy) {
    this(
        uri,
        basedOn,
        copy,
        status,
        slug,
        teaser,
        firstPublished,
        savedAt,
        savedBy,
        Optional.empty());
  }
}
