package news.masthead.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Sends public responses: every one carries the security headers, a Cache-Control and an ETag,
 * answers a matching If-None-Match with 304 and no body, and sets no cookie.
 */
public final class PublicResponses {
  private static final String SENT = "masthead.response-sent";

  /** Pages: fresh for a minute, then served stale while revalidating, and kept through errors. */
  public static final String PAGE_CACHING =
      "public, max-age=60, stale-while-revalidate=600, stale-if-error=86400";

  /** Files whose URL changes with their content (the stylesheet and its fonts). */
  public static final String IMMUTABLE_CACHING = "public, max-age=31536000, immutable";

  /** Error pages: cached briefly so a burst of bad requests does not reach the server. */
  public static final String ERROR_CACHING = "public, max-age=30";

  /**
   * The Content-Security-Policy of every public page: no script of any kind, styles and images from
   * this site (images also over https), and no framing by other sites.
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self' https: data:; font-src 'self';"
          + " manifest-src 'self';"
          + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private PublicResponses() {}

  /** The context attribute that carries the hot cache to {@link #send}. */
  public static final String HOT_CACHE = "masthead.hot-cache";

  /** The edition version when the request began: what a kept response may claim to be. */
  public static final String HOT_VERSION = "masthead.hot-version";

  /** The context attribute naming the route table's pattern that took the request. */
  public static final String ROUTE = "masthead.route-pattern";

  /** The context attribute carrying the response's surrogate keys ({@link SurrogateKeys}). */
  public static final String SURROGATE_KEYS = "masthead.surrogate-keys";

  /**
   * Names a response's surrogate keys in the headers CDNs read: {@code Surrogate-Key} (Fastly,
   * Varnish; space-separated) and {@code Cache-Tag} (Cloudflare, Akamai; comma-separated).
   */
  static void surrogateKeys(String keys, java.util.function.BiConsumer<String, String> header) {
    if (!keys.isEmpty()) {
      header.accept("Surrogate-Key", keys);
      header.accept("Cache-Tag", keys.replace(' ', ','));
    }
  }

  /** Adds the security headers every response carries. Call before any handler. */
  public static void secure(Context ctx) {
    for (Delivery.Header header : Delivery.SECURITY) {
      ctx.header(header.name(), header.value());
    }
  }

  /**
   * Sends a rendered response with caching headers, gzipped when the client accepts it, or 304 when
   * the client already has it. A public 200, 301 or 410 is also kept in the {@link HotCache} (when
   * the request carries one) so the next reader of the same address gets it at once.
   */
  public static void send(Context ctx, RenderedPage page, String cacheControl) {
    send(ctx, page, cacheControl, false);
  }

  /**
   * As {@link #send(Context, RenderedPage, String)}, for a response that also depends on the
   * request's {@code Accept} header: it says so in {@code Vary}, and is never kept by address.
   */
  public static void send(
      Context ctx, RenderedPage page, String cacheControl, boolean variesByAccept) {
    if (page.status() == 503) { // busy, or the search index is being built: never keep it
      cacheControl = "no-store";
      if (ctx.res().getHeader("Retry-After") == null) {
        ctx.header("Retry-After", "10");
      }
    }
    HotCache hot = variesByAccept ? null : ctx.attribute(HOT_CACHE);
    Long madeAt = ctx.attribute(HOT_VERSION);
    Delivery delivery =
        Delivery.of(page, cacheControl, ctx.header("Accept-Encoding"), ctx.header("If-None-Match"));
    for (Delivery.Header header : delivery.headers()) {
      ctx.header(header.name(), header.value());
    }
    if (variesByAccept) {
      ctx.header("Vary", "Accept, Accept-Encoding");
    }
    String keys = textAttribute(ctx, SURROGATE_KEYS, "");
    surrogateKeys(keys, ctx::header);
    ctx.status(delivery.status());
    ctx.attribute(SENT, true);
    if (delivery.body().length > 0) {
      write(ctx, delivery.body());
    }
    int status = page.location().isPresent() ? 301 : page.status();
    if (hot != null
        && (status == 200 || status == 301 || status == 410)
        && cacheControl.startsWith("public")) {
      hot.keep(
          HotPath.address(ctx.path(), ctx.queryString()),
          madeAt,
          page,
          cacheControl,
          textAttribute(ctx, ROUTE, "unmatched"),
          keys);
    }
  }

  /**
   * Writes a response's body straight to the servlet's stream, with its length: {@code ctx.result}
   * would copy it through a stream and a buffer of its own for every response. A reader gone
   * meanwhile is no error of the server's: nothing more is sent.
   */
  private static void write(Context ctx, byte[] body) {
    try {
      ctx.res().setContentLength(body.length);
      ctx.res().getOutputStream().write(body);
    } catch (IOException readerGone) {
      // the connection is closed: there is no one to tell, and nothing stored is at stake
    }
  }

  /**
   * Whether this request's response was made by {@link #send}, as every page and error page is: an
   * error status sent so (a search past its last page, an error page an exception handler made)
   * comes with its own page, which the router's error pages must not replace.
   */
  public static boolean sent(Context ctx) {
    return ctx.attribute(SENT) != null;
  }

  private static String textAttribute(Context ctx, String name, String fallback) {
    return ctx.attribute(name) instanceof String value ? value : fallback;
  }

  /** Sends a permanent redirect to the canonical address of what was asked for. */
  public static void redirectPermanently(Context ctx, String location) {
    send(ctx, RenderedPage.movedTo(location), PAGE_CACHING);
  }

  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String coding : acceptEncoding.split(",")) {
      String[] parts = coding.strip().split(";");
      if (parts[0].strip().equalsIgnoreCase("gzip")) {
        return !(parts.length > 1 && parts[1].replace(" ", "").equals("q=0"));
      }
    }
    return false;
  }

  /** A site path with every non-ASCII character percent-encoded, as HTTP headers require. */
  static String asciiPath(String path) {
    try {
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a path: " + path, e);
    }
  }

  static boolean matches(String ifNoneMatch, String etag) {
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.strip();
      if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }
}
