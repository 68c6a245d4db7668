package news.masthead.site;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.masthead.content.Art;
import news.masthead.content.Illustration;
import news.masthead.content.InvalidContent;
import news.masthead.content.ItemId;
import news.masthead.content.Language;
import news.masthead.content.Section;
import news.masthead.content.Slug;
import news.masthead.content.SubjectKind;
import news.masthead.media.Darkroom;
import news.masthead.media.Renditions;
import news.masthead.media.Shape;
import news.masthead.web.FeedFormat;
import news.masthead.web.FeedPaths;
import news.masthead.web.HttpError;
import news.masthead.web.Messages;
import news.masthead.web.PublicResponses;
import news.masthead.web.RenderedPage;
import news.masthead.web.ResponseCache;
import news.masthead.workflow.Edition;
import news.masthead.workflow.Views;

/**
 * The public site's handlers. Each reads the request, asks the {@link Edition}, renders a template
 * and sends it with caching headers; non-canonical addresses answer 301 to the canonical one.
 * Thread-safe.
 */
public final class PublicSite {
  private final Edition edition;
  private final Outlet outlet;
  private final Pages pages = new Pages();
  private final ResponseCache cache;
  private final ResponseCache searches;
  private final Stylesheet stylesheet = new Stylesheet();
  private final PolicyTexts policies;

  private final SiteIcons icons;

  public PublicSite(Edition edition, Outlet outlet, ResponseCache cache, SiteIcons icons) {
    this.icons = icons;
    this.edition = edition;
    this.outlet = outlet;
    this.cache = cache;
    // Searches are kept apart, so a flood of different searches never evicts the articles.
    this.searches = cache.sibling(Math.max(1, cache.maxBytes() / 8));
    this.policies = new PolicyTexts(outlet);
  }

  public Outlet outlet() {
    return outlet;
  }

  /** The site's icons and web app manifest. */
  public SiteIcons icons() {
    return icons;
  }

  /** {@code /} and {@code /fa/}: the front page of an edition. */
  public void front(Context ctx, Language language) {
    RenderedPage page =
        cache.get(
            "front:" + language,
            edition.version(),
            () -> {
              Views.FrontPage front = edition.frontPage(language);
              if (front.isEmpty() && !edition.hasAnyItem()) {
                return pages.render(
                    200,
                    "site/empty.jte",
                    Map.of(
                        "frame",
                        frame(
                            language,
                            "",
                            siteDescription(language),
                            Optional.of(outlet.paths().home(language)),
                            List.of())));
              }
              return pages.render(
                  200,
                  "site/front.jte",
                  Map.of(
                      "frame",
                      frame(
                          language,
                          "",
                          siteDescription(language),
                          Optional.of(outlet.paths().home(front.language())),
                          List.of()),
                      "page",
                      front));
            });
    PublicResponses.send(ctx, page, PublicResponses.PAGE_CACHING);
  }

  /** {@code /iran?page=2}: one page of a section front. */
  public void section(Context ctx, Language language) {
    Slug slug = slugParam(ctx, "section");
    int pageNumber = pageNumber(ctx);
    RenderedPage page =
        cache.get(
            "section:" + language + ":" + slug + ":" + pageNumber,
            edition.version(),
            () -> {
              Views.SectionFront front =
                  edition
                      .sectionFront(language, slug, pageNumber)
                      .orElseThrow(() -> new HttpError.NotFound("no such section or page"));
              Section section = front.section();
              String path =
                  outlet.paths().of(section) + (pageNumber > 1 ? "?page=" + pageNumber : "");
              return pages.render(
                  200,
                  "site/section.jte",
                  Map.of(
                      "frame",
                      frame(
                          language,
                          section.name(),
                          outlet
                              .messages(language)
                              .t(
                                  "meta.description.section",
                                  "section",
                                  section.name(),
                                  "site",
                                  outlet.nameIn(language)),
                          Optional.of(path),
                          List.of(),
                          feedsOf(
                              section.name(), f -> FeedPaths.section(outlet.paths(), section, f))),
                      "page",
                      front));
            });
    PublicResponses.send(ctx, page, PublicResponses.PAGE_CACHING);
  }

