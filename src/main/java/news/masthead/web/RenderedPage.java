package news.masthead.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.Adler32;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;

/**
 * A response ready to send: a body with its strong ETag (a hash of the bytes), or a permanent
 * redirect to {@code location}. Its gzip form is made on first request and kept, so a cached page
 * is compressed once, however many readers fetch it. Immutable apart from that memo; thread-safe.
 */
public final class RenderedPage {
  /** Bodies smaller than this are sent as they are: compressing them gains nothing. */
  static final int GZIP_THRESHOLD = 1024;

  private final int status;
  private final String contentType;
  private final byte[] body;
  private final String etag;
  private final Optional<String> location;
  private volatile byte[] gzipped;

  private RenderedPage(
      int status, String contentType, byte[] body, String etag, Optional<String> location) {
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    this.etag = etag;
    this.location = location;
  }

  public static RenderedPage html(int status, byte[] body) {
    return of(status, "text/html; charset=utf-8", body);
  }

  public static RenderedPage of(int status, String contentType, byte[] body) {
    return new RenderedPage(status, contentType, body, etagOf(body), Optional.empty());
  }

  public static RenderedPage text(String contentType, String body) {
    return of(200, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The server is too busy to render this now: a 503 that asks the reader, in the shipped
   * languages, to try again shortly ({@link PlainPages#busy} gives it in an outlet's editions).
   * Never kept; sent with {@code no-store} and {@code Retry-After}.
   */
  public static RenderedPage busy() {
    return PlainPages.SHIPPED.busy();
  }

  /** A 301 to the canonical address of what was asked for. */
  public static RenderedPage movedTo(String location) {
    byte[] none = new byte[0];
    return new RenderedPage(
        301, "text/plain; charset=utf-8", none, etagOf(none), Optional.of(location));
  }

  public int status() {
    return status;
  }

  public String contentType() {
    return contentType;
  }

  /** The body; callers must not change the array. */
  public byte[] body() {
    return body;
  }

  public String etag() {
    return etag;
  }

  public Optional<String> location() {
    return location;
  }

  /**
   * What keeping this response in memory costs, in bytes, reckoned high: the body, room for its
   * gzip form (about a third of an HTML body; half is allowed) and the object overhead. Caches
   * weigh their entries by it.
   */
  public long weight() {
    return body.length + body.length / 2L + 256;
  }

  /** The ETag of the gzip form: a different representation needs a different tag. */
  public String gzipEtag() {
    return etag.substring(0, etag.length() - 1) + "-gz\"";
  }

  /** WOFF2 fonts are compressed already (Brotli): gzip would only cost time, for nothing. */
  boolean worthCompressing() {
    return body.length >= GZIP_THRESHOLD && !contentType.equals("font/woff2");
  }

  /** The body compressed with gzip, made once. */
  byte[] gzipped() {
    byte[] result = gzipped;
    if (result == null) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3);
      try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
        gzip.write(body);
      } catch (IOException e) {
        throw new UncheckedIOException("gzip into memory cannot fail", e);
      }
      result = out.toByteArray();
      gzipped = result;
    }
    return result;
  }

  /**
   * A quoted strong ETag: the body's length and two independent checksums (CRC-32C and Adler-32),
   * 80 bits in all, so a changed page gets a new tag. Both checksums are CPU intrinsics: cheap
   * enough to compute for every rendered page.
   */
  public static String etagOf(byte[] body) {
    CRC32C crc = new CRC32C();
    crc.update(body);
    Adler32 adler = new Adler32();
    adler.update(body);
    return '"'
        + Integer.toString(body.length, 36)
        + '-'
        + Long.toString(crc.getValue(), 36)
        + Long.toString(adler.getValue(), 36)
        + '"';
  }
}
