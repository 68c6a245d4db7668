package news.masthead.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to requests the server refuses before any route sees them (a malformed path such as
 * {@code /%ZZ}, a header too large, a request that arrives while the server is closing): a short
 * HTML page with the same security headers as every other page, instead of the web server's own, or
 * under {@code /api/} the API's JSON error. Thread-safe.
 */
public final class MalformedRequests extends ErrorHandler {
  /** The body of the API's JSON error for a status and message. */
  public interface JsonErrors {
    byte[] body(int status, String message);
  }

  private final JsonErrors api;
  private final PlainPages pages;

  /** Answers with the API's JSON errors and pages in {@code pages}' languages. */
  public MalformedRequests(JsonErrors api, PlainPages pages) {
    this.api = api;
    this.pages = pages;
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
    boolean closing = code == 503; // refused by the graceful stop: never kept by a cache
    headers.put(HttpHeader.CACHE_CONTROL, closing ? "no-store" : PublicResponses.ERROR_CACHING);
    if (closing) {
      headers.put(HttpHeader.RETRY_AFTER, "5");
    }
    byte[] body;
    if (request.getHttpURI().getPath().startsWith("/api/")) {
      headers.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
      body =
          api.body(
              code,
              closing
                  ? "the server is restarting; try again in a few seconds"
                  : "the request is malformed");
    } else {
      headers.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
      body = pages.malformed(code);
    }
    headers.put(HttpHeader.ETAG, RenderedPage.etagOf(body));
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    secure(fields);
    fields.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
    return ByteBuffer.wrap(pages.malformed(status));
  }

  /** The headers every response carries ({@link Delivery#SECURITY}). */
  private static void secure(HttpFields.Mutable headers) {
    for (Delivery.Header header : Delivery.SECURITY) {
      headers.put(header.name(), header.value());
    }
  }
}
