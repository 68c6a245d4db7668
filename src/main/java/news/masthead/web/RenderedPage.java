package news.masthead.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * A response ready to send: a body with its strong ETag (a hash of the bytes), or a permanent
 * redirect to {@code location}. Immutable; the bytes must not be changed after construction.
 */
public record RenderedPage(
    int status, String contentType, byte[] body, String etag, Optional<String> location) {

  public static RenderedPage html(int status, byte[] body) {
    return of(status, "text/html; charset=utf-8", body);
  }

  public static RenderedPage of(int status, String contentType, byte[] body) {
    return new RenderedPage(status, contentType, body, etagOf(body), Optional.empty());
  }

  /** A 301 to the canonical address of what was asked for. */
  public static RenderedPage movedTo(String location) {
    byte[] none = new byte[0];
    return new RenderedPage(
        301, "text/plain; charset=utf-8", none, etagOf(none), Optional.of(location));
  }

  public static RenderedPage text(String contentType, String body) {
    return of(200, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A quoted strong ETag: the first 120 bits of the body's SHA-256, in URL-safe base64. */
  public static String etagOf(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return '"'
          + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 20)
          + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
