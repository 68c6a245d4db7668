package news.masthead.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import news.masthead.app.Masthead;
import news.masthead.app.Settings;
import picocli.CommandLine.Command;

/**
 * {@code masthead warm-up}: a training run for the JVM's class-data archive, which the launcher
 * makes right after it builds the jar. Serves the demo outlet from a temporary data directory (its
 * own SQLite: no environment variable or config file is read) on a free loopback port, reads every
 * kind of public address once (with and without gzip), then stops and deletes the directory. Exits
 * 1 if any page did not answer as a reader would expect, so a broken build never trains an archive
 * silently. Hidden from {@code --help}: it is the launcher's.
 */
@Command(
    name = "warm-up",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "Serves the demo outlet once on a free port and reads each kind of page.")
final class WarmUpCommand implements Callable<Integer> {
  private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#?]*)\"");

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path data = Files.createTempDirectory("masthead-warm-up");
    try (Masthead masthead =
        Masthead.open(
            Settings.standalone(
                Map.of(
                    "data",
                    data.toString(),
                    "port",
                    "0",
                    "host",
                    "127.0.0.1",
                    "metrics",
                    "off",
                    "access.log",
                    "off")))) {
      ServeCommand.loadDemo(masthead);
      masthead.serve();
      List<String> failures = readEveryKindOfPage(masthead.port());
      if (!failures.isEmpty()) {
        System.err.println("masthead warm-up: " + String.join("; ", failures));
        return 1;
      }
      return 0;
    } finally {
      deleteTree(data);
    }
  }

  private static List<String> readEveryKindOfPage(int port)
      throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      return readEveryKindOfPage(http, "http://127.0.0.1:" + port);
    }
  }

  private static List<String> readEveryKindOfPage(HttpClient http, String base)
      throws IOException, InterruptedException {
    List<String> failures = new ArrayList<>();
    String front = get(http, base, "/", false, failures);
    List<String> addresses =
        new ArrayList<>(
            List.of(
                "/fa/",
                "/robots.txt",
                "/sitemap.xml",
                "/en/feed.xml",
                "/en/feed.json",
                "/api/v1/items",
                "/api/v1/sections",
                "/search?q=water",
                "/fa/search?q=%D8%A2%D8%A8",
                "/api/v1/search?q=oil"));
    Matcher links = LINK.matcher(front);
    while (links.find() && addresses.size() < 40) {
      addresses.add(links.group(1));
    }
    for (String address : addresses) {
      get(http, base, address, false, failures);
      get(http, base, address, true, failures);
    }
    get(http, base, "/no/such/page", false, new ArrayList<>()); // the 404 page, trained too
    return failures;
  }

  /** Fetches one address; search may answer 503 while its index is still being built. */
  private static String get(
      HttpClient http, String base, String address, boolean gzip, List<String> failures)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + address)).timeout(Duration.ofSeconds(30));
    if (gzip) {
      request.header("Accept-Encoding", "gzip");
    }
    for (int attempt = 0; attempt < 50; attempt++) {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 503) {
        if (response.statusCode() >= 400) {
          failures.add(address + " answered " + response.statusCode());
        }
        return response.body();
      }
      Thread.sleep(100);
    }
    failures.add(address + " kept answering 503");
    return "";
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root + ": " + e.getMessage(), e);
    }
  }
}
