package news.masthead.site;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.masthead.content.InvalidContent;
import news.masthead.content.Language;
import news.masthead.content.Profile;
import news.masthead.content.SearchRefusal;
import news.masthead.content.SearchRefusal.Problem;
import news.masthead.content.Slug;
import news.masthead.web.Messages;
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
 * @param from a date such as {@code 2026-11-24} or, in the Solar Hijri calendar, {@code
 *     1405/09/03}, or empty
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

  /**
   * The address of a page of these results on the search page {@code action}, keeping every field.
   */
  public String pageLink(String action, int page) {
    return action + "?" + queryString(page);
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

  /** Years before this are Solar Hijri: the Solar Hijri year now is about 1405, Gregorian 2026. */
  private static final int FIRST_GREGORIAN_YEAR = 1700;

  private static final Pattern DAY =
      Pattern.compile("([0-9]{3,4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})");

  /**
   * A date as year, month and day separated by - / or ., in any script's digits: {@code
   * 2026-11-24}, or in the Solar Hijri calendar {@code ۱۴۰۳/۰۹/۱۲} (years before 1700 are Solar
   * Hijri).
   */
  private static Optional<DateRead> read(String field, String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder latin = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      latin.append(Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : c);
    }
    Matcher m = DAY.matcher(latin);
    if (!m.matches()) {
      throw new Unreadable(Problem.BAD_DATE, field, abbreviate(value));
    }
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    try {
      if (year >= FIRST_GREGORIAN_YEAR) {
        return Optional.of(new DateRead(field, value, LocalDate.of(year, month, day), "gregorian"));
      }
      Calendar persian = Calendar.getInstance(TimeZone.GMT_ZONE, new ULocale("@calendar=persian"));
      persian.setLenient(false);
      persian.clear();
      persian.set(year, month - 1, day);
      LocalDate gregorian = LocalDate.ofInstant(persian.getTime().toInstant(), ZoneOffset.UTC);
      return Optional.of(new DateRead(field, value, gregorian, "persian"));
    } catch (DateTimeException | IllegalArgumentException e) {
      throw new Unreadable(Problem.BAD_DATE, field, abbreviate(value));
    }
  }

  private static Optional<LocalDate> date(String field, String value) {
    return read(field, value).map(DateRead::gregorian);
  }

  /**
   * How a date the reader typed was read: the day, and the calendar it was read in.
   *
   * @param field {@code from} or {@code to}
   * @param typed the text as typed
   * @param calendar {@code gregorian} or {@code persian}
   */
  public record DateRead(String field, String typed, LocalDate gregorian, String calendar) {
    /** The day in the calendar it was typed in, in the page's language. */
    public String day(Messages messages) {
      return messages.day(gregorian, calendar);
    }

    /** The day in the Gregorian calendar, in the page's language. */
    public String gregorianDay(Messages messages) {
      return messages.day(gregorian, "gregorian");
    }
  }

  /** The dates of the form that can be read, with how each was read, for the page to say so. */
  public List<DateRead> datesRead() {
    List<DateRead> read = new ArrayList<>();
    for (String[] field : new String[][] {{"from", from}, {"to", to}}) {
      try {
        read(field[0], field[1]).ifPresent(read::add);
      } catch (Unreadable e) {
        // the search itself is refused and says why
      }
    }
    return read;
  }

  /** How a reader of this edition writes a date: {@code 2026-11-24}, {@code ۱۴۰۵/۰۹/۰۳}. */
  public static String example(Messages messages) {
    return messages.dateExample();
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
