package news.masthead.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import news.masthead.content.Block;
import news.masthead.content.Body;
import news.masthead.content.Byline;
import news.masthead.content.Copy;
import news.masthead.content.Credit;
import news.masthead.content.Inline;
import news.masthead.testing.Copies;
import org.junit.jupiter.api.Test;

class CopyJsonTest {
  @Test
  void a_revision_saved_before_bylines_had_roles_reads_each_name_as_a_reporter() {
    String written = CopyJson.write(Copies.story("Talks resume", "Iran"));
    int from = written.indexOf("\"byline\":");
    int to = written.indexOf("]}", from) + 2;
    String stored =
        written.substring(0, from)
            + "\"byline\":\"By Sara Ahmadi and Omid Farahani\""
            + written.substring(to).replace(",\"chosenSlug\":\"\"", "");

    Copy read = CopyJson.read(stored);

    assertThat(stored).contains("\"byline\":\"By Sara Ahmadi and Omid Farahani\"");
    assertThat(read.byline().credits())
        .extracting(Credit::name, Credit::role)
        .containsExactly(
            tuple("Sara Ahmadi", Credit.Role.REPORTING),
            tuple("Omid Farahani", Credit.Role.REPORTING));
    assertThat(read.chosenSlug()).isEmpty();
  }

  @Test
  void credits_with_roles_and_text_set_both_strong_and_emphasised_come_back_as_written() {
    Copy story = Copies.story("Talks resume", "Iran");
    Copy copy =
        new Copy(
            story.profile(),
            story.language(),
            story.headline(),
            story.standfirst(),
            Body.of(
                new Block.Paragraph(
                    List.of(new Inline.Text("Both", Inline.Style.STRONG_EMPHASIS)))),
            new Byline(
                List.of(
                    new Credit("Sara Ahmadi", Credit.Role.WRITING),
                    new Credit("Leila Navabi", Credit.Role.TRANSLATION))),
            story.dateline(),
            story.section(),
            story.subjects(),
            story.sources(),
            story.genres(),
            story.corrections(),
            story.translations(),
            "talks");

    assertThat(CopyJson.read(CopyJson.write(copy))).isEqualTo(copy);
  }
}
