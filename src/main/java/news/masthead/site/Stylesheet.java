package news.masthead.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import news.masthead.web.RenderedPage;

/**
 * The site's one stylesheet, served at an address that changes with its content, so readers'
 * browsers and proxies may keep it for a year. Loaded once; immutable.
 */
final class Stylesheet {
  private final RenderedPage page;
  private final String path;

  Stylesheet() {
    try (InputStream in = Stylesheet.class.getResourceAsStream("/site/site.css")) {
      if (in == null) {
        throw new IllegalStateException("site/site.css is missing from the jar");
      }
      byte[] css = in.readAllBytes();
      page = RenderedPage.of(200, "text/css; charset=utf-8", css);
      String etag = page.etag();
      String tag = etag.substring(1, etag.length() - 1).replace('-', 'x');
      path = "/assets/site." + tag + ".css";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where pages link the stylesheet. */
  String path() {
    return path;
  }

  RenderedPage page() {
    return page;
  }
}
