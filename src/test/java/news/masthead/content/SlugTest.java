package news.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlugTest {
  @Test
  void a_headline_becomes_lower_case_words_joined_by_hyphens() {
    assertThat(Slug.of("Rial slides past a new low: traders brace!", "x").value())
        .isEqualTo("rial-slides-past-a-new-low-traders-brace");
  }

  @Test
  void apostrophes_do_not_split_a_word() {
    assertThat(Slug.of("Iraq's oil exports", "x").value()).isEqualTo("iraqs-oil-exports");
  }

  @Test
  void persian_keeps_its_letters_and_joins_words_across_the_zero_width_non_joiner() {
    assertThat(Slug.of("قطع شبانهٔ آب می‌خواهند", "x").value()).isEqualTo("قطع-شبانه-آب-میخواهند");
  }

  @Test
  void a_slug_is_at_most_eighty_characters_and_never_ends_with_a_hyphen() {
    Slug slug = Slug.of("word ".repeat(40), "x");

    assertThat(slug.value()).hasSizeLessThanOrEqualTo(80).doesNotEndWith("-");
  }

  @Test
  void text_without_letters_falls_back() {
    assertThat(Slug.of("!!! ???", "item").value()).isEqualTo("item");
  }

  @Test
  void a_malformed_slug_is_refused_with_the_reason() {
    assertThatThrownBy(() -> new Slug("Has Spaces")).hasMessageContaining("lower-case letters");
    assertThatThrownBy(() -> new Slug("")).hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> new Slug("a--b")).isInstanceOf(InvalidContent.class);
  }
}
