package news.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StylesheetTest {
  /**
   * Declarations that name a physical side: margin-left, padding-right, border-left-…, left: and
   * right:, float or clear or text-align to a side, and the physical corner radii. Each has a
   * logical twin that follows the page's direction.
   */
  static final Pattern PHYSICAL =
      Pattern.compile(
          "(?<![-\\w])(?:(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right)"
              + "[-\\w]*\\s*:"
              + "|(?:left|right)\\s*:"
              + "|border-(?:top|bottom)-(?:left|right)-radius\\s*:"
              + "|(?:float|clear|text-align|caption-side|resize)\\s*:\\s*(?:left|right)\\b)");

  @Test
  void the_stylesheet_keeps_to_logical_properties_so_right_to_left_editions_lay_out_from_it()
      throws IOException {
    String css = withoutComments(read());
    List<String> physical = new ArrayList<>();
    Matcher m = PHYSICAL.matcher(css);
    while (m.find()) {
      int line = css.substring(0, m.start()).split("\n", -1).length;
      physical.add("line " + line + ": " + m.group());
    }

    assertThat(physical).as("physical left and right in site.css").isEmpty();
  }

  @Test
  void the_check_finds_a_physical_side_when_there_is_one() {
    for (String rule :
        List.of(
            ".a { margin-left: 1rem }",
            ".a{padding-right:0}",
            ".a { border-left-width: 2px }",
            ".a { left: 0 }",
            ".a { float: right }",
            ".a { text-align: left }",
            ".a { border-top-right-radius: 3px }")) {
      assertThat(PHYSICAL.matcher(rule).find()).as(rule).isTrue();
    }
    for (String rule :
        List.of(
            ".a { margin-inline-start: 1rem }",
            ".a { text-align: start }",
            ".a { inset-inline-end: 0 }",
            ".a { border-start-end-radius: 3px }")) {
      assertThat(PHYSICAL.matcher(rule).find()).as(rule).isFalse();
    }
  }

  private static String read() throws IOException {
    try (InputStream in = StylesheetTest.class.getResourceAsStream("/site/site.css")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The stylesheet with its comments blanked, keeping line numbers. */
  private static String withoutComments(String css) {
    Matcher m = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL).matcher(css);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group().replaceAll("[^\n]", " ")));
    }
    m.appendTail(out);
    return out.toString();
  }
}
