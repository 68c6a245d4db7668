package news.masthead.workflow;

/** Told after items changed, on this node or another: caches drop what they hold. */
@FunctionalInterface
public interface ChangeListener {
  /** Called with the change log's newest sequence number, on the thread that saw the change. */
  void changed(long latestChange);
}
