package news.masthead.content;

/**
 * An item as the desk sees it: its newest revision (which may be a draft of an edit not yet
 * published), the revision readers see and its status, and who began it. Immutable.
 *
 * @param newest the item at its newest revision, with that revision's status
 * @param liveRevision the revision readers see; equal to the newest's number when the item has no
 *     edit waiting, and meaningless while the item has never been published
 * @param liveStatus what readers see of it: published, retracted or withheld, or the newest
 *     revision's status while it has never been public
 * @param createdBy who saved its first revision
 */
public record DeskItem(Item newest, int liveRevision, Status liveStatus, String createdBy) {
  /** Whether readers see (or were shown, and now get a notice for) a revision of it. */
  public boolean isLive() {
    return !liveStatus.isDeskOnly();
  }

  /** Whether the newest revision is an edit that readers do not see yet. */
  public boolean hasUnpublishedEdit() {
    return isLive() && newest.revision() != liveRevision;
  }
}
