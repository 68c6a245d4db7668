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

  @Test
  void at_every_offset_following_and_preceding_are_the_nearest_boundaries_either_side() {
    BreakIterator breaks = new SentenceBreaks();
    breaks.setText(TEXT);
    List<Integer> boundaries = forwards(breaks);

    for (int offset = 0; offset <= TEXT.length(); offset++) {
      int at = offset;
      int next = boundaries.stream().filter(b -> b > at).findFirst().orElse(BreakIterator.DONE);
      int previous =
          boundaries.stream().filter(b -> b < at).reduce((a, b) -> b).orElse(BreakIterator.DONE);
      assertThat(breaks.following(offset)).as("following(%d)", offset).isEqualTo(next);
      assertThat(breaks.preceding(offset)).as("preceding(%d)", offset).isEqualTo(previous);
      assertThat(breaks.isBoundary(offset))
          .as("isBoundary(%d)", offset)
          .isEqualTo(boundaries.contains(offset));
    }
  }

  @Test
  void a_new_text_forgets_the_boundaries_of_the_last() {
    BreakIterator breaks = new SentenceBreaks();
    breaks.setText(TEXT);
    breaks.setText("No stop here at all");

    assertThat(forwards(breaks)).containsExactly(0, "No stop here at all".length());
  }

  /** The rule read backwards from a position, as written in the class's comment. */
  static boolean startsSentence(String text, int i) {
    if (Character.isWhitespace(text.charAt(i)) || !Character.isWhitespace(text.charAt(i - 1))) {
      return false;
    }
    int j = i - 1;
    while (j >= 0 && Character.isWhitespace(text.charAt(j))) {
      if (text.charAt(j) == '\n') {
        return true;
      }
      j--;
    }
    while (j >= 0 && "\"')]\u201D\u2019\u00BB".indexOf(text.charAt(j)) >= 0) {
      j--;
    }
    return j >= 0 && ".!?\u061F\u2026\u06D4".indexOf(text.charAt(j)) >= 0;
  }

  @Test
  void on_random_texts_the_boundaries_are_exactly_where_the_rule_read_backwards_puts_them() {
    String alphabet = "ab .!?\u061F\u2026\u06D4\"')]\u201D\u2019\u00BB\n\t\u00A0\u2003ف";
    java.util.Random random = new java.util.Random(20261124);
    BreakIterator breaks = new SentenceBreaks();
    for (int round = 0; round < 5_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String t = text.toString();
      List<Integer> expected = new ArrayList<>(List.of(0));
      for (int i = 1; i < t.length(); i++) {
        if (startsSentence(t, i)) {
          expected.add(i);
        }
      }
      if (!t.isEmpty()) {
        expected.add(t.length());
      }
      breaks.setText(t);

      assertThat(forwards(breaks)).as("boundaries of \"%s\"", t).isEqualTo(expected);
    }
  }
}
