package news.masthead.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import news.masthead.content.Teaser;

/**
 * Where the sentences of an item's text begin, for cutting snippets: after a full stop, question or
 * exclamation mark (Latin or Arabic script, and an ellipsis), with any closing quotes, and after a
 * line break; each boundary is where the next sentence's first character stands.
 *
 * <p>Made because the JDK's rule-based sentence iterator walks backwards slowly, and the
 * highlighter asks for a boundary around every match: with this one a page of results is cut
 * several times faster. It does not know abbreviations ("U.S. officials" has a boundary), which a
 * snippet can bear. Not thread-safe; one per highlighted field, as the highlighter uses them.
 */
final class SentenceBreaks extends BreakIterator {
  private String text = "";
  private int current;

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
    return offset == 0 || offset == text.length() || isStart(offset);
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
    for (int i = offset + 1; i < text.length(); i++) {
      if (isStart(i)) {
        return i;
      }
    }
    return text.length();
  }

  /** The last boundary before {@code offset}: the previous sentence start, or 0. */
  private int before(int offset) {
    for (int i = Math.min(offset, text.length()) - 1; i > 0; i--) {
      if (isStart(i)) {
        return i;
      }
    }
    return 0;
  }

  /** Whether a sentence starts at {@code i}: white space before it ends one. */
  private boolean isStart(int i) {
    if (Teaser.isWhiteSpace(text.charAt(i)) || !Teaser.isWhiteSpace(text.charAt(i - 1))) {
      return false;
    }
    int j = i - 1;
    while (j >= 0 && Teaser.isWhiteSpace(text.charAt(j))) {
      if (text.charAt(j) == '\n') {
        return true;
      }
      j--;
    }
    while (j >= 0 && isClosing(text.charAt(j))) {
      j--;
    }
    return j >= 0 && isTerminator(text.charAt(j));
  }

  private static boolean isTerminator(char c) {
    return c == '.' || c == '!' || c == '?' || c == '\u061F' || c == '\u2026' || c == '\u06D4';
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