  /** {@code /iran/42/slug}: a story or brief; other addresses of the same item answer 301. */
  public void item(Context ctx, Language language) {
    ItemId id =
        ItemId.parse(ctx.pathParam("id"))
            .orElseThrow(() -> new HttpError.NotFound("item ids are positive numbers"));
    // Path parameters arrive decoded, so a Persian slug compares as text, not as %-escapes.
    String section = ctx.pathParam("section");
    String slug = ctx.pathParamMap().getOrDefault("slug", "");
    RenderedPage page =
        cache.get(
            "item:" + id + ":" + language + ":" + section + ":" + slug,
            edition.version(),
            () ->
                switch (edition.item(id)) {
                  case Views.ItemLookup.Found found -> {
                    var item = found.page().item();
                    boolean canonical =
                        item.copy().language().equals(language)
                            && item.copy().section().slug().value().equals(section)
                            && item.slug().value().equals(slug);
                    yield canonical
                        ? renderItem(found.page())
                        : RenderedPage.movedTo(outlet.paths().of(item));
                  }
                  case Views.ItemLookup.Gone gone ->
                      pages.render(
                          410,
                          "site/gone.jte",
                          Map.of(
                              "frame",
                              frame(
                                  gone.language(),
                                  outlet.messages(gone.language()).t("error.gone.title"),
                                  siteDescription(gone.language()),
                                  Optional.empty(),
                                  List.of()),
                              "headline",
                              gone.headline(),
                              "notice",
                              gone.notice()));
                  case Views.ItemLookup.Missing missing ->
                      throw new HttpError.NotFound("no published item has the id " + id);
                });
    PublicResponses.send(
        ctx,
        page,
        page.status() == 410 ? PublicResponses.ERROR_CACHING : PublicResponses.PAGE_CACHING);
  }

  /**
   * A revision's page in the public template, as readers would get it once published: for the
   * newsroom's previews, which send it under their own headers (never cached, never indexed).
   */
  public RenderedPage preview(news.masthead.content.Item item) {
    return renderItem(edition.preview(item));
  }

  private RenderedPage renderItem(Views.ItemPage page) {
    var item = page.item();
    Language language = item.copy().language();
    List<Frame.Alternate> alternates = new ArrayList<>();
    for (var translation : page.translations()) {
      alternates.add(
          new Frame.Alternate(
              translation.language(),
              outlet.paths().of(translation),
              outlet.messages(translation.language()).t("language.name")));
    }
    String description =
        item.copy().standfirst().isEmpty()
            ? news.masthead.content.Teaser.of(item.copy().body()).text()
            : item.copy().standfirst();
    Map<String, Object> model = new HashMap<>();
    model.put(
        "frame",
        frame(
            language,
            item.copy().headline(),
            description,
            Optional.of(outlet.paths().of(item)),
            alternates,
            feedsOf(
                item.copy().section().name(),
                f -> FeedPaths.section(outlet.paths(), item.copy().section(), f))));
    Frame frame = (Frame) model.get("frame");
    Optional<Illustration> lead = page.lead();
    Optional<String> image =
        lead.isPresent()
            ? Optional.of(
                outlet.baseUrl()
                    + Renditions.path(lead.get().art(), Shape.SOCIAL, 1200, Darkroom.Format.JPEG))
            : StructuredData.imageOf(item, outlet);
    List<String> images = new ArrayList<>();
    if (lead.isPresent()) {
      for (Shape shape : List.of(Shape.WIDE, Shape.CLASSIC, Shape.SQUARE)) {
        images.add(
            outlet.baseUrl()
                + Renditions.path(
                    lead.get().art(),
                    shape,
                    Renditions.nearest(lead.get().art(), shape, 1200),
                    Darkroom.Format.JPEG));
      }
    } else {
      image.ifPresent(images::add);
    }
    List<Frame.MetaTag> article = new ArrayList<>();
    article.add(Frame.MetaTag.property("og:type", "article"));
    item.firstPublished()
        .ifPresent(
            p -> article.add(Frame.MetaTag.property("article:published_time", p.toString())));
    article.add(Frame.MetaTag.property("article:modified_time", item.updated().toString()));
    article.add(Frame.MetaTag.property("article:section", item.copy().section().name()));
    for (var tag : item.copy().subjects(news.masthead.content.SubjectKind.TAG)) {
      article.add(Frame.MetaTag.property("article:tag", tag.name()));
    }
    image.ifPresent(i -> article.add(Frame.MetaTag.property("og:image", i)));
    lead.ifPresent(
        l -> {
          Art art = l.art();
          article.add(
              Frame.MetaTag.property(
                  "og:image:width", Integer.toString(Renditions.widthAt(art, Shape.SOCIAL, 1200))));
          article.add(
              Frame.MetaTag.property(
                  "og:image:height",
                  Integer.toString(Renditions.heightAt(art, Shape.SOCIAL, 1200))));
          if (!l.alt().isEmpty()) {
            article.add(Frame.MetaTag.property("og:image:alt", l.alt()));
            article.add(Frame.MetaTag.name("twitter:image:alt", l.alt()));
          }
        });
    article.add(
        Frame.MetaTag.name("twitter:card", image.isPresent() ? "summary_large_image" : "summary"));
    article.add(Frame.MetaTag.name("twitter:title", item.copy().headline()));
    article.add(Frame.MetaTag.name("twitter:description", description));
    model.put("frame", frame.withPreview(article, StructuredData.of(item, outlet, images)));
    model.put("page", page);
    return pages.render(200, "site/item.jte", model);
  }

