package news.masthead.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import news.masthead.app.Masthead;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of an uncached search page, without changing main code: a real {@link Masthead}
 * with the page cache off, on a temporary SQLite data directory, serving on a free loopback port,
 * asked for {@code /search?q=…} over one keep-alive HTTP/1.1 connection. Each request parses the
 * query, searches the index, reads the stored fields of ten results, cuts their snippets and
 * renders the page. Measures one reader's request (no queueing); {@code -prof gc} gives the bytes
 * each allocates.
 *
 * <p>Content: as {@link StoryPageBenchmark} ({@code corpus=generated}: 60 items), or {@code -p
 * corpus=/path/corpus.ninjs.jsonl} for the shared 15,000-item corpus, which is what the figures in
 * the notes use. Not a unit test: run it with {@code bench/render.sh --search --corpus}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-XX:+UseSerialGC",
      "-Xms112m",
      "-Xmx208m",
      "-Xmn96m",
      "--add-modules=jdk.incubator.vector",
      "--enable-native-access=ALL-UNNAMED"
    })
public class SearchPageBenchmark {
  /** A Masthead serving on a loopback port with its search index built, and the search to ask. */
  @State(Scope.Benchmark)
  public static class Site {
    @Param({StoryPageBenchmark.GENERATED})
    public String corpus;

    @Param({"government"})
    public String query;

    Path dataDirectory;
    Masthead masthead;
    HttpClient client;
    HttpRequest request;

    @Setup(Level.Trial)
    public void start() throws IOException, InterruptedException {
      dataDirectory = Files.createTempDirectory("masthead-jmh");
      masthead = Masthead.open(StoryPageBenchmark.settings(dataDirectory, false));
      StoryPageBenchmark.load(
          masthead,
          corpus,
          corpus.equals(StoryPageBenchmark.GENERATED)
              ? StoryPageBenchmark.GENERATED_STORY
              : "urn:masthead-bench:item:5000",
          dataDirectory);
      masthead.serve();
      client = StoryPageBenchmark.client();
      request =
          StoryPageBenchmark.request(
              masthead, "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
      // the index is built in the background after the import: 503 until it is ready
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (true) {
        HttpResponse<byte[]> first = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String page = new String(first.body(), StandardCharsets.UTF_8);
        if (first.statusCode() == 200 && page.contains("<mark>")) {
          return;
        }
        if (first.statusCode() != 503 || System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the search page answered " + first.statusCode() + " without a marked result");
        }
        Thread.sleep(500);
      }
    }

    @TearDown(Level.Trial)
    public void stop() {
      masthead.close();
      client.close();
      StoryPageBenchmark.deleteRecursively(dataDirectory);
    }
  }

  @Benchmark
  public byte[] searchPage(Site site) throws IOException, InterruptedException {
    return StoryPageBenchmark.ok(site.client, site.request, "the search page");
  }
}
