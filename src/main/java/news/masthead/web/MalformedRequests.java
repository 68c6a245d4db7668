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
      <title>This request could not be understood</title></head>
      <body><main><h1>This request could not be understood</h1>
      <p>The address or the request is malformed (HTTP %d). Check the link, or go to the \
      <a href="/">front page</a>.</p></main></body></html>
      """;

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
    byte[] body = PAGE.formatted(code).getBytes(StandardCharsets.UTF_8);
    headers.put(HttpHeader.ETAG, RenderedPage.etagOf(body));
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    secure(fields);
    fields.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
    return ByteBuffer.wrap(PAGE.formatted(status).getBytes(StandardCharsets.UTF_8));
  }

  private static void secure(HttpFields.Mutable headers) {
    headers.put("Content-Security-Policy", PublicResponses.CONTENT_SECURITY_POLICY);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("X-Frame-Options", "DENY");
  }
}
