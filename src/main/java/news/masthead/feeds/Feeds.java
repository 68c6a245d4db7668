package news.masthead.feeds;

import io.javalin.http.Context;
import java.util.Optional;
import news.masthead.content.EditionPaths;
import news.masthead.content.InvalidContent;
import news.masthead.content.Language;
import news.masthead.content.Slug;
import news.masthead.content.SubjectKind;
import news.masthead.web.FeedFormat;
import news.masthead.web.FeedPaths;
import news.masthead.web.HttpError;
import news.masthead.web.PublicLinks;
import news.masthead.web.PublicResponses;
import news.masthead.web.RenderedPage;
import news.masthead.web.ResponseCache;
import news.masthead.workflow.Edition;
import news.masthead.workflow.Views;

/**
 * The feed handlers: each finds its feed through the {@link Edition}, writes it in the format asked
 * for, and sends it with caching headers. Rendered feeds are kept until the next change.
 * Thread-safe.
 */
public final class Feeds {
  private final Edition edition;
  private final ResponseCache cache;
  private final FeedDocuments documents;
  private final String siteName;
  private final EditionPaths paths;

  /**
   * @param words the words of each language, for what feeds say around an item's own text (the
   *     heading of its corrections)
   */
  public Feeds(
      Edition edition,
      ResponseCache cache,
      PublicLinks links,
      String siteName,
      java.util.function.Function<news.masthead.content.Language, news.masthead.web.Messages>
          words) {
    this.edition = edition;
    this.cache = cache;
    this.documents = new FeedDocuments(links, words, siteName);
    this.paths = links.paths();
    this.siteName = siteName;
  }

  /** {@code /feed.xml}: everything, every edition. */
  public void everything(Context ctx, FeedFormat format) {
    send(
        ctx,
        "feed:all:" + format,
        format,
        () ->
            Optional.of(
                new Prepared(
                    edition.feed(),
                    new FeedDocuments.Heading(
                        siteName,
                        "Every story and brief from " + siteName,
                        "/",
                        FeedPaths.everything(format),
                        ""))));
  }

  /** {@code /en/feed.xml}, {@code /fa/feed.xml}: one edition ({@link FeedPaths#edition}). */
  public void edition(Context ctx, Language language, FeedFormat format) {
    send(
        ctx,
        "feed:" + language + ":" + format,
        format,
        () ->
            Optional.of(
                new Prepared(
                    edition.feed(language),
                    new FeedDocuments.Heading(
                        siteName + " (" + language.code() + ")",
                        "Every story and brief in this edition of " + siteName,
                        paths.home(language),
                        FeedPaths.edition(paths, language, format),
                        language.code()))));
  }

  /** {@code /iran/feed.xml}: one section. */
  public void section(Context ctx, Language language, FeedFormat format) {
    Slug slug = slug(ctx.pathParam("section"));
    send(
        ctx,
        "feed:" + language + ":section:" + slug + ":" + format,
        format,
        () ->
            edition
                .sectionFeed(language, slug)
                .map(
                    feed -> {
                      var section = feed.scope().section().orElseThrow();
                      return new Prepared(
                          feed,
                          new FeedDocuments.Heading(
                              section.name() + " | " + siteName,
                              "The newest from " + section.name() + " at " + siteName,
                              paths.of(section),
                              FeedPaths.section(paths, section, format),
                              language.code()));
                    }));
  }

  /** {@code /tag/oil/feed.xml}, {@code /author/…/atom.xml}: one subject. */
  public void subject(Context ctx, Language language, SubjectKind kind, FeedFormat format) {
    Slug slug = slug(ctx.pathParam("slug"));
    send(
        ctx,
        "feed:" + language + ":" + kind + ":" + slug + ":" + format,
        format,
        () ->
            edition
                .subjectFeed(language, kind, slug)
                .map(
                    feed -> {
                      var subject = feed.scope().subject().orElseThrow();
                      return new Prepared(
                          feed,
                          new FeedDocuments.Heading(
                              subject.name() + " | " + siteName,
                              "The newest about " + subject.name() + " at " + siteName,
                              paths.of(subject, language),
                              FeedPaths.subject(paths, subject, language, format),
                              language.code()));
                    }));
  }

  private record Prepared(Views.Feed feed, FeedDocuments.Heading heading) {}

  private void send(
      Context ctx,
      String key,
      FeedFormat format,
      java.util.function.Supplier<Optional<Prepared>> prepare) {
    RenderedPage page =
        cache.get(
            key,
            edition.version(),
            () -> {
              Prepared prepared =
                  prepare.get().orElseThrow(() -> new HttpError.NotFound("no such feed"));
              return RenderedPage.of(
                  200,
                  format.mediaType(),
                  documents.write(prepared.feed(), prepared.heading(), format));
            });
    PublicResponses.send(ctx, page, PublicResponses.PAGE_CACHING);
  }

  private static Slug slug(String value) {
    try {
      return new Slug(value);
    } catch (InvalidContent e) {
      throw new HttpError.NotFound("no such feed");
    }
  }
}
