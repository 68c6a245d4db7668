package news.masthead.web;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Sends public responses: every one carries the security headers, a Cache-Control and an ETag,
 * answers a matching If-None-Match with 304 and no body, and sets no cookie.
 */
public final class PublicResponses {
  /** Pages: fresh for a minute, then served stale while revalidating, and kept through errors. */
  public static final String PAGE_CACHING =
      "public, max-age=60, stale-while-revalidate=600, stale-if-error=86400";

  /** Files whose URL changes with their content (the stylesheet). */
  public static final String IMMUTABLE_CACHING = "public, max-age=31536000, immutable";

  /** Error pages: cached briefly so a burst of bad requests does not reach the server. */
  public static final String ERROR_CACHING = "public, max-age=30";

  /**
   * The Content-Security-Policy of every public page: no script of any kind, styles and images from
   * this site (images also over https), and no framing by other sites.
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self' https: data:; font-src 'self';"
          + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private PublicResponses() {}

  /** Adds the security headers every response carries. Call before any handler. */
  public static void secure(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header(
        "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  }

  /**
   * Sends a rendered page with caching headers, gzipped when the client accepts it, or 304 when the
   * client already has the representation it would get.
   */
  public static void send(Context ctx, RenderedPage page, String cacheControl) {
    if (page.location().isPresent()) {
      redirectPermanently(ctx, page.location().get());
      return;
    }
    boolean gzip = page.worthCompressing() && acceptsGzip(ctx.header("Accept-Encoding"));
    String etag = gzip ? page.gzipEtag() : page.etag();
    ctx.header("Cache-Control", cacheControl);
    ctx.header("ETag", etag);
    ctx.header("Vary", "Accept-Encoding");
    String ifNoneMatch = ctx.header("If-None-Match");
    if (page.status() == 200 && ifNoneMatch != null && matches(ifNoneMatch, etag)) {
      ctx.status(304);
      return;
    }
    ctx.status(page.status());
    ctx.contentType(page.contentType());
    byte[] body = gzip ? page.gzipped() : page.body();
    if (gzip) {
      ctx.header("Content-Encoding", "gzip");
    }
    ctx.header("Content-Length", Integer.toString(body.length)); // not chunked: the size is known
    ctx.result(body);
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

  /** Sends a permanent redirect to the canonical address of what was asked for. */
  public static void redirectPermanently(Context ctx, String location) {
    ctx.header("Cache-Control", PAGE_CACHING);
    ctx.header("ETag", RenderedPage.etagOf(location.getBytes(StandardCharsets.UTF_8)));
    ctx.header("Location", asciiPath(location));
    ctx.status(301);
  }

  /** A site path with every non-ASCII character percent-encoded, as HTTP headers require. */
  static String asciiPath(String path) {
    try {
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a path: " + path, e);
    }
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.strip();
      if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }
}
