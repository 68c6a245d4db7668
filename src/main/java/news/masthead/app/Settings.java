package news.masthead.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Masthead's settings, each looked up in order: a command-line flag, a {@code MASTHEAD_*}
 * environment variable, the config file ({@code MASTHEAD_CONFIG}, else {@code masthead.properties}
 * in the working directory when present, with keys such as {@code port} or {@code db.url}), then
 * the default. Immutable.
 *
 * @param port HTTP port, {@code MASTHEAD_PORT}, default 8080; 0 picks a free one
 * @param host interface to listen on, {@code MASTHEAD_HOST}, default all
 * @param dataDirectory {@code MASTHEAD_DATA}, default {@code ./data}: the SQLite database
 * @param databaseUrl {@code MASTHEAD_DB_URL}: a {@code jdbc:postgresql://…} URL for production;
 *     default SQLite in the data directory
 * @param baseUrl {@code MASTHEAD_BASE_URL}: the public address for canonical links
 * @param siteName {@code MASTHEAD_SITE_NAME}, and {@code MASTHEAD_SITE_NAME_FA} in Persian
 * @param timeZone {@code MASTHEAD_TIME_ZONE}, default UTC: the zone pages give times in
 * @param pageCache {@code MASTHEAD_PAGE_CACHE} on or off, default on
 * @param pageCacheMegabytes {@code MASTHEAD_PAGE_CACHE_MB}, default 32: what the rendered pages
 *     kept in memory may weigh, for each of the page cache and the address cache in front of it
 *     (searches get an eighth more); the launcher's 208 MB heap (112 MB old) leaves room for the
 *     defaults
 */
public record Settings(
    int port,
    String host,
    Path dataDirectory,
    Optional<String> databaseUrl,
    String baseUrl,
    String siteName,
    String persianSiteName,
    ZoneId timeZone,
    boolean pageCache,
    int pageCacheMegabytes) {

  /** A setting has a value that cannot be used; the message names it and what is accepted. */
  public static final class InvalidSetting extends RuntimeException {
    public InvalidSetting(String message) {
      super(message);
    }
  }

  /** Resolves every setting from the flags given, the environment and the config file. */
  public static Settings resolve(Map<String, String> flags, Map<String, String> environment) {
    return resolve(flags, environment, configFile(environment));
  }

  /**
   * Settings from {@code flags} and defaults alone: no environment variable and no config file is
   * read, so nothing here can point at a production database. For runs that must stay apart from
   * the installation, such as the launcher's warm-up.
   */
  public static Settings standalone(Map<String, String> flags) {
    return resolve(flags, Map.of(), Map.of());
  }

  private static Settings resolve(
      Map<String, String> flags, Map<String, String> environment, Map<String, String> file) {
    Lookup lookup = new Lookup(flags, environment, file);
    int port = lookup.integer("port", 8080, 0, 65535);
    String host = lookup.text("host", "0.0.0.0");
    Path data = Path.of(lookup.text("data", "data"));
    Optional<String> db = lookup.optional("db.url");
    String baseUrl = lookup.text("base.url", "http://localhost:" + (port == 0 ? 8080 : port));
    if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
      throw new InvalidSetting(
          "MASTHEAD_BASE_URL must start with http:// or https://, not \"" + baseUrl + "\"");
    }
    String zoneName = lookup.text("time.zone", "UTC");
    ZoneId zone;
    try {
      zone = ZoneId.of(zoneName);
    } catch (DateTimeException e) {
      throw new InvalidSetting(
          "MASTHEAD_TIME_ZONE must be a zone such as UTC or Asia/Tehran, not \"" + zoneName + "\"");
    }
    String cache = lookup.text("page.cache", "on");
    if (!cache.equals("on") && !cache.equals("off")) {
      throw new InvalidSetting("MASTHEAD_PAGE_CACHE must be on or off, not \"" + cache + "\"");
    }
    int cacheMegabytes = lookup.integer("page.cache.mb", 32, 1, 4096);
    return new Settings(
        port,
        host,
        data,
        db,
        baseUrl,
        lookup.text("site.name", "Masthead"),
        lookup.text("site.name.fa", "مست‌هد"),
        zone,
        cache.equals("on"),
        cacheMegabytes);
  }

  /** Settings for tests and tools: defaults, with the data directory and port given. */
  public static Settings defaults(Path dataDirectory, int port) {
    return resolve(
        Map.of("data", dataDirectory.toString(), "port", Integer.toString(port)), Map.of());
  }

  public Settings withDatabaseUrl(String url) {
    return new Settings(
        port,
        host,
        dataDirectory,
        Optional.of(url),
        baseUrl,
        siteName,
        persianSiteName,
        timeZone,
        pageCache,
        pageCacheMegabytes);
  }

  public Settings withPageCache(boolean on) {
    return new Settings(
        port,
        host,
        dataDirectory,
        databaseUrl,
        baseUrl,
        siteName,
        persianSiteName,
        timeZone,
        on,
        pageCacheMegabytes);
  }

  /** What each page cache may weigh, in bytes. */
  public long pageCacheBytes() {
    return pageCacheMegabytes * 1024L * 1024L;
  }

  private static Map<String, String> configFile(Map<String, String> environment) {
    Path path =
        Optional.ofNullable(environment.get("MASTHEAD_CONFIG"))
            .map(Path::of)
            .orElse(Path.of("masthead.properties"));
    if (!Files.isRegularFile(path)) {
      if (environment.containsKey("MASTHEAD_CONFIG")) {
        throw new InvalidSetting("MASTHEAD_CONFIG names " + path + ", which is not a file");
      }
      return Map.of();
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidSetting("cannot read the config file " + path + ": " + e.getMessage());
    }
    Map<String, String> values = new HashMap<>();
    properties.forEach((k, v) -> values.put(k.toString(), v.toString().strip()));
    return values;
  }

  /** Finds one setting by its key ({@code db.url}) in flags, environment and file. */
  private record Lookup(
      Map<String, String> flags, Map<String, String> environment, Map<String, String> file) {
    Optional<String> optional(String key) {
      String env = "MASTHEAD_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
      return Optional.ofNullable(flags.get(key))
          .or(() -> Optional.ofNullable(environment.get(env)))
          .or(() -> Optional.ofNullable(file.get(key)))
          .map(String::strip)
          .filter(v -> !v.isEmpty());
    }

    String text(String key, String fallback) {
      return optional(key).orElse(fallback);
    }

    int integer(String key, int fallback, int min, int max) {
      Optional<String> value = optional(key);
      if (value.isEmpty()) {
        return fallback;
      }
      try {
        int n = Integer.parseInt(value.get());
        if (n < min || n > max) {
          throw new NumberFormatException();
        }
        return n;
      } catch (NumberFormatException e) {
        throw new InvalidSetting(
            "MASTHEAD_"
                + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_')
                + " must be a number from "
                + min
                + " to "
                + max
                + ", not \""
                + value.get()
                + "\"");
      }
    }
  }
}
