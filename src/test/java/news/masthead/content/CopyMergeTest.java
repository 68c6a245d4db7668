package news.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CopyMergeTest {
  static Copy copy(String headline, String standfirst, Block... blocks) {
    return new Copy(
        Profile.STORY,
        Language.ENGLISH,
        headline,
        standfirst,
        Body.of(blocks),
        "Sara Ahmadi",
        "",
        new Section(new Slug("iran"), "Iran", Language.ENGLISH),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  static Block paragraph(String text) {
    return new Block.Paragraph(List.of(Inline.Text.plain(text)));
  }

  static Block heading(String text) {
    return new Block.Heading(2, List.of(Inline.Text.plain(text)));
  }

  final Copy base =
      copy("Talks resume", "Officials met.", heading("Background"), paragraph("One."));

  @Test
  void changes_to_different_fields_merge_without_a_conflict() {
    Copy theirs =
        copy("Talks resume in Muscat", "Officials met.", heading("Background"), paragraph("One."));
    Copy mine =
        copy("Talks resume", "Officials met for hours.", heading("Background"), paragraph("One."));

    CopyMerge.Merged merged = CopyMerge.merge(base, theirs, mine, Map.of());

    assertThat(merged.conflicts()).isEmpty();
    assertThat(merged.copy().headline()).isEqualTo("Talks resume in Muscat");
    assertThat(merged.copy().standfirst()).isEqualTo("Officials met for hours.");
  }

  @Test
  void one_field_changed_on_both_sides_is_a_conflict_that_text_may_resolve_by_writing() {
    Copy theirs =
        copy("Talks resume in Muscat", "Officials met.", heading("Background"), paragraph("One."));
    Copy mine =
        copy("Talks resume on Monday", "Officials met.", heading("Background"), paragraph("One."));

    CopyMerge.Merged unresolved = CopyMerge.merge(base, theirs, mine, Map.of());
    CopyMerge.Merged written =
        CopyMerge.merge(
            base,
            theirs,
            mine,
            Map.of("headline", CopyMerge.Choice.writing("Talks resume in Muscat on Monday")));

    assertThat(unresolved.conflicts())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.key()).isEqualTo("headline");
              assertThat(c.writable()).isTrue();
            });
    assertThat(written.conflicts()).isEmpty();
    assertThat(written.copy().headline()).isEqualTo("Talks resume in Muscat on Monday");
  }

  @Test
  void a_paragraph_written_from_both_keeps_its_kind_of_block() {
    Copy theirs =
        copy("Talks resume", "Officials met.", heading("Background to talks"), paragraph("One."));
    Copy mine =
        copy("Talks resume", "Officials met.", heading("The background"), paragraph("One."));

    CopyMerge.Merged merged =
        CopyMerge.merge(
            base,
            theirs,
            mine,
            Map.of("body.0", CopyMerge.Choice.writing("The background to the talks")));

    assertThat(merged.copy().body().blocks().getFirst())
        .isEqualTo(heading("The background to the talks"));
  }

  @Test
  void a_byline_changed_on_both_sides_is_chosen_by_side_not_written() {
    Copy theirs = copy("Talks resume", "Officials met.", heading("Background"), paragraph("One."));
    theirs =
        new Copy(
            theirs.profile(),
            theirs.language(),
            theirs.headline(),
            theirs.standfirst(),
            theirs.body(),
            "Omid Farahani",
            "",
            theirs.section(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    Copy mine =
        new Copy(
            base.profile(),
            base.language(),
            base.headline(),
            base.standfirst(),
            base.body(),
            "Leila Navabi",
            "",
            base.section(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());

    CopyMerge.Merged merged =
        CopyMerge.merge(base, theirs, mine, Map.of("byline", CopyMerge.Choice.writing("x")));

    assertThat(merged.conflicts())
        .singleElement()
        .satisfies(c -> assertThat(c.writable()).isFalse());
    assertThat(
            CopyMerge.merge(
                    base,
                    theirs,
                    mine,
                    Map.of("byline", CopyMerge.Choice.of(CopyMerge.Side.THEIRS)))
                .copy()
                .byline()
                .text())
        .isEqualTo("Omid Farahani");
  }
}
