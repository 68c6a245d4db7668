package news.masthead.search;

/**
 * Every core has been searching for longer than a search may wait for its turn: the search was not
 * run. Readers should try again in a few seconds; nothing about the search itself is wrong.
 */
public final class SearchBusy extends RuntimeException {
  public SearchBusy(long waitedMillis) {
    super("too many searches at once: none could start within " + waitedMillis + " ms");
  }
}
