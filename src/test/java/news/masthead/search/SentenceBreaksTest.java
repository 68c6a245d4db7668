package news.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sentence boundaries for snippets, as the highlighter walks them. */
class SentenceBreaksTest {
  static final String TEXT = "One. Two! “Three?” Four\n\nفارسی؟ Six… seven";

  static List<Integer> forwards(BreakIterator breaks) {
    List<Integer> found = new ArrayList<>();
    for (int b = breaks.first(); b != BreakIterator.DONE; b = breaks.next()) {
      found.add(b);
    }
    return found;
  }

  @Test
  void sentences_begin_after_stops_question_and_exclamation_marks_closing_quotes_and_lines() {
    BreakIterator breaks = new SentenceBreaks();
    breaks.setText(TEXT);

    assertThat(forwards(breaks))
        .containsExactly(
            0,
            TEXT.indexOf("Two"),
            TEXT.indexOf("“Three"),
            TEXT.indexOf("Four"),
            TEXT.indexOf("فارسی"),
            TEXT.indexOf("Six"),
            TEXT.indexOf("seven"),
            TEXT.length());
  }

  @Test
  void following_and_preceding_find_the_boundaries_around_an_offset() {
    BreakIterator breaks = new SentenceBreaks();
    breaks.setText(TEXT);
    int inThree = TEXT.indexOf("hree");

    assertThat(breaks.following(inThree)).isEqualTo(TEXT.indexOf("Four"));
    assertThat(breaks.current()).isEqualTo(TEXT.indexOf("Four"));
    assertThat(breaks.preceding(inThree)).isEqualTo(TEXT.indexOf("“Three"));
    assertThat(breaks.preceding(TEXT.indexOf("Two"))).isZero();
    assertThat(breaks.following(TEXT.length() - 1)).isEqualTo(TEXT.length());
    assertThat(breaks.following(TEXT.length())).isEqualTo(BreakIterator.DONE);
    assertThat(breaks.preceding(0)).isEqualTo(BreakIterator.DONE);
    assertThat(breaks.isBoundary(TEXT.indexOf("Two"))).isTrue();
    assertThat(breaks.isBoundary(TEXT.indexOf("wo"))).isFalse();
  }

  @Test
  void walking_backwards_finds_the_same_boundaries() {
    BreakIterator breaks = new SentenceBreaks();
    breaks.setText(TEXT);
    List<Integer> backwards = new ArrayList<>();
    for (int b = breaks.last(); b != BreakIterator.DONE; b = breaks.previous()) {
      backwards.add(0, b);
    }

    assertThat(backwards).isEqualTo(forwards(breaks));
  }
}
