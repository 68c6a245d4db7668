package news.masthead.search;

/**
 * The search index's directory cannot be used: another process holds it (a running server), or it
 * cannot be created or read. The message names the directory and what to do.
 */
public final class IndexUnavailable extends RuntimeException {
  public IndexUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
