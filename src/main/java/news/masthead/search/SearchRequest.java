package news.masthead.search;

import java.time.Instant;
import java.util.Optional;
import news.masthead.content.Language;
import news.masthead.content.Profile;
import news.masthead.content.Slug;

/**
 * One search: the reader's words, the filters, the order and the slice of results wanted.
 *
 * @param text the search as the reader wrote it, in {@link SearchSyntax}
 * @param language only items in this language; empty for every language
 * @param section only items of the section with this slug
 * @param profile only stories, or only briefs
 * @param from only items first published at or after this instant
 * @param to only items first published before this instant
 * @param offset how many results to skip
 * @param limit how many results to return, 1 to {@value #MAX_LIMIT}
 */
public record SearchRequest(
    String text,
    Optional<Language> language,
    Optional<Slug> section,
    Optional<Profile> profile,
    Optional<Instant> from,
    Optional<Instant> to,
    Order order,
    int offset,
    int limit) {

  public static final int MAX_LIMIT = 100;

  /** The deepest result a search reaches: deeper pages would make every search slower. */
  public static final int MAX_DEPTH = 1000;

  /** How results are ordered. */
  public enum Order {
    /** The best matches first. */
    RELEVANCE,
    /** The most recently first published first. */
    NEWEST
  }

  public SearchRequest {
    if (text == null) {
      throw new IllegalArgumentException("a search needs its text (which may be empty)");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "a search returns 1 to " + MAX_LIMIT + " results at once, not " + limit);
    }
    if (offset < 0 || offset + limit > MAX_DEPTH) {
      throw new IllegalArgumentException(
          "a search reaches the first " + MAX_DEPTH + " results, not offset " + offset);
    }
  }

  /** A search of every language, with no filters, best matches first. */
  public static SearchRequest of(String text) {
    return new SearchRequest(
        text,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Order.RELEVANCE,
        0,
        10);
  }

  public SearchRequest in(Language l) {
    return new SearchRequest(
        text, Optional.of(l), section, profile, from, to, order, offset, limit);
  }

  public SearchRequest inSection(Slug s) {
    return new SearchRequest(
        text, language, Optional.of(s), profile, from, to, order, offset, limit);
  }

  public SearchRequest only(Profile p) {
    return new SearchRequest(
        text, language, section, Optional.of(p), from, to, order, offset, limit);
  }

  public SearchRequest between(Optional<Instant> f, Optional<Instant> t) {
    return new SearchRequest(text, language, section, profile, f, t, order, offset, limit);
  }

  public SearchRequest ordered(Order o) {
    return new SearchRequest(text, language, section, profile, from, to, o, offset, limit);
  }

  public SearchRequest slice(int newOffset, int newLimit) {
    return new SearchRequest(
        text, language, section, profile, from, to, order, newOffset, newLimit);
  }
}
