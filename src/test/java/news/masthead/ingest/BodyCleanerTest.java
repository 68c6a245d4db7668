package news.masthead.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import news.masthead.content.Block;
import news.masthead.content.Body;
import news.masthead.content.Inline;
import news.masthead.content.WebAddress;
import org.junit.jupiter.api.Test;

class BodyCleanerTest {
  private final BodyCleaner cleaner = new BodyCleaner();

  @Test
  void paragraphs_headings_quotes_lists_and_links_become_blocks() {
    Body body =
        cleaner.fromHtml(
            "<p>According to <a href=\"https://example.org/r\">the wire</a>, <em>sources</em> said.</p>"
                + "<h2>Background</h2>"
                + "<blockquote><p>We know how to deal with it.</p><cite>— An official</cite></blockquote>"
                + "<ol><li>one</li><li><strong>two</strong></li></ol>"
                + "<figure><img src=\"https://example.org/a.jpg\" alt=\"A dam\"><figcaption>The dam in May</figcaption></figure>");

    assertThat(body.blocks())
        .containsExactly(
            new Block.Paragraph(
                List.of(
                    Inline.Text.plain("According to "),
                    new Inline.Link("the wire", new WebAddress("https://example.org/r")),
                    Inline.Text.plain(", "),
                    new Inline.Text("sources", Inline.Style.EMPHASIS),
                    Inline.Text.plain(" said."))),
            new Block.Heading(2, List.of(Inline.Text.plain("Background"))),
            new Block.Quote(
                List.of(Inline.Text.plain("We know how to deal with it.")),
                Optional.of("An official")),
            new Block.ListBlock(
                true,
                List.of(
                    List.of(Inline.Text.plain("one")),
                    List.of(new Inline.Text("two", Inline.Style.STRONG)))),
            new Block.Image(
                new WebAddress("https://example.org/a.jpg"),
                "A dam",
                Optional.of("The dam in May"),
                Optional.empty()));
  }

  @Test
  void scripts_styles_and_event_handlers_do_not_survive() {
    Body body =
        cleaner.fromHtml(
            "<p onclick=\"steal()\">Safe text<script>alert(1)</script></p>"
                + "<style>body{display:none}</style><iframe src=\"javascript:alert(2)\"></iframe>"
                + "<img src=x onerror=alert(3)><svg onload=alert(4)></svg>");

    assertThat(body.plainText()).isEqualTo("Safe text");
    assertThat(body.toString()).doesNotContain("alert", "steal", "script", "onerror", "display");
  }

  @Test
  void javascript_and_data_links_become_plain_text() {
    Body body =
        cleaner.fromHtml(
            "<p><a href=\"javascript:alert(1)\">click</a> and"
                + " <a href=\"jav&#x09;ascript:alert(1)\">this</a> and"
                + " <a href=\"data:text/html,x\">that</a></p>");

    assertThat(body.blocks()).hasSize(1);
    Block.Paragraph p = (Block.Paragraph) body.blocks().getFirst();
    assertThat(p.text()).allMatch(run -> run instanceof Inline.Text);
    assertThat(body.plainText()).isEqualTo("click and this and that");
  }

  @Test
  void disguised_scripting_addresses_never_survive_as_links_or_images() {
    Body body =
        cleaner.fromHtml(
            "<p><a href=\" javascript:alert(1)\">a</a> <a href=\"JaVaScRiPt:alert(1)\">b</a>"
                + " <a href=\"javascript&colon;alert(1)\">c</a> <a href=\"&#106;avascript:x\">d</a>"
                + " <a href=\"java\u0000script:x\">e</a> <a href=\"//evil.example/x\">f</a>"
                + " <a href=\"vbscript:x\">g</a></p>"
                + "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">"
                + "<math><mi xlink:href=\"javascript:alert(1)\">h</mi></math>"
                + "<svg><a xlink:href=\"javascript:alert(1)\"><text>i</text></a></svg>");

    assertThat(body.toString())
        .doesNotContainIgnoringCase("script")
        .doesNotContain("evil", "data:");
    assertThat(body.blocks())
        .allSatisfy(block -> assertThat(block).isNotInstanceOf(Block.Image.class));
    Block.Paragraph p = (Block.Paragraph) body.blocks().getFirst();
    assertThat(Body.of(p).plainText()).as("the links' words, kept").isEqualTo("a b c d e f g");
    assertThat(p.text()).allMatch(run -> run instanceof Inline.Text);
  }

  @Test
  void the_content_of_code_fallbacks_graphics_and_forms_never_becomes_article_text() {
    Body body =
        cleaner.fromHtml(
            "<p>Kept.</p><template><p>template text</p></template><noscript>enable js</noscript>"
                + "<title>page title</title><svg><style>svg style</style><text>drawn</text></svg>"
                + "<math><mi>x</mi></math><textarea>typed</textarea><select><option>opt</option>"
                + "</select><button>press</button><style>p{}</style><script>var x</script>");

    assertThat(body.plainText()).isEqualTo("Kept.");
  }

  @Test
  void links_to_paths_on_this_site_are_kept_as_they_are() {
    Body body = cleaner.fromHtml("<p>See <a href=\"/world/12/earlier-report\">our report</a>.</p>");

    Block.Paragraph p = (Block.Paragraph) body.blocks().getFirst();
    assertThat(p.text())
        .contains(new Inline.Link("our report", new WebAddress("/world/12/earlier-report")));
  }

  @Test
  void loose_text_outside_paragraphs_becomes_a_paragraph() {
    Body body = cleaner.fromHtml("First line<br>second line<div>In a div</div>");

    assertThat(body.blocks()).hasSize(2);
    assertThat(body.plainText()).isEqualTo("First line second line\n\nIn a div");
  }

  @Test
  void plain_text_bodies_split_into_paragraphs_at_blank_lines() {
    Body body = cleaner.fromPlainText("One.\nStill one.\n\nTwo.\n\n\n");

    assertThat(body.blocks())
        .containsExactly(
            new Block.Paragraph(List.of(Inline.Text.plain("One. Still one."))),
            new Block.Paragraph(List.of(Inline.Text.plain("Two."))));
  }
}
