package news.masthead.app;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import news.masthead.content.Language;
import news.masthead.content.SubjectKind;
import news.masthead.site.PublicSite;
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
  private static final String RENDERED = "masthead.error-rendered";

  private Routes() {}

  public static void register(JavalinConfig config, PublicSite site) {
    var routes = config.routes;
    routes.before(PublicResponses::secure);

    read(config, "/robots.txt", site::robots);
    read(config, "/assets/{file}", site::stylesheet);

    var editions = site.outlet().editions();
    for (Language language : editions.subList(1, editions.size())) {
      publicPages(config, site, language.editionPath(), language);
    }
    publicPages(config, site, "", editions.getFirst());

    routes.exception(
        HttpError.class,
        (error, ctx) -> {
          ctx.attribute(RENDERED, true);
          site.error(ctx, error.status(), error.getMessage());
        });
    routes.exception(
        Exception.class,
        (error, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), error);
          ctx.attribute(RENDERED, true);
          site.error(ctx, 500, "The page could not be made just now. Please try again shortly.");
        });
    routes.error(
        405,
        ctx -> site.error(ctx, 405, "this address can only be read (GET or HEAD), not changed"));
    routes.error(
        404,
        ctx -> {
          if (ctx.attribute(RENDERED) == null) {
            site.error(ctx, 404, "no such page");
          }
        });
  }

  private static void publicPages(
      JavalinConfig config, PublicSite site, String prefix, Language language) {
    read(config, prefix.isEmpty() ? "/" : prefix, ctx -> site.front(ctx, language));
    read(config, prefix + "/search", ctx -> site.search(ctx, language));
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

  /** A readable address: GET, and HEAD with the same headers (the server drops the body). */
  private static void read(JavalinConfig config, String path, Handler handler) {
    config.routes.get(path, handler);
    config.routes.head(path, handler);
  }
}
