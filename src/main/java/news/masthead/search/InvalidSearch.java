package news.masthead.search;

import news.masthead.content.SearchRefusal;

/**
 * A search that cannot be run as written: it does not parse, is too long, or asks for something
 * that would be slow (a word beginning with *, a regular expression, fuzzy matching). Its {@link
 * #refusal()} names the problem and what to write instead, for the reader to see in their own
 * language; the message is its English explanation.
 */
public final class InvalidSearch extends RuntimeException {
  private final SearchRefusal refusal;

  public InvalidSearch(SearchRefusal.Problem problem, Object... details) {
    this(SearchRefusal.of(problem, details));
  }

  public InvalidSearch(SearchRefusal refusal) {
    super(refusal.english());
    this.refusal = refusal;
  }

  public SearchRefusal refusal() {
    return refusal;
  }
}
