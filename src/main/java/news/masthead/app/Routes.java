package news.masthead.app;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import news.masthead.api.ContentApi;
import news.masthead.content.Language;
import news.masthead.content.SubjectKind;
import news.masthead.feeds.Feeds;
import news.masthead.feeds.Sitemaps;
import news.masthead.site.PublicSite;
import news.masthead.web.FeedFormat;
import news.masthead.web.FeedPaths;
import news.masthead.web.HotCache;
import news.masthead.web.HttpError;
import news.masthead.web.PublicResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route table: every address Masthead answers, in one place. {@code Main} and the tests both
 * build their server with {@link #register}; no route is registered anywhere else.
 *
 * <p>Editions other than the default come first, so that {@code /fa/iran} is Persian's Iran
 * section, not an item of a section called "fa".
 */
public final class Routes {
  private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

  private Routes() {}

  public static void register(
      JavalinConfig config,
      PublicSite site,
      Feeds feeds,
      Sitemaps sitemaps,
      ContentApi api,
      HotCache hot) {
    var routes = config.routes;
    routes.before(
        ctx -> {
          PublicResponses.secure(ctx);
          ctx.attribute(PublicResponses.HOT_VERSION, hot.version());
          ctx.attribute(PublicResponses.HOT_CACHE, hot);
        });

    read(config, "/api/openapi.json", api::openApi);
    // Reads of the database or the index take a turn at uncached work once their request is read.
    read(config, "/api/v1/items", api.inTurn(api::itemsQuery, api::items));
    read(config, "/api/v1/items/{id}", api.inTurn(ContentApi::itemAsk, api::item));
    read(config, "/api/v1/sections", api.inTurn(api::language, api::sections));
    read(config, "/api/v1/search", api.inTurn(api::searchQuery, api::search));
    for (SubjectKind kind : SubjectKind.values()) {
      read(
          config,
          "/api/v1/" + plural(kind),
          api.inTurn(api::subjectsAsk, (ctx, ask) -> api.subjects(ctx, kind, ask)));
    }
    read(
        config,
        "/api/*",
        ctx -> {
          throw new HttpError.NotFound("no such API address; /api/openapi.json lists them all");
        });

    read(config, "/robots.txt", sitemaps::robots);
    read(config, "/sitemap.xml", sitemaps::index);
    read(config, "/sitemaps/pages.xml", sitemaps::pages);
    read(config, "/sitemaps/news.xml", sitemaps::news);
    read(config, "/sitemaps/{file}", sitemaps::items);
    read(config, "/assets/{file}", site::stylesheet);

    var editions = site.outlet().editions();
    // The search pages before the editions' address patterns: the router tries routes in order, and
    // every uncached search would first be tried against some seventy of them. These are exact
    // addresses that the patterns below reach only after the search route anyway (a section
    // called "search" was always shadowed by it), so nothing else changes.
    for (Language language : editions) {
      String prefix = language.equals(editions.getFirst()) ? "" : language.editionPath();
      read(config, prefix + "/search", ctx -> site.search(ctx, language));
    }
    for (FeedFormat format : FeedFormat.values()) {
      read(config, FeedPaths.everything(format), ctx -> feeds.everything(ctx, format));
      for (Language language : editions) {
        read(
            config,
            FeedPaths.edition(language, format),
            ctx -> feeds.edition(ctx, language, format));
      }
    }
    for (Language language : editions.subList(1, editions.size())) {
      publicPages(config, site, feeds, language.editionPath(), language);
    }
    publicPages(config, site, feeds, "", editions.getFirst());

    routes.exception(
        HttpError.class,
        (error, ctx) -> {
          fail(ctx, site, error.status(), error.getMessage());
        });
    routes.exception(
        ContentApi.Gone.class,
        (gone, ctx) -> {
          ContentApi.error(ctx, 410, gone.getMessage());
        });
    routes.exception(
        Exception.class,
        (error, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), error);
          fail(ctx, site, 500, "The page could not be made just now. Please try again shortly.");
        });
    routes.error(
        405,
        ctx -> fail(ctx, site, 405, "this address can only be read (GET or HEAD), not changed"));
    routes.error(
        404,
        ctx -> {
          // a page already sent (a handler's own 404, an error page) stays; a bare 404 gets ours
          if (!PublicResponses.sent(ctx)) {
            fail(ctx, site, 404, "no such page");
          }
        });
  }

  private static void publicPages(
      JavalinConfig config, PublicSite site, Feeds feeds, String prefix, Language language) {
    read(config, prefix.isEmpty() ? "/" : prefix, ctx -> site.front(ctx, language));
    read(config, prefix + "/about/{policy}", ctx -> site.policy(ctx, language));
    for (FeedFormat format : FeedFormat.values()) {
      for (SubjectKind kind : SubjectKind.values()) {
        read(
            config,
            prefix + "/" + kind.pathWord() + "/{slug}/" + format.fileName(),
            ctx -> feeds.subject(ctx, language, kind, format));
      }
      read(
          config,
          prefix + "/{section}/" + format.fileName(),
          ctx -> feeds.section(ctx, language, format));
    }
    for (SubjectKind kind : SubjectKind.values()) {
      read(
          config,
          prefix + "/" + kind.pathWord() + "/{slug}",
          ctx -> site.subject(ctx, language, kind));
    }
    read(config, prefix + "/{section}", ctx -> site.section(ctx, language));
    read(config, prefix + "/{section}/{id}", ctx -> site.item(ctx, language));
    read(config, prefix + "/{section}/{id}/{slug}", ctx -> site.item(ctx, language));
  }

  /** Errors are JSON under {@code /api/}, and pages everywhere else. */
  private static void fail(Context ctx, PublicSite site, int status, String message) {
    if (ctx.path().startsWith("/api/")) {
      ContentApi.error(ctx, status, message);
    } else {
      site.error(ctx, status, message);
    }
  }

  private static String plural(SubjectKind kind) {
    return switch (kind) {
      case TAG -> "tags";
      case PERSON -> "people";
      case ORGANISATION -> "organisations";
      case PLACE -> "places";
      case AUTHOR -> "authors";
    };
  }

  /** A readable address: GET, and HEAD with the same headers (the server drops the body). */
  private static void read(JavalinConfig config, String path, Handler handler) {
    config.routes.get(path, handler);
    config.routes.head(path, handler);
  }
}
