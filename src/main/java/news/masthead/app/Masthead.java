package news.masthead.app;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.HandlerType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import news.masthead.api.ContentApi;
import news.masthead.content.Language;
import news.masthead.feeds.Feeds;
import news.masthead.feeds.Sitemaps;
import news.masthead.ingest.NinjsImport;
import news.masthead.search.SearchIndex;
import news.masthead.site.Outlet;
import news.masthead.site.PublicSite;
import news.masthead.store.Database;
import news.masthead.store.ItemStore;
import news.masthead.web.HotCache;
import news.masthead.web.HotPath;
import news.masthead.web.MalformedRequests;
import news.masthead.web.ResponseCache;
import news.masthead.web.Turns;
import news.masthead.workflow.ChangeFollower;
import news.masthead.workflow.Edition;
import news.masthead.workflow.Publishing;
import news.masthead.workflow.SearchIndexing;
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

  private final Settings settings;
  private final Database database;
  private final ItemStore items;
  private final Publishing publishing;
  private final Edition edition;
  private final Turns turns = Turns.perCore();
  private final List<String> readablePaths = new CopyOnWriteArrayList<>();
  private ChangeFollower follower;
  private Javalin server;

  private Masthead(Settings settings, Database database) {
    this.settings = settings;
    this.database = database;
    this.items = new ItemStore(database);
    this.publishing = new Publishing(items, Clock.systemUTC());
    this.edition = new Edition(items);
    publishing.addListener(edition);
  }

  /** Opens the database named by the settings (migrating its schema), without serving. */
  public static Masthead open(Settings settings) {
    return open(settings, Database.SchemaCheck.QUICK);
  }

  /** Opens the database, checking its schema as asked. */
  public static Masthead open(Settings settings, Database.SchemaCheck check) {
    Database database =
        settings
            .databaseUrl()
            .map(url -> Database.open(url, check))
            .orElseGet(() -> Database.openSqlite(settings.dataDirectory(), check));
    return new Masthead(settings, database);
  }

  /** Starts the HTTP server; returns once it accepts connections. */
  public Masthead serve() {
    Outlet outlet =
        new Outlet(
            settings.siteName(),
            settings.persianSiteName(),
            settings.baseUrl(),
            settings.timeZone(),
            List.of(Language.ENGLISH, Language.PERSIAN),
            java.util.Optional.of(settings.dataDirectory().resolve("policies")));
    ResponseCache cache = new ResponseCache(settings.pageCache(), settings.pageCacheBytes(), turns);
    HotCache hot = new HotCache(settings.pageCache(), edition::version, settings.pageCacheBytes());
    PublicSite site = new PublicSite(edition, outlet, cache);
    Feeds feeds = new Feeds(edition, cache, outlet.baseUrl(), outlet.name());
    ContentApi api = new ContentApi(edition, outlet.baseUrl(), outlet.editions(), turns);
    Sitemaps sitemaps =
        new Sitemaps(
            edition, cache, outlet.baseUrl(), outlet.editions(), outlet::nameIn, Clock.systemUTC());
    edition.startSearch(
        () -> SearchIndex.openOrInMemory(searchIndexDirectory(), database.description()));
    follower = new ChangeFollower(items);
    follower.addListener(edition);
    follower.start(1000);
    server =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              // Each request on a virtual thread: waiting for a turn (Turns), for a connection or
              // for the client parks it without a switch of the kernel's threads. They run on the
              // JVM's default of one carrier a core; a render lets queued requests go first when
              // it takes its turn (Turns.take). Measured on 2 cores: the uncached search served
              // 4,400-5,400 req/s against 3,050-3,600 on platform threads. Twice as many carriers
              // (tried) kept pages faster in a flood but cost the uncached search 15-25%.
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
                    server.setErrorHandler(new MalformedRequests(ContentApi::errorBody));
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
                  });
              config.events.handlerAdded(
                  handler -> {
                    if (handler.getHttpMethod() == HandlerType.GET) {
                      readablePaths.add(handler.getPath());
                    }
                  });
              Routes.register(config, site, feeds, sitemaps, api, hot);
            });
    server.start(settings.host(), settings.port());
    LOG.info(
        "Masthead is serving {} on http://{}:{}/ ({})",
        settings.siteName(),
        settings.host().equals("0.0.0.0") ? "localhost" : settings.host(),
        port(),
        database.description());
    return this;
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

  public Publishing publishing() {
    return publishing;
  }

  public NinjsImport importer() {
    return new NinjsImport(publishing, Language.ENGLISH);
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
      if (follower != null) {
        follower.close();
      }
      edition.stopSearch();
      database.close();
    }
  }
}
