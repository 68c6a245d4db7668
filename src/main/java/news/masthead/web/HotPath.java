package news.masthead.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * In front of the router: answers a GET or HEAD whose address is in the {@link HotCache} with the
 * kept response, by the same rules ({@link Delivery}) as the router's path; everything else goes on
 * to the router. Thread-safe.
 */
public final class HotPath extends Handler.Wrapper {
  private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

  private final HotCache cache;

  public HotPath(HotCache cache) {
    this.cache = cache;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String method = request.getMethod();
    boolean head = "HEAD".equals(method);
    if (head || "GET".equals(method)) {
      HttpURI uri = request.getHttpURI();
      HotCache.Entry entry = cache.find(HotPath.address(uri.getPath(), uri.getQuery()));
      if (entry != null) {
        HttpFields requestHeaders = request.getHeaders();
        Delivery delivery =
            Delivery.of(
                entry.page(),
                entry.cacheControl(),
                requestHeaders.get(HttpHeader.ACCEPT_ENCODING),
                requestHeaders.get(HttpHeader.IF_NONE_MATCH));
        HttpFields.Mutable headers = response.getHeaders();
        for (Delivery.Header header : Delivery.SECURITY) {
          headers.put(header.name(), header.value());
        }
        for (Delivery.Header header : delivery.headers()) {
          headers.put(header.name(), header.value());
        }
        PublicResponses.surrogateKeys(entry.surrogateKeys(), headers::put);
        RequestRecording.route(request.getAttribute(RequestRecording.routeAttribute()))
            .set(entry.route());
        response.setStatus(delivery.status());
        response.write(
            true,
            head || delivery.body().length == 0 ? NOTHING : ByteBuffer.wrap(delivery.body()),
            callback);
        return true;
      }
    }
    return super.handle(request, response, callback);
  }

  /** The key of a request: its raw path and, when it has one, its raw query. */
  static String address(String path, String query) {
    return query == null || query.isEmpty() ? path : path + "?" + query;
  }
}
