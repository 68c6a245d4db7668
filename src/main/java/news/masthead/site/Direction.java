package news.masthead.site;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterDirection;
import java.util.List;
import java.util.Optional;
import news.masthead.content.Inline;
import news.masthead.content.Language;

/**
 * The direction a block of text runs in, for a paragraph whose language differs from its item's:
 * the direction most of its strong letters run in. A Persian paragraph that starts with "Reuters"
 * still runs right to left, which the first-strong rule of {@code dir="auto"} would get wrong.
 * Stateless.
 */
public final class Direction {
  private Direction() {}

  /**
   * {@code ltr} or {@code rtl} when most of the text's letters run against the item language's
   * direction; empty when they run with it, or when it has no letters.
   */
  public static Optional<String> ofParagraph(List<Inline> runs, Language language) {
    long leftToRight = 0;
    long rightToLeft = 0;
    for (Inline run : runs) {
      String text = run.text();
      for (int i = 0; i < text.length(); ) {
        int c = text.codePointAt(i);
        switch (UCharacter.getDirection(c)) {
          case UCharacterDirection.LEFT_TO_RIGHT -> leftToRight++;
          case UCharacterDirection.RIGHT_TO_LEFT, UCharacterDirection.RIGHT_TO_LEFT_ARABIC ->
              rightToLeft++;
          default -> {}
        }
        i += Character.charCount(c);
      }
    }
    if (leftToRight == rightToLeft) {
      return Optional.empty();
    }
    String own = leftToRight > rightToLeft ? "ltr" : "rtl";
    return own.equals(language.direction()) ? Optional.empty() : Optional.of(own);
  }
}
