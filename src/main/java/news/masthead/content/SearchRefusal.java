package news.masthead.content;

import java.util.Arrays;
import java.util.List;

/**
 * Why a reader's search cannot be run as written, with the figures and words its explanation
 * quotes. The site explains it in the reader's language; {@link #english()} is the explanation the
 * API, logs and English pages give. Immutable.
 *
 * @param details what the explanation quotes, in the order each {@link Problem} documents
 */
public record SearchRefusal(Problem problem, List<String> details) {
  /** The ways a search is refused; each names the details it carries. */
  public enum Problem {
    /** Details: the words given, the most searched at once. */
    TOO_MANY_WORDS,
    /** Details: the characters given, the most allowed. */
    TOO_LONG,
    /** No details. */
    STRAY_CLOSING_PARENTHESIS,
    /** No details. */
    UNCLOSED_QUOTE,
    /** No details. */
    UNCLOSED_PARENTHESIS,
    /** Details: the character where it went wrong, or none when unknown. */
    NOT_UNDERSTOOD,
    /** Details: how many terms it makes. */
    TOO_COMPLEX,
    /** Details: the most words a phrase's words may be apart, the distance asked for. */
    PHRASE_TOO_LOOSE,
    /** Details: the word (abbreviated). */
    LEADING_WILDCARD,
    /** Details: the word (abbreviated). */
    INNER_WILDCARD,
    /** Details: the fewest letters before a *, the word (abbreviated). */
    SHORT_PREFIX,
    /** Details: the most words that may end in *. */
    TOO_MANY_PREFIXES,
    /** Details: the word (abbreviated). */
    FUZZY,
    /** No details. */
    REGULAR_EXPRESSION,
    /** No details. */
    RANGE,
    /** Details: the time limit in milliseconds. */
    TOO_SLOW,
    /** Details: the last page, the page asked for. */
    NO_SUCH_PAGE,
    /** A form field. Details: the section given (abbreviated). */
    BAD_SECTION,
    /** A form field. Details: the type given (abbreviated). */
    BAD_TYPE,
    /** A form field. Details: the language codes offered, joined by ", "; the one given. */
    BAD_LANGUAGE,
    /** A form field. Details: which date ({@code from} or {@code to}), the text given. */
    BAD_DATE,
    /** A form field. Details: the from date, the to date. */
    DATES_REVERSED,
    /** A form field. Details: the order given (abbreviated). */
    BAD_ORDER,
    /** A form field. Details: the page number given (abbreviated). */
    BAD_PAGE_NUMBER,
    /** A form field. Details: the deepest page any search has, the page asked for. */
    TOO_DEEP
  }

  public SearchRefusal {
    details = List.copyOf(details);
  }

  public static SearchRefusal of(Problem problem, Object... details) {
    return new SearchRefusal(problem, Arrays.stream(details).map(String::valueOf).toList());
  }

  /** Detail {@code i}, or "" when the refusal carries fewer. */
  public String detail(int i) {
    return i < details.size() ? details.get(i) : "";
  }

  /** The explanation in English, naming the problem and what to write instead. */
  public String english() {
    return switch (problem) {
      case TOO_MANY_WORDS ->
          "the search has %s words, and at most %s are searched at once: keep the words that matter most"
              .formatted(detail(0), detail(1));
      case TOO_LONG ->
          "the search is %s characters long, and searches are at most %s: shorten it to the words that matter most"
              .formatted(detail(0), detail(1));
      case STRAY_CLOSING_PARENTHESIS ->
          "the search closes a parenthesis that was never opened: remove the \")\" or add a \"(\""
              + " before it";
      case UNCLOSED_QUOTE ->
          "the search opens a quotation mark and never closes it: put a second \" after the"
              + " phrase, or remove the first";
      case UNCLOSED_PARENTHESIS ->
          "the search opens a parenthesis and never closes it: add a \")\" or remove the \"(\"";
      case NOT_UNDERSTOOD ->
          "the search could not be understood"
              + (details.isEmpty() ? "" : " at character " + detail(0))
              + ": AND, OR and NOT need a word on each side, and + or - goes right before a word";
      case TOO_COMPLEX ->
          "the search is too complex (%s terms): use fewer words and parentheses"
              .formatted(detail(0));
      case PHRASE_TOO_LOOSE ->
          "a phrase's words may be at most %s words apart (\"…\"~%s), not %s"
              .formatted(detail(0), detail(0), detail(1));
      case LEADING_WILDCARD ->
          ("a word cannot begin with * (\"%s\"): searching every word for an ending is too slow;"
                  + " write the beginning of the word, as in elect*")
              .formatted(detail(0));
      case INNER_WILDCARD ->
          "a * may only end a word, as in elect*, not sit inside one (\"%s\")".formatted(detail(0));
      case SHORT_PREFIX ->
          "a word ending in * needs at least %s letters before the * (\"%s*\")"
              .formatted(detail(0), detail(1));
      case TOO_MANY_PREFIXES -> "at most %s words of a search may end in *".formatted(detail(0));
      case FUZZY ->
          ("fuzzy matching (\"%s~\") is not offered: search for the word as it is spelt, or its"
                  + " beginning followed by *")
              .formatted(detail(0));
      case REGULAR_EXPRESSION ->
          "regular expressions (/…/) are not offered: search for words, phrases in quotes, or the"
              + " beginning of a word followed by *";
      case RANGE -> "ranges are not offered: use the from and to dates instead";
      case TOO_SLOW ->
          ("the search took longer than %s ms and was stopped: use fewer words ending in *, or"
                  + " more specific words")
              .formatted(detail(0));
      case NO_SUCH_PAGE ->
          "search results have pages 1 to %s, not %s".formatted(detail(0), detail(1));
      case BAD_SECTION ->
          "the section must be a section's address word, such as iran, not \"%s\""
              .formatted(detail(0));
      case BAD_TYPE -> "the type must be story or brief, not \"%s\"".formatted(detail(0));
      case BAD_LANGUAGE ->
          "the language must be one of %s or all, not \"%s\"".formatted(detail(0), detail(1));
      case BAD_DATE ->
          "the %s date must be a date such as 2026-11-24, not \"%s\""
              .formatted(detail(0), detail(1));
      case DATES_REVERSED ->
          "the from date (%s) is after the to date (%s): swap them".formatted(detail(0), detail(1));
      case BAD_ORDER -> "the order must be relevance or date, not \"%s\"".formatted(detail(0));
      case BAD_PAGE_NUMBER ->
          "the page number must be a whole number from 1, not \"%s\"".formatted(detail(0));
      case TOO_DEEP ->
          "search results have at most %s pages, not %s".formatted(detail(0), detail(1));
    };
  }
}
