package news.masthead.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.masthead.web.RenderedPage;

/**
 * The site's one stylesheet and the fonts it names, each served at an address that changes with its
 * content, so readers' browsers and proxies may keep them for a year. The stylesheet names a font
 * as {@code url("fonts/<file>.woff2")}, a file under {@code site/fonts}; it is served with that
 * reference rewritten to the font's own address, so a new font also gives the stylesheet a new
 * address. Loaded once; immutable and thread-safe.
 */
final class Stylesheet {
  private static final Pattern FONT = Pattern.compile("url\\(\"fonts/([a-z0-9-]+)\\.woff2\"\\)");

  private final String path;
  private final Map<String, RenderedPage> files;

  Stylesheet() {
    Map<String, RenderedPage> files = new HashMap<>();
    String css = new String(resource("site.css"), StandardCharsets.UTF_8);
    StringBuilder served = new StringBuilder();
    Matcher font = FONT.matcher(css);
    while (font.find()) {
      String name = font.group(1);
      String fontPath =
          add(
              files,
              name,
              "woff2",
              RenderedPage.of(200, "font/woff2", resource("fonts/" + name + ".woff2")));
      font.appendReplacement(served, Matcher.quoteReplacement("url(\"" + fontPath + "\")"));
    }
    font.appendTail(served);
    path =
        add(
            files,
            "site",
            "css",
            RenderedPage.of(
                200,
                "text/css; charset=utf-8",
                served.toString().getBytes(StandardCharsets.UTF_8)));
    this.files = Map.copyOf(files);
  }

  /** Where pages link the stylesheet. */
  String path() {
    return path;
  }

  /** The stylesheet or one of its fonts, by its address; empty for any other address. */
  Optional<RenderedPage> find(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /** Keeps a file at {@code /assets/<name>.<its ETag's hash>.<extension>}, and says where. */
  private static String add(
      Map<String, RenderedPage> files, String name, String extension, RenderedPage file) {
    String etag = file.etag();
    String tag = etag.substring(1, etag.length() - 1).replace('-', 'x');
    String address = "/assets/" + name + "." + tag + "." + extension;
    files.put(address, file);
    return address;
  }

  private static byte[] resource(String name) {
    try (InputStream in = Stylesheet.class.getResourceAsStream("/site/" + name)) {
      if (in == null) {
        throw new IllegalStateException("site/" + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
