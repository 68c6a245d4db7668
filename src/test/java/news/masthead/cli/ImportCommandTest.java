package news.masthead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code masthead import} as a user runs it in a pipe: plain progress lines and a summary. */
class ImportCommandTest {
  @TempDir Path dir;

  @Test
  void import_prints_progress_lines_each_rejection_and_a_summary_and_exits_1_on_rejections()
      throws Exception {
    String good =
        IntStream.rangeClosed(1, 1500)
            .mapToObj(
                n ->
                    "{\"uri\":\"urn:cli:%d\",\"profile\":\"brief\",\"headlines\":[{\"value\":\"Brief %d\"}],\"bodies\":[{\"value\":\"Text %d.\"}],\"subjects\":[{\"name\":\"Iran\",\"rel\":\"section\"}]}"
                        .formatted(n, n, n))
            .collect(Collectors.joining("\n"));
    Path file =
        Files.writeString(dir.resolve("items.jsonl"), good + "\n{\"uri\":\"urn:cli:bad\"}\n");

    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code;
    try {
      PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
      System.setOut(both);
      System.setErr(both);
      code =
          Main.commandLine()
              .execute("import", "--data", dir.resolve("data").toString(), file.toString());
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);

    assertThat(code).isEqualTo(1);
    assertThat(printed)
        .contains("Importing 1501 items…")
        .contains("… 1000 of 1501 items (66%)")
        .contains("rejected " + file + ":1501: headlines is missing")
        .contains("Imported 1500 new items, updated 0, rejected 1");
  }

  @Test
  void a_missing_file_is_named_in_one_clear_line() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    var cli = Main.commandLine();
    cli.setErr(new java.io.PrintWriter(captured, true, StandardCharsets.UTF_8));

    int code =
        cli.execute("import", "--data", dir.resolve("data").toString(), "/no/such/file.jsonl");

    assertThat(code).isEqualTo(1);
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .isEqualTo("masthead: cannot read /no/such/file.jsonl: no such file\n");
  }
}
