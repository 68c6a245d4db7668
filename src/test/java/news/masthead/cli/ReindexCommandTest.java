package news.masthead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import news.masthead.app.Masthead;
import news.masthead.app.Settings;
import news.masthead.search.SearchIndex;
import news.masthead.search.SearchRequest;
import news.masthead.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code masthead reindex} as a user runs it in a pipe: plain progress lines and a summary. */
class ReindexCommandTest {
  @TempDir Path dir;

  Path importBriefs(int count) throws Exception {
    String items =
        IntStream.rangeClosed(1, count)
            .mapToObj(
                n ->
                    "{\"uri\":\"urn:reindex:%d\",\"profile\":\"brief\",\"headlines\":[{\"value\":\"Quince brief %d\"}],\"bodies\":[{\"value\":\"Text %d.\"}],\"subjects\":[{\"name\":\"Iran\",\"rel\":\"section\"}]}"
                        .formatted(n, n, n))
            .collect(Collectors.joining("\n"));
    Path file = Files.writeString(dir.resolve("items.jsonl"), items + "\n");
    Path data = dir.resolve("data");
    PrintStream out = System.out;
    try {
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      assertThat(Main.commandLine().execute("import", "--data", data.toString(), file.toString()))
          .isZero();
    } finally {
      System.setOut(out);
    }
    return data;
  }

  @Test
  void reindex_prints_progress_lines_and_a_summary_and_leaves_a_searchable_index()
      throws Exception {
    Path data = importBriefs(1500);

    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      code = Main.commandLine().execute("reindex", "--data", data.toString());
    } finally {
      System.setOut(out);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);

    assertThat(code).isZero();
    assertThat(printed)
        .contains("Indexing 1500 published items…")
        .contains("… 1000 of 1500 items (66%)")
        .containsPattern(
            "Indexed 1500 published items into "
                + java.util.regex.Pattern.quote(data.resolve("index").toString())
                + " in [0-9.]+ s \\([0-9]+ items/s\\), up to change 1500\\.");
    String database;
    try (Database db = Database.openSqlite(data)) {
      database = db.description();
    }
    try (SearchIndex index = SearchIndex.open(data.resolve("index"), database)) {
      assertThat(index.indexedThrough()).isEqualTo(1500);
      assertThat(index.find(SearchRequest.of("quince")).total()).isGreaterThanOrEqualTo(1000);
      assertThat(index.find(SearchRequest.of("1234")).hits())
          .extracting(h -> h.item().headline())
          .containsExactly("Quince brief 1234");
    }
  }

  @Test
  void reindex_beside_a_running_server_is_refused_in_one_clear_line() throws Exception {
    Path data = importBriefs(3);
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    var cli = Main.commandLine();
    cli.setErr(new PrintWriter(captured, true, StandardCharsets.UTF_8));

    int code;
    try (Masthead server = Masthead.open(Settings.defaults(data, 0)).serve()) {
      awaitSearch(server.port()); // the server opens its index in the background
      code = cli.execute("reindex", "--data", data.toString());
    }

    assertThat(code).isEqualTo(1);
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .startsWith("masthead: the search index at " + data.resolve("index"))
        .contains("is in use by another Masthead process")
        .doesNotContain("Exception")
        .hasLineCount(1);
  }

  static void awaitSearch(int port) throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/search?q=x"))
            .build();
    long deadline = System.currentTimeMillis() + 10_000;
    while (http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()
            == 503
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
  }
}
