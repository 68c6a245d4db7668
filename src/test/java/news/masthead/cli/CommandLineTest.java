package news.masthead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CommandLineTest {
  static String run(String... args) {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    cli.execute(args);
    return out.toString();
  }

  @Test
  void masthead_help_lists_every_verb_and_the_settings() {
    String help = run("--help");

    assertThat(help)
        .contains("serve")
        .contains("import")
        .contains("migrate")
        .contains("reindex")
        .contains("MASTHEAD_PORT")
        .contains("MASTHEAD_DATA")
        .contains("MASTHEAD_DB_URL");
  }

  @ParameterizedTest
  @ValueSource(strings = {"serve", "import", "reindex", "migrate"})
  void each_verb_explains_itself(String verb) {
    String help = run(verb, "--help");

    assertThat(help).contains("Usage: masthead " + verb).contains("--data");
  }

  @Test
  void serve_help_mentions_the_demo() {
    assertThat(run("serve", "--help")).contains("--demo");
  }

  @Test
  void the_warm_up_run_serves_the_demo_and_every_kind_of_page_answers() {
    assertThat(Main.commandLine().execute("warm-up")).isZero();
  }

  @Test
  void the_warm_up_verb_belongs_to_the_launcher_and_is_not_listed() {
    assertThat(run("--help")).doesNotContain("warm-up");
  }

  @Test
  void an_unknown_verb_is_named_in_the_error() {
    assertThat(run("publish-everything")).contains("publish-everything");
  }
}
