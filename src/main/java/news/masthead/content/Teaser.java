package news.masthead.content;

import java.util.ArrayList;
import java.util.List;

/**
 * The one-line teaser of a brief in the "Section in Brief" rail: a prefix of the brief's text, cut
 * at a word boundary and never inside a word, a number or a link, to which the rail adds an
 * ellipsis and a "More" link when {@link #shortened()}.
 *
 * <p>A cut is made only where white space starts. That keeps Persian words joined by the zero-width
 * non-joiner whole (it is not white space), keeps numbers such as "1,250.5", "۱۲٬۵۰۰" or "10 000"
 * whole (a space between digit groups is not a cut), and never splits a hyphenated word. When the
 * first word alone is longer than the limit, the teaser is that whole word.
 */
public record Teaser(String text, boolean shortened) {
  /** The length the rail cuts at, in UTF-16 characters. */
  public static final int RAIL_LENGTH = 150;

  /**
   * How far past a position {@link #isCutPoint} may read: a space, three digits and the character
   * after them.
   */
  private static final int LOOK_AHEAD = 6;

  /** Cuts a brief's body to the rail's length. */
  public static Teaser of(Body body) {
    return of(body.runningText(), RAIL_LENGTH);
  }

  /** Cuts running text to at most {@code limit} characters, by the rules above. */
  public static Teaser of(List<Inline> runs, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a teaser's limit must be at least 1, not " + limit);
    }
    StringBuilder text = new StringBuilder();
    List<int[]> links = new ArrayList<>();
    for (Inline run : runs) {
      int start = text.length();
      appendCollapsed(text, run.text());
      if (run instanceof Inline.Link && text.length() > start) {
        links.add(new int[] {start, text.length()});
      }
      // Once the text runs past the limit (and past the few characters a cut point looks ahead
      // at), a cut found within the limit is the one the whole text would give: stop collapsing.
      if (text.length() - LOOK_AHEAD > limit) { // (limit + LOOK_AHEAD could overflow)
        int cut = lastCutPoint(text, limit, links);
        if (cut > 0) {
          return new Teaser(trimTrailingPunctuation(text.substring(0, cut)), true);
        }
      }
    }
    String full = text.toString().stripTrailing(); // collapsing never leaves leading space
    if (full.length() <= limit) {
      return new Teaser(full, false);
    }
    int cut = lastCutPoint(full, limit, links);
    if (cut < 0) { // no cut point within the limit: keep the first word whole
      for (int i = 1; i < full.length(); i++) {
        if (isCutPoint(full, i, links)) {
          cut = i;
          break;
        }
      }
      if (cut < 0) {
        return new Teaser(full, false);
      }
    }
    return new Teaser(trimTrailingPunctuation(full.substring(0, cut)), true);
  }

  /** The last cut point at or before {@code limit}, or -1. */
  private static int lastCutPoint(CharSequence text, int limit, List<int[]> links) {
    for (int i = Math.min(limit, text.length() - 1); i > 0; i--) {
      if (isCutPoint(text, i, links)) {
        return i;
      }
    }
    return -1;
  }

  /** Every run of white space as one space. Returns {@code text} itself when it has none. */
  public static String collapseSpaces(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isWhiteSpace(c)
          && (c != ' ' || (i + 1 < text.length() && isWhiteSpace(text.charAt(i + 1))))) {
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, i);
        appendCollapsed(out, text.substring(i));
        return out.toString();
      }
    }
    return text;
  }

  private static void appendCollapsed(StringBuilder out, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isWhiteSpace(c)) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
          out.append(' ');
        }
      } else {
        out.append(c);
      }
    }
  }

  /**
   * {@link Character#isWhitespace}, answered without a table lookup for ASCII: the check runs on
   * every character of every body imported, and of every text a search result is cut from.
   */
  public static boolean isWhiteSpace(char c) {
    if (c < 0x80) {
      return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
    }
    return Character.isWhitespace(c);
  }

  /** Position {@code i} is a cut when white space starts there, outside links and numbers. */
  private static boolean isCutPoint(CharSequence text, int i, List<int[]> links) {
    if (text.charAt(i) != ' ' || text.charAt(i - 1) == ' ') {
      return false;
    }
    for (int[] link : links) {
      if (i > link[0] && i < link[1]) {
        return false;
      }
    }
    return !isSpaceInsideNumber(text, i);
  }

  /** "10 000" and "۱۰ ۰۰۰": a space between a digit and a group of exactly three digits. */
  private static boolean isSpaceInsideNumber(CharSequence text, int i) {
    if (!Character.isDigit(text.charAt(i - 1))) {
      return false;
    }
    int digits = 0;
    int j = i + 1;
    while (j < text.length() && Character.isDigit(text.charAt(j))) {
      digits++;
      j++;
    }
    return digits == 3 && (j == text.length() || !Character.isLetter(text.charAt(j)));
  }

  private static String trimTrailingPunctuation(String text) {
    int end = text.length();
    while (end > 0) {
      char c = text.charAt(end - 1);
      if (c == ' '
          || c == ','
          || c == ';'
          || c == ':'
          || c == '-'
          || c == '\u2013'
          || c == '\u2014'
          || c == '('
          || c == '['
          || c == '\u201C'
          || c == '\u2018'
          || c == '"'
          || c == '\u00AB'
          || c == '.' // "early.…" reads badly: the ellipsis already ends the teaser
          || c == '\u060C' // Arabic comma
          || c == '\u061B') { // Arabic semicolon
        end--;
      } else {
        break;
      }
    }
    return end == 0 ? text : text.substring(0, end);
  }
}
