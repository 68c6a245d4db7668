package news.masthead.app;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import news.masthead.content.EditionPaths;
import news.masthead.content.InvalidContent;
import news.masthead.content.Language;
import news.masthead.web.PublicLinks;

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
 * @param siteName the outlet's name in its first edition ({@code MASTHEAD_SITE_NAME}, default
 *     Masthead)
 * @param timeZone {@code MASTHEAD_TIME_ZONE}, default UTC: the zone pages give times in
 * @param editions {@code MASTHEAD_EDITIONS}, default {@code en,fa}: the languages the outlet
 *     publishes, the main one first (by default at {@code /}), each described by {@code
 *     edition.<code>.*} settings
 * @param messagesDirectory {@code MASTHEAD_MESSAGES}, default {@code <data>/messages}: the outlet's
 *     own message files, {@code <code>.properties}, when present
 * @param pageCache {@code MASTHEAD_PAGE_CACHE} on or off, default on
 * @param pageCacheMegabytes {@code MASTHEAD_PAGE_CACHE_MB}, default 32: what the rendered pages
 *     kept in memory may weigh, for each of the page cache and the address cache in front of it
 *     (searches get an eighth more); the launcher's 208 MB heap (112 MB old) leaves room for the
 *     defaults
 * @param operations running behind proxies, on several nodes, watched: see {@link Operations}
 * @param countryDatabase {@code MASTHEAD_GEOIP_DB}: an MMDB country database (GeoLite2 Country,
 *     DB-IP's IP to Country Lite) that names the country a newsroom session was seen from
 * @param newsroomUrl {@code MASTHEAD_NEWSROOM_URL}, default the base URL: where staff reach the
 *     newsroom ({@code /newsroom/} on it); a host of its own keeps the staff's cookie and passkeys
 *     apart from the public site
 * @param keptInPictures {@code MASTHEAD_PICTURES_KEEP}, default {@code none}: {@code credit},
 *     {@code rights} or {@code credit,rights} to write the library's credit and usage rights into
 *     every rendition served (every other field is always removed)
 */
public record Settings(
    int port,
    String host,
    Path dataDirectory,
    Optional<String> databaseUrl,
    String baseUrl,
    String siteName,
    ZoneId timeZone,
    List<EditionSettings> editions,
    Path messagesDirectory,
    boolean pageCache,
    int pageCacheMegabytes,
    Operations operations,
    Optional<Path> countryDatabase,
    String newsroomUrl,
    java.util.Set<news.masthead.media.Imprint.Kept> keptInPictures) {

  /** A setting has a value that cannot be used; the message names it and what is accepted. */
  public static final class InvalidSetting extends RuntimeException {
    public InvalidSetting(String message) {
      super(message);
    }
  }

  /**
   * One edition: {@code edition.<code>.name}, {@code .direction} (ltr or rtl, default the
   * language's), {@code .time.zone} (default {@code time.zone}), {@code .calendar} (an ICU calendar
   * type, default {@code persian} for Persian and {@code gregorian} otherwise), {@code
   * .calendar.beside} (a second calendar to give dates in beside the first) and {@code .in.brief}
   * (the title of a section's in-brief rail, an ICU pattern with {@code {section}}) and {@code
   * .path} (where its pages are: {@code /} or one segment such as {@code /fa}; default {@code /}
   * for the first edition and {@code /<code>} for the others), kept here without a trailing slash.
   */
  public record EditionSettings(
      Language language,
      String name,
      String direction,
      String path,
      ZoneId timeZone,
      String calendar,
      Optional<String> besideCalendar,
      Optional<String> inBriefTitle) {}

  /** Where each edition's pages are. */
  public EditionPaths editionPaths() {
    Map<Language, String> prefixes = new LinkedHashMap<>();
    editions.forEach(e -> prefixes.put(e.language(), e.path()));
    return EditionPaths.of(prefixes);
  }

  /** Absolute addresses on the public site. */
  public PublicLinks publicLinks() {
    return new PublicLinks(baseUrl, editionPaths());
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
    Operations operations = operations(lookup, db);
    URI base = URI.create(baseUrl);
    String newsroomUrl =
        lookup.text("newsroom.url", base.getScheme() + "://" + base.getRawAuthority());
    if (!newsroomUrl.matches("https?://[^/?#\\s]+/?")) {
      throw new InvalidSetting(
          "MASTHEAD_NEWSROOM_URL must be an http:// or https:// address with no path, such as"
              + " https://desk.example.org, not \""
              + newsroomUrl
              + "\"");
    }
    Optional<Path> countryDatabase = lookup.optional("geoip.db").map(Path::of);
    if (countryDatabase.isPresent() && !Files.isRegularFile(countryDatabase.get())) {
      throw new InvalidSetting(
          "MASTHEAD_GEOIP_DB names "
              + countryDatabase.get()
              + ", which is not a file: give an MMDB country database, or leave it unset");
    }
    java.util.Set<news.masthead.media.Imprint.Kept> keptInPictures;
    try {
      keptInPictures = news.masthead.media.Imprint.Kept.parse(lookup.text("pictures.keep", "none"));
    } catch (IllegalArgumentException e) {
      throw new InvalidSetting(e.getMessage());
    }
    String siteName = lookup.text("site.name", "Masthead");
    List<EditionSettings> editions = editions(lookup, siteName, zone);
    return new Settings(
        port,
        host,
        data,
        db,
        baseUrl,
        editions.getFirst().name(),
        zone,
        editions,
        Path.of(lookup.text("messages", data.resolve("messages").toString())),
        cache.equals("on"),
        cacheMegabytes,
        operations,
        countryDatabase,
        newsroomUrl.endsWith("/")
            ? newsroomUrl.substring(0, newsroomUrl.length() - 1)
            : newsroomUrl,
        keptInPictures);
  }

  private static List<EditionSettings> editions(Lookup lookup, String siteName, ZoneId zone) {
    Set<String> calendars =
        Set.of(Calendar.getKeywordValuesForLocale("calendar", ULocale.ROOT, false));
    List<EditionSettings> editions = new ArrayList<>();
    Set<Language> seen = new HashSet<>();
    for (String code : lookup.text("editions", "en,fa").split(",")) {
      Language language;
      try {
        language = new Language(code.strip());
      } catch (InvalidContent e) {
        throw new InvalidSetting(
            "MASTHEAD_EDITIONS must list language codes separated by commas, such as en,fa,ar: "
                + e.getMessage());
      }
      if (!seen.add(language)) {
        throw new InvalidSetting("MASTHEAD_EDITIONS names " + language + " twice");
      }
      String key = "edition." + language.code() + ".";
      String defaultName =
          language.equals(Language.PERSIAN) ? lookup.text("site.name.fa", "مست‌هد") : siteName;
      String zoneName = lookup.text(key + "time.zone", zone.getId());
      ZoneId editionZone;
      try {
        editionZone = ZoneId.of(zoneName);
      } catch (DateTimeException e) {
        throw new InvalidSetting(
            env(key + "time.zone")
                + " must be a zone such as UTC or Asia/Tehran, not \""
                + zoneName
                + "\"");
      }
      String calendar =
          lookup.text(
              key + "calendar", language.equals(Language.PERSIAN) ? "persian" : "gregorian");
      Optional<String> beside = lookup.optional(key + "calendar.beside");
      for (String c : beside.map(b -> List.of(calendar, b)).orElse(List.of(calendar))) {
        if (!calendars.contains(c)) {
          throw new InvalidSetting(
              env(key + "calendar")
                  + " must be one of ICU's calendars ("
                  + String.join(", ", new java.util.TreeSet<>(calendars))
                  + "), not \""
                  + c
                  + "\"");
        }
      }
      String path =
          lookup.text(key + "path", editions.isEmpty() ? "/" : "/" + language.code()).strip();
      String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      try {
        EditionPaths.of(Map.of(language, prefix));
      } catch (InvalidContent e) {
        throw new InvalidSetting(env(key + "path") + ": " + e.getMessage());
      }
      if (!prefix.isEmpty() && Routes.OWN_SEGMENTS.contains(prefix.substring(1))) {
        throw new InvalidSetting(
            env(key + "path")
                + " cannot be "
                + path
                + ": the site's own "
                + prefix
                + " addresses are there; choose another, such as /"
                + language.code());
      }
      editions.add(
          new EditionSettings(
              language,
              lookup.text(key + "name", defaultName),
              lookup.choice(key + "direction", language.direction(), "ltr", "rtl"),
              prefix,
              editionZone,
              calendar,
              beside,
              lookup.optional(key + "in.brief")));
    }
    Map<Language, String> prefixes = new LinkedHashMap<>();
    editions.forEach(e -> prefixes.put(e.language(), e.path()));
    try {
      EditionPaths.of(prefixes);
    } catch (InvalidContent e) {
      throw new InvalidSetting("MASTHEAD_EDITION_<CODE>_PATH settings: " + e.getMessage());
    }
    return List.copyOf(editions);
  }

  private static String env(String key) {
    return "MASTHEAD_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
  }

  private static Operations operations(Lookup lookup, Optional<String> db) {
    boolean postgres = db.filter(url -> url.startsWith("jdbc:postgresql:")).isPresent();
    String mode =
        lookup.choice("mode", postgres ? "production" : "development", "development", "production");
    List<String> proxies = new ArrayList<>();
    for (String proxy : lookup.text("trusted.proxies", "").split(",")) {
      String p = proxy.strip();
      if (p.isEmpty()) {
        continue;
      }
      if (!p.matches("[0-9A-Fa-f:.]+(/[0-9]{1,3})?")) {
        throw new InvalidSetting(
            "MASTHEAD_TRUSTED_PROXIES must list IP addresses or CIDR ranges separated by commas"
                + " (such as 10.0.0.0/8,192.0.2.7), not \""
                + p
                + "\"");
      }
      proxies.add(p);
    }
    String metrics = lookup.text("metrics", "127.0.0.1:9464");
    Optional<String> metricsAddress = Optional.empty();
    if (!metrics.equals("off")) {
      int colon = metrics.lastIndexOf(':');
      if (colon <= 0
          || !metrics.substring(colon + 1).matches("[0-9]{1,5}")
          || Integer.parseInt(metrics.substring(colon + 1)) > 65535) {
        throw new InvalidSetting(
            "MASTHEAD_METRICS must be host:port (such as 127.0.0.1:9464) or off, not \""
                + metrics
                + "\"");
      }
      metricsAddress = Optional.of(metrics);
    }
    Optional<URI> purge = Optional.empty();
    Optional<String> purgeUrl = lookup.optional("cdn.purge.url");
    if (purgeUrl.isPresent()) {
      try {
        URI uri = new URI(purgeUrl.get());
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
            || uri.getHost() == null) {
          throw new URISyntaxException(purgeUrl.get(), "not an http or https address");
        }
        purge = Optional.of(uri);
      } catch (URISyntaxException e) {
        throw new InvalidSetting(
            "MASTHEAD_CDN_PURGE_URL must be an http:// or https:// address, not \""
                + purgeUrl.get()
                + "\"");
      }
    }
    return new Operations(
        mode.equals("production"),
        proxies,
        metricsAddress,
        lookup.choice("log.format", "text", "text", "json"),
        lookup.choice("log.level", "info", "error", "warn", "info", "debug"),
        lookup.choice("access.log", "off", "on", "off").equals("on"),
        purge,
        lookup.optional("cdn.purge.token"));
  }

  /**
   * Refuses settings a node must not serve the public with: in production, the {@code localhost}
   * base URL that would go into every canonical link, feed and sitemap.
   *
   * @throws InvalidSetting naming the setting to change
   */
  public void checkBeforeServing() {
    if (!operations.production()) {
      return;
    }
    String host = URI.create(baseUrl).getHost();
    if (host == null
        || host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("[::1]")
        || host.equals("0.0.0.0")) {
      throw new InvalidSetting(
          "MASTHEAD_BASE_URL is "
              + baseUrl
              + ", but a production node (MASTHEAD_MODE=production, the default with PostgreSQL)"
              + " must be told its public address, such as https://news.example.org, or its"
              + " canonical links, feeds and sitemaps would point readers at localhost");
    }
  }

  /** Settings for tests and tools: defaults, with the data directory and port given. */
  public static Settings defaults(Path dataDirectory, int port) {
    return resolve(
        Map.of(
            "data",
            dataDirectory.toString(),
            "port",
            Integer.toString(port),
            "metrics",
            "off",
            "access.log",
            "off"),
        Map.of());
  }

  public Settings withDatabaseUrl(String url) {
    return new Settings(
        port,
        host,
        dataDirectory,
        Optional.of(url),
        baseUrl,
        siteName,
        timeZone,
        editions,
        messagesDirectory,
        pageCache,
        pageCacheMegabytes,
        operations,
        countryDatabase,
        newsroomUrl,
        keptInPictures);
  }

  public Settings withPageCache(boolean on) {
    return new Settings(
        port,
        host,
        dataDirectory,
        databaseUrl,
        baseUrl,
        siteName,
        timeZone,
        editions,
        messagesDirectory,
        on,
        pageCacheMegabytes,
        operations,
        countryDatabase,
        newsroomUrl,
        keptInPictures);
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

    String choice(String key, String fallback, String... allowed) {
      String value = text(key, fallback).toLowerCase(java.util.Locale.ROOT);
      if (!List.of(allowed).contains(value)) {
        throw new InvalidSetting(
            "MASTHEAD_"
                + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_')
                + " must be "
                + String.join(" or ", allowed)
                + ", not \""
                + value
                + "\"");
      }
      return value;
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
