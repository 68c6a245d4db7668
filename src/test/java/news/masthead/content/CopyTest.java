package news.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CopyTest {
  static Copy withByline(String byline) {
    return new Copy(
        Profile.BRIEF,
        Language.ENGLISH,
        "  A   headline\nwith spaces ",
        "",
        Body.of(new Block.Paragraph(List.of(Inline.Text.plain("Text.")))),
        byline,
        "",
        new Section(new Slug("iran"), "Iran", Language.ENGLISH),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  @Test
  void each_person_in_the_byline_is_an_author_with_a_page() {
    assertThat(withByline("By Sara Ahmadi, Omid Farahani and Noor Hadi").authors())
        .extracting(Subject::name)
        .containsExactly("Sara Ahmadi", "Omid Farahani", "Noor Hadi");
    assertThat(withByline("لیلا نوابی و کریم الجابری").authors())
        .extracting(Subject::name)
        .containsExactly("لیلا نوابی", "کریم الجابری");
  }

  @Test
  void a_desk_byline_names_no_author() {
    assertThat(withByline("Masthead staff").authors()).isEmpty();
    assertThat(withByline("By our Baghdad desk").authors()).isEmpty();
    assertThat(withByline("تحریریه").authors()).isEmpty();
  }

  @Test
  void the_slug_is_made_from_the_headline_unless_one_was_chosen() {
    Copy made = withByline("");
    Copy chosen =
        new Copy(
            made.profile(),
            made.language(),
            made.headline(),
            "",
            made.body(),
            Byline.NONE,
            "",
            made.section(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            "water-cuts");

    assertThat(made.slug()).isEqualTo(new Slug("a-headline-with-spaces"));
    assertThat(chosen.slug()).isEqualTo(new Slug("water-cuts"));
    assertThatThrownBy(
            () ->
                new Copy(
                    made.profile(),
                    made.language(),
                    made.headline(),
                    "",
                    made.body(),
                    Byline.NONE,
                    "",
                    made.section(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    "Water Cuts"))
        .isInstanceOf(InvalidContent.class)
        .hasMessageContaining("not \"Water Cuts\"");
  }

  @Test
  void a_headline_is_kept_on_one_line_with_single_spaces() {
    assertThat(withByline("").headline()).isEqualTo("A headline with spaces");
  }

  @Test
  void an_item_without_a_headline_or_body_is_refused_with_the_reason() {
    assertThatThrownBy(
            () ->
                new Copy(
                    Profile.STORY,
                    Language.ENGLISH,
                    " ",
                    "",
                    Body.of(),
                    "",
                    "",
                    new Section(new Slug("iran"), "Iran", Language.ENGLISH),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of()))
        .hasMessage("an item needs a headline");
    assertThatThrownBy(
            () ->
                new Copy(
                    Profile.STORY,
                    Language.ENGLISH,
                    "Headline",
                    "",
                    Body.of(),
                    "",
                    "",
                    new Section(new Slug("iran"), "Iran", Language.ENGLISH),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of()))
        .hasMessage("an item needs a body with some text");
  }
}
