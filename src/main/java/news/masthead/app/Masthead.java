package news.masthead.app;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;
import news.masthead.api.ContentApi;
import news.masthead.content.Language;
import news.masthead.feeds.Feeds;
import news.masthead.feeds.Sitemaps;
import news.masthead.ingest.NinjsImport;
import news.masthead.newsroom.Newsroom;
import news.masthead.search.SearchIndex;
import news.masthead.site.Outlet;
import news.masthead.site.PublicSite;
import news.masthead.store.Database;
import news.masthead.store.ItemStore;
import news.masthead.store.StaffStore;
import news.masthead.web.CacheStats;
import news.masthead.web.ClientAddress;
import news.masthead.web.EditionSetup;
import news.masthead.web.HotCache;
import news.masthead.web.HotPath;
import news.masthead.web.MalformedRequests;
import news.masthead.web.Messages;
import news.masthead.web.PlainPages;
import news.masthead.web.PublicLinks;
import news.masthead.web.RequestRecording;
import news.masthead.web.ResponseCache;
import news.masthead.web.Turns;
import news.masthead.workflow.ChangeFollower;
import news.masthead.workflow.Desk;
import news.masthead.workflow.Edition;
import news.masthead.workflow.Publishing;
import news.masthead.workflow.Schedule;
import news.masthead.workflow.SearchIndexing;
import news.masthead.workflow.Staff;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Masthead node: its database, workflow and, once {@link #serve}d, its HTTP server. Open one
 * per process (the CLI) or per test; close it to stop the server and release the database.
 */
public final class Masthead implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Masthead.class);

  /**
   * How long {@link #close} waits for requests in flight to finish: more than the longest a request
   * can take (a turn waited for, {@code web.Turns}, then a render).
   */
  static final long STOP_WAIT_MS = 10_000;

  /**
   * How often a node reads the database's change log: a change made on another node reaches this
   * one's pages, feeds, search and API within about this long (and a render) of its commit.
   */
  static final long FOLLOW_EVERY_MS = 250;

  /** How often each node looks for scheduled items that are due. */
  static final long SCHEDULE_EVERY_MS = 2_000;

  private final Settings settings;
  private final Database database;
  private final ItemStore items;
  private final Publishing publishing;
  private final Desk desk;
  private final news.masthead.together.Together together;
  private final news.masthead.media.MediaLibrary media;
  private final Edition edition;
  private final Turns turns = Turns.perCore();
  private final PrometheusMeterRegistry registry;
  private final List<String> readablePaths = new CopyOnWriteArrayList<>();
  private ChangeFollower follower;
  private Schedule schedule;
  private Javalin server;
  private Optional<MetricsEndpoint> metrics = Optional.empty();
  private Optional<CdnPurge> purge = Optional.empty();

  private Masthead(Settings settings, Database database, PrometheusMeterRegistry registry) {
    this.settings = settings;
    this.database = database;
    this.registry = registry;
    this.items = new ItemStore(database);
    this.publishing = new Publishing(items, Clock.systemUTC());
    this.edition = new Edition(items);
    this.desk = new Desk(items, publishing, Clock.systemUTC());
    this.media =
        new news.masthead.media.MediaLibrary(
            new news.masthead.store.PictureStore(database, Clock.systemUTC()),
            news.masthead.media.Darkroom.installed(),
            settings.dataDirectory().resolve("media-cache"),
            settings.keptInPictures());
    this.together =
        new news.masthead.together.Together(
            new news.masthead.store.BodyStepStore(database, Clock.systemUTC()), Clock.systemUTC());
    publishing.addListener(edition);
  }

  /** Opens the database named by the settings (migrating its schema), without serving. */
  public static Masthead open(Settings settings) {
    return open(settings, Database.SchemaCheck.QUICK);
  }

  /** Opens the database, checking its schema as asked. */
  public static Masthead open(Settings settings, Database.SchemaCheck check) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Two of Micrometer's process meters break Prometheus's naming rules (promtool lints them);
    // process_cpu_usage and the host's own exporter say the same.
    registry
        .config()
        .meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"))
        .meterFilter(MeterFilter.denyNameStartsWith("system.cpu.count"));
    Database database =
        settings
            .databaseUrl()
            .map(url -> Database.open(url, check, registry))
            .orElseGet(() -> Database.openSqlite(settings.dataDirectory(), check, registry));
    return new Masthead(settings, database, registry);
  }

  /**
   * Starts the HTTP server, and the metrics endpoint when the settings ask for one; returns once
   * they accept connections.
   *
   * @throws Settings.InvalidSetting when the settings are not fit to serve the public with
   */
  public Masthead serve() {
    settings.checkBeforeServing();
    Operations operations = settings.operations();
    Outlet outlet =
        new Outlet(
            settings.baseUrl(),
            editions(settings),
            java.util.Optional.of(settings.dataDirectory().resolve("policies")),
            settings.editionPaths());
    PlainPages plainPages =
        new PlainPages(
            outlet.setups().stream().map(EditionSetup::messages).toList(), outlet.paths());
    ResponseCache cache =
        new ResponseCache(settings.pageCache(), settings.pageCacheBytes(), turns, plainPages);
    HotCache hot = new HotCache(settings.pageCache(), edition::version, settings.pageCacheBytes());
    PublicSite site =
        new PublicSite(
            edition,
            outlet,
            cache,
            new news.masthead.site.SiteIcons(
                news.masthead.media.Darkroom.installed(), outlet, settings.dataDirectory()));
    PublicLinks links = settings.publicLinks();
    Feeds feeds = new Feeds(edition, cache, links, outlet.name(), outlet::messages);
    ContentApi api = new ContentApi(edition, links, turns);
    Sitemaps sitemaps = new Sitemaps(edition, cache, links, outlet::nameIn, Clock.systemUTC());
    edition.measureWith(registry);
    edition.startSearch(
        () -> SearchIndex.openOrInMemory(searchIndexDirectory(), database.description()));
    follower = new ChangeFollower(items);
    follower.addListener(edition);
    purge = operations.purgeUrl().map(url -> new CdnPurge(items, url, operations.purgeToken()));
    purge.ifPresent(follower::addListener);
    follower.start(FOLLOW_EVERY_MS);
    schedule = new Schedule(desk);
    schedule.start(SCHEDULE_EVERY_MS);
    measure(cache, hot);
    RequestRecording recording =
        new RequestRecording(
            registry,
            new ClientAddress(operations.trustedProxies()),
            operations.accessLog(),
            operations.logFormat().equals("json"));
    Health health = new Health(database, edition);
    Newsroom newsroom =
        new Newsroom(
            staff(),
            outlet.setups(),
            settings.newsroomUrl(),
            !java.net
                .URI
                .create(settings.newsroomUrl())
                .getRawAuthority()
                .equalsIgnoreCase(java.net.URI.create(settings.baseUrl()).getRawAuthority()),
            new ClientAddress(operations.trustedProxies()),
            new news.masthead.newsroom.Places(settings.countryDatabase()),
            desk,
            media,
            edition::sections,
            links,
            site::preview,
            together,
            Clock.systemUTC());
    server =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              // Each request on a virtual thread: waiting for a turn (Turns), for a connection or
              // for the client parks it without a switch of the kernel's threads. They run on the
              // JVM's default of one carrier a core; a render lets queued requests go first when
              // it takes its turn (Turns.take). Why, with figures: bench/RESULTS.md ("Threads,
              // carriers and turns").
              config.concurrency.useVirtualThreads = true;
              config.startup.showOldJavalinVersionWarning = false;
              config.http.generateEtags = false;
              // Pages are compressed once, by PublicResponses; Javalin must not compress them
              // again.
              config.http.compressionStrategy = CompressionStrategy.NONE;
              config.http.prefer405over404 = true;
              config.router.ignoreTrailingSlashes = true;
              config.router.treatMultipleSlashesAsSingleSlash = true;
              config.jetty.modifyServer(
                  server -> {
                    server.setErrorHandler(
                        new MalformedRequests(ContentApi::errorBody, plainPages));
                    server.setStopTimeout(STOP_WAIT_MS);
                  });
              config.jetty.modifyServletContextHandler(
                  context -> {
                    // Pages asked for again are answered in front of the router, like a caching
                    // proxy.
                    context.insertHandler(new HotPath(hot));
                    // In front of everything: on close, new requests are told 503 and those in
                    // flight are finished before the database and index close under them.
                    context.insertHandler(new GracefulHandler());
                    // Outermost: every request is timed and logged, whoever answers it.
                    context.insertHandler(recording);
                  });
              config.events.handlerAdded(
                  handler -> {
                    if (handler.getHttpMethod() == HandlerType.GET) {
                      readablePaths.add(handler.getPath());
                    }
                  });
              Routes.register(config, site, feeds, sitemaps, api, hot, health, newsroom);
            });
    server.start(settings.host(), settings.port());
    metrics =
        operations
            .metrics()
            .map(
                address ->
                    new MetricsEndpoint(
                        registry,
                        operations.metricsHost().orElseThrow(),
                        operations.metricsPort().orElseThrow()));
    LOG.info(
        "Masthead is serving {} on http://{}:{}/ ({})",
        settings.siteName(),
        settings.host().equals("0.0.0.0") ? "localhost" : settings.host(),
        port(),
        database.description());
    return this;
  }

  /**
   * The editions the settings describe, each with its words read from the jar's and the outlet's
   * message files.
   *
   * @throws Settings.InvalidSetting when a message file cannot be used, naming it and the fix
   */
  static List<EditionSetup> editions(Settings settings) {
    List<EditionSetup> setups = new java.util.ArrayList<>();
    for (Settings.EditionSettings e : settings.editions()) {
      Messages messages;
      try {
        messages =
            Messages.load(
                e.language(),
                e.calendar(),
                e.besideCalendar(),
                e.timeZone(),
                java.util.Optional.of(settings.messagesDirectory()),
                e.inBriefTitle()
                    .map(title -> java.util.Map.of("rail.sectionInBrief", title))
                    .orElse(java.util.Map.of()));
      } catch (Messages.InvalidMessages invalid) {
        throw new Settings.InvalidSetting(invalid.getMessage());
      }
      if (!messages.fallenBack().isEmpty()) {
        LOG.warn(
            "The {} edition's message file lacks {} messages, given in English: {}",
            e.language(),
            messages.fallenBack().size(),
            messages.fallenBack());
      }
      setups.add(new EditionSetup(e.language(), e.name(), e.direction(), e.path(), messages));
    }
    return List.copyOf(setups);
  }

  /**
   * Adds a member of staff from the command line and returns their one-time enrolment link (24
   * hours) on the public base URL.
   *
   * @throws news.masthead.content.InvalidContent naming a bad email, role, section or language
   * @throws news.masthead.content.EmailTaken when the address is someone's already
   */
  public String addStaff(
      String email, String name, String role, List<String> sections, String language) {
    return Newsroom.addFromCommandLine(
        staff(), settings.newsroomUrl(), Clock.systemUTC(), email, name, role, sections, language);
  }

  /** The newsroom's staff, sessions and audit log, in this node's database. */
  public Staff staff() {
    return new Staff(new StaffStore(database, Clock.systemUTC()));
  }

  /** The meters every part of the node reports to: caches, the change log, the JVM. */
  private void measure(ResponseCache cache, HotCache hot) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    cacheCounter("page", "hit", cache.stats(), CacheStats::hits);
    cacheCounter("page", "miss", cache.stats(), CacheStats::misses);
    cacheCounter("address", "hit", hot.stats(), CacheStats::hits);
    cacheCounter("address", "miss", hot.stats(), CacheStats::misses);
    ChangeFollower following = follower;
    Gauge.builder("masthead.change.log.read.age", following, f -> f.sinceLastRead().toNanos() / 1e9)
        .description("seconds since this node last read the database's change log")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder(
            "masthead.change.log.behind",
            following,
            f -> Math.max(0, items.latestChange() - f.seen()))
        .description("changes in the database this node has not yet passed to its caches")
        .register(registry);
  }

  private void cacheCounter(
      String cache, String result, CacheStats stats, ToDoubleFunction<CacheStats> count) {
    FunctionCounter.builder("masthead.page.cache.requests", stats, count)
        .description("requests answered from kept responses (hit) or not (miss), by cache")
        .tag("cache", cache)
        .tag("result", result)
        .register(registry);
  }

  /** The port of the metrics endpoint, when the settings asked for one. */
  public Optional<Integer> metricsPort() {
    return metrics.map(MetricsEndpoint::port);
  }

  /**
   * Where the search index lives: {@code index} in the data directory, whichever the database (with
   * PostgreSQL it is all the data directory holds). A server that cannot use it keeps its index in
   * memory instead.
   */
  public Path searchIndexDirectory() {
    return settings.dataDirectory().resolve("index");
  }

  /**
   * Rebuilds the search index from the database ({@code masthead reindex}).
   *
   * @throws news.masthead.search.IndexUnavailable when a running server holds the index
   */
  public SearchIndexing.Rebuilt reindex(SearchIndexing.Progress progress) {
    try (SearchIndexing indexing =
        new SearchIndexing(
            items,
            () -> SearchIndex.open(searchIndexDirectory(), database.description()),
            () -> {})) {
      return indexing.rebuild(progress);
    }
  }

  /** The server's turns at uncached work: page renders and API reads take one each. */
  public Turns turns() {
    return turns;
  }

  /**
   * The paths this server answers GET (and HEAD) at, as {@link Routes} registered them, in order,
   * path parameters as written there ({@code /api/v1/items/{id}}). Empty until {@link #serve}.
   */
  public List<String> readablePaths() {
    return List.copyOf(readablePaths);
  }

  /** The port the server listens on (the free one picked, when the settings said 0). */
  public int port() {
    return server.port();
  }

  /** The newsroom's desk: the workflow's steps, and the scheduled items due. */
  /** The media library: pictures, their words and renditions. */
  public news.masthead.media.MediaLibrary media() {
    return media;
  }

  public Desk desk() {
    return desk;
  }

  public Publishing publishing() {
    return publishing;
  }

  public NinjsImport importer() {
    return new NinjsImport(publishing, Language.ENGLISH, media);
  }

  public ItemStore items() {
    return items;
  }

  public Database database() {
    return database;
  }

  /**
   * Stops the server, once the requests in flight have finished (up to {@value #STOP_WAIT_MS} ms;
   * new ones meanwhile are refused), then closes the index and the database once no work holds a
   * turn ({@link Turns}), so that none of it fails on a closed database.
   */
  @Override
  public void close() {
    long deadline = System.nanoTime() + STOP_WAIT_MS * 1_000_000;
    try {
      together.stopFollowing();
      if (server != null) {
        try {
          server.stop();
        } catch (RuntimeException e) { // Jetty's wait ran out: close what is left all the same
          LOG.warn("the server did not stop cleanly within {} ms: {}", STOP_WAIT_MS, e.toString());
        }
      }
      long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
      if (!turns.closeAfterWork(left)) {
        LOG.warn("closing while a render still runs after {} ms; it will fail", STOP_WAIT_MS);
      }
    } finally {
      metrics.ifPresent(MetricsEndpoint::close);
      if (schedule != null) {
        schedule.close();
      }
      if (follower != null) {
        follower.close();
      }
      together.close();
      purge.ifPresent(CdnPurge::close);
      edition.stopSearch();
      database.close();
    }
  }
}