  /**
   * {@code /search?q=…}: the search form, and the results when there are words to search for; 400
   * with the form and the reason when the search or a filter cannot be read or run, 404 for a page
   * past the last of these results, 503 while the index is built.
   */
  public void search(Context ctx, Language language) {
    SearchForm form = SearchForm.read(ctx);
    int pageNumber;
    Views.SearchQuery query;
    try {
      pageNumber = SearchForm.page(ctx);
      query = form.query(language, outlet.editions(), outlet.messages(language).zone(), pageNumber);
    } catch (SearchForm.Unreadable e) { // explained beside the form, as a refused search is
      RenderedPage refused =
          searchPage(
              400, language, form, Optional.of(new Views.SearchOutcome.Refused(e.refusal())));
      PublicResponses.send(ctx, refused, PublicResponses.ERROR_CACHING);
      return;
    }
    RenderedPage page =
        searches.get(
            "search:" + language + ":" + form.queryString(pageNumber),
            edition.version(),
            () -> {
              Optional<Views.SearchOutcome> outcome =
                  form.isEmpty() ? Optional.empty() : Optional.of(edition.search(query));
              int status =
                  outcome
                      .map(
                          o ->
                              switch (o) {
                                case Views.SearchOutcome.Found found ->
                                    found.page().pagination().isPastTheLast()
                                        ? 404 // as past a section's last page
                                        : 200;
                                case Views.SearchOutcome.Refused refused -> 400;
                                case Views.SearchOutcome.NotReady notReady -> 503;
                              })
                      .orElse(200);
              return searchPage(status, language, form, outcome);
            });
    String caching =
        switch (page.status()) {
          case 200 -> PublicResponses.PAGE_CACHING;
          default -> PublicResponses.ERROR_CACHING; // a 503 is sent no-store by send itself
        };
    PublicResponses.send(ctx, page, caching);
  }

  private RenderedPage searchPage(
      int status, Language language, SearchForm form, Optional<Views.SearchOutcome> outcome) {
    Messages messages = outlet.messages(language);
    String title =
        form.isEmpty()
            ? messages.t("search.title")
            : messages.t("search.titleFor", "query", form.q());
    Map<String, Object> model = new HashMap<>();
    // Result pages are for people, not for a search engine's index.
    model.put(
        "frame",
        frame(
                language,
                title,
                messages.t("meta.description.search", "site", outlet.nameIn(language)),
                Optional.empty(),
                List.of())
            .withPreview(List.of(Frame.MetaTag.name("robots", "noindex, follow")), ""));
    model.put("form", form);
    model.put("outcome", outcome);
    return pages.render(status, "site/search.jte", model);
  }

