package news.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import news.masthead.app.Masthead;
import news.masthead.app.Settings;
import news.masthead.ingest.ImportProgress;
import news.masthead.testing.Copies;
import news.masthead.testing.RunningSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /search} and {@code /fa/search} over real HTTP, on a real server with the demo outlet. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPagesTest {
  Masthead masthead;
  HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  void start(@TempDir Path data) throws IOException, InterruptedException {
    masthead = Masthead.open(Settings.defaults(data, 0)).serve();
    Path demo = data.resolve("demo.jsonl");
    try (var in = SearchPagesTest.class.getResourceAsStream("/demo/demo.ninjs.jsonl")) {
      Files.write(demo, in.readAllBytes());
    }
    masthead.importer().importFiles(List.of(demo), ImportProgress.SILENT);
    masthead
        .publishing()
        .save(
            Copies.published(
                "urn:test:hostile",
                Copies.brief(
                    "<script>alert(1)</script> Saffron & \"co\"",
                    "Iran",
                    "The <b>saffron</b> harvest <img src=x onerror=alert(2)> doubled."),
                "2026-11-24T09:00:00Z"));
    long deadline = System.currentTimeMillis() + 10_000;
    while (get("/search?q=x").statusCode() == 503 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20); // the index opens in the background as the server starts
    }
    for (int i = 1; i <= 25; i++) {
      masthead
          .publishing()
          .save(
              Copies.published(
                  "urn:test:paged:" + i,
                  Copies.brief("Pistachio report " + i, "Paged", "Pistachio growers, part " + i),
                  "2026-10-%02dT10:00:00Z".formatted(i)));
    }
  }

  @AfterAll
  void stop() {
    masthead.close();
  }

  HttpResponse<String> get(String pathAndQuery, String... headers) {
    return RunningSite.of(masthead).get(pathAndQuery, headers);
  }

  /** {@code /search?q=…&…}: each pair a name and its value, encoded as a browser encodes them. */
  HttpResponse<String> search(String path, String... params) {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < params.length; i += 2) {
      query.append(query.isEmpty() ? "?" : "&");
      query
          .append(params[i])
          .append('=')
          .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    return get(path + query);
  }

  static List<String> headlines(String html) {
    return Pattern.compile("<h2><a href=\"[^\"]+\">(.*?)</a></h2>")
        .matcher(html)
        .results()
        .map(m -> m.group(1).replace("<mark>", "").replace("</mark>", ""))
        .toList();
  }

  @Test
  void an_empty_search_shows_the_form_and_no_results() {
    HttpResponse<String> page = get("/search");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<form class=\"search-form\" action=\"/search\" method=\"get\" role=\"search\">")
        .contains("name=\"q\" value=\"\"")
        .doesNotContain("class=\"results\"")
        .doesNotContain("result-count");
    assertThat(page.headers().firstValue("Cache-Control"))
        .contains(news.masthead.web.PublicResponses.PAGE_CACHING);
  }

  @Test
  void every_page_links_to_the_search_page_of_its_edition() {
    assertThat(get("/").body()).contains("<a class=\"search-link\" href=\"/search\">Search</a>");
    assertThat(get("/fa/").body())
        .contains("<a class=\"search-link\" href=\"/fa/search\">جستجو</a>");
  }

  @Test
  void a_search_lists_matching_items_with_the_matched_words_marked() {
    HttpResponse<String> page = search("/search", "q", "reservoirs");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<p class=\"result-count\" role=\"status\">1 result</p>")
        .containsPattern(
            "<h2><a href=\"/iran/\\d+/tehran-suburbs-face[^\"]*\">Tehran suburbs face nightly water"
                + " cuts as <mark>reservoirs</mark>")
        .containsPattern("<p class=\"snippet\">[^<]*<mark>reservoirs</mark>")
        .containsPattern(
            "<p class=\"meta\"><a href=\"/iran\">Iran</a> · <time datetime=\"2026-11-23T07:40:00Z\">")
        .contains("<title>Search: reservoirs | Masthead</title>");
  }

  @Test
  void a_stored_headline_with_markup_comes_back_escaped_with_only_the_marks_as_tags() {
    String html = search("/search", "q", "saffron").body();

    assertThat(html)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; <mark>Saffron</mark> &amp; \"co\"")
        .contains("The &lt;b&gt;<mark>saffron</mark>&lt;/b&gt; harvest &lt;img src=x")
        .doesNotContain("<script>")
        .doesNotContain("<img src=x")
        .doesNotContain("<b>");
  }

  @Test
  void the_search_box_shows_the_words_searched_for_escaped() {
    String html = search("/search", "q", "\"><script>x</script>").body();

    assertThat(html).contains("name=\"q\" value=\"&#34;").doesNotContain("<script>x");
  }

  @Test
  void a_search_can_be_narrowed_to_a_section_a_type_and_dates() {
    assertThat(headlines(search("/search", "q", "basra").body())).hasSize(2);
    assertThat(
            headlines(search("/search", "q", "basra", "section", "iraq", "type", "brief").body()))
        .containsExactly("Schools in Basra shorten day as late heat persists");
    assertThat(headlines(search("/search", "q", "basra", "type", "story").body()))
        .containsExactly(
            "Basra power cuts ease after emergency repairs to the main transmission line");
    assertThat(
            headlines(
                search("/search", "q", "basra", "from", "2026-11-21", "to", "2026-11-23").body()))
        .containsExactly(
            "Basra power cuts ease after emergency repairs to the main transmission line");
    assertThat(headlines(search("/search", "q", "basra", "section", "economy").body())).isEmpty();
  }

  @Test
  void the_filters_the_reader_chose_are_shown_chosen() {
    String html =
        search("/search", "q", "basra", "section", "iraq", "type", "brief", "sort", "date").body();

    assertThat(html)
        .contains("<details class=\"filters\" open>")
        .contains("<option value=\"iraq\" selected>Iraq</option>")
        .contains("<option value=\"brief\" selected>Briefs</option>")
        .contains("<option value=\"date\" selected>Newest first</option>");
  }

  @Test
  void results_come_best_first_or_newest_first() {
    List<String> newest = headlines(search("/search", "q", "tehran", "sort", "date").body());

    assertThat(newest).hasSizeGreaterThan(3);
    assertThat(newest.getFirst()).isEqualTo("Gold coin prices jump as savers seek a hedge");
    assertThat(headlines(search("/search", "q", "tehran").body()))
        .containsExactlyInAnyOrderElementsOf(newest);
  }

  @Test
  void results_are_paged_ten_at_a_time_with_links_that_keep_the_search() {
    String first = search("/search", "q", "pistachio", "sort", "date").body();
    String third = search("/search", "q", "pistachio", "sort", "date", "page", "3").body();

    assertThat(first).contains("25 results").contains("Page 1 of 3");
    assertThat(headlines(first)).hasSize(10).startsWith("Pistachio report 25");
    assertThat(first)
        .contains("<a rel=\"next\" href=\"/search?q=pistachio&amp;sort=date&amp;page=2\">");
    assertThat(headlines(third)).hasSize(5).endsWith("Pistachio report 1");
    assertThat(third)
        .contains("<ol class=\"results\" start=\"21\">")
        .contains("<a rel=\"prev\" href=\"/search?q=pistachio&amp;sort=date&amp;page=2\">");
  }

  @Test
  void a_page_past_the_last_of_the_results_is_a_404_naming_the_pages_there_are() {
    HttpResponse<String> fourth = search("/search", "q", "pistachio", "sort", "date", "page", "4");

    assertThat(fourth.statusCode()).isEqualTo(404);
    assertThat(fourth.body()).contains("pages 1 to 3, not 4").doesNotContain("class=\"results\"");
  }

  @Test
  void the_persian_edition_searches_persian_items_with_its_letters_and_digits_equal() {
    HttpResponse<String> page = search("/fa/search", "q", "كرمان");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<html lang=\"fa\" dir=\"rtl\">")
        .contains("<form class=\"search-form\" action=\"/fa/search\"")
        .contains("<mark>کرمان</mark>")
        .contains("۱ نتیجه");
    assertThat(headlines(page.body())).containsExactly("زمین‌لرزهٔ ۴٫۹ ریشتری در استان کرمان");
    assertThat(headlines(search("/fa/search", "q", "زمینلرزه").body())).hasSize(1);
    assertThat(headlines(search("/fa/search", "q", "18 ساعت").body()))
        .containsExactly("برق بصره پس از تعمیر خط انتقال اصلی بهتر شد");
  }

  @Test
  void an_edition_searches_its_own_language_unless_asked_for_every_language() {
    assertThat(headlines(search("/search", "q", "بصره").body())).isEmpty();
    assertThat(headlines(search("/search", "q", "بصره", "language", "all").body()))
        .containsExactly("برق بصره پس از تعمیر خط انتقال اصلی بهتر شد");
    assertThat(search("/search", "q", "بصره", "language", "fa").body())
        .contains("<li class=\"result\" lang=\"fa\" dir=\"rtl\">");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "*oil|A word cannot begin with *",
        "oil \"exports|opens a quotation mark and never closes it",
        "(oil OR gas|opens a parenthesis and never closes it",
        "oil~2|Fuzzy matching",
        "/o.*l/|Regular expressions",
        "oil AND|could not be understood"
      })
  void a_search_that_cannot_run_gets_a_400_page_naming_the_problem(String q, String problem) {
    long start = System.nanoTime();
    HttpResponse<String> page = search("/search", "q", q);

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body())
        .contains("<h2>This search could not be run</h2>")
        .contains(escaped(problem))
        .contains("<form class=\"search-form\"");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
  }

  @Test
  void the_persian_edition_explains_a_refused_search_in_persian_with_persian_digits() {
    HttpResponse<String> star = search("/fa/search", "q", "*نفت");
    HttpResponse<String> huge =
        search(
            "/fa/search",
            "q",
            IntStream.range(0, 60).mapToObj(n -> "و" + n % 10).collect(Collectors.joining(" ")));

    assertThat(star.statusCode()).isEqualTo(400);
    assertThat(star.body())
        .contains("<h2>این جستجو انجام نشد</h2>")
        .contains("واژه نمی‌تواند با * آغاز شود («*نفت»)")
        .doesNotContain("cannot begin");
    assertThat(huge.statusCode()).isEqualTo(400);
    assertThat(huge.body()).contains("این جستجو ۶۰ واژه دارد و هر بار حداکثر ۵۰ واژه");
  }

  @Test
  void a_form_field_refused_on_a_persian_page_is_explained_in_persian_beside_the_form() {
    HttpResponse<String> type = get("/fa/search?q=oil&type=video");
    HttpResponse<String> deep = get("/fa/search?q=oil&page=101");

    assertThat(type.statusCode()).isEqualTo(400);
    assertThat(type.body())
        .contains("<html lang=\"fa\" dir=\"rtl\"")
        .contains("<h2>این جستجو انجام نشد</h2>")
        .contains("نوع باید story (گزارش) یا brief (خبر کوتاه) باشد، نه «video».")
        .contains("name=\"q\" value=\"oil\"")
        .doesNotContain("must be");
    assertThat(deep.statusCode()).isEqualTo(400);
    assertThat(deep.body()).contains("نتایج جستجو حداکثر ۱۰۰ صفحه دارد، نه ۱۰۱.");
  }

  @Test
  void an_address_longer_than_the_server_reads_gets_a_414_page_saying_so_in_both_languages() {
    HttpResponse<String> page = search("/fa/search", "q", "نفت ".repeat(2_000));

    assertThat(page.statusCode()).isEqualTo(414);
    assertThat(page.body())
        .contains("<h1>This address is too long</h1>")
        .contains("shorten it to the words that matter most")
        .contains("این نشانی بیش از اندازه بلند است");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValue(
            "default-src 'none'; style-src 'self'; img-src 'self' https: data:; font-src 'self'; manifest-src 'self';"
                + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("public, max-age=30");
  }

  @Test
  void a_huge_search_gets_a_400_page_quickly() {
    String thousands =
        IntStream.range(0, 2000)
            .mapToObj(n -> String.valueOf((char) ('a' + n % 26)))
            .collect(Collectors.joining(" "));
    String long_ = "x".repeat(3000);

    long start = System.nanoTime();
    HttpResponse<String> words = search("/search", "q", thousands);
    HttpResponse<String> chars = search("/search", "q", long_);

    assertThat(words.statusCode()).isEqualTo(400);
    assertThat(words.body()).contains("The search has 2,000 words, and at most 50");
    assertThat(chars.statusCode()).isEqualTo(400);
    assertThat(chars.body()).contains("The search is 3,000 characters long");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "type=video|The type must be story or brief, not",
        "from=yesterday|The from date must be a date such as 2026-11-24 (or, in the Solar Hijri calendar, 1403/09/12), not",
        "from=2026-11-25&to=2026-11-01|is after the to date",
        "sort=random|The order must be relevance or date",
        "language=xx|The language must be one of en, fa or all",
        "page=0|The page number must be a whole number from 1",
        "page=101|Search results have at most 100 pages, not 101.",
        "section=Not%20A%20Slug|The section must be"
      })
  void a_form_field_that_cannot_be_read_gets_a_400_naming_it_beside_the_form(
      String query, String problem) {
    HttpResponse<String> page = get("/search?q=oil&" + query);

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains(escaped(problem)).contains("<form class=\"search-form\"");
  }

  @Test
  void dates_written_in_persian_digits_narrow_a_search_as_latin_digits_do() {
    String metro = "سه ایستگاه تازهٔ متروی غرب تهران افتتاح شد"; // first published 21 November
    String rial = "ریال به پایین‌ترین سطح تاریخی رسید"; // 22 November
    String water = "قطع شبانهٔ آب در حومهٔ جنوبی تهران با پایین‌ترین سطح ذخایر سدها"; // 23 November
    assertThat(headlines(search("/fa/search", "q", "تهران").body()))
        .as("the Persian items on Tehran, before narrowing")
        .containsExactlyInAnyOrder(metro, rial, water);

    HttpResponse<String> from = search("/fa/search", "q", "تهران", "from", "۲۰۲۶-۱۱-۲۳");

    assertThat(from.statusCode()).isEqualTo(200);
    assertThat(headlines(from.body())).as("from 23 November").containsExactly(water);
    assertThat(headlines(search("/fa/search", "q", "تهران", "to", "۲۰۲۶-۱۱-۲۱").body()))
        .as("up to 21 November")
        .containsExactly(metro);
    assertThat(
            headlines(
                search("/fa/search", "q", "تهران", "from", "۲۰۲۶-۱۱-۲۲", "to", "۲۰۲۶-۱۱-۲۲")
                    .body()))
        .as("on 22 November")
        .containsExactly(rial)
        .isEqualTo(
            headlines(
                search("/fa/search", "q", "تهران", "from", "2026-11-22", "to", "2026-11-22")
                    .body()));
  }

  @Test
  void search_pages_carry_an_etag_and_answer_304_when_unchanged() {
    HttpResponse<String> first = search("/search", "q", "gold");
    String etag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> again = get("/search?q=gold", "If-None-Match", etag);

    assertThat(again.statusCode()).isEqualTo(304);
  }

  @Test
  void a_story_page_lists_related_stories_that_its_brief_rail_does_not_already_show() {
    String html = get(firstResultPath("reservoirs")).body();
    String rail = html.substring(html.indexOf("<aside class=\"rail\""));
    rail = rail.substring(0, rail.indexOf("</aside>"));
    String related = html.substring(html.indexOf("<section class=\"related\""));
    related = related.substring(0, related.indexOf("</section>"));
    Pattern link = Pattern.compile("href=\"([^\"]+)\"");
    List<String> inRail = link.matcher(rail).results().map(m -> m.group(1)).toList();
    List<String> inRelated = link.matcher(related).results().map(m -> m.group(1)).toList();

    assertThat(html).contains("<h2 id=\"related\">Related</h2>");
    assertThat(inRail).isNotEmpty();
    assertThat(inRelated).isNotEmpty().doesNotContainAnyElementsOf(inRail);
  }

  @Test
  void search_pages_ask_not_to_be_indexed_and_describe_themselves() {
    String html = search("/search", "q", "gold").body();

    assertThat(html)
        .contains("<meta name=\"robots\" content=\"noindex, follow\">")
        .contains("<meta name=\"description\" content=\"Search every story and brief");
  }

  String firstResultPath(String q) {
    var m = Pattern.compile("<h2><a href=\"([^\"]+)\">").matcher(search("/search", "q", q).body());
    assertThat(m.find()).isTrue();
    return URI.create(m.group(1)).toASCIIString();
  }

  static String escaped(String text) {
    return text.replace("&", "&amp;")
        .replace("\"", "&#34;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }
}
