package news.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EditionPathsTest {
  static final Language ARABIC = new Language("ar");

  @Test
  void the_standard_layout_puts_the_first_edition_at_the_root_and_the_others_under_their_code() {
    EditionPaths paths = EditionPaths.standard(List.of(Language.ENGLISH, Language.PERSIAN));

    assertThat(paths.home(Language.ENGLISH)).isEqualTo("/");
    assertThat(paths.home(Language.PERSIAN)).isEqualTo("/fa/");
    assertThat(paths.search(Language.PERSIAN)).isEqualTo("/fa/search");
    assertThat(paths.of(new Section(Slug.of("iran", "section"), "ایران", Language.PERSIAN)))
        .isEqualTo("/fa/iran");
    assertThat(paths.item(Language.ENGLISH, Slug.of("iraq", "s"), new ItemId(7), Slug.of("a", "s")))
        .isEqualTo("/iraq/7/a");
    assertThat(paths.prefix(ARABIC)).as("a language not published").isEqualTo("/ar");
  }

  @Test
  void any_edition_may_be_at_the_root_or_none() {
    Map<Language, String> prefixes = new LinkedHashMap<>();
    prefixes.put(Language.PERSIAN, "");
    prefixes.put(Language.ENGLISH, "/english");
    EditionPaths persianFirst = EditionPaths.of(prefixes);

    assertThat(persianFirst.atRoot()).contains(Language.PERSIAN);
    assertThat(persianFirst.home(Language.PERSIAN)).isEqualTo("/");
    assertThat(
            persianFirst.of(
                new Subject(SubjectKind.TAG, Slug.of("oil", "tag"), "Oil"), Language.ENGLISH))
        .isEqualTo("/english/tag/oil");
    assertThat(persianFirst.prefixedEditionOf("/english/iraq")).contains(Language.ENGLISH);
    assertThat(persianFirst.prefixedEditionOf("/englishman")).isEmpty();
    assertThat(EditionPaths.of(Map.of(Language.ENGLISH, "/en")).atRoot()).isEmpty();
  }

  @Test
  void a_malformed_or_shared_prefix_is_refused_naming_it() {
    assertThatThrownBy(() -> EditionPaths.of(Map.of(Language.PERSIAN, "fa")))
        .isInstanceOf(InvalidContent.class)
        .hasMessageContaining("the path of the fa edition must be / or one lower-case segment")
        .hasMessageContaining("\"fa\"");
    assertThatThrownBy(() -> EditionPaths.of(Map.of(Language.PERSIAN, "/FA")))
        .isInstanceOf(InvalidContent.class);
    Map<Language, String> twoRoots = new LinkedHashMap<>();
    twoRoots.put(Language.ENGLISH, "");
    twoRoots.put(Language.PERSIAN, "");
    assertThatThrownBy(() -> EditionPaths.of(twoRoots))
        .hasMessageContaining("the en and fa editions are both at /");
  }
}
