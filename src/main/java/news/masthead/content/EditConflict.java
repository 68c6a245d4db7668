package news.masthead.content;

/**
 * A save was based on a revision that is no longer the latest: someone else saved in between.
 * Nothing was written; the editor must look at the newer revision first.
 */
public final class EditConflict extends RuntimeException {
  public EditConflict(String uri, int basedOn, int latest) {
    super(
        "item "
            + uri
            + " was edited meanwhile: this save is based on revision "
            + basedOn
            + " but the latest is "
            + latest
            + "; reload it and apply your change again");
  }
}
