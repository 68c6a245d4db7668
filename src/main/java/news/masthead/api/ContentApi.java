package news.masthead.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import news.masthead.content.InvalidContent;
import news.masthead.content.Item;
import news.masthead.content.ItemId;
import news.masthead.content.Language;
import news.masthead.content.Profile;
import news.masthead.content.Section;
import news.masthead.content.Slug;
import news.masthead.content.Status;
import news.masthead.content.SubjectKind;
import news.masthead.web.HttpError;
import news.masthead.web.PublicLinks;
import news.masthead.web.PublicResponses;
import news.masthead.web.RenderedPage;
import news.masthead.web.Turns;
import news.masthead.workflow.Edition;
import news.masthead.workflow.Views;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The content API's handlers. Every answer is JSON with an ETag (a matching If-None-Match gets
 * 304), lists page with an opaque {@code cursor}, and a bad parameter gets a 400 that names it.
 * Thread-safe.
 */
public final class ContentApi {
  /** The media type of ninjs, asked for with {@code Accept} or {@code ?format=ninjs}. */
  public static final String NINJS = "application/ninjs+json";

  static final String JSON_TYPE = "application/json; charset=utf-8";
  static final String API_CACHING = "public, max-age=60, stale-while-revalidate=600";
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final Edition edition;
  private final Turns turns;
  private final PublicLinks links;
  private final List<Language> editions;
  private final RenderedPage openApi;

