package news.masthead.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The page for requests the server refuses before any route sees them (a malformed path such as
 * {@code /%ZZ}, a header too large): a short HTML page with the same security headers as every
 * other page, instead of the web server's own. Thread-safe.
 */
public final class MalformedRequests extends ErrorHandler {
  private static final String PAGE =
      """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8">\
      <meta name="viewport" content="width=device-width, initial-scale=1">\
      <title>%1$s</title></head>
      <body><main><h1>%1$s</h1>
      <p>%2$s (HTTP %3$d). Check the link, or go to the <a href="/">front page</a>.</p>
      <p lang="fa" dir="rtl">%4$s <a href="/fa/">صفحهٔ نخست</a></p></main></body></html>
      """;

  /** The page for {@code status}: what went wrong, in English and in Persian. */
  static byte[] page(int status) {
    String page =
        switch (status) {
          case 414 ->
              PAGE.formatted(
                  "This address is too long",
                  "The address is longer than this site reads; if it is a search, shorten it to"
                      + " the words that matter most",
                  status,
                  "این نشانی بیش از اندازه بلند است؛ اگر جستجوست، آن را به واژه‌های مهم‌تر کوتاه"
                      + " کنید.");
          case 431 ->
              PAGE.formatted(
                  "This request's headers are too large",
                  "The request carries more headers or cookies than this site reads",
                  status,
                  "سرآیندهای این درخواست بیش از اندازه بزرگ است.");
          default ->
              PAGE.formatted(
                  "This request could not be understood",
                  "The address or the request is malformed",
                  status,
                  "این درخواست فهمیده نشد: نشانی را بررسی کنید.");
        };
    return page.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    HttpFields.Mutable headers = response.getHeaders();
    secure(headers);
    headers.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
    headers.put(HttpHeader.CACHE_CONTROL, PublicResponses.ERROR_CACHING);
    byte[] body = page(code);
    headers.put(HttpHeader.ETAG, RenderedPage.etagOf(body));
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    secure(fields);
    fields.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
    return ByteBuffer.wrap(page(status));
  }

  private static void secure(HttpFields.Mutable headers) {
    headers.put("Content-Security-Policy", PublicResponses.CONTENT_SECURITY_POLICY);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("X-Frame-Options", "DENY");
  }
}
