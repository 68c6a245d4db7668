package news.masthead.store;

/**
 * A {@link NewRevision} with its copy already serialised to the stored form, so that the pure work
 * of a save can be done on any thread before the writer takes the database's write lock. Made only
 * by {@link #of}; immutable and thread-safe.
 */
public final class PreparedRevision {
  private final NewRevision revision;
  private final String copyJson;

  private PreparedRevision(NewRevision revision, String copyJson) {
    this.revision = revision;
    this.copyJson = copyJson;
  }

  /** Serialises the revision's copy; call it on whichever thread should do that work. */
  public static PreparedRevision of(NewRevision revision) {
    return new PreparedRevision(revision, CopyJson.write(revision.copy()));
  }

  public NewRevision revision() {
    return revision;
  }

  String copyJson() {
    return copyJson;
  }
}