  /** {@code /tag/oil}, {@code /person/…}, {@code /author/…}: one page of a subject's items. */
  public void subject(Context ctx, Language language, SubjectKind kind) {
    Slug slug = slugParam(ctx, "slug");
    int pageNumber = pageNumber(ctx);
    RenderedPage page =
        cache.get(
            "subject:" + language + ":" + kind + ":" + slug + ":" + pageNumber,
            edition.version(),
            () -> {
              Views.SubjectPage subject =
                  edition
                      .subjectPage(language, kind, slug, pageNumber)
                      .orElseThrow(() -> new HttpError.NotFound("nothing is published about this"));
              String path =
                  outlet.paths().of(subject.subject(), language)
                      + (pageNumber > 1 ? "?page=" + pageNumber : "");
              String title =
                  outlet
                      .messages(language)
                      .t("subject.heading." + kind.name(), "name", subject.subject().name());
              return pages.render(
                  200,
                  "site/subject.jte",
                  Map.of(
                      "frame",
                      frame(
                          language,
                          title,
                          outlet
                              .messages(language)
                              .t(
                                  "meta.description.subject",
                                  "title",
                                  title,
                                  "site",
                                  outlet.nameIn(language)),
                          Optional.of(path),
                          List.of(),
                          feedsOf(
                              subject.subject().name(),
                              f ->
                                  FeedPaths.subject(
                                      outlet.paths(), subject.subject(), language, f))),
                      "page",
                      subject));
            });
    PublicResponses.send(ctx, page, PublicResponses.PAGE_CACHING);
  }

  /** {@code /about/corrections} and the other policy pages. */
  public void policy(Context ctx, Language language) {
    Policy policy =
        Policy.fromSlug(ctx.pathParam("policy"))
            .orElseThrow(() -> new HttpError.NotFound("no such page about us"));
    RenderedPage page =
        cache.get(
            "policy:" + language + ":" + policy,
            edition.version(),
            () -> {
              PolicyTexts.Text text = policies.of(policy, language);
              return pages.render(
                  200,
                  "site/policy.jte",
                  Map.of(
                      "frame",
                      frame(
                          language,
                          text.title(),
                          text.paragraphs().isEmpty() ? "" : text.paragraphs().getFirst(),
                          Optional.of(outlet.paths().page(language, policy.path())),
                          List.of()),
                      "text",
                      text));
            });
    PublicResponses.send(ctx, page, PublicResponses.PAGE_CACHING);
  }

  /** The stylesheet or one of its fonts, at its content-addressed path. */
  public void asset(Context ctx) {
    RenderedPage file =
        stylesheet
            .find(ctx.path())
            .orElseThrow(
                () ->
                    new HttpError.NotFound(
                        "no such file; the stylesheet and its fonts change address with their"
                            + " content, so follow the link in a current page"));
    PublicResponses.send(ctx, file, PublicResponses.IMMUTABLE_CACHING);
  }

  /** Renders an error page for an {@link HttpError} or an unexpected failure (500). */
  public void error(Context ctx, int status, String message) {
    Language language = languageOfPath(ctx.path());
    Messages messages = outlet.messages(language);
    String title =
        messages.t(
            switch (status) {
              case 404 -> "error.notFound.title";
              case 410 -> "error.gone.title";
              case 503 -> "error.busy.title";
              default -> status >= 500 ? "error.failed.title" : "error.badRequest.title";
            });
    // Not cached: every bad address is different, and a flood of them must not evict real pages.
    RenderedPage page =
        pages.render(
            status,
            "site/error.jte",
            Map.of(
                "frame",
                frame(language, title, siteDescription(language), Optional.empty(), List.of()),
                "status",
                status,
                "message",
                message));
    PublicResponses.send(ctx, page, status >= 500 ? "no-store" : PublicResponses.ERROR_CACHING);
  }

