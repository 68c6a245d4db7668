package news.masthead.site;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import news.masthead.content.InvalidContent;
import news.masthead.content.Language;
import news.masthead.content.Profile;
import news.masthead.content.SearchRefusal;
import news.masthead.content.SearchRefusal.Problem;
import news.masthead.content.Slug;
import news.masthead.workflow.Views;

/**
 * The search form as the reader filled it in: each field as sent (for showing the form again and
 * for the links to other pages of results), read into a {@link Views.SearchQuery} by {@link
 * #query}. Immutable.
 *
 * @param q the words
 * @param section a section's slug, or empty for every section
 * @param type {@code story}, {@code brief}, or empty for both
 * @param language a language code, {@code all}, or empty for the edition's own language
 * @param from a date such as {@code 2026-11-24}, or empty
 * @param to a date such as {@code 2026-11-30}, or empty
 * @param sort {@code date} for newest first, or empty (or {@code relevance}) for best first
 */
public record SearchForm(
    String q, String section, String type, String language, String from, String to, String sort) {

  static SearchForm read(Context ctx) {
    return new SearchForm(
        param(ctx, "q"),
        param(ctx, "section"),
        param(ctx, "type"),
        param(ctx, "language"),
        param(ctx, "from"),
        param(ctx, "to"),
        param(ctx, "sort"));
  }

  private static String param(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null ? "" : value.strip();
  }

  /** Whether the reader has not searched yet: the page shows the form alone. */
  public boolean isEmpty() {
    return q.isEmpty();
  }

  /** Whether any of the filters is set, so the page shows them open. */
  public boolean isNarrowed() {
    return !(section.isEmpty()
        && type.isEmpty()
        && language.isEmpty()
        && from.isEmpty()
        && to.isEmpty()
        && sort.isEmpty());
  }

  /** Whether results come newest first. */
  public boolean newestFirst() {
    return sort.equals("date");
  }

  /** The search page of an edition: {@code /search} or {@code /fa/search}. */
  public static String action(Language edition) {
    return edition.editionPath() + "/search";
  }

  /** The address of a page of these results, keeping every field. */
  public String pageLink(Language edition, int page) {
    return action(edition) + "?" + queryString(page);
  }

  /** The fields that are set, URL-encoded, in a fixed order, with the page when past the first. */
  String queryString(int page) {
    StringBuilder out = new StringBuilder();
    append(out, "q", q);
    append(out, "section", section);
    append(out, "type", type);
    append(out, "language", language);
    append(out, "from", from);
    append(out, "to", to);
    append(out, "sort", sort);
    if (page > 1) {
      append(out, "page", Integer.toString(page));
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String name, String value) {
    if (!value.isEmpty()) {
      if (!out.isEmpty()) {
        out.append('&');
      }
      out.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }

  /**
   * The search this form asks for, in an edition, with dates read in the outlet's time zone.
   *
   * @throws Unreadable naming the field that cannot be read and what it accepts
   */
  Views.SearchQuery query(Language edition, List<Language> editions, ZoneId zone, int page) {
    Optional<Slug> sectionSlug = Optional.empty();
    if (!section.isEmpty()) {
      try {
        sectionSlug = Optional.of(new Slug(section));
      } catch (InvalidContent e) {
        throw new Unreadable(Problem.BAD_SECTION, abbreviate(section));
      }
    }
    Optional<Profile> profile =
        switch (type) {
          case "" -> Optional.empty();
          case "story" -> Optional.of(Profile.STORY);
          case "brief" -> Optional.of(Profile.BRIEF);
          default -> throw new Unreadable(Problem.BAD_TYPE, abbreviate(type));
        };
    Optional<Language> searched =
        switch (language) {
          case "" -> Optional.of(edition);
          case "all" -> Optional.empty();
          default ->
              editions.stream()
                  .filter(l -> l.code().equals(language))
                  .findFirst()
                  .map(Optional::of)
                  .orElseThrow(
                      () ->
                          new Unreadable(
                              Problem.BAD_LANGUAGE,
                              String.join(", ", editions.stream().map(Language::code).toList()),
                              abbreviate(language)));
        };
    Optional<LocalDate> fromDate = date("from", from);
    Optional<LocalDate> toDate = date("to", to);
    if (fromDate.isPresent() && toDate.isPresent() && fromDate.get().isAfter(toDate.get())) {
      throw new Unreadable(Problem.DATES_REVERSED, from, to);
    }
    if (!sort.isEmpty() && !sort.equals("date") && !sort.equals("relevance")) {
      throw new Unreadable(Problem.BAD_ORDER, abbreviate(sort));
    }
    Optional<Instant> fromInstant = fromDate.map(d -> d.atStartOfDay(zone).toInstant());
    Optional<Instant> toInstant = toDate.map(d -> d.plusDays(1).atStartOfDay(zone).toInstant());
    return new Views.SearchQuery(
        q, searched, sectionSlug, profile, fromInstant, toInstant, newestFirst(), page);
  }

  /** A date as yyyy-mm-dd, in any script's digits (۲۰۲۶-۱۱-۲۴ reads as 2026-11-24). */
  private static Optional<LocalDate> date(String field, String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder latin = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      latin.append(Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : c);
    }
    try {
      return Optional.of(LocalDate.parse(latin));
    } catch (DateTimeException e) {
      throw new Unreadable(Problem.BAD_DATE, field, abbreviate(value));
    }
  }

  /**
   * The page number: absent means 1.
   *
   * @throws Unreadable for anything but a whole number from 1
   */
  static int page(Context ctx) {
    String value = ctx.queryParam("page");
    if (value == null || value.isEmpty()) {
      return 1;
    }
    if (!value.matches("[0-9]{1,6}") || Integer.parseInt(value) < 1) {
      throw new Unreadable(Problem.BAD_PAGE_NUMBER, abbreviate(value));
    }
    return Integer.parseInt(value); // the deepest page any search has is the edition's to say
  }

  private static String abbreviate(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }

  /**
   * A form field that cannot be read: the refusal names it and what it accepts, for the search page
   * to explain in the reader's language beside the form.
   */
  static final class Unreadable extends RuntimeException {
    private final SearchRefusal refusal;

    Unreadable(Problem problem, Object... details) {
      this(SearchRefusal.of(problem, details));
    }

    private Unreadable(SearchRefusal refusal) {
      super(refusal.english());
      this.refusal = refusal;
    }

    SearchRefusal refusal() {
      return refusal;
    }
  }
}
