package news.masthead.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import news.masthead.app.Masthead;
import news.masthead.app.Settings;
import news.masthead.ingest.ImportProgress;

/**
 * A real Masthead on a free port with the demo outlet loaded, and a plain HTTP client that never
 * follows redirects. Close it when the test class is done.
 */
public final class RunningSite implements AutoCloseable {
  private final Masthead masthead;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private RunningSite(Masthead masthead) {
    this.masthead = masthead;
  }

  /** A client for a Masthead the test started itself (and closes itself). */
  public static RunningSite of(Masthead masthead) {
    return new RunningSite(masthead);
  }

  public static RunningSite withDemo(Path data) {
    return withDemo(Settings.defaults(data, 0));
  }

  /**
   * The demo outlet on a node with these settings (flags such as {@code metrics} or {@code
   * trusted.proxies}), besides a free port and no environment.
   */
  public static RunningSite withDemo(Path data, java.util.Map<String, String> settings) {
    java.util.Map<String, String> flags = new java.util.HashMap<>();
    flags.put("data", data.toString());
    flags.put("port", "0");
    flags.put("metrics", "off");
    flags.putAll(settings);
    return withDemo(Settings.standalone(flags));
  }

  private static RunningSite withDemo(Settings settings) {
    Path data = settings.dataDirectory();
    Masthead masthead = Masthead.open(settings).serve();
    try (InputStream in = RunningSite.class.getResourceAsStream("/demo/demo.ninjs.jsonl")) {
      Path demo = Files.write(data.resolve("demo.jsonl"), in.readAllBytes());
      masthead.importer().importFiles(List.of(demo), ImportProgress.SILENT);
    } catch (IOException e) {
      masthead.close();
      throw new IllegalStateException("cannot load the demo outlet", e);
    }
    return new RunningSite(masthead);
  }

  public Masthead masthead() {
    return masthead;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + masthead.port() + encode(path);
  }

  /** GET a path, percent-encoding what is not ASCII as a browser does. */
  public HttpResponse<String> get(String path, String... headers) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
      for (int i = 0; i < headers.length; i += 2) {
        request.header(headers[i], headers[i + 1]);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException e) {
      throw new AssertionError("GET " + path + " failed", e);
    }
  }

  private static String encode(String path) {
    int query = path.indexOf('?');
    try {
      return new URI(null, null, query < 0 ? path : path.substring(0, query), null).toASCIIString()
          + (query < 0 ? "" : path.substring(query));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(path, e);
    }
  }

  @Override
  public void close() {
    masthead.close();
  }
}
