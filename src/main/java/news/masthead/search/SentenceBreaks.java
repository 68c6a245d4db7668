package news.masthead.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;
import news.masthead.content.Teaser;

/**
 * Where the sentences of an item's text begin, for cutting snippets: after a full stop, question or
 * exclamation mark (Latin or Arabic script, and an ellipsis), with any closing quotes, and after a
 * line break; each boundary is where the next sentence's first character stands.
 *
 * <p>Made because the JDK's rule-based sentence iterator walks backwards slowly, and the
 * highlighter asks for a boundary around every match, several times: this one finds every sentence
 * start when it is given a text, jumping from stop to stop and line break to line break, and
 * answers each question by a binary search. A sentence starts at the first character that is not
 * white space after a stop (with any closing marks straight after it) and some white space, or
 * after a line break. It does not know abbreviations ("U.S. officials" has a boundary), which a
 * snippet can bear. Not thread-safe; one per highlighted field, as the highlighter uses them.
 */
final class SentenceBreaks extends BreakIterator {
  private String text = "";
  private int current;

  /** The sentence starts of the text, in order, excluding 0 and the end; {@code count} of them. */
  private int[] starts = new int[16];

  private int count;

  /**
   * The characters after which a sentence may start: a line break and the stops. Each is found with
   * {@link String#indexOf(int, int)}, which the JVM runs on many characters at once.
   */
  private static final char[] TRIGGERS = {'\n', '.', '!', '?', '\u061F', '\u2026', '\u06D4'};

  /** Where each of {@link #TRIGGERS} next stands in the text, or the text's length. */
  private final int[] next = new int[TRIGGERS.length];

  @Override
  public int first() {
    current = 0;
    return current;
  }

  @Override
  public int last() {
    current = text.length();
    return current;
  }

  @Override
  public int next(int n) {
    int result = current;
    for (int i = 0; i < n; i++) {
      result = next();
    }
    for (int i = 0; i > n; i--) {
      result = previous();
    }
    return result;
  }

  @Override
  public int next() {
    if (current >= text.length()) {
      return DONE;
    }
    current = after(current);
    return current;
  }

  @Override
  public int previous() {
    if (current <= 0) {
      return DONE;
    }
    current = before(current);
    return current;
  }

  @Override
  public int following(int offset) {
    check(offset);
    if (offset >= text.length()) {
      return DONE;
    }
    current = after(offset);
    return current;
  }

  @Override
  public int preceding(int offset) {
    check(offset);
    if (offset <= 0) {
      return DONE;
    }
    current = before(offset);
    return current;
  }

  @Override
  public boolean isBoundary(int offset) {
    check(offset);
    current = offset;
    return offset == 0
        || offset == text.length()
        || Arrays.binarySearch(starts, 0, count, offset) >= 0;
  }

  @Override
  public int current() {
    return current;
  }

  @Override
  public CharacterIterator getText() {
    return new StringCharacterIterator(text);
  }

  @Override
  public void setText(String newText) {
    text = newText;
    current = 0;
    count = 0;
    int n = text.length();
    for (int i = 0; i < TRIGGERS.length; i++) {
      next[i] = indexOf(TRIGGERS[i], 0);
    }
    while (true) {
      int p = n;
      for (int at : next) {
        p = Math.min(p, at);
      }
      if (p == n) {
        return;
      }
      boolean newline = text.charAt(p) == '\n';
      int k = p + 1;
      while (!newline && k < n && isClosing(text.charAt(k))) {
        k++;
      }
      int spaces = k;
      while (k < n && Teaser.isWhiteSpace(text.charAt(k))) {
        k++;
      }
      int resume = p + 1;
      if (k < n && (newline || k > spaces)) { // a stop, closing marks, then space; or a line
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = k;
        resume = k; // what lies between was closing marks and white space
      }
      for (int i = 0; i < TRIGGERS.length; i++) {
        if (next[i] < resume) {
          next[i] = indexOf(TRIGGERS[i], resume);
        }
      }
    }
  }

  /** Where {@code c} next stands in the text from {@code from}, or the text's length. */
  private int indexOf(char c, int from) {
    int at = text.indexOf(c, from);
    return at < 0 ? text.length() : at;
  }

  @Override
  public void setText(CharacterIterator newText) {
    StringBuilder copy = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
    for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
      copy.append(c);
    }
    setText(copy.toString());
  }

  /** The first boundary after {@code offset}: the next sentence start, or the end. */
  private int after(int offset) {
    int at = Arrays.binarySearch(starts, 0, count, offset + 1);
    int next = at >= 0 ? at : -at - 1; // the first start at or after offset + 1
    return next < count ? starts[next] : text.length();
  }

  /** The last boundary before {@code offset}: the previous sentence start, or 0. */
  private int before(int offset) {
    int at = Arrays.binarySearch(starts, 0, count, offset);
    int previous = (at >= 0 ? at : -at - 1) - 1; // the last start before offset
    return previous >= 0 ? starts[previous] : 0;
  }

  private static boolean isClosing(char c) {
    return c == '"'
        || c == '\''
        || c == ')'
        || c == ']'
        || c == '\u201D'
        || c == '\u2019'
        || c == '\u00BB';
  }

  private void check(int offset) {
    if (offset < 0 || offset > text.length()) {
      throw new IllegalArgumentException(
          "offset " + offset + " is outside the text (0 to " + text.length() + ")");
    }
  }
}