  /**
   * @param turns the server's turns at uncached work, which API reads take like page renders
   */
  public ContentApi(Edition edition, PublicLinks links, Turns turns) {
    this.edition = edition;
    this.turns = turns;
    this.links = links;
    this.editions = links.paths().editions();
    try (InputStream in = ContentApi.class.getResourceAsStream("/api/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("api/openapi.json is missing from the jar");
      }
      this.openApi =
          RenderedPage.of(
              200,
              JSON_TYPE,
              new String(in.readAllBytes(), StandardCharsets.UTF_8)
                  .replace("{{baseUrl}}", links.baseUrl())
                  .getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code /api/openapi.json}. */
  public void openApi(Context ctx) {
    PublicResponses.send(ctx, openApi, API_CACHING);
  }

  /** What an {@code /api/v1/items} read asks for; a 400 when it cannot be read. */
  public Views.ItemQuery itemsQuery(Context ctx) {
    Language language = language(ctx);
    Optional<SubjectKind> kind = Optional.empty();
    Optional<Slug> subject = Optional.empty();
    for (SubjectKind k : SubjectKind.values()) {
      String value = ctx.queryParam(k.pathWord());
      if (value != null) {
        if (kind.isPresent()) {
          throw new HttpError.BadRequest(
              "filter by one of tag, person, organisation, place or author at a time");
        }
        kind = Optional.of(k);
        subject = Optional.of(slug(k.pathWord(), value));
      }
    }
    return new Views.ItemQuery(
        language,
        Optional.ofNullable(ctx.queryParam("section")).map(v -> slug("section", v)),
        Optional.ofNullable(ctx.queryParam("profile")).map(ContentApi::profile),
        kind,
        subject,
        limit(ctx),
        Optional.ofNullable(ctx.queryParam("cursor")).map(ContentApi::decodeCursor));
  }

  /** {@code /api/v1/items}: published items, newest first, filtered and paged. */
  public void items(Context ctx, Views.ItemQuery query) {
    Views.ItemsPage page = edition.items(query);
    ObjectNode root = ApiJson.JSON.createObjectNode();
    ArrayNode items = root.putArray("items");
    page.items().forEach(item -> items.add(ApiJson.summary(item, links)));
    page.next().ifPresent(next -> root.put("next", encodeCursor(next)));
    send(ctx, root);
  }

  /** What an {@code /api/v1/items/{id}} read asks for: an item, in a format. */
  public record ItemAsk(ItemId id, boolean ninjs) {}

  /** What an {@code /api/v1/items/{id}} read asks for; a 400 when it cannot be read. */
  public static ItemAsk itemAsk(Context ctx) {
    return new ItemAsk(
        ItemId.parse(ctx.pathParam("id"))
            .orElseThrow(() -> new HttpError.BadRequest("an item id is a positive whole number")),
        wantsNinjs(ctx));
  }

  /** {@code /api/v1/items/{id}}: one item, as Masthead JSON or as ninjs. */
  public void item(Context ctx, ItemAsk ask) {
    ItemId id = ask.id();
    Item item =
        edition
            .find(id)
            .filter(
                i ->
                    i.status() instanceof Status.Published
                        || i.status() instanceof Status.Retracted)
            .orElseThrow(() -> new HttpError.NotFound("no published item has the id " + id));
    if (ask.ninjs()) {
      RenderedPage page =
          RenderedPage.of(
              200,
              NINJS + "; charset=utf-8",
              ApiJson.JSON.writeValueAsBytes(NinjsWriter.write(item, links, edition.art(item))));
      PublicResponses.send(ctx, page, API_CACHING, true);
      return;
    }
    if (item.status() instanceof Status.Retracted retracted) {
      throw new Gone(retracted.notice());
    }
    PublicResponses.send(
        ctx,
        RenderedPage.of(
            200,
            JSON_TYPE,
            ApiJson.JSON.writeValueAsBytes(ApiJson.item(item, links, edition.art(item)))),
        API_CACHING,
        true);
  }

  /** {@code /api/v1/sections}: an edition's sections, the busiest first. */
  public void sections(Context ctx, Language language) {
    ObjectNode root = ApiJson.JSON.createObjectNode();
    ArrayNode sections = root.putArray("sections");
    for (Section section : edition.sections(language)) {
      sections.add(ApiJson.section(section, links));
    }
    send(ctx, root);
  }

  /** What an {@code /api/v1/tags}, {@code /api/v1/people}… read asks for. */
  public record SubjectsAsk(Language language, int limit, Optional<Slug> after) {}

  /** What a read of subjects asks for; a 400 when it cannot be read. */
  public SubjectsAsk subjectsAsk(Context ctx) {
    return new SubjectsAsk(
        language(ctx),
        limit(ctx),
        Optional.ofNullable(ctx.queryParam("cursor")).map(c -> slug("cursor", decodeText(c))));
  }

  /** {@code /api/v1/tags}, {@code /api/v1/people}…: an edition's subjects of one kind. */
  public void subjects(Context ctx, SubjectKind kind, SubjectsAsk ask) {
    Language language = ask.language();
    int limit = ask.limit();
    List<Views.SubjectEntry> found = edition.subjects(language, kind, ask.after(), limit + 1);
    ObjectNode root = ApiJson.JSON.createObjectNode();
    ArrayNode array = root.putArray("subjects");
    found.stream()
        .limit(limit)
        .forEach(
            e -> array.add(ApiJson.subject(e.subject(), language, links).put("items", e.items())));
    if (found.size() > limit) {
      root.put("next", encodeText(found.get(limit - 1).subject().slug().value()));
    }
    send(ctx, root);
  }

  /** What an {@code /api/v1/search} read asks for; a 400 when it cannot be read. */
  public Views.SearchQuery searchQuery(Context ctx) {
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      throw new HttpError.BadRequest("q is missing: say what to search for");
    }
    String sort = Optional.ofNullable(ctx.queryParam("sort")).orElse("relevance");
    if (!sort.equals("relevance") && !sort.equals("date")) {
      throw new HttpError.BadRequest("sort must be relevance or date, not \"" + sort + "\"");
    }
    int page =
        Optional.ofNullable(ctx.queryParam("cursor"))
            .map(c -> decodeText(c))
            .map(
                text -> {
                  if (!text.matches("p[1-9][0-9]{0,2}")) {
                    throw new HttpError.BadRequest(
                        "cursor is not one this API gave out; start again without it");
                  }
                  return Integer.parseInt(text.substring(1));
                })
            .orElse(1);
    return new Views.SearchQuery(
        q,
        Optional.of(language(ctx)),
        Optional.ofNullable(ctx.queryParam("section")).map(v -> slug("section", v)),
        Optional.ofNullable(ctx.queryParam("profile")).map(ContentApi::profile),
        Optional.ofNullable(ctx.queryParam("from")).map(v -> day("from", v)),
        Optional.ofNullable(ctx.queryParam("to")).map(v -> day("to", v).plusSeconds(86_400)),
        sort.equals("date"),
        page);
  }

  /** {@code /api/v1/search?q=}: published items matching a search, best or newest first. */
  public void search(Context ctx, Views.SearchQuery query) {
    switch (edition.search(query)) {
      case Views.SearchOutcome.Refused refused -> throw new HttpError.BadRequest(refused.reason());
      case Views.SearchOutcome.NotReady notReady -> {
        ctx.header("Retry-After", "5");
        error(ctx, 503, "the search index is being built; try again in a few seconds");
      }
      case Views.SearchOutcome.Found found -> {
        ObjectNode root = ApiJson.JSON.createObjectNode();
        root.put("total", found.page().total());
        root.put("exact", found.page().exact());
        ArrayNode items = root.putArray("items");
        for (Views.SearchHit hit : found.page().hits()) {
          ObjectNode item = ApiJson.summary(hit.item(), links);
          ArrayNode snippet = item.putArray("snippet");
          hit.snippet()
              .runs()
              .forEach(
                  run -> snippet.addObject().put("text", run.text()).put("marked", run.marked()));
          items.add(item);
        }
        if (found.page().pagination().hasNext()) {
          root.put("next", encodeText("p" + (query.page() + 1)));
        }
        send(ctx, root);
      }
    }
  }

  private static Instant day(String parameter, String value) {
    try {
      return java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new HttpError.BadRequest(
          parameter + " must be a date such as 2026-11-24, not \"" + value + "\"");
    }
  }

  /**
   * A route's handler that reads the database or the index: {@code ask} reads the request at once
   * (a request it cannot read gets its 400 without waiting), then {@code answer} runs in one of the
   * server's turns (like a page render), so that a flood of API reads waits in order and is told
   * the site is busy (503, Retry-After) when no turn frees in time, instead of queueing without
   * bound for the database's few connections.
   */
  public <A> Handler inTurn(Function<Context, A> ask, BiConsumer<Context, A> answer) {
    return ctx -> {
      A asked = ask.apply(ctx);
      Optional<Boolean> answered =
          turns.take(
              () -> {
                answer.accept(ctx, asked);
                return true;
              });
      if (answered.isEmpty()) {
        busy(ctx);
      }
    };
  }

  private static void busy(Context ctx) {
    ctx.header("Retry-After", "5");
    error(ctx, 503, "too many requests at once; try again in a few seconds");
  }

  /** The body of the JSON error for {@code status}, as every failure under {@code /api/} has. */
  public static byte[] errorBody(int status, String message) {
    return ApiJson.error(status, message);
  }

  /** An error as JSON, for every failure under {@code /api/}. */
  public static void error(Context ctx, int status, String message) {
    RenderedPage page = RenderedPage.of(status, JSON_TYPE, errorBody(status, message));
    PublicResponses.send(ctx, page, status >= 500 ? "no-store" : PublicResponses.ERROR_CACHING);
  }

  /** 410: the item was retracted; the message is its notice. */
  public static final class Gone extends RuntimeException {
    Gone(String notice) {
      super(notice.isEmpty() ? "this item was retracted" : "this item was retracted: " + notice);
    }
  }

  private void send(Context ctx, ObjectNode body) {
    PublicResponses.send(
        ctx, RenderedPage.of(200, JSON_TYPE, ApiJson.JSON.writeValueAsBytes(body)), API_CACHING);
  }

  private static boolean wantsNinjs(Context ctx) {
    String format = ctx.queryParam("format");
    if (format != null) {
      return switch (format) {
        case "ninjs" -> true;
        case "json" -> false;
        default ->
            throw new HttpError.BadRequest("format must be json or ninjs, not \"" + format + "\"");
      };
    }
    String accept = ctx.header("Accept");
    return accept != null && accept.contains(NINJS);
  }

  /** The edition a read asks for ({@code language=}, else the first); a 400 for any other. */
  public Language language(Context ctx) {
    String code = ctx.queryParam("language");
    if (code == null) {
      return editions.getFirst();
    }
    for (Language language : editions) {
      if (language.code().equals(code)) {
        return language;
      }
    }
    throw new HttpError.BadRequest(
        "language must be one of "
            + editions.stream().map(Language::code).toList()
            + ", not \""
            + code
            + "\"");
  }

  private static int limit(Context ctx) {
    String value = ctx.queryParam("limit");
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    if (!value.matches("[0-9]{1,3}")
        || Integer.parseInt(value) < 1
        || Integer.parseInt(value) > MAX_LIMIT) {
      throw new HttpError.BadRequest(
          "limit must be a whole number from 1 to " + MAX_LIMIT + ", not \"" + value + "\"");
    }
    return Integer.parseInt(value);
  }

  private static Profile profile(String value) {
    try {
      return Profile.fromCode(value);
    } catch (InvalidContent e) {
      throw new HttpError.BadRequest(e.getMessage());
    }
  }

  private static Slug slug(String parameter, String value) {
    try {
      return new Slug(value);
    } catch (InvalidContent e) {
      throw new HttpError.BadRequest(
          parameter + " must be a slug such as \"iran\", not \"" + value + "\"");
    }
  }

  static String encodeCursor(Views.Cursor cursor) {
    return encodeText("1:" + cursor.firstPublished().toEpochMilli() + ":" + cursor.id().value());
  }

  static Views.Cursor decodeCursor(String cursor) {
    String[] parts = decodeText(cursor).split(":");
    try {
      if (parts.length != 3 || !parts[0].equals("1")) {
        throw new IllegalArgumentException();
      }
      return new Views.Cursor(
          Instant.ofEpochMilli(Long.parseLong(parts[1])), new ItemId(Long.parseLong(parts[2])));
    } catch (RuntimeException e) {
      throw new HttpError.BadRequest("cursor is not one this API gave out; start again without it");
    }
  }

  private static String encodeText(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeText(String text) {
    try {
      return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new HttpError.BadRequest("cursor is not one this API gave out; start again without it");
    }
  }
}
