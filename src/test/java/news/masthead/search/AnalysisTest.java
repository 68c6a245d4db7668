package news.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The words each language's text is cut into, which decide what matches what. */
class AnalysisTest {
  static List<String> words(Analysis analysis, boolean indexing, String text) {
    Analyzer analyzer = analysis.analyzer(indexing);
    List<String> words = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(analysis.field("text"), text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        words.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }

  static List<String> persian(String text) {
    return words(Analysis.PERSIAN, true, text);
  }

  @Test
  void arabic_and_persian_yeh_are_one_letter() {
    assertThat(persian("ايران")).isEqualTo(persian("ایران")).isNotEmpty();
    assertThat(persian("علي")).isEqualTo(persian("علی")).isEqualTo(persian("على"));
  }

  @Test
  void arabic_and_persian_kaf_are_one_letter() {
    assertThat(persian("كرمان")).isEqualTo(persian("کرمان")).isNotEmpty();
  }

  @Test
  void persian_arabic_indic_and_latin_digits_are_the_same_digits() {
    assertThat(persian("۱۴۰۳")).containsExactly("1403");
    assertThat(persian("١٤٠٣")).containsExactly("1403");
    assertThat(persian("1403")).containsExactly("1403");
    assertThat(words(Analysis.ENGLISH, true, "۲۰۲۶ ٢٠٢٦ 2026"))
        .containsExactly("2026", "2026", "2026");
  }

  @Test
  void a_word_joined_by_a_zero_width_non_joiner_is_indexed_joined_and_as_its_parts() {
    List<String> withZwnj = persian("کتاب\u200Cخانه");

    assertThat(persian("کتابخانه")).containsExactly("كتابخانه");
    assertThat(persian("کتاب خانه")).containsExactly("كتاب", "خانه");
    assertThat(withZwnj).containsExactlyInAnyOrder("كتابخانه", "كتاب", "خانه");
  }

  @Test
  void an_apostrophe_or_latin_word_inside_persian_text_is_not_split() {
    assertThat(persian("Iran's")).containsExactly("iran's");
  }

  @Test
  void english_words_are_stemmed_so_plurals_and_tenses_match() {
    assertThat(words(Analysis.ENGLISH, true, "elections"))
        .isEqualTo(words(Analysis.ENGLISH, true, "election"));
    assertThat(words(Analysis.ENGLISH, true, "governments"))
        .isEqualTo(words(Analysis.ENGLISH, true, "government"));
    assertThat(words(Analysis.ENGLISH, true, "Iran's talks")).containsExactly("iran", "talk");
  }

  @Test
  void english_stop_words_are_not_indexed() {
    assertThat(words(Analysis.ENGLISH, true, "the oil of the north"))
        .containsExactly("oil", "north");
  }
}
