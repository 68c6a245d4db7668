package news.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class BylineTest {
  static final Credit SARA = new Credit("Sara Ahmadi", Credit.Role.REPORTING);
  static final Credit OMID = new Credit("Omid Farahani", Credit.Role.WRITING);
  static final Credit LEILA = new Credit("Leila Navabi", Credit.Role.TRANSLATION);

  @Test
  void a_byline_written_as_one_line_names_each_reporter() {
    assertThat(Byline.parse("By Sara Ahmadi and Omid Farahani").credits())
        .extracting(Credit::name, Credit::role)
        .containsExactly(
            tuple("Sara Ahmadi", Credit.Role.REPORTING),
            tuple("Omid Farahani", Credit.Role.REPORTING));
    assertThat(Byline.parse("Reuters staff and agencies").credits())
        .as("a desk stays one name")
        .extracting(Credit::name)
        .containsExactly("Reuters staff and agencies");
    assertThat(Byline.parse("  ").isEmpty()).isTrue();
  }

  @Test
  void reporters_and_writers_print_as_one_group_and_the_others_by_their_role() {
    Byline byline = new Byline(List.of(SARA, LEILA, OMID));

    assertThat(byline.groups())
        .extracting(Byline.Group::role, g -> g.credits().size())
        .containsExactly(tuple(Credit.Role.REPORTING, 2), tuple(Credit.Role.TRANSLATION, 1));
    assertThat(byline.text()).isEqualTo("Sara Ahmadi, Omid Farahani");
  }

  @Test
  void authors_are_those_who_reported_or_wrote_and_everyone_named_has_a_page() {
    Byline byline = new Byline(List.of(SARA, LEILA));

    assertThat(byline.authors()).extracting(Subject::name).containsExactly("Sara Ahmadi");
    assertThat(byline.people())
        .extracting(Subject::name)
        .containsExactly("Sara Ahmadi", "Leila Navabi");
  }

  @Test
  void bad_credits_are_refused_naming_the_problem() {
    assertThatThrownBy(() -> Credit.Role.fromCode("singing"))
        .isInstanceOf(InvalidContent.class)
        .hasMessageContaining("not \"singing\"");
    assertThat(Credit.Role.fromCode("additional-reporting"))
        .isEqualTo(Credit.Role.ADDITIONAL_REPORTING);
    assertThatThrownBy(() -> new Credit("1234", Credit.Role.EDITING))
        .hasMessageContaining("needs a letter");
    List<Credit> thirteen =
        "ABCDEFGHIJKLM"
            .chars()
            .mapToObj(c -> new Credit("Reporter " + (char) c, Credit.Role.REPORTING))
            .toList();
    assertThatThrownBy(() -> new Byline(thirteen)).hasMessageContaining("at most 12 people");
  }
}