  /** The outlet's description in an edition, for pages that have none of their own. */
  private String siteDescription(Language language) {
    return outlet.messages(language).t("meta.description", "site", outlet.nameIn(language));
  }

  private Language languageOfPath(String path) {
    return outlet.paths().prefixedEditionOf(path).orElse(outlet.defaultLanguage());
  }

  private Frame frame(
      Language language,
      String title,
      String description,
      Optional<String> canonicalPath,
      List<Frame.Alternate> alternates) {
    return frame(language, title, description, canonicalPath, alternates, List.of());
  }

  /** A page's frame; {@code scopeFeeds} are the feeds of what the page is about, if any. */
  private Frame frame(
      Language language,
      String title,
      String description,
      Optional<String> canonicalPath,
      List<Frame.Alternate> alternates,
      List<Frame.FeedLink> scopeFeeds) {
    List<Frame.FeedLink> feeds = new ArrayList<>(scopeFeeds);
    for (FeedFormat format : FeedFormat.values()) {
      feeds.add(
          new Frame.FeedLink(
              outlet.nameIn(language) + " (" + format.label() + ")",
              FeedPaths.edition(outlet.paths(), language, format),
              format.linkType()));
    }
    List<Frame.Alternate> editions = new ArrayList<>();
    for (Language other : outlet.editions()) {
      if (!other.equals(language) && !edition.sections(other).isEmpty()) {
        editions.add(
            new Frame.Alternate(
                other, outlet.paths().home(other), outlet.messages(other).t("language.name")));
      }
    }
    return new Frame(
        outlet,
        language,
        outlet.messages(language),
        edition.sections(language),
        title,
        description,
        canonicalPath,
        stylesheet.path(),
        alternates,
        editions,
        feeds,
        previewTags(language, title, description, canonicalPath),
        "");
  }

  /** OpenGraph and Twitter tags every page has, so a shared link shows a proper card. */
  private List<Frame.MetaTag> previewTags(
      Language language, String title, String description, Optional<String> canonicalPath) {
    List<Frame.MetaTag> tags = new ArrayList<>();
    tags.add(Frame.MetaTag.property("og:site_name", outlet.nameIn(language)));
    tags.add(Frame.MetaTag.property("og:title", title.isEmpty() ? outlet.nameIn(language) : title));
    tags.add(Frame.MetaTag.property("og:locale", outlet.messages(language).t("meta.ogLocale")));
    canonicalPath.ifPresent(
        path -> tags.add(Frame.MetaTag.property("og:url", outlet.baseUrl() + path)));
    if (!description.isEmpty()) {
      tags.add(Frame.MetaTag.property("og:description", description));
    }
    return tags;
  }

  private static List<Frame.FeedLink> feedsOf(
      String name, java.util.function.Function<FeedFormat, String> path) {
    List<Frame.FeedLink> feeds = new ArrayList<>();
    for (FeedFormat format : FeedFormat.values()) {
      feeds.add(
          new Frame.FeedLink(
              name + " (" + format.label() + ")", path.apply(format), format.linkType()));
    }
    return feeds;
  }

  private static Slug slugParam(Context ctx, String name) {
    try {
      return new Slug(ctx.pathParam(name));
    } catch (InvalidContent e) {
      throw new HttpError.NotFound("no such page");
    }
  }

  /** The {@code page} query parameter: absent means 1; anything but 1 to 500 is refused. */
  private static int pageNumber(Context ctx) {
    String value = ctx.queryParam("page");
    if (value == null) {
      return 1;
    }
    if (!value.matches("[0-9]{1,6}")) {
      throw new HttpError.BadRequest(
          "the page number must be a whole number, not \"" + abbreviate(value) + "\"");
    }
    int number = Integer.parseInt(value);
    if (number < 1) {
      throw new HttpError.BadRequest("page numbers start at 1");
    }
    if (number > Edition.MAX_PAGE) {
      throw new HttpError.NotFound("there is no page " + number);
    }
    return number;
  }

  private static String abbreviate(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
