package news.masthead.workflow;

import java.util.List;
import java.util.function.Consumer;
import news.masthead.content.Item;
import news.masthead.store.ItemStore;

/**
 * Everything the database holds, revision by revision: what an export writes and a restore reads
 * back. Reads a page of revisions at a time, so an archive of any size streams in bounded memory.
 * Thread-safe.
 */
public final class Archive {
  static final int PAGE = 500;

  private final ItemStore items;

  public Archive(ItemStore items) {
    this.items = items;
  }

  /** One revision of an item as it was saved, and who saved it. */
  public record Revision(Item item, String savedBy) {}

  /** Hands every revision of every item to {@code sink}, in item order, oldest revision first. */
  public long forEachRevision(Consumer<Revision> sink) {
    long afterItem = 0;
    int afterNumber = 0;
    long count = 0;
    while (true) {
      List<ItemStore.StoredRevision> page = items.listRevisions(afterItem, afterNumber, PAGE);
      for (ItemStore.StoredRevision stored : page) {
        sink.accept(new Revision(stored.item(), stored.savedBy()));
        count++;
      }
      if (page.size() < PAGE) {
        return count;
      }
      Item last = page.getLast().item();
      afterItem = last.id().value();
      afterNumber = last.revision();
    }
  }

  /** How many items and revisions there are, for a backup's manifest. */
  /** What pages need to show the library pictures the item shows, by picture id. */
  public java.util.Map<Long, news.masthead.content.Art> art(news.masthead.content.Item item) {
    return items.art(
        item.copy().figures().stream().map(news.masthead.content.Figure::picture).toList());
  }

  public record Counts(int items, long revisions, long changeLogPosition) {}

  public Counts counts() {
    return new Counts(items.countAll(), items.countRevisions(), items.latestChange());
  }
}
