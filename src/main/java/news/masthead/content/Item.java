package news.masthead.content;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored story or brief as it stands at its latest revision: its immutable id and external uri,
 * its status and slug, when it was first published and last updated, and its copy.
 */
public record Item(
    ItemId id,
    String uri,
    int revision,
    Status status,
    Slug slug,
    Optional<Instant> firstPublished,
    Instant updated,
    Copy copy) {

  public Item {
    if (id == null || uri == null || status == null || slug == null || copy == null) {
      throw new InvalidContent("an item needs its id, uri, status, slug and copy");
    }
    if (revision < 1) {
      throw new InvalidContent("revisions count from 1, not " + revision);
    }
  }

  /** True when the item was changed after it was first published. */
  public boolean wasUpdated() {
    return firstPublished.map(p -> updated.isAfter(p.plusSeconds(60))).orElse(false);
  }
}
