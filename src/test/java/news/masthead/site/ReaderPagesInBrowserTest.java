package news.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import news.masthead.app.Masthead;
import news.masthead.app.Settings;
import news.masthead.ingest.ImportProgress;
import news.masthead.ingest.ImportReport;
import news.masthead.testing.Browsers;
import news.masthead.testing.TestTools;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public reader pages in a real browser: Debian's Chromium driven by Playwright, at a phone's
 * width and a desktop's, against a real Masthead on a free port serving the demo outlet. It checks
 * what only a browser can tell (layout, focus, the accessibility tree, reading direction) and saves
 * a full-page screenshot of every page to {@code target/screenshots} for people to look at.
 *
 * <p>Playwright never downloads a browser here: it is told to skip the download and launches {@code
 * /usr/bin/chromium}. When that is missing the test fails, saying how to install it ({@link
 * TestTools#chromium}); it never skips. The machine may have no network but loopback, so Chromium's
 * background traffic is off.
 *
 * <p>Look at the screenshots after a change to the templates or the stylesheet: the assertions
 * catch what can be measured (overflow, order, focus, direction, fonts), not what looks wrong.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderPagesInBrowserTest {
  private static final List<String> CHROMIUM_ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final int PHONE = 390;
  private static final int DESKTOP = 1280;

  /** The pages visited, by the name their screenshots carry. */
  private static final List<String> PAGES =
      List.of(
          "front",
          "story",
          "story-corrected",
          "brief",
          "section",
          "search",
          "tag",
          "missing",
          "policy",
          "story-fa",
          "front-fa",
          "section-fa",
          "brief-fa",
          "search-fa",
          "search-refused-fa",
          "tag-fa",
          "missing-fa",
          "policy-fa");

  /** The Persian edition's pages among them. */
  private static final List<String> PERSIAN_PAGES =
      PAGES.stream().filter(name -> name.endsWith("-fa")).toList();

  /**
   * One reader page: where it is, the language and direction its {@code <html>} must declare, the
   * selector of its visible headline and the text that headline must show.
   */
  record ReaderPage(
      String path, String lang, String dir, String headline, String headlineText, int status) {
    ReaderPage(String path, String lang, String dir, String headline, String headlineText) {
      this(path, lang, dir, headline, headlineText, 200);
    }
  }

  private Masthead masthead;
  private Playwright playwright;
  private Browser browser;
  private String origin;
  private final Map<String, ReaderPage> pages = new LinkedHashMap<>();
  private final List<BrowserContext> contexts = new ArrayList<>();

  @BeforeAll
  void start(@TempDir Path data) throws IOException {
    TestTools.chromium(); // fails first, naming what to install, before a server starts
    masthead = Masthead.open(Settings.defaults(data, 0));
    Path demo = data.resolve("demo.ninjs.jsonl");
    try (InputStream in = getClass().getResourceAsStream("/demo/demo.ninjs.jsonl")) {
      assertThat(in).as("the demo outlet on the test classpath").isNotNull();
      Files.write(demo, in.readAllBytes());
    }
    ImportReport report = masthead.importer().importFiles(List.of(demo), ImportProgress.SILENT);
    assertThat(report.problems()).as("problems importing the demo outlet").isEmpty();
    masthead.serve();
    origin = "http://127.0.0.1:" + masthead.port();

    Document iran = fetch("/iran");
    String story = linkTo(iran, "Tehran suburbs face nightly water cuts");
    String brief = linkTo(iran, "Moderate earthquake shakes Kerman province");
    String corrected = linkTo(fetch("/iraq"), "Basra power cuts ease");
    Element persian = fetch(story).selectFirst("p.translations a[hreflang=fa]");
    assertThat(persian).as("the English story's link to its Persian translation").isNotNull();

    pages.put(
        "front",
        new ReaderPage("/", "en", "ltr", ".lead h2", fetch("/").selectFirst(".lead h2").text()));
    pages.put("story", item(story, "en", "ltr"));
    pages.put("story-corrected", item(corrected, "en", "ltr"));
    pages.put("brief", item(brief, "en", "ltr"));
    pages.put("section", new ReaderPage("/iran", "en", "ltr", "main h1", "Iran"));
    String persianPath = persian.attr("href");
    // The Persian headline from its section front, so that a broken Persian page fails its own
    // checks rather than this setup.
    String persianHeadline =
        fetch("/fa/iran").select("h2 a, h3 a").stream()
            .filter(a -> a.attr("href").equals(persianPath))
            .map(Element::text)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no link to " + persianPath + " on /fa/iran"));
    pages.put("story-fa", new ReaderPage(persianPath, "fa", "rtl", "#headline", persianHeadline));
    pages.put(
        "front-fa",
        new ReaderPage(
            "/fa/", "fa", "rtl", ".lead h2", fetch("/fa/").selectFirst(".lead h2").text()));

    pages.put("search", new ReaderPage("/search?q=water", "en", "ltr", "main h1", "Search"));
    pages.put("tag", tag(story, "en", "ltr"));
    pages.put(
        "missing",
        new ReaderPage("/nothing-is-here", "en", "ltr", "main h1", "Page not found", 404));
    pages.put(
        "policy",
        new ReaderPage("/about/corrections", "en", "ltr", "main h1", "Corrections policy"));
    Document persianIran = fetch("/fa/iran");
    pages.put("section-fa", new ReaderPage("/fa/iran", "fa", "rtl", "main h1", "ایران"));
    pages.put("brief-fa", item(linkTo(persianIran, "زمین‌لرزهٔ"), "fa", "rtl"));
    pages.put("search-fa", new ReaderPage("/fa/search?q=آب", "fa", "rtl", "main h1", "جستجو"));
    pages.put(
        "search-refused-fa",
        new ReaderPage("/fa/search?q=%22آب&from=۱۴۰۵/۰۹/۰۱", "fa", "rtl", "main h1", "جستجو", 400));
    pages.put("tag-fa", tag(persianPath, "fa", "rtl"));
    pages.put(
        "missing-fa",
        new ReaderPage("/fa/nothing-is-here", "fa", "rtl", "main h1", "صفحه پیدا نشد", 404));
    pages.put(
        "policy-fa",
        new ReaderPage("/fa/about/corrections", "fa", "rtl", "main h1", "سیاست اصلاحیه"));

    playwright = Browsers.playwright();
    browser = Browsers.chromium(playwright, CHROMIUM_ARGS);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void closeContexts() {
    contexts.forEach(BrowserContext::close);
    contexts.clear();
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    if (masthead != null) {
      masthead.close();
    }
  }

  static Stream<Arguments> everyPageAtBothWidths() {
    return PAGES.stream()
        .flatMap(name -> Stream.of(Arguments.of(name, PHONE), Arguments.of(name, DESKTOP)));
  }

  static Stream<Arguments> persianPagesAtBothWidths() {
    return PERSIAN_PAGES.stream()
        .flatMap(name -> Stream.of(Arguments.of(name, PHONE), Arguments.of(name, DESKTOP)));
  }

  static Stream<Arguments> storiesAtBothWidths() {
    return Stream.of("story", "story-fa")
        .flatMap(name -> Stream.of(Arguments.of(name, PHONE), Arguments.of(name, DESKTOP)));
  }

  @ParameterizedTest(name = "{0} at {1}px")
  @MethodSource("everyPageAtBothWidths")
  void
      every_page_answers_its_status_loads_its_stylesheet_and_fits_the_screen_without_sideways_scrolling(
          String name, int width) {
    Page page = newPage(width, true);
    List<String> broken = new ArrayList<>();
    page.onResponse(
        r -> {
          if (r.status() >= 400 && !r.request().isNavigationRequest()) {
            broken.add(r.status() + " " + r.url());
          }
        });
    page.onRequestFailed(r -> broken.add(r.failure() + " " + r.url()));
    Response response = go(page, name);
    page.screenshot(
        new Page.ScreenshotOptions().setPath(screenshot(name, width)).setFullPage(true));

    assertThat(response.status()).as("status of %s", name).isEqualTo(pages.get(name).status());
    assertThat(broken).as("requests of %s that failed", name).isEmpty();
    assertThat(
            page.evaluate(
                "() => [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0)"))
        .as("CSS rules applied to %s", name)
        .isNotEqualTo(0);
    assertThat(number(page, "window.innerWidth")).as("the viewport's width").isEqualTo(width);
    assertThat(number(page, "document.documentElement.scrollWidth"))
        .as(
            "the width of %s at %dpx; elements sticking out: %s",
            name, width, page.evaluate(SIDEWAYS_OFFENDERS))
        .isLessThanOrEqualTo(width);
  }

  @ParameterizedTest(name = "{0} at {1}px")
  @MethodSource("everyPageAtBothWidths")
  void every_page_declares_its_language_and_direction(String name, int width) {
    ReaderPage expected = pages.get(name);
    Page page = open(name, width, true);

    assertThat(page.locator("html").getAttribute("lang")).isEqualTo(expected.lang());
    assertThat(page.locator("html").getAttribute("dir")).isEqualTo(expected.dir());
    assertThat(page.evaluate("() => getComputedStyle(document.body).direction"))
        .isEqualTo(expected.dir());
  }

  @ParameterizedTest(name = "{0} at {1}px")
  @MethodSource("everyPageAtBothWidths")
  void every_page_has_one_h1_and_heading_levels_that_never_skip(String name, int width) {
    Page page = open(name, width, true);
    @SuppressWarnings("unchecked")
    List<String> headings =
        (List<String>)
            page.evaluate(
                "() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]"
                    + ".map(h => h.tagName.toLowerCase() + ' \"' + h.textContent.trim() + '\"')");

    assertThat(headings.stream().filter(h -> h.startsWith("h1 ")))
        .as("the h1s of %s, among %s", name, headings)
        .hasSize(1);
    int previous = 0;
    List<String> skips = new ArrayList<>();
    String before = "the start of the page";
    for (String heading : headings) {
      int level = heading.charAt(1) - '0';
      if (level > previous + 1) {
        skips.add(heading + " follows " + before);
      }
      previous = level;
      before = heading;
    }
    assertThat(skips).as("headings of %s that skip a level, in %s", name, headings).isEmpty();
  }

  @ParameterizedTest(name = "{0} at {1}px")
  @MethodSource("everyPageAtBothWidths")
  void the_skip_link_is_the_first_tab_stop_and_enter_moves_focus_to_the_content(
      String name, int width) {
    Page page = open(name, width, true);

    page.keyboard().press("Tab");
    @SuppressWarnings("unchecked")
    Map<String, Object> focused =
        (Map<String, Object>)
            page.evaluate(
                "() => { const e = document.activeElement; const r = e.getBoundingClientRect();"
                    + " return {tag: e.tagName, cls: e.className, href: e.getAttribute('href'),"
                    + " text: e.textContent.trim(), top: r.top, left: r.left, right: r.right,"
                    + " bottom: r.bottom}; }");
    if (name.equals("story")) {
      page.screenshot(
          new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("skip-link-" + width + ".png")));
    }
    assertThat(focused.get("cls"))
        .as("the first tab stop of %s: %s", name, focused)
        .isEqualTo("skip");
    assertThat(focused.get("href")).isEqualTo("#content");
    assertThat(((Number) focused.get("top")).doubleValue())
        .as("the focused skip link is on screen: %s", focused)
        .isGreaterThanOrEqualTo(0);
    assertThat(((Number) focused.get("right")).doubleValue()).isLessThanOrEqualTo(width);
    assertThat(((Number) focused.get("left")).doubleValue()).isGreaterThanOrEqualTo(0);

    page.keyboard().press("Enter");
    assertThat(
            page.evaluate("() => document.activeElement.tagName + '#' + document.activeElement.id"))
        .as("where Enter on the skip link of %s moved focus", name)
        .isEqualTo("MAIN#content");
  }

  @ParameterizedTest(name = "{0} at {1}px")
  @MethodSource("everyPageAtBothWidths")
  void every_page_has_header_nav_main_and_footer_landmarks(String name, int width) {
    Page page = open(name, width, true);

    assertThat(page.getByRole(AriaRole.BANNER).count())
        .as("banners (header) of %s", name)
        .isEqualTo(1);
    assertThat(page.getByRole(AriaRole.NAVIGATION).count())
        .as("navigation of %s", name)
        .isPositive();
    assertThat(page.getByRole(AriaRole.MAIN).count()).as("main of %s", name).isEqualTo(1);
    assertThat(page.getByRole(AriaRole.CONTENTINFO).count())
        .as("contentinfo (footer) of %s", name)
        .isEqualTo(1);
    assertThat(page.locator("body > header nav.sections").count())
        .as("the section navigation inside the page header of %s", name)
        .isEqualTo(1);
  }

  @ParameterizedTest(name = "{0} at {1}px")
  @MethodSource("everyPageAtBothWidths")
  void no_page_carries_any_script(String name, int width) {
    Page page = newPage(width, true);
    Response response = go(page, name);

    // The only script element allowed is JSON-LD structured data: data, which no browser runs.
    assertThat(response.text().toLowerCase().replace("<script type=\"application/ld+json\">", ""))
        .as("the HTML of %s", name)
        .doesNotContain("<script");
    assertThat(
            number(
                page, "[...document.scripts].filter(s => s.type !== 'application/ld+json').length"))
        .as("script elements in %s", name)
        .isZero();
    assertThat(
            page.evaluate(
                "() => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]"
                    + ".filter(a => a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value))"
                    + ".map(a => e.tagName + ' ' + a.name))"))
        .as("event handler attributes and javascript: addresses in %s", name)
        .asInstanceOf(LIST)
        .isEmpty();
    assertThat(response.headerValue("content-security-policy"))
        .as("the Content-Security-Policy of %s", name)
        .isEqualTo(
            "default-src 'none'; style-src 'self'; img-src 'self' https: data:; font-src 'self'; manifest-src 'self';"
                + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  }

  @ParameterizedTest(name = "{0} at {1}px")
  @MethodSource("everyPageAtBothWidths")
  void every_page_reads_the_same_with_javascript_switched_off(String name, int width) {
    ReaderPage expected = pages.get(name);
    Page page = newPage(width, false);
    Response response = go(page, name);
    if (name.equals("story") || name.equals("story-fa")) {
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(SCREENSHOTS.resolve(name + "-nojs-" + width + ".png"))
              .setFullPage(true));
    }

    assertThat(response.status()).isEqualTo(expected.status());
    Locator headline = page.locator(expected.headline()).first();
    assertThat(headline.isVisible()).as("the headline of %s without JavaScript", name).isTrue();
    assertThat(headline.innerText().strip()).isEqualTo(expected.headlineText());
    assertThat(page.locator("main").isVisible()).isTrue();
    assertThat(page.locator(".masthead").evaluate("e => getComputedStyle(e).borderBottomWidth"))
        .as("the stylesheet is applied to %s without JavaScript", name)
        .isEqualTo("3px");
  }

  @ParameterizedTest(name = "{0} at {1}px")
  @ValueSource(ints = {PHONE, DESKTOP})
  void a_brief_can_be_reached_from_the_story_rail_with_javascript_switched_off(int width) {
    Page page = newPage(width, false);
    go(page, "story");
    Locator more = page.locator("aside.rail a.more").first();
    String href = more.getAttribute("href");

    more.click();

    assertThat(pathOf(page)).isEqualTo(href);
    assertThat(page.locator("#headline").isVisible()).isTrue();
    assertThat(page.locator("article.brief").count()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0} at {1}px")
  @MethodSource("storiesAtBothWidths")
  void the_in_brief_rail_on_a_story_teases_briefs_and_its_more_link_opens_the_brief(
      String name, int width) {
    Page page = open(name, width, true);
    String moreLabel = pages.get(name).lang().equals("fa") ? "بیشتر" : "More";
    Locator items = page.locator("aside.rail li");

    assertThat(page.locator("aside.rail").isVisible()).as("the rail of %s", name).isTrue();
    assertThat(items.count()).as("briefs in the rail of %s", name).isPositive();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> briefs =
        (List<Map<String, Object>>)
            page.evaluate(
                "() => [...document.querySelectorAll('aside.rail li')].map(li => {"
                    + " const p = li.querySelector('p'); const a = li.querySelector('a.more');"
                    + " return {teaser: p.firstChild.textContent.trim(),"
                    + " more: a ? a.firstChild.textContent.trim() : null,"
                    + " hidden: a ? a.querySelector('.vh').textContent : null,"
                    + " href: a ? a.getAttribute('href') : null}; })");
    for (Map<String, Object> brief : briefs) {
      assertThat(brief.get("more")).as("the More link of %s", brief).isEqualTo(moreLabel);
    }
    Map<String, Object> shortened =
        briefs.stream()
            .filter(b -> ((String) b.get("teaser")).endsWith("…"))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no teaser in the rail of " + name + " ends in …: " + briefs));
    String teaser = ((String) shortened.get("teaser")).replaceFirst("…$", "");
    String headline = ((String) shortened.get("hidden")).replaceFirst("^\\s*—\\s*", "").strip();
    String href = (String) shortened.get("href");

    page.locator("aside.rail a.more[href='" + href + "']").click();

    assertThat(pathOf(page)).as("where the More link took the reader").isEqualTo(href);
    assertThat(page.locator("h1").innerText().strip()).isEqualTo(headline);
    assertThat(page.locator("article.brief").count()).as("a brief's page").isEqualTo(1);
    String body = page.locator("article .body").innerText().replaceAll("\\s+", " ").strip();
    assertThat(body).as("the brief's text, which the teaser begins").startsWith(teaser.strip());
  }

  @Test
  void the_water_story_shows_its_quote_list_sources_and_translation() {
    Page page = open("story", PHONE, true);

    assertThat(page.locator(".body figure.quote blockquote").isVisible()).isTrue();
    assertThat(page.locator(".body figure.quote figcaption").innerText()).contains("Darius Kamali");
    assertThat(page.locator(".body ul li").count()).isEqualTo(3);
    assertThat(page.locator("aside.sources li").count()).isEqualTo(4);
    assertThat(page.locator("p.translations a[hreflang=fa]").isVisible()).isTrue();
    assertThat(page.locator(".byline").innerText().strip())
        .as("the byline, which must not end in a separator")
        .isEqualTo("By Leila Navabi");
  }

  @Test
  void the_basra_story_shows_its_correction() {
    Page page = open("story-corrected", PHONE, true);

    assertThat(page.locator("aside.corrections").isVisible()).isTrue();
    assertThat(page.locator("aside.corrections h2").innerText())
        .isEqualToIgnoringCase("Correction");
    assertThat(page.locator("aside.corrections").innerText())
        .contains("An earlier version of this story");
  }

  @Test
  void the_persian_story_shows_its_sources_and_links_back_to_the_english_one() {
    Page page = open("story-fa", PHONE, true);

    assertThat(page.locator("aside.sources li").count()).isEqualTo(3);
    Locator english = page.locator("p.translations a[hreflang=en]");
    assertThat(english.getAttribute("dir")).isEqualTo("ltr");
    english.click();
    assertThat(pathOf(page)).isEqualTo(pages.get("story").path());
  }

  @ParameterizedTest(name = "{0} at {1}px")
  @MethodSource("persianPagesAtBothWidths")
  void persian_headings_and_captions_are_drawn_in_the_sites_own_vazirmatn(String name, int width) {
    Page page = open(name, width, true);
    // With font-display: swap a fallback is drawn until the font arrives: wait for it.
    page.evaluate("() => document.fonts.ready.then(() => true)");

    // The site's own file: an installed Vazirmatn, which few readers have, must not pass for it.
    assertThat(fontsDrawn(page, "main :is(h1, h2, h3, figcaption)"))
        .as("the fonts Chromium drew the Persian headings and captions of %s in (glyphs)", name)
        .isNotEmpty()
        .containsOnlyKeys("web font Vazirmatn NL");
  }

  @ParameterizedTest(name = "{0} at {1}px")
  @MethodSource("persianPagesAtBothWidths")
  void persian_pages_write_every_number_a_reader_sees_in_persian_digits(String name, int width) {
    Page page = open(name, width, true);
    @SuppressWarnings("unchecked")
    List<String> latin =
        (List<String>)
            page.evaluate(
                "() => { const out = []; const walk = document.createTreeWalker(document.body,"
                    + " NodeFilter.SHOW_TEXT);"
                    + " while (walk.nextNode()) { const t = walk.currentNode;"
                    + "  const e = t.parentElement;"
                    + "  if (!/[0-9]/.test(t.data) || e.closest('code, [lang]:not([lang=fa])')"
                    + "   || e.getClientRects().length === 0) continue;"
                    + "  out.push(e.tagName.toLowerCase() + ': ' + t.data.trim().slice(0, 60)); }"
                    + " return out; }");

    assertThat(latin).as("text of %s with Latin digits", name).isEmpty();
  }

  @ParameterizedTest(name = "{0} at {1}px")
  @MethodSource("persianPagesAtBothWidths")
  void persian_dates_are_solar_hijri_with_the_gregorian_time_in_datetime_and_on_hover(
      String name, int width) {
    Page page = open(name, width, true);
    @SuppressWarnings("unchecked")
    List<Map<String, String>> times =
        (List<Map<String, String>>)
            page.evaluate(
                "() => [...document.querySelectorAll('time')].map(t => ({text: t.textContent,"
                    + " datetime: t.getAttribute('datetime') || '', title: t.title}))");

    for (Map<String, String> time : times) {
      assertThat(time.get("text"))
          .as("a date on %s", name)
          .matches(
              "[۰-۹]{1,2} (فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند) [۰-۹]{4}، [۰-۹]{2}:[۰-۹]{2}");
      assertThat(time.get("datetime")).matches("20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:]+Z");
      assertThat(time.get("title"))
          .as("the Gregorian date on hover")
          .matches("[۰-۹]{1,2} [^ ]+ ۲۰[۰-۹]{2}، [۰-۹]{2}:[۰-۹]{2}");
    }
    if (name.equals("front-fa") || name.equals("story-fa") || name.equals("section-fa")) {
      assertThat(times).as("dates on %s", name).isNotEmpty();
    }
  }

  @ParameterizedTest(name = "{0} at {1}px")
  @MethodSource("persianPagesAtBothWidths")
  void latin_names_on_persian_pages_are_isolated_from_the_text_around_them(String name, int width) {
    Page page = open(name, width, true);
    @SuppressWarnings("unchecked")
    List<String> loose =
        (List<String>)
            page.evaluate(
                "() => { const out = []; const walk = document.createTreeWalker(document.body,"
                    + " NodeFilter.SHOW_TEXT);"
                    + " while (walk.nextNode()) { const t = walk.currentNode;"
                    + "  const e = t.parentElement;"
                    + "  if (!/[A-Za-z]/.test(t.data) || e.closest('.body, .snippet, .search-help,"
                    + "   .notice p, bdi, [dir], code, [lang]:not([lang=fa]), script, style, title')"
                    + "   || e.getClientRects().length === 0) continue;"
                    + "  out.push(e.tagName.toLowerCase() + ': ' + t.data.trim().slice(0, 60)); }"
                    + " return out; }");
    @SuppressWarnings("unchecked")
    List<String> names =
        (List<String>)
            page.evaluate(
                "() => [...document.querySelectorAll('.byline a, .sources strong, .subjects a,"
                    + " .quote figcaption')].filter(e => !e.querySelector('bdi'))"
                    + ".map(e => e.textContent.trim())");

    assertThat(loose).as("Latin text on %s outside an isolate", name).isEmpty();
    assertThat(names).as("names, sources and tags on %s not in <bdi>", name).isEmpty();
  }

  @ParameterizedTest(name = "{0}px")
  @ValueSource(ints = {PHONE, DESKTOP})
  void the_search_forms_fields_and_labels_never_overlap(int width) {
    Page page = open("search-refused-fa", width, true);
    @SuppressWarnings("unchecked")
    List<String> overlaps =
        (List<String>)
            page.evaluate(
                "() => { const es = [...document.querySelectorAll('.search-form :is(input,"
                    + " select, button, label, .hint)')].filter(e => e.getClientRects().length);"
                    + " const out = [];"
                    + " for (let i = 0; i < es.length; i++) for (let j = i + 1; j < es.length; j++) {"
                    + "  const a = es[i].getBoundingClientRect(), b = es[j].getBoundingClientRect();"
                    + "  if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1"
                    + "   && b.top < a.bottom - 1) out.push((es[i].id || es[i].tagName)"
                    + "   + ' over ' + (es[j].id || es[j].tagName)); }"
                    + " return out; }");

    assertThat(page.locator("details.filters").getAttribute("open")).isNotNull();
    assertThat(overlaps).as("form fields drawn over one another at %dpx", width).isEmpty();
  }

  @ParameterizedTest(name = "{0} at {1}px")
  @MethodSource("everyPageAtBothWidths")
  void axe_finds_no_serious_or_critical_accessibility_violation(String name, int width) {
    Page page = open(name, width, true);
    Browsers.Audit audit = Browsers.audit(page);
    assertThat(audit.ranRules()).as("rules axe ran on %s and passed", name).isTrue();
    assertThat(audit.seriousOrCritical())
        .as("serious and critical violations on %s", name)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0} at {1}px")
  @MethodSource("everyPageAtBothWidths")
  void every_page_loads_only_from_the_site_itself_and_only_persian_pages_load_a_font(
      String name, int width) {
    Page page = newPage(width, true);
    List<String> elsewhere = new ArrayList<>();
    List<String> fonts = new ArrayList<>();
    page.onRequest(
        request -> {
          if (!request.url().startsWith(origin + "/")) {
            elsewhere.add(request.url());
          }
          if (request.resourceType().equals("font")) {
            fonts.add(request.url().substring(origin.length()));
          }
        });
    go(page, name);
    // Every font the page asked for has loaded or failed once document.fonts.ready settles.
    page.evaluate("() => document.fonts.ready.then(() => true)");

    assertThat(elsewhere).as("what %s asked of other hosts", name).isEmpty();
    if (pages.get(name).lang().equals("fa")) {
      assertThat(fonts)
          .as("the fonts %s loaded", name)
          .singleElement(STRING)
          .matches("/assets/vazirmatn-nl\\.[0-9a-z]+\\.woff2");
    } else {
      assertThat(fonts).as("the fonts %s loaded", name).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0} at {1}px")
  @MethodSource("persianPagesAtBothWidths")
  void persian_headings_have_room_between_their_lines(String name, int width) {
    Page page = open(name, width, true);
    @SuppressWarnings("unchecked")
    List<String> crowded =
        (List<String>)
            page.evaluate(
                "() => [...document.querySelectorAll('main h1, main h2, main h3')]"
                    + ".filter(e => !e.closest('.vh') && e.getClientRects().length > 0)"
                    + ".filter(e => { const s = getComputedStyle(e);"
                    + "  return !(parseFloat(s.lineHeight) / parseFloat(s.fontSize) >= 1.4); })"
                    + ".map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')"
                    + "  + ' \"' + e.textContent.trim().slice(0, 30) + '\" has line-height '"
                    + "  + getComputedStyle(e).lineHeight + ' at ' + getComputedStyle(e).fontSize)");

    assertThat(crowded).as("Persian headings of %s whose lines crowd each other", name).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"story", "story-fa"})
  void a_story_prints_alone_without_the_rails_navigation_search_or_footer(String name) {
    Page page = open(name, DESKTOP, true);
    List<String> clutter =
        List.of(
            "nav.sections",
            ".edition",
            ".search-link",
            "aside.rail",
            ".secondary",
            ".subjects",
            ".translations",
            "footer.colophon");
    List<String> story =
        List.of(".brand", "#headline", ".standfirst", ".byline", ".body p", "aside.sources");
    assertThat(drawn(page, clutter)).as("what %s shows on screen", name).isEqualTo(clutter);

    page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(SCREENSHOTS.resolve(name + "-print.png"))
            .setFullPage(true));

    assertThat(drawn(page, clutter)).as("what of the screen's extras %s prints", name).isEmpty();
    assertThat(drawn(page, story)).as("what of the story %s prints", name).isEqualTo(story);
    Map<String, Object> widths =
        castMap(
            page.evaluate(
                "() => { const m = document.querySelector('main'); const s = getComputedStyle(m);"
                    + " return {article: document.querySelector('article.item')"
                    + "  .getBoundingClientRect().width, main: m.clientWidth"
                    + "  - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)}; }"));
    assertThat(at(widths, "article"))
        .as("the printed story's width, the page's being %s", widths.get("main"))
        .isCloseTo(at(widths, "main"), within(1.0));
  }

  @ParameterizedTest(name = "{0} at {1}px")
  @MethodSource("storiesAtBothWidths")
  void a_story_lays_out_in_its_reading_direction(String name, int width) {
    Page page = open(name, width, true);
    boolean rtl = pages.get(name).dir().equals("rtl");

    for (String selector :
        List.of(
            ".brand", ".item-head .kicker a", "#headline", ".body p", ".rail h2", ".sources h2")) {
      assertThat(startGap(page, selector))
          .as("%s of %s starts at its container's %s edge", selector, name, rtl ? "right" : "left")
          .isBetween(-1.0, 1.5);
    }
    Map<String, Object> sources =
        castMap(
            page.locator("aside.sources")
                .evaluate(
                    "e => { const s = getComputedStyle(e);"
                        + " const u = getComputedStyle(e.querySelector('ul'));"
                        + " return {borderLeft: s.borderLeftWidth, borderRight: s.borderRightWidth,"
                        + " padLeft: u.paddingLeft, padRight: u.paddingRight}; }"));
    assertThat(sources.get(rtl ? "borderRight" : "borderLeft"))
        .as("the sources box's rule, %s", sources)
        .isEqualTo("4px");
    assertThat(sources.get(rtl ? "padLeft" : "padRight"))
        .as("the sources list's indent, %s", sources)
        .isEqualTo("0px");
    assertThat(sources.get(rtl ? "padRight" : "padLeft")).isNotEqualTo("0px");

    Map<String, Object> article = box(page, "article.item");
    Map<String, Object> secondary = box(page, ".secondary");
    if (width == DESKTOP) {
      if (rtl) {
        assertThat(at(secondary, "right"))
            .as("the rail beside (left of) the story")
            .isLessThan(at(article, "left"));
      } else {
        assertThat(at(secondary, "left"))
            .as("the rail beside (right of) the story")
            .isGreaterThan(at(article, "right"));
      }
    } else {
      assertThat(at(secondary, "top"))
          .as("the rail under the story on a phone")
          .isGreaterThanOrEqualTo(at(article, "bottom"));
    }
  }

  // --- helpers

  /**
   * The fonts Chromium drew the text of the elements matching {@code selector}, and of everything
   * inside them but visually hidden text, in: each family as the platform names it, after "web
   * font" for a font the page loaded or "installed font" for one of the machine's, with the glyphs
   * drawn in it. This is what the reader sees; a stylesheet's font-family only asks for a font, and
   * a browser without it falls back to another without saying so. Read through the DevTools
   * protocol's {@code CSS.getPlatformFontsForNode}, which reports the fonts of a node's own text.
   */
  private static Map<String, Integer> fontsDrawn(Page page, String selector) {
    CDPSession devTools = page.context().newCDPSession(page);
    try {
      devTools.send("DOM.enable");
      devTools.send("CSS.enable");
      JsonObject document = new JsonObject();
      document.addProperty("depth", 0);
      int root =
          devTools
              .send("DOM.getDocument", document)
              .getAsJsonObject("root")
              .get("nodeId")
              .getAsInt();
      String shown = ":not(.vh, .vh *)";
      JsonObject query = new JsonObject();
      query.addProperty("nodeId", root);
      query.addProperty("selector", selector + shown + ", " + selector + " *" + shown);
      Map<String, Integer> glyphs = new TreeMap<>();
      for (JsonElement node :
          devTools.send("DOM.querySelectorAll", query).getAsJsonArray("nodeIds")) {
        JsonObject ask = new JsonObject();
        ask.addProperty("nodeId", node.getAsInt());
        for (JsonElement font :
            devTools.send("CSS.getPlatformFontsForNode", ask).getAsJsonArray("fonts")) {
          JsonObject usage = font.getAsJsonObject();
          glyphs.merge(
              (usage.get("isCustomFont").getAsBoolean() ? "web font " : "installed font ")
                  + usage.get("familyName").getAsString(),
              usage.get("glyphCount").getAsInt(),
              Integer::sum);
        }
      }
      return glyphs;
    } finally {
      devTools.detach();
    }
  }

  /** Lists the elements wider than the viewport or off its sides, to explain sideways scrolling. */
  private static final String SIDEWAYS_OFFENDERS =
      "() => { const w = document.documentElement.clientWidth; const out = [];"
          + " for (const e of document.body.querySelectorAll('*')) {"
          + "  const r = e.getBoundingClientRect();"
          + "  if (r.width === 0 || e.closest('.vh')) continue;"
          + "  if (r.right > w + 0.5 || r.left < -0.5) out.push(e.tagName.toLowerCase()"
          + "   + (e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '')"
          + "   + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + ']'); }"
          + " return out.slice(0, 12); }";

  /**
   * How far the first line of an element's text starts from its content box's start edge (left in
   * left-to-right, right in right-to-left): 0 when the text starts where reading starts.
   */
  private static double startGap(Page page, String selector) {
    Object gap =
        page.locator(selector)
            .first()
            .evaluate(
                "e => { const range = document.createRange(); range.selectNodeContents(e);"
                    + " const line = range.getClientRects()[0];"
                    + " const c = e.closest('p, h1, h2, h3, li, div, header, aside') || e;"
                    + " const box = c.getBoundingClientRect(); const s = getComputedStyle(c);"
                    + " return getComputedStyle(e).direction === 'rtl'"
                    + "  ? box.right - parseFloat(s.paddingRight) - parseFloat(s.borderRightWidth)"
                    + "    - line.right"
                    + "  : line.left - box.left - parseFloat(s.paddingLeft)"
                    + "    - parseFloat(s.borderLeftWidth); }");
    return ((Number) gap).doubleValue();
  }

  private static Map<String, Object> box(Page page, String selector) {
    return castMap(
        page.locator(selector)
            .first()
            .evaluate(
                "e => { const r = e.getBoundingClientRect();"
                    + " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; }"));
  }

  /** Those of the selectors that match an element the page draws (one with a box at all). */
  private static List<String> drawn(Page page, List<String> selectors) {
    return selectors.stream()
        .filter(
            selector ->
                (Boolean)
                    page.evaluate(
                        "s => [...document.querySelectorAll(s)]"
                            + ".some(e => e.getClientRects().length > 0)",
                        selector))
        .toList();
  }

  private static double at(Map<String, Object> box, String side) {
    return ((Number) box.get(side)).doubleValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }

  private static long number(Page page, String expression) {
    return ((Number) page.evaluate("() => " + expression)).longValue();
  }

  /** The path the page is at, decoded: Persian paths are %-escaped in {@link Page#url()}. */
  private String pathOf(Page page) {
    assertThat(page.url()).startsWith(origin + "/");
    return URI.create(page.url()).getPath();
  }

  private static Path screenshot(String name, int width) {
    return SCREENSHOTS.resolve(name + "-" + width + ".png");
  }

  /** A page in a fresh context at a phone's (touch, mobile viewport) or a desktop's size. */
  private Page newPage(int width, boolean javaScript) {
    boolean phone = width == PHONE;
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(width, phone ? 844 : 900)
                .setIsMobile(phone)
                .setHasTouch(phone)
                .setDeviceScaleFactor(1)
                .setLocale("en-GB")
                .setJavaScriptEnabled(javaScript));
    contexts.add(context);
    Page page = context.newPage();
    page.setDefaultTimeout(15_000);
    page.setDefaultNavigationTimeout(15_000);
    return page;
  }

  private Page open(String name, int width, boolean javaScript) {
    Page page = newPage(width, javaScript);
    Response response = go(page, name);
    assertThat(response.status()).as("status of %s", name).isEqualTo(pages.get(name).status());
    return page;
  }

  /** Navigates to a named page; a browser error (a redirect loop, say) fails in one line. */
  private Response go(Page page, String name) {
    String path = pages.get(name).path();
    try {
      return page.navigate(origin + path);
    } catch (PlaywrightException e) {
      String message =
          e.getMessage()
              .lines()
              .filter(l -> l.contains("message="))
              .findFirst()
              .orElse(e.getMessage());
      throw new AssertionError(
          "Chromium could not open the " + name + " page, " + path + ": " + message.strip());
    }
  }

  /** The page of the first tag of an item. */
  private ReaderPage tag(String itemPath, String lang, String dir) {
    Element tag = fetch(itemPath).selectFirst("nav.subjects a[href*=/tag/]");
    assertThat(tag).as("a tag on %s", itemPath).isNotNull();
    String path =
        java.net.URLDecoder.decode(tag.attr("href"), java.nio.charset.StandardCharsets.UTF_8);
    return new ReaderPage(path, lang, dir, "main h1", fetch(path).selectFirst("main h1").text());
  }

  private ReaderPage item(String path, String lang, String dir) {
    return new ReaderPage(
        path, lang, dir, "#headline", fetch(path).selectFirst("#headline").text());
  }

  private Document fetch(String path) {
    try {
      return Jsoup.connect(origin + path).get();
    } catch (IOException e) {
      throw new AssertionError("cannot fetch " + path + " from the test server", e);
    }
  }

  private static String linkTo(Document page, String text) {
    return page.select("a[href]").stream()
        .filter(a -> a.text().contains(text))
        .map(a -> a.attr("href"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no link to \"" + text + "\" on " + page.location()));
  }
}
