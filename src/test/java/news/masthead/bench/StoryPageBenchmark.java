package news.masthead.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import news.masthead.app.Masthead;
import news.masthead.app.Settings;
import news.masthead.content.EditionPaths;
import news.masthead.content.Item;
import news.masthead.content.Language;
import news.masthead.ingest.ImportProgress;
import news.masthead.ingest.ImportReport;
import news.masthead.workflow.Edition;
import news.masthead.workflow.Views;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * JMH benchmark of a story page, without changing main code: a real {@link Masthead} on a temporary
 * SQLite data directory, serving on a free loopback port, asked for the story's canonical URL with
 * {@link HttpClient} over one keep-alive HTTP/1.1 connection.
 *
 * <ul>
 *   <li>{@code storyPage}: the whole in-process GET (routing, {@code PublicSite.item}, the page
 *       cache or a full render, ETag hashing, Jetty, and the client's own cost), with the page
 *       cache on or off ({@code pageCache} parameter).
 *   <li>{@code storyLookup}: only what the story page asks the store for when nothing is cached
 *       ({@link Edition#item}: the item row and revision JSON, "more from the section" and
 *       translations; the shared rails are remembered as in the server). The difference between
 *       {@code storyPage} with the cache off and this is template rendering plus HTTP.
 * </ul>
 *
 * <p>Content: by default ({@code corpus=generated}) 48 stories and 12 briefs in four sections, made
 * here with a seeded generator in the shape of the shared benchmark corpus (a 10-word headline, a
 * standfirst, 9 paragraphs of 40-90 words, tags, byline, wire source, genre). Give {@code -p
 * corpus=/path/corpus.ninjs.jsonl -p story=urn:masthead-bench:item:5000} to use the shared
 * 15,000-item corpus instead. Not a unit test: run it with {@code bench/render.sh}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-XX:+UseSerialGC",
      "-Xms64m",
      "-Xmx256m",
      "--enable-native-access=ALL-UNNAMED"
    })
public class StoryPageBenchmark {
  private static final EditionPaths PATHS =
      EditionPaths.standard(List.of(Language.ENGLISH, Language.PERSIAN));

  static final String GENERATED = "generated";
  static final String GENERATED_STORY = "urn:masthead-jmh:item:24";

  /** A Masthead serving on a loopback port, and the story's canonical URL on it. */
  @State(Scope.Benchmark)
  public static class Site {
    @Param({"on", "off"})
    public String pageCache;

    @Param({GENERATED})
    public String corpus;

    @Param({GENERATED_STORY})
    public String story;

    Path dataDirectory;
    Masthead masthead;
    HttpClient client;
    HttpRequest request;

    @Setup(Level.Trial)
    public void start() throws IOException, InterruptedException {
      dataDirectory = Files.createTempDirectory("masthead-jmh");
      masthead = Masthead.open(settings(dataDirectory, pageCache.equals("on")));
      Item item = load(masthead, corpus, story, dataDirectory);
      masthead.serve();
      client = client();
      request = request(masthead, PATHS.of(item));
      HttpResponse<byte[]> first = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      String page = new String(first.body(), StandardCharsets.UTF_8);
      if (first.statusCode() != 200 || !page.contains(escape(item.copy().headline()))) {
        throw new IllegalStateException(
            "the story page answered " + first.statusCode() + " without its headline");
      }
    }

    @TearDown(Level.Trial)
    public void stop() {
      masthead.close();
      client.close();
      deleteRecursively(dataDirectory);
    }
  }

  /** The same content, read through {@link Edition} only: no HTTP, no templates. */
  @State(Scope.Benchmark)
  public static class Store {
    @Param({GENERATED})
    public String corpus;

    @Param({GENERATED_STORY})
    public String story;

    Path dataDirectory;
    Masthead masthead;
    Edition edition;
    Item item;

    @Setup(Level.Trial)
    public void open() throws IOException {
      dataDirectory = Files.createTempDirectory("masthead-jmh");
      masthead = Masthead.open(settings(dataDirectory, true));
      item = load(masthead, corpus, story, dataDirectory);
      edition = new Edition(masthead.items());
      if (!(edition.item(item.id()) instanceof Views.ItemLookup.Found)) {
        throw new IllegalStateException("the story is not published");
      }
    }

    @TearDown(Level.Trial)
    public void close() {
      masthead.close();
      deleteRecursively(dataDirectory);
    }
  }

  @Benchmark
  public byte[] storyPage(Site site) throws IOException, InterruptedException {
    return ok(site.client, site.request, "the story page");
  }

  @Benchmark
  public Views.ItemLookup storyLookup(Store store) {
    return store.edition.item(store.item.id());
  }

  // ------------------------------------------------------------------ setup helpers

