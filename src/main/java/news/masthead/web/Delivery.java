package news.masthead.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What to send for a rendered response to one request: the status, the headers and the body, after
 * choosing gzip or not by {@code Accept-Encoding} and answering a matching {@code If-None-Match}
 * with 304. The one place these rules live; both the router's path and the hot path send what it
 * decides. Immutable.
 */
record Delivery(int status, List<Header> headers, byte[] body) {
  /** One response header. */
  record Header(String name, String value) {}

  /** Every response carries these (a CSP with no script at all, no sniffing, no framing). */
  static final List<Header> SECURITY =
      List.of(
          new Header("Content-Security-Policy", PublicResponses.CONTENT_SECURITY_POLICY),
          new Header("X-Content-Type-Options", "nosniff"),
          new Header("Referrer-Policy", "no-referrer"),
          new Header("X-Frame-Options", "DENY"),
          new Header("Cross-Origin-Opener-Policy", "same-origin"),
          new Header(
              "Permissions-Policy",
              "camera=(), microphone=(), geolocation=(), interest-cohort=()"));

  private static final byte[] NOTHING = new byte[0];

  static Delivery of(
      RenderedPage page, String cacheControl, String acceptEncoding, String ifNoneMatch) {
    List<Header> headers = new ArrayList<>(8);
    headers.add(new Header("Cache-Control", cacheControl));
    if (page.location().isPresent()) {
      String location = page.location().get();
      headers.add(
          new Header("ETag", RenderedPage.etagOf(location.getBytes(StandardCharsets.UTF_8))));
      headers.add(new Header("Location", PublicResponses.asciiPath(location)));
      return new Delivery(301, headers, NOTHING);
    }
    boolean gzip = page.worthCompressing() && PublicResponses.acceptsGzip(acceptEncoding);
    String etag = gzip ? page.gzipEtag() : page.etag();
    headers.add(new Header("ETag", etag));
    headers.add(new Header("Vary", "Accept-Encoding"));
    if (page.status() == 200 && ifNoneMatch != null && PublicResponses.matches(ifNoneMatch, etag)) {
      return new Delivery(304, headers, NOTHING);
    }
    byte[] body = gzip ? page.gzipped() : page.body();
    headers.add(new Header("Content-Type", page.contentType()));
    if (gzip) {
      headers.add(new Header("Content-Encoding", "gzip"));
    }
    headers.add(new Header("Content-Length", Integer.toString(body.length)));
    return new Delivery(page.status(), headers, body);
  }
}
