package news.masthead.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outermost handler: times every request into {@code masthead.http.requests} (by method, route and
 * status, with a latency histogram) and, when asked, writes one access log line for it to the
 * {@code masthead.access} logger: method, path, route, status, time, bytes and the client's address
 * (through {@link ClientAddress}). A search's query string is never logged, nor any header or
 * cookie. The route is the route table's pattern ({@code /{section}/{id}/{slug}}), set by the
 * router or by {@link HotPath} through {@link #route}; a request no route took is {@code
 * unmatched}. Thread-safe.
 */
public final class RequestRecording extends Handler.Wrapper {
  private static final Logger ACCESS = LoggerFactory.getLogger("masthead.access");
  private static final String ROUTE = "masthead.route";

  private final MeterRegistry registry;
  private final ClientAddress clients;
  private final boolean accessLog;
  private final boolean structured;
  private final ConcurrentHashMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

  /** What a request's timer is found by: looked up on every request, so kept small. */
  private record TimerKey(String method, String route, int status) {}

  /**
   * @param accessLog whether to write an access line per request
   * @param structured whether each access line also carries its fields as key-values (for JSON
   *     logs); text logs need only the message
   */
  public RequestRecording(
      MeterRegistry registry, ClientAddress clients, boolean accessLog, boolean structured) {
    this.registry = registry;
    this.clients = clients;
    this.accessLog = accessLog;
    this.structured = structured;
  }

  /** Where the router says which route took a request. Mutable; one per request. */
  public static final class Route {
    private volatile String pattern = "unmatched";

    public void set(String pattern) {
      this.pattern = pattern;
    }
  }

  /** The route holder of a request, for the router to fill in; a fresh one when there is none. */
  public static Route route(Object attribute) {
    return attribute instanceof Route route ? route : new Route();
  }

  /** The request attribute that carries the {@link Route}. */
  public static String routeAttribute() {
    return ROUTE;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long start = System.nanoTime();
    Route route = new Route();
    request.setAttribute(ROUTE, route);
    Callback recorded =
        new Callback() {
          @Override
          public void succeeded() {
            record(request, response, route, start);
            callback.succeeded();
          }

          @Override
          public void failed(Throwable failure) {
            record(request, response, route, start);
            callback.failed(failure);
          }

          @Override
          public InvocationType getInvocationType() {
            return callback.getInvocationType();
          }
        };
    if (!super.handle(request, response, recorded)) {
      record(request, response, route, start);
      return false;
    }
    return true;
  }

  private void record(Request request, Response response, Route route, long start) {
    long nanos = System.nanoTime() - start;
    int status = response.getStatus();
    String method = request.getMethod();
    timers
        .computeIfAbsent(new TimerKey(method, route.pattern, status), this::timer)
        .record(nanos, TimeUnit.NANOSECONDS);
    if (accessLog && ACCESS.isInfoEnabled()) {
      log(request, response, route.pattern, status, nanos);
    }
  }

  private Timer timer(TimerKey key) {
    return Timer.builder("masthead.http.requests")
        .description("HTTP requests by route and status")
        .tag("method", key.method())
        .tag("route", key.route())
        .tag("status", Integer.toString(key.status()))
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
  }

  private void log(Request request, Response response, String route, int status, long nanos) {
    String method = request.getMethod();
    HttpURI uri = request.getHttpURI();
    String path = uri.getPath();
    String query = uri.getQuery();
    if (query != null && !query.isEmpty() && !route.endsWith("/search")) {
      path = path + "?" + query;
    }
    String client =
        clients.of(Request.getRemoteAddr(request), request.getHeaders().get("X-Forwarded-For"));
    long bytes = Response.getContentBytesWritten(response);
    long tenths = (nanos + 50_000) / 100_000;
    String millis = (tenths / 10) + "." + (tenths % 10);
    String line =
        method + " " + path + " " + route + " " + status + " " + millis + " ms " + bytes + " B "
            + client;
    if (!structured) {
      ACCESS.info(line);
      return;
    }
    ACCESS
        .atInfo()
        .addKeyValue("method", method)
        .addKeyValue("path", path)
        .addKeyValue("route", route)
        .addKeyValue("status", status)
        .addKeyValue("ms", tenths / 10.0)
        .addKeyValue("bytes", bytes)
        .addKeyValue("client", client)
        .log(line);
  }
}