  /** A client for one keep-alive HTTP/1.1 connection to the server. */
  static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** A GET of {@code pathAndQuery} on the server. */
  static HttpRequest request(Masthead masthead, String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masthead.port() + pathAndQuery))
        .GET()
        .build();
  }

  /** The body of a 200 answer to {@code request}; {@code what} names it when the answer is not. */
  static byte[] ok(HttpClient client, HttpRequest request, String what)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(what + " answered " + response.statusCode());
    }
    return response.body();
  }

  static Settings settings(Path dataDirectory, boolean pageCache) {
    return Settings.resolve(
        Map.of(
            "data",
            dataDirectory.toString(),
            "port",
            "0",
            "host",
            "127.0.0.1",
            "page.cache",
            pageCache ? "on" : "off"),
        Map.of());
  }

  /** Imports the corpus (or a generated one) and returns the story to ask for. */
  static Item load(Masthead masthead, String corpus, String story, Path dataDirectory)
      throws IOException {
    Path file;
    if (corpus.equals(GENERATED)) {
      file = dataDirectory.resolve("generated.ninjs.jsonl");
      Files.write(file, generatedCorpus(), StandardCharsets.UTF_8);
    } else {
      file = Path.of(corpus);
    }
    ImportReport report = masthead.importer().importFiles(List.of(file), ImportProgress.SILENT);
    if (report.rejected() > 0 || report.imported() == 0) {
      throw new IllegalStateException("import failed: " + report);
    }
    return masthead
        .items()
        .findByUri(story)
        .orElseThrow(() -> new IllegalStateException(story + " was not imported"));
  }

  private static final String[] SECTIONS = {"Iran", "Iraq", "World", "Middle East"};
  private static final String[] WORDS =
      ("government minister officials said on Thursday talks in the capital after weeks of"
              + " negotiations over oil exports sanctions parliament voted to approve a budget that"
              + " would raise spending while critics warned inflation could rise further this year"
              + " according central bank figures protesters gathered outside ministry electricity"
              + " shortages summer heat analysts expect new agreement border crossing reopened trade"
              + " with neighbouring countries grew per cent since last spring residents told reporters"
              + " water prices were higher than before the election commission announced results later"
              + " week")
          .split(" ");
  private static final String[] NAMES = {
    "Sara Ahmadi", "Ali Rahimi", "Leila Karimi", "Omid Hosseini", "James Carter", "Noor Haddad"
  };
  private static final String[] TAGS = {
    "oil", "sanctions", "elections", "protests", "economy", "diplomacy", "energy", "security"
  };

  /** 48 stories and 12 briefs, deterministic, in the shape of the shared corpus's ninjs. */
  static List<String> generatedCorpus() {
    Random random = new Random(20240601);
    JsonMapper json = JsonMapper.builder().build();
    List<String> lines = new ArrayList<>();
    Instant start = Instant.parse("2024-01-01T08:00:00Z");
    for (int id = 1; id <= 60; id++) {
      boolean story = id <= 48;
      String section = SECTIONS[id % SECTIONS.length];
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("uri", "urn:masthead-jmh:item:" + id);
      item.put("type", "text");
      item.put("profile", story ? "story" : "brief");
      item.put("language", "en");
      item.put("pubStatus", "usable");
      String published = start.plusSeconds(3600L * 7 * id).toString();
      item.put("firstCreated", published);
      item.put("versionCreated", published);
      item.put("headlines", List.of(Map.of("value", capitalised(words(random, 10)) + " " + id)));
      StringBuilder body = new StringBuilder();
      int paragraphs = story ? 9 : 2;
      for (int p = 0; p < paragraphs; p++) {
        body.append("<p>")
            .append(capitalised(words(random, 40 + random.nextInt(51))))
            .append(".</p>");
      }
      item.put("bodies", List.of(Map.of("contentType", "text/html", "value", body.toString())));
      item.put("by", NAMES[id % NAMES.length]);
      List<Map<String, String>> subjects = new ArrayList<>();
      subjects.add(Map.of("name", section, "rel", "section"));
      for (int t = 0; t < 3; t++) {
        subjects.add(Map.of("name", TAGS[(id + t * 3) % TAGS.length]));
      }
      item.put("subjects", subjects);
      if (story) {
        item.put(
            "descriptions",
            List.of(Map.of("role", "summary", "value", capitalised(words(random, 22)) + ".")));
        item.put("genres", List.of(Map.of("name", id % 5 == 0 ? "Analysis" : "News")));
      }
      item.put("infoSources", List.of(Map.of("name", "Reuters", "role", "wire")));
      lines.add(json.writeValueAsString(item));
    }
    return lines;
  }

  private static String words(Random random, int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return out.toString();
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static void deleteRecursively(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
