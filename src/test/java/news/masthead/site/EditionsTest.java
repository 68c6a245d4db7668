package news.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.masthead.ingest.ImportProgress;
import news.masthead.testing.RunningSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Editions as settings: a third edition (Arabic) added with a settings entry and a small message
 * file, the Persian edition's words, digits, calendars and policy pages, and an English edition
 * that gives the Solar Hijri day beside the Gregorian one.
 */
class EditionsTest {
  @TempDir static Path data;
  static RunningSite site;

  @BeforeAll
  static void start() throws IOException {
    Path messages = Files.createDirectories(data.resolve("messages"));
    Files.writeString(
        messages.resolve("ar.properties"),
        """
        language.name=العربية
        meta.ogLocale=ar
        nav.skip=انتقل إلى المحتوى
        nav.search=بحث
        rail.more=المزيد
        rail.sectionInBrief=موجز {section}
        error.notFound.title=الصفحة غير موجودة
        """,
        StandardCharsets.UTF_8);
    Files.createDirectories(data.resolve("policies/fa"));
    Files.writeString(
        data.resolve("policies/fa/ethics.txt"),
        "اصول اخلاقی ما\n\nما آنچه را می‌دانیم و چگونه دانستیم می‌گوییم.\n",
        StandardCharsets.UTF_8);
    site =
        RunningSite.withDemo(
            data,
            Map.of(
                "editions", "en,fa,ar",
                "edition.ar.name", "مستهد",
                "edition.ar.time.zone", "Asia/Baghdad",
                "edition.en.calendar.beside", "persian",
                "edition.fa.in.brief", "کوتاه از {section}",
                "time.zone", "Asia/Tehran"));
    Path arabic =
        Files.writeString(
            data.resolve("arabic.jsonl"),
            """
            {"uri":"urn:test:ar-1","profile":"story","language":"ar","pubStatus":"usable",\
            "firstCreated":"2026-11-24T08:00:00Z","versionCreated":"2026-11-24T08:00:00Z",\
            "headlines":[{"value":"انخفاض منسوب المياه في دجلة"}],\
            "bodies":[{"contentType":"text/html","value":"<p>قالت وزارة الموارد المائية إن منسوب النهر انخفض.</p>"}],\
            "subjects":[{"name":"العراق","rel":"section"}],"by":"مراسلنا"}
            {"uri":"urn:test:ar-2","profile":"brief","language":"ar","pubStatus":"usable",\
            "firstCreated":"2026-11-24T09:00:00Z","versionCreated":"2026-11-24T09:00:00Z",\
            "headlines":[{"value":"موجز"}],\
            "bodies":[{"contentType":"text/html","value":"<p>افتتح جسر جديد في الموصل صباح اليوم بعد ثلاث سنوات من العمل.</p>"}],\
            "subjects":[{"name":"العراق","rel":"section"}]}
            {"uri":"urn:test:fa-mixed","profile":"story","language":"fa","pubStatus":"usable",\
            "firstCreated":"2026-11-24T10:00:00Z","versionCreated":"2026-11-24T10:00:00Z",\
            "headlines":[{"value":"گزارشی با نقل قول انگلیسی"}],\
            "bodies":[{"contentType":"text/html","value":"<p>Reuters به نقل از یک مقام رسمی گزارش داد که گفت‌وگوها ادامه دارد.</p><p>The talks will resume on Monday, the official said.</p>"}],\
            "subjects":[{"name":"ایران","rel":"section"}],"by":"سارا احمدی"}
            """,
            StandardCharsets.UTF_8);
    site.masthead().importer().importFiles(List.of(arabic), ImportProgress.SILENT);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @Test
  void a_third_edition_needs_only_a_settings_entry_and_a_message_file() {
    HttpResponse<String> front = site.get("/ar/");

    assertThat(front.statusCode()).isEqualTo(200);
    assertThat(front.body())
        .contains("<html lang=\"ar\" dir=\"rtl\">")
        .contains("انتقل إلى المحتوى")
        .contains(">مستهد</a>")
        .contains("انخفاض منسوب المياه في دجلة")
        .contains("<meta property=\"og:locale\" content=\"ar\">")
        .as("a message the Arabic file lacks is given in English")
        .contains("<h2 id=\"rail-title\">In Brief</h2>");
    String story = linkTo(front.body(), "انخفاض منسوب المياه في دجلة");
    HttpResponse<String> page = site.get(story);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("موجز العراق")
        .contains("المزيد")
        .as("dates in the Arabic edition's own zone")
        .containsPattern("<time datetime=\"2026-11-24T08:00:00Z\">[^<]*11:00");
    assertThat(site.get("/ar/nothing-here").body()).contains("الصفحة غير موجودة");
    assertThat(site.get("/").body())
        .as("the other editions link the new one, named in its own language")
        .contains("hreflang=\"ar\">العربية</a>");
  }

  @Test
  void a_request_refused_before_any_route_is_answered_in_every_edition() throws IOException {
    String malformed;
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", site.masthead().port())) {
      socket
          .getOutputStream()
          .write(
              "GET /%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      malformed = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(malformed).startsWith("HTTP/1.1 400");
    assertThat(malformed)
        .contains("<section lang=\"en\" dir=\"ltr\">")
        .contains("<section lang=\"fa\" dir=\"rtl\"><h1>این درخواست فهمیده نشد</h1>")
        .contains("<section lang=\"ar\" dir=\"rtl\">")
        .contains("<a href=\"/ar/\">");
  }

  @Test
  void an_editions_in_brief_title_is_a_setting() {
    String front = site.get("/fa/").body();
    String story = linkTo(front, "قطع شبانهٔ آب در حومهٔ جنوبی تهران با پایین‌ترین سطح ذخایر سدها");

    assertThat(site.get(story).body()).containsPattern("<h2 id=\"rail-title\">کوتاه از [^<]+</h2>");
  }

  @Test
  void an_english_edition_can_give_the_solar_hijri_day_beside_the_gregorian_one() {
    String front = site.get("/").body();

    assertThat(front)
        .containsPattern("</time> <span class=\"beside\">\\([0-9]+ [A-Za-z]+ 1405 AP\\)</span>");
  }

  @Test
  void persian_dates_carry_the_gregorian_time_for_machines_and_on_hover() {
    String front = site.get("/fa/").body();

    assertThat(front)
        .containsPattern(
            "<time datetime=\"2026-11-2[0-9]T[0-9:]+Z\" title=\"[۰-۹]+ نوامبر ۲۰۲۶، [۰-۹]{2}:[۰-۹]{2}\">[۰-۹]+ آذر ۱۴۰۵، [۰-۹]{2}:[۰-۹]{2}</time>");
  }

  @Test
  void a_persian_paragraph_in_english_keeps_its_own_direction_and_names_are_isolated() {
    String front = site.get("/fa/").body();
    String story = site.get(linkTo(front, "گزارشی با نقل قول انگلیسی")).body();

    assertThat(story)
        .as("a Persian paragraph that starts with a Latin name stays right to left")
        .contains("<p>Reuters به نقل از")
        .contains("<p dir=\"ltr\">The talks will resume on Monday")
        .contains("<bdi>سارا احمدی</bdi></a></span></p>");
  }

  @Test
  void
      a_persian_address_with_its_zero_width_non_joiner_or_a_hyphen_for_it_moves_to_the_canonical() {
    String story = linkTo(site.get("/fa/").body(), "گزارشی با نقل قول انگلیسی");
    assertThat(story).endsWith("/گزارشی-با-نقل-قول-انگلیسی");
    String base = story.substring(0, story.lastIndexOf('/') + 1);
    String canonical = site.url(story).substring(site.url("").length());

    for (String old :
        List.of("گزارشی-با-نقل\u200Cقول", "گزارشی با نقل قول انگلیسی", "old-english-slug")) {
      HttpResponse<String> moved = site.get(base + old);
      assertThat(moved.statusCode()).as(old).isEqualTo(301);
      assertThat(moved.headers().firstValue("Location")).as(old).contains(canonical);
    }
  }

  @Test
  void the_persian_404_and_retraction_pages_speak_persian() {
    HttpResponse<String> missing = site.get("/fa/iran/999999/nothing");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body())
        .contains("<html lang=\"fa\" dir=\"rtl\">")
        .contains("<h1>صفحه پیدا نشد</h1>")
        .contains("رفتن به صفحهٔ نخست")
        .doesNotContain("Nothing is published")
        .doesNotContain("no published item");
  }

  @Test
  void
      a_persian_policy_page_says_in_persian_when_the_outlet_has_not_written_it_and_links_the_english() {
    HttpResponse<String> corrections = site.get("/fa/about/corrections");

    assertThat(corrections.statusCode()).isEqualTo(200);
    assertThat(corrections.body())
        .contains("<h1>سیاست اصلاحیه</h1>")
        .contains("این صفحه هنوز به فارسی نوشته نشده است.")
        .contains("<a href=\"/about/corrections\" hreflang=\"en\">");
    assertThat(site.get("/fa/about/ethics").body())
        .as("the outlet's own Persian text, once written")
        .contains("<h1>اصول اخلاقی ما</h1>")
        .contains("ما آنچه را می‌دانیم")
        .doesNotContain("هنوز به فارسی نوشته نشده");
  }

  @Test
  void the_persian_search_reads_a_solar_hijri_date_in_persian_digits_and_says_how_it_read_it() {
    HttpResponse<String> page = site.get("/fa/search?q=%D8%A2%D8%A8&from=۱۴۰۵/۰۹/۰۱");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("از «۱۴۰۵/۰۹/۰۱»: ۱ آذر ۱۴۰۵ به تقویم هجری خورشیدی خوانده شد (۲۲ نوامبر ۲۰۲۶).")
        .containsPattern("<p class=\"result-count\" role=\"status\">[۰-۹]+ نتیجه</p>");
    assertThat(site.get("/search?q=water&from=2026/11/22").body())
        .contains("From 2026/11/22: read as 22 November 2026 in the Gregorian calendar.");
    assertThat(site.get("/search?q=water&from=1405-09-01").body())
        .as("a Solar Hijri date on the English edition")
        .contains("read as 1 Azar 1405 in the Solar Hijri calendar (22 November 2026).");
  }

  @Test
  void a_solar_hijri_date_that_does_not_exist_is_refused_naming_it() {
    HttpResponse<String> page = site.get("/fa/search?q=test&to=۱۴۰۵/۱۳/۰۱");

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("تاریخ «تا» باید تاریخی").contains("نه «۱۴۰۵/۱۳/۰۱»");
  }

  @Test
  void persian_page_numbers_and_counts_are_in_persian_digits() {
    HttpResponse<String> page = site.get("/fa/search?q=%D8%A7");

    assertThat(page.body()).doesNotContainPattern("result-count[^<]*[0-9]");
    assertThat(site.get("/fa/about/corrections").body())
        .as("no Latin digit anywhere in the words of a Persian page")
        .doesNotContainPattern(">[^<]*[0-9][^<]*<");
  }

  private static String linkTo(String html, String headline) {
    Matcher m = Pattern.compile("href=\"([^\"]+)\">" + Pattern.quote(headline) + "<").matcher(html);
    assertThat(m.find()).as("a link to %s", headline).isTrue();
    return java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
  }
}
