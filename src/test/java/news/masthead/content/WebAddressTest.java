package news.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebAddressTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.org/a?b=c",
        "http://example.org",
        "mailto:desk@example.org",
        "/iran/42/a-slug"
      })
  void web_and_mail_links_and_site_paths_are_accepted(String address) {
    assertThat(new WebAddress(address).value()).isEqualTo(address);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        " javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox",
        "//evil.example/path",
        "/\\evil.example",
        "relative/path"
      })
  void anything_a_browser_could_run_or_that_leaves_the_site_unannounced_is_refused(String address) {
    assertThat(WebAddress.isSafe(address)).isFalse();
    assertThatThrownBy(() -> new WebAddress(address)).isInstanceOf(InvalidContent.class);
  }
}
