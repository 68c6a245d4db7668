package news.masthead.app;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import news.masthead.api.ContentApi;
import news.masthead.content.EditionPaths;
import news.masthead.content.ItemId;
import news.masthead.content.Language;
import news.masthead.content.SubjectKind;
import news.masthead.feeds.Feeds;
import news.masthead.feeds.Sitemaps;
import news.masthead.newsroom.DeskRoom;
import news.masthead.newsroom.MediaRoom;
import news.masthead.newsroom.Newsroom;
import news.masthead.newsroom.Refusal;
import news.masthead.site.PublicSite;
import news.masthead.web.FeedFormat;
import news.masthead.web.FeedPaths;
import news.masthead.web.HotCache;
import news.masthead.web.HttpError;
import news.masthead.web.PublicResponses;
import news.masthead.web.RequestRecording;
import news.masthead.web.SurrogateKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route table: every address Masthead answers, in one place. {@code Main} and the tests both
 * build their server with {@link #register}; no route is registered anywhere else.
 *
 * <p>Editions under a prefix come before the one at the root, so that {@code /fa/iran} is Persian's
 * Iran section, not an item of a section called "fa".
 */
public final class Routes {
  private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

  /** The first segments of the site's own addresses, which no edition's path may take. */
  static final Set<String> OWN_SEGMENTS =
      Stream.concat(
              Stream.of(
                  "api",
                  "assets",
                  "newsroom",
                  "preview",
                  "sitemaps",
                  "healthz",
                  "readyz",
                  "search",
                  "about"),
              Stream.of(SubjectKind.values()).map(SubjectKind::pathWord))
          .collect(Collectors.toUnmodifiableSet());

  private Routes() {}

  public static void register(
      JavalinConfig config,
      PublicSite site,
      Feeds feeds,
      Sitemaps sitemaps,
      ContentApi api,
      HotCache hot,
      Health health,
      Newsroom newsroom) {
    var routes = config.routes;
    var editions = site.outlet().editions();
    String everyEdition = SurrogateKeys.editions(editions);
    Keys all = ctx -> everyEdition;
    routes.before(
        ctx -> {
          PublicResponses.secure(ctx);
          ctx.attribute(PublicResponses.HOT_VERSION, hot.version());
          ctx.attribute(PublicResponses.HOT_CACHE, hot);
        });

    // For load balancers and orchestrators; never cached, never kept.
    read(config, "/healthz", NONE, health::alive);
    read(config, "/favicon.ico", FIXED, site.icons()::icon);
    read(config, "/apple-touch-icon.png", FIXED, site.icons()::icon);
    read(config, "/icons/{file}", FIXED, site.icons()::icon);
    read(config, "/site.webmanifest", FIXED, site.icons()::manifest);
    read(config, "/readyz", NONE, health::ready);

    read(config, "/api/openapi.json", FIXED, api::openApi);
    // Reads of the database or the index take a turn at uncached work once their request is read.
    read(config, "/api/v1/items", all, api.inTurn(api::itemsQuery, api::items));
    read(config, "/api/v1/items/{id}", all, api.inTurn(ContentApi::itemAsk, api::item));
    read(config, "/api/v1/sections", all, api.inTurn(api::language, api::sections));
    read(config, "/api/v1/search", all, api.inTurn(api::searchQuery, api::search));
    for (SubjectKind kind : SubjectKind.values()) {
      read(
          config,
          "/api/v1/" + plural(kind),
          all,
          api.inTurn(api::subjectsAsk, (ctx, ask) -> api.subjects(ctx, kind, ask)));
    }
    read(
        config,
        "/api/*",
        NONE,
        ctx -> {
          throw new HttpError.NotFound("no such API address; /api/openapi.json lists them all");
        });

    read(config, "/robots.txt", FIXED, sitemaps::robots);
    read(config, "/sitemap.xml", all, sitemaps::index);
    read(config, "/sitemaps/pages.xml", all, sitemaps::pages);
    read(config, "/sitemaps/news.xml", all, sitemaps::news);
    read(config, "/sitemaps/{file}", all, sitemaps::items);
    read(config, "/assets/{file}", FIXED, site::asset);

    // The newsroom: never kept, never cached, under its own headers; every change is a POST that
    // the newsroom's door checks (session, role, form token, origin).
    routes.before("/newsroom", newsroom::secure);
    routes.before("/newsroom/*", newsroom::secure);
    read(config, "/newsroom/", NONE, newsroom::home);
    read(config, "/newsroom/assets/{file}", NONE, newsroom::asset);
    read(config, "/newsroom/sign-in", NONE, newsroom::signInPage);
    change(config, "/newsroom/sign-in/options", newsroom::signInOptions);
    change(config, "/newsroom/sign-in", newsroom::signIn);
    change(config, "/newsroom/sign-in/password", newsroom::signInWithPassword);
    change(config, "/newsroom/sign-out", newsroom::signOut);
    read(config, "/newsroom/enrol/{token}", NONE, newsroom::enrolPage);
    change(config, "/newsroom/enrol/{token}/options", newsroom::enrolOptions);
    change(config, "/newsroom/enrol/{token}", newsroom::enrol);
    change(config, "/newsroom/enrol/{token}/password", newsroom::enrolPassword);
    read(config, "/newsroom/confirm", NONE, newsroom::confirmPage);
    change(config, "/newsroom/confirm/options", newsroom::confirmOptions);
    change(config, "/newsroom/confirm", newsroom::confirm);
    change(config, "/newsroom/confirm/password", newsroom::confirmWithPassword);
    read(config, "/newsroom/account", NONE, newsroom::account);
    change(config, "/newsroom/account/passkeys/options", newsroom::addPasskeyOptions);
    change(config, "/newsroom/account/passkeys", newsroom::addPasskey);
    change(config, "/newsroom/account/passkeys/{id}/remove", newsroom::removePasskey);
    change(config, "/newsroom/account/sessions/end", newsroom::endOwnSession);
    change(config, "/newsroom/account/password", newsroom::changePassword);
    read(config, "/newsroom/staff", NONE, newsroom::staffPage);
    change(config, "/newsroom/staff", newsroom::invite);
    change(config, "/newsroom/staff/{id}/{action}", newsroom::changeStaff);
    read(config, "/newsroom/audit", NONE, newsroom::auditLog);
    DeskRoom desk = newsroom.desk();
    read(config, "/newsroom/modules/{module}/<path>", NONE, desk::module);
    read(config, "/newsroom/items/new", NONE, desk::newItem);
    change(config, "/newsroom/items", desk::create);
    change(config, "/newsroom/teaser", desk::teaser);
    read(config, "/newsroom/subjects", NONE, desk::subjects);
    read(config, "/newsroom/items/{id}", NONE, desk::item);
    change(config, "/newsroom/items/{id}", desk::save);
    change(config, "/newsroom/items/{id}/steps/{step}", desk::step);
    change(config, "/newsroom/items/{id}/notes", desk::note);
    read(config, "/newsroom/items/{id}/conflicts/{draft}", NONE, desk::conflict);
    change(config, "/newsroom/items/{id}/conflicts/{draft}", desk::resolve);
    change(config, "/newsroom/items/{id}/conflicts/{draft}/discard", desk::discard);
    read(config, "/newsroom/items/{id}/compare", NONE, desk::compare);
    change(config, "/newsroom/items/{id}/restore", desk::restore);
    read(config, "/newsroom/items/{id}/preview", NONE, desk::preview);
    change(config, "/newsroom/items/{id}/preview-links", desk::sharePreview);
    change(config, "/newsroom/items/{id}/preview-links/revoke", desk::revokePreview);
    read(config, "/preview/{token}", NONE, desk::sharedPreview);
    news.masthead.newsroom.TogetherRoom together = newsroom.together();
    read(config, "/newsroom/items/{id}/together", NONE, together::open);
    change(config, "/newsroom/items/{id}/together/steps", together::steps);
    read(config, "/newsroom/items/{id}/together/steps", NONE, together::poll);
    read(config, "/newsroom/items/{id}/together/events", NONE, together::events);
    change(config, "/newsroom/items/{id}/together/presence", together::presence);
    MediaRoom media = newsroom.media();
    read(config, "/newsroom/media", NONE, media::library);
    change(config, "/newsroom/media", media::upload);
    read(config, "/newsroom/media/{id}", NONE, media::picture);
    change(config, "/newsroom/media/{id}", media::describe);
    read(config, "/media/{key}/{version}/{file}", NONE, media::rendition);
    routes.exception(Refusal.class, (refusal, ctx) -> newsroom.refuse(ctx, refusal));

    // The search pages before the editions' address patterns: the router tries routes in order, and
    // every uncached search would first be tried against some seventy of them. These are exact
    // addresses that the patterns below reach only after the search route anyway (a section
    // called "search" was always shadowed by it), so nothing else changes.
    EditionPaths paths = site.outlet().paths();
    for (Language language : editions) {
      read(config, paths.search(language), edition(language), ctx -> site.search(ctx, language));
    }
    for (FeedFormat format : FeedFormat.values()) {
      read(config, FeedPaths.everything(format), all, ctx -> feeds.everything(ctx, format));
      for (Language language : editions) {
        read(
            config,
            FeedPaths.edition(paths, language, format),
            edition(language),
            ctx -> feeds.edition(ctx, language, format));
      }
    }
    for (Language language : editions) {
      if (!paths.prefix(language).isEmpty()) {
        publicPages(config, site, feeds, paths.prefix(language), language);
      }
    }
    paths
        .atRoot()
        .ifPresentOrElse(
            root -> publicPages(config, site, feeds, "", root),
            () -> {
              // No edition at the root: the site's address leads to the main edition.
              String home = paths.home(editions.getFirst());
              read(config, "/", FIXED, ctx -> ctx.redirect(home, HttpStatus.FOUND));
            });

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
    Keys edition = edition(language);
    Keys section = ctx -> sectionKey(ctx, language);
    Keys item =
        ctx -> {
          String id = ctx.pathParam("id");
          return (id.matches("[0-9]{1,18}")
                  ? SurrogateKeys.item(new ItemId(Long.parseLong(id))) + " "
                  : "")
              + sectionKey(ctx, language);
        };
    read(config, prefix.isEmpty() ? "/" : prefix, edition, ctx -> site.front(ctx, language));
    read(config, prefix + "/about/{policy}", FIXED, ctx -> site.policy(ctx, language));
    for (FeedFormat format : FeedFormat.values()) {
      for (SubjectKind kind : SubjectKind.values()) {
        read(
            config,
            prefix + "/" + kind.pathWord() + "/{slug}/" + format.fileName(),
            edition,
            ctx -> feeds.subject(ctx, language, kind, format));
      }
      read(
          config,
          prefix + "/{section}/" + format.fileName(),
          section,
          ctx -> feeds.section(ctx, language, format));
    }
    for (SubjectKind kind : SubjectKind.values()) {
      read(
          config,
          prefix + "/" + kind.pathWord() + "/{slug}",
          edition,
          ctx -> site.subject(ctx, language, kind));
    }
    read(config, prefix + "/{section}", section, ctx -> site.section(ctx, language));
    read(config, prefix + "/{section}/{id}", item, ctx -> site.item(ctx, language));
    read(config, prefix + "/{section}/{id}/{slug}", item, ctx -> site.item(ctx, language));
  }

  /** What a route's responses show, as surrogate keys for a CDN to purge them by. */
  @FunctionalInterface
  private interface Keys {
    String of(Context ctx);
  }

  private static final Keys NONE = ctx -> "";
  private static final Keys FIXED = ctx -> SurrogateKeys.FIXED;

  private static Keys edition(Language language) {
    String key = SurrogateKeys.edition(language);
    return ctx -> key;
  }

  private static String sectionKey(Context ctx, Language language) {
    return SurrogateKeys.section(language, ctx.pathParam("section"));
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

  /**
   * A readable address: GET, and HEAD with the same headers (the server drops the body). The
   * request is recorded under {@code path}, the route's pattern, and its response names {@code
   * keys}.
   */
  /** A change: POST only, recorded under {@code path}; never kept (only GETs are). */
  private static void change(JavalinConfig config, String path, Handler handler) {
    config.routes.post(
        path,
        ctx -> {
          RequestRecording.route(ctx.req().getAttribute(RequestRecording.routeAttribute()))
              .set(path);
          ctx.attribute(PublicResponses.ROUTE, path);
          handler.handle(ctx);
        });
  }

  private static void read(JavalinConfig config, String path, Keys keys, Handler handler) {
    Handler recorded =
        ctx -> {
          RequestRecording.route(ctx.req().getAttribute(RequestRecording.routeAttribute()))
              .set(path);
          ctx.attribute(PublicResponses.ROUTE, path);
          ctx.attribute(PublicResponses.SURROGATE_KEYS, keys.of(ctx));
          handler.handle(ctx);
        };
    config.routes.get(path, recorded);
    config.routes.head(path, recorded);
  }
}
