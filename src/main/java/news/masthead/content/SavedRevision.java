package news.masthead.content;

/** What a save wrote: the item's id, the new revision number, and whether the item is new. */
public record SavedRevision(ItemId id, int revision, boolean created) {}
