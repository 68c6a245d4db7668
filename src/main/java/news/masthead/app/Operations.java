package news.masthead.app;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The settings an operator running Masthead behind a proxy or CDN, or on several nodes, cares
 * about. Part of {@link Settings}, resolved the same way. Immutable.
 *
 * @param production {@code MASTHEAD_MODE}: {@code production} (the default with PostgreSQL) or
 *     {@code development} (the default with SQLite). A production node refuses to serve with the
 *     {@code localhost} base URL, which would publish wrong canonical links, feeds and sitemaps
 * @param trustedProxies {@code MASTHEAD_TRUSTED_PROXIES}: addresses or CIDR ranges of the reverse
 *     proxies and CDN edges in front of the node, whose {@code X-Forwarded-For} and {@code
 *     X-Forwarded-Proto} are believed; none by default
 * @param metrics {@code MASTHEAD_METRICS}: {@code host:port} of the Prometheus endpoint ({@code
 *     /metrics}), default {@code 127.0.0.1:9464}, which only the machine itself can reach; {@code
 *     off} for none
 * @param logFormat {@code MASTHEAD_LOG_FORMAT}: {@code text} (default) or {@code json}, one object
 *     a line
 * @param logLevel {@code MASTHEAD_LOG_LEVEL}: {@code error}, {@code warn}, {@code info} (default)
 *     or {@code debug}, for Masthead's own loggers
 * @param accessLog {@code MASTHEAD_ACCESS_LOG}: {@code on} logs one line per request; {@code off}
 *     (default), since a proxy or CDN in front usually logs them already and the line costs the
 *     busiest pages throughput (bench/RESULTS.md)
 * @param purgeUrl {@code MASTHEAD_CDN_PURGE_URL}: when set, every change is announced to it as a
 *     POST of the surrogate keys to purge
 * @param purgeToken {@code MASTHEAD_CDN_PURGE_TOKEN}: sent as {@code Authorization: Bearer} with
 *     each purge
 */
public record Operations(
    boolean production,
    List<String> trustedProxies,
    Optional<String> metrics,
    String logFormat,
    String logLevel,
    boolean accessLog,
    Optional<URI> purgeUrl,
    Optional<String> purgeToken) {

  public Operations {
    trustedProxies = List.copyOf(trustedProxies);
  }

  /** The metrics endpoint's host, when metrics are on. */
  public Optional<String> metricsHost() {
    return metrics.map(m -> m.substring(0, m.lastIndexOf(':')));
  }

  /** The metrics endpoint's port (0 picks a free one), when metrics are on. */
  public Optional<Integer> metricsPort() {
    return metrics.map(m -> Integer.parseInt(m.substring(m.lastIndexOf(':') + 1)));
  }
}
