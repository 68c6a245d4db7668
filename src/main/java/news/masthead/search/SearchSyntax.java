package news.masthead.search;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.masthead.content.SearchRefusal;
import news.masthead.content.SearchRefusal.Problem;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * What readers may write in the search box, and the Lucene query it becomes:
 *
 * <ul>
 *   <li>words, each of which must be found ({@code oil exports});
 *   <li>{@code "a phrase"} in quotes, optionally {@code "a phrase"~3} for words near each other;
 *   <li>{@code elect*}: words beginning with at least two letters;
 *   <li>{@code -word} or {@code NOT word} to leave out, {@code a OR b} for either, parentheses.
 * </ul>
 *
 * Nothing else is syntax: colons, slashes inside words, question marks, brackets, carets and
 * exclamation marks are plain text. A search that could be slow is refused before it runs, with an
 * {@link InvalidSearch} naming the problem: more than {@value #MAX_LENGTH} characters or {@value
 * #MAX_WORDS} words, a word beginning or containing {@code *}, fuzzy matching ({@code word~}), a
 * regular expression ({@code /…/}), unbalanced quotes or parentheses. Stateless.
 */
final class SearchSyntax {
  static final int MAX_LENGTH = 500;
  static final int MAX_WORDS = 50;
  static final int MAX_PREFIXES = 5;
  static final int MIN_PREFIX = 2;
  static final int MAX_SLOP = 10;

  /** Terms in the parsed query, over all fields; far above what 50 words make. */
  static final int MAX_TERMS = 1000;

  private static final Pattern COLUMN = Pattern.compile("column (\\d+)");

  private SearchSyntax() {}

  /**
   * Checks a reader's search and escapes what is text, not syntax.
   *
   * @throws InvalidSearch when it is too long, has too many words or unbalanced quotes or
   *     parentheses
   */
  static String prepare(String text) {
    int words = countWords(text);
    if (words > MAX_WORDS) {
      throw new InvalidSearch(Problem.TOO_MANY_WORDS, words, MAX_WORDS);
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidSearch(Problem.TOO_LONG, text.length(), MAX_LENGTH);
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    boolean quoted = false;
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted = !quoted;
        case '(' -> depth += quoted ? 0 : 1;
        case ')' -> {
          if (!quoted && --depth < 0) {
            throw new InvalidSearch(Problem.STRAY_CLOSING_PARENTHESIS);
          }
        }
        default -> {}
      }
      boolean literal =
          switch (c) {
            case ':', '^', '[', ']', '{', '}', '!', '?', '\\' -> true;
            // A slash inside a word ("24/7", "and/or") is text; one that begins a word begins a
            // regular expression, which is refused below.
            case '/' -> quoted || (i > 0 && !Character.isWhitespace(text.charAt(i - 1)));
            default -> false;
          };
      if (literal) {
        out.append('\\');
      }
      out.append(c);
    }
    if (quoted) {
      throw new InvalidSearch(Problem.UNCLOSED_QUOTE);
    }
    if (depth > 0) {
      throw new InvalidSearch(Problem.UNCLOSED_PARENTHESIS);
    }
    return out.toString();
  }

  /**
   * Parses a {@link #prepare prepared} search into a query over one analysis's fields.
   *
   * @throws InvalidSearch when it does not parse or asks for something refused above
   */
  static Query parse(String prepared, Analysis analysis, Analyzer analyzer) {
    String[] fields = {
      analysis.field(ItemDocument.HEADLINE),
      analysis.field(ItemDocument.TEXT),
      analysis.field(ItemDocument.NAMES)
    };
    Map<String, Float> boosts = Map.of(fields[0], 3f, fields[1], 1f, fields[2], 1.5f);
    ReaderQueryParser parser = new ReaderQueryParser(fields, analyzer, boosts);
    Query query;
    try {
      query = parser.parse(prepared);
    } catch (ParseException e) {
      throw new InvalidSearch(understandable(e));
    }
    int terms = countTerms(query);
    if (terms > MAX_TERMS) {
      throw new InvalidSearch(Problem.TOO_COMPLEX, terms);
    }
    return query;
  }

  private static int countWords(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

  private static int countTerms(Query query) {
    int[] count = {0};
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query q, Term... terms) {
            count[0] += terms.length;
          }

          @Override
          public void visitLeaf(Query q) {
            count[0]++;
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    return count[0];
  }

  /** A parse error in a reader's words, without the parser's grammar dump. */
  private static SearchRefusal understandable(ParseException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    Matcher column = COLUMN.matcher(message);
    return column.find()
        ? SearchRefusal.of(Problem.NOT_UNDERSTOOD, column.group(1))
        : SearchRefusal.of(Problem.NOT_UNDERSTOOD);
  }

  /** Lucene's classic parser with everything slow or surprising refused. Not thread-safe. */
  private static final class ReaderQueryParser extends MultiFieldQueryParser {
    private int prefixes;

    ReaderQueryParser(String[] fields, Analyzer analyzer, Map<String, Float> boosts) {
      super(fields, analyzer, boosts);
      setDefaultOperator(AND_OPERATOR);
      setAllowLeadingWildcard(false);
      setAutoGeneratePhraseQueries(false);
    }

    @Override
    protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
      if (slop > MAX_SLOP) {
        throw new InvalidSearch(Problem.PHRASE_TOO_LOOSE, MAX_SLOP, slop);
      }
      return super.getFieldQuery(field, text, slop);
    }

    @Override
    protected Query getWildcardQuery(String field, String term) throws ParseException {
      if (term.startsWith("*") || term.startsWith("?")) {
        throw new InvalidSearch(Problem.LEADING_WILDCARD, abbreviate(term));
      }
      throw new InvalidSearch(Problem.INNER_WILDCARD, abbreviate(term));
    }

    @Override
    protected Query getPrefixQuery(String field, String term) throws ParseException {
      if (field == null) { // the reader's word; then once per field with the field set
        if (term.codePointCount(0, term.length()) < MIN_PREFIX) {
          throw new InvalidSearch(Problem.SHORT_PREFIX, MIN_PREFIX, abbreviate(term));
        }
        if (++prefixes > MAX_PREFIXES) {
          throw new InvalidSearch(Problem.TOO_MANY_PREFIXES, MAX_PREFIXES);
        }
      }
      return super.getPrefixQuery(field, term);
    }

    @Override
    protected Query getFuzzyQuery(String field, String term, float similarity)
        throws ParseException {
      throw new InvalidSearch(Problem.FUZZY, abbreviate(term));
    }

    @Override
    protected Query getRegexpQuery(String field, String term) throws ParseException {
      throw new InvalidSearch(Problem.REGULAR_EXPRESSION);
    }

    @Override
    protected Query getRangeQuery(
        String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
        throws ParseException {
      throw new InvalidSearch(Problem.RANGE);
    }

    private static String abbreviate(String term) {
      return term.length() > 30 ? term.substring(0, 30) + "…" : term;
    }
  }
}
