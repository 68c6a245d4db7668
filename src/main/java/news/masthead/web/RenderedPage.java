package news.masthead.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.zip.Adler32;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;
import news.masthead.content.Language;

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
   * The server is too busy to render this now: a 503 that asks the reader, in English and Persian,
   * to try again shortly. Never kept; sent with {@code no-store} and {@code Retry-After}.
   */
  public static RenderedPage busy() {
    return html(503, Busy.PAGE);
  }

  /** The languages of the pages made outside the site's templates, each from its message file. */
  private static final List<Messages> PLAIN_LANGUAGES =
      Messages.shippedLanguages().stream().map(l -> Messages.shipped(l, ZoneOffset.UTC)).toList();

  /**
   * A page for answers made outside the site's templates (busy, malformed requests), before any
   * edition is known: the messages {@code <key>.title} and {@code <key>.text} in every shipped
   * language, each with its direction, and a link to each language's front page.
   */
  static byte[] plainPage(String key) {
    Messages first = PLAIN_LANGUAGES.getFirst();
    StringBuilder html = new StringBuilder();
    html.append("<!doctype html>\n<html lang=\"")
        .append(first.language().code())
        .append("\" dir=\"")
        .append(first.language().direction())
        .append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(escape(first.t(key + ".title")))
        .append("</title></head>\n<body><main>");
    for (Messages words : PLAIN_LANGUAGES) {
      Language language = words.language();
      String home = language.editionPath() + "/";
      html.append("<section lang=\"")
          .append(language.code())
          .append("\" dir=\"")
          .append(language.direction())
          .append("\"><h1>")
          .append(escape(words.t(key + ".title")))
          .append("</h1><p>")
          .append(escape(words.t(key + ".text")))
          .append("</p><p><a href=\"")
          .append(home)
          .append("\">")
          .append(escape(words.t("error.backHome")))
          .append("</a></p></section>\n");
    }
    html.append("</main></body></html>\n");
    return html.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The page of {@link #busy()}, made once, after the languages it is written in. */
  private static final class Busy {
    static final byte[] PAGE = plainPage("error.busy");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
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
