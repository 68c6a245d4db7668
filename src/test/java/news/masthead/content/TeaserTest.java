package news.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TeaserTest {
  private static Teaser cut(String text, int limit) {
    return Teaser.of(List.of(Inline.Text.plain(text)), limit);
  }

  @Test
  void text_within_the_limit_is_kept_whole_and_not_marked_shortened() {
    assertThat(cut("Flights resume after fog.", 150))
        .isEqualTo(new Teaser("Flights resume after fog.", false));
  }

  @Test
  void the_largest_limit_keeps_any_text_whole() {
    assertThat(cut("hello world", Integer.MAX_VALUE)).isEqualTo(new Teaser("hello world", false));
  }

  @Test
  void a_long_text_is_cut_at_the_last_word_boundary_within_the_limit() {
    Teaser teaser = cut("The quick brown fox jumps over the lazy dog", 18);

    assertThat(teaser).isEqualTo(new Teaser("The quick brown", true));
  }

  @Test
  void the_cut_never_falls_inside_a_word_even_when_the_limit_does() {
    // limit 12 falls inside "brown"
    assertThat(cut("The quick brown fox", 12).text()).isEqualTo("The quick");
  }

  @Test
  void a_number_with_separators_is_never_split() {
    Teaser teaser = cut("The dollar traded at 1,050,000.75 rials on Sunday", 27);

    assertThat(teaser.text()).isEqualTo("The dollar traded at");
  }

  @Test
  void a_number_grouped_with_spaces_is_never_split() {
    Teaser teaser = cut("About 40 000 commuters use it daily", 11);

    assertThat(teaser.text()).isEqualTo("About");
  }

  @Test
  void a_hyphenated_word_is_never_split_at_its_hyphen() {
    assertThat(cut("A well-known figure spoke", 8).text()).isEqualTo("A");
  }

  @Test
  void a_link_is_never_cut_through() {
    List<Inline> runs =
        List.of(
            Inline.Text.plain("Details are on the "),
            new Inline.Link(
                "directorate's announcement page", new WebAddress("https://example.org")),
            Inline.Text.plain(" and on local radio."));

    Teaser teaser = Teaser.of(runs, 40); // the limit falls inside the link text

    assertThat(teaser).isEqualTo(new Teaser("Details are on the", true));
  }

  @Test
  void a_link_that_fits_whole_is_kept() {
    List<Inline> runs =
        List.of(
            Inline.Text.plain("See the "),
            new Inline.Link("notice", new WebAddress("https://example.org")),
            Inline.Text.plain(" for the full list of closures today."));

    assertThat(Teaser.of(runs, 20).text()).isEqualTo("See the notice for");
  }

  @Test
  void persian_words_joined_by_the_zero_width_non_joiner_stay_whole() {
    // "می‌خواهند" is one word: می + ZWNJ + خواهند. The limit falls right after the ZWNJ.
    String text = "مردم می\u200Cخواهند آب را ذخیره کنند";
    int insideWord = text.indexOf('\u200C') + 1;

    Teaser teaser = cut(text, insideWord);

    assertThat(teaser.text()).isEqualTo("مردم");
    assertThat(teaser.text()).doesNotContain("\u200C");
  }

  @Test
  void a_persian_word_with_a_zero_width_non_joiner_is_kept_whole_when_it_fits() {
    String text = "مردم می\u200Cخواهند آب را ذخیره کنند";

    assertThat(cut(text, 16).text()).isEqualTo("مردم می\u200Cخواهند");
  }

  @Test
  void persian_digits_with_the_arabic_thousands_separator_are_never_split() {
    String text = "حدود ۴۰٬۰۰۰ مسافر روزانه";

    assertThat(cut(text, 8).text()).isEqualTo("حدود");
  }

  @Test
  void trailing_commas_and_dashes_are_dropped_before_the_ellipsis() {
    assertThat(cut("Officials said, however, that it would wait", 24).text())
        .isEqualTo("Officials said, however");
    assertThat(cut("گفت، اما منتظر می\u200Cماند", 5).text()).isEqualTo("گفت");
  }

  @Test
  void persian_punctuation_before_the_cut_gives_way_to_the_ellipsis_but_a_question_stays() {
    assertThat(cut("وزیر گفت؛ «این تصمیم نهایی است", 9).text()).isEqualTo("وزیر گفت");
    assertThat(cut("وزیر گفت: «این تصمیم نهایی است»", 15).text()).isEqualTo("وزیر گفت: «این");
    assertThat(cut("آیا سدها پر می‌شوند؟ کارشناسان تردید دارند", 22).text())
        .isEqualTo("آیا سدها پر می‌شوند؟");
  }

  @Test
  void a_full_stop_before_the_cut_gives_way_to_the_ellipsis() {
    assertThat(cut("Some bakeries closed early. Officials said nothing", 30).text())
        .isEqualTo("Some bakeries closed early");
  }

  @Test
  void a_first_word_longer_than_the_limit_is_kept_whole() {
    assertThat(cut("Supercalifragilistic words follow", 5))
        .isEqualTo(new Teaser("Supercalifragilistic", true));
  }

  @Test
  void line_breaks_and_runs_of_spaces_read_as_one_space() {
    assertThat(cut("One\n\ntwo   three", 150).text()).isEqualTo("One two three");
  }

  @Test
  void every_cut_of_a_long_text_is_a_prefix_that_ends_where_a_word_ends() {
    String text =
        "An Iranian security official on Wednesday confirmed the report and told the wire that"
            + " 1,250 people, including 40 000 commuters, were affected; well-known spokesmen"
            + " are yet to respond to the claims made on Tuesday.";
    for (int limit = 1; limit <= text.length(); limit++) {
      Teaser teaser = cut(text, limit);
      assertThat(text).startsWith(teaser.text());
      if (teaser.shortened()) {
        char next = text.charAt(teaser.text().length());
        assertThat(next == ' ' || ",;:.".indexOf(next) >= 0)
            .as("cut at %d ends \"%s\" before '%s'", limit, teaser.text(), next)
            .isTrue();
      }
    }
  }

  @Test
  void the_rail_teaser_of_a_body_reads_across_paragraphs() {
    Body body =
        Body.of(
            new Block.Paragraph(List.of(Inline.Text.plain("First paragraph."))),
            new Block.Paragraph(List.of(Inline.Text.plain("Second paragraph."))));

    assertThat(Teaser.of(body).text()).isEqualTo("First paragraph. Second paragraph.");
  }

  @Test
  void a_limit_below_one_is_refused() {
    assertThatThrownBy(() -> cut("text", 0)).hasMessageContaining("at least 1");
  }
}
