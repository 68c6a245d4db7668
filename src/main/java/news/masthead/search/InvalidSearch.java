package news.masthead.search;

/**
 * A search that cannot be run as written: it does not parse, is too long, or asks for something
 * that would be slow (a word beginning with *, a regular expression, fuzzy matching). The message
 * names the problem and what to write instead, for the reader to see.
 */
public final class InvalidSearch extends RuntimeException {
  public InvalidSearch(String message) {
    super(message);
  }
}
