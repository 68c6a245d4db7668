package news.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import news.masthead.app.Masthead;
import news.masthead.testing.Browsers;
import news.masthead.testing.Newsrooms;
import news.masthead.testing.TestTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk in Debian's Chromium: a reporter writes a story in the editor (a quote with who said it,
 * a Persian paragraph, a source), submits it, an editor publishes it and readers see it; a word
 * processor's paste comes out as clean blocks; autosave keeps typing. Staff are signed in by a
 * session made in the database (the passkey sign-in itself is {@link NewsroomInBrowserTest}'s).
 * Every page shot is checked with axe-core first. Screenshots go to {@code
 * target/screenshots/desk-*}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeskInBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private Masthead masthead;
  private Playwright playwright;
  private Browser browser;
  private String origin;
  private BrowserContext context;
  private StaffClient reporter;
  private StaffClient editor;
  private StaffClient persianEditor;

  @BeforeAll
  void start(@TempDir Path data) throws IOException {
    TestTools.chromium(); // fails first, naming what to install, before a server starts
    int port = Newsrooms.freePort();
    origin = "http://localhost:" + port;
    masthead = Newsrooms.serve(data, port, origin, Map.of());
    Newsrooms.importDemo(masthead, data);
    reporter =
        StaffClient.add(masthead, origin, "reza@example.org", "contributor", List.of("iran"));
    editor = StaffClient.add(masthead, origin, "eda@example.org", "editor", List.of("iran"));
    persianEditor =
        StaffClient.add(masthead, origin, "parisa@example.org", "editor", List.of("iran"), "fa");
    playwright = Browsers.playwright();
    browser = Browsers.chromium(playwright, Browsers.ARGS);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void closeContext() {
    if (context != null) {
      context.close();
    }
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

  private Page as(StaffClient who) {
    if (context != null) {
      context.close();
    }
    context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    context.addCookies(List.of(new Cookie("newsroom", who.cookie()).setUrl(origin + "/newsroom/")));
    List<String> problems = new java.util.ArrayList<>();
    Page page = context.newPage();
    page.onConsoleMessage(
        m -> {
          if (m.type().equals("error")) {
            problems.add(m.text());
          }
        });
    page.onPageError(problems::add);
    List<String> missing = new java.util.ArrayList<>();
    page.onResponse(
        r -> {
          // 409 from co-editing's steps is the protocol's "rebase on these first", not a failure
          if (r.status() >= 400 && !(r.status() == 409 && r.url().endsWith("/together/steps"))) {
            missing.add(r.status() + " " + r.url());
          }
        });
    page.onClose(
        p -> {
          assertThat(problems)
              .as("script errors on %s", p.url())
              // a failed load is listed below; the policy refuses a pasted document's inline styles
              .allMatch(
                  m ->
                      m.startsWith("Failed to load resource")
                          || m.startsWith("Applying inline style violates"));
          assertThat(missing).as("failed requests of %s", p.url()).isEmpty();
        });
    return page;
  }

  @Test
  void a_story_written_in_the_editor_is_submitted_published_and_read() {
    Page page = as(reporter);
    page.navigate(origin + "/newsroom/");
    shoot(page, "home");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New story in English"))
        .click();
    page.getByLabel("Headline").fill("Talks to resume on Monday, officials say");
    page.locator("select[name=section]").selectOption("iran");
    page.locator(".editor .body").click();
    page.keyboard().type("Officials said the talks would resume on Monday.");
    page.keyboard().press("Enter");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Quote")).click();
    page.keyboard().type("We are ready to talk.");
    page.locator(".editor blockquote input").fill("a government spokesman");
    page.locator(".editor blockquote p").click();
    page.keyboard().press("End");
    page.keyboard().press("Enter");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Paragraph")).click();
    page.keyboard().type("گفت‌وگوها دوشنبه از سر گرفته می‌شود.");
    page.locator("input[name=source_name]").first().fill("Reuters");
    shoot(page, "new-story");
    assertThat(
            page.locator(".editor .body > p", new Page.LocatorOptions().setHasText("گفت‌وگوها"))
                .evaluate("p => p.matches(':dir(rtl)')"))
        .as("a Persian paragraph runs right to left in the editor")
        .isEqualTo(true);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true))
        .click();
    page.waitForURL(url -> url.matches(".*/newsroom/items/[0-9]+$"));
    String itemUrl = page.url();
    assertThat(page.locator(".editor blockquote input").inputValue())
        .isEqualTo("a government spokesman");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review"))
        .click();
    page.waitForURL(itemUrl);
    assertThat(page.locator("#status").innerText()).contains("submitted for review");

    Page editorPage = as(editor);
    editorPage.navigate(origin + "/newsroom/");
    editorPage
        .locator("#waiting a", new Page.LocatorOptions().setHasText("Talks to resume"))
        .click();
    shoot(editorPage, "review");
    editorPage
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish").setExact(true))
        .click();
    editorPage.waitForURL(itemUrl);
    editorPage
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See it on the site"))
        .click();
    editorPage.waitForLoadState();
    assertThat(editorPage.locator("h1").innerText())
        .isEqualTo("Talks to resume on Monday, officials say");
    assertThat(editorPage.locator("figure.quote").innerText())
        .contains("We are ready to talk.")
        .contains("a government spokesman");
    assertThat(
            editorPage
                .locator("p", new Page.LocatorOptions().setHasText("گفت‌وگوها"))
                .evaluate("p => getComputedStyle(p).direction"))
        .isEqualTo("rtl");
    assertThat(editorPage.content()).contains("Reuters");
    shoot(editorPage, "published");
  }

  @Test
  void two_editors_change_one_headline_and_the_second_sees_both_and_loses_nothing() {
    Map<String, String> form = DeskTest.story("Flights resume at Mashhad");
    HttpResponse<String> created = reporter.post("/newsroom/items", form);
    String itemPath = created.headers().firstValue("Location").orElseThrow();
    Page page = as(editor);
    page.navigate(origin + itemPath);
    Map<String, String> meanwhile = DeskTest.story("Flights resume at Mashhad airport");
    meanwhile.put("revision", "1");
    assertThat(reporter.post(itemPath, meanwhile).statusCode()).isEqualTo(303);

    page.getByLabel("Headline").fill("Mashhad flights resume after fog");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true))
        .click();

    page.waitForURL(url -> url.contains("/conflicts/"));
    assertThat(page.locator(".conflict").innerText())
        .contains("Flights resume at Mashhad airport")
        .contains("Mashhad flights resume after fog");
    shoot(page, "conflict");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save with these choices"))
        .click();
    page.waitForURL(origin + itemPath);
    assertThat(page.getByLabel("Headline").inputValue())
        .isEqualTo("Mashhad flights resume after fog");
  }

  @Test
  void a_word_processors_paste_becomes_clean_blocks() {
    Page page = as(reporter);
    page.navigate(origin + "/newsroom/items/new?profile=story&language=en");
    page.locator(".editor .body").click();
    page.evaluate(
        "html => { const data = new DataTransfer(); data.setData('text/html', html);"
            + " data.setData('text/plain', 'pasted');"
            + " document.querySelector('.editor .body').dispatchEvent(new ClipboardEvent('paste',"
            + " { clipboardData: data, bubbles: true, cancelable: true })); }",
        "<meta charset='utf-8'><b style=\"font-weight:normal;\" id=\"docs-internal-guid-1\">"
            + "<p dir=\"ltr\" style=\"line-height:1.38\"><span style=\"font-size:11pt;"
            + "font-family:Arial;color:#000000\">The ministry </span><span style=\"font-weight:700\">"
            + "denied</span><span> the report.</span></p>"
            + "<h1 class=\"MsoTitle\"><span lang=EN-GB>Background<o:p></o:p></span></h1>"
            + "<ul><li style=\"mso-list:l0\"><span>First point</span></li></ul>"
            + "<table><tr><td>cell text</td></tr></table>"
            + "<p><a href=\"javascript:alert(1)\">bad link</a> and <a href=\"https://example.org/\">good"
            + " link</a><img src=\"data:image/png;base64,AAAA\"></p></b>");

    String html = page.locator(".editor .body").innerHTML();
    assertThat(html)
        .contains("<strong>denied</strong>")
        .contains(">Background</h2>")
        .contains("First point</p></li>")
        .contains("cell text")
        .contains("<a href=\"https://example.org/\"")
        .doesNotContain("span")
        .doesNotContain("style=")
        .doesNotContain("javascript:")
        .doesNotContain("<img")
        .doesNotContain("<table")
        .doesNotContain("font-weight");
  }

  @Test
  void autosave_saves_what_is_typed_and_the_persian_desk_runs_right_to_left() {
    Page page = as(reporter);
    page.navigate(origin + "/newsroom/items/new?profile=brief&language=en");
    page.getByLabel("Headline").fill("Bridge opens in Ahvaz");
    page.locator("select[name=section]").selectOption("iran");
    page.locator(".editor .body").click();
    page.keyboard().type("A new bridge over the Karun opened on Sunday.");
    page.waitForFunction(
        "() => document.querySelector('#teaser')?.textContent.endsWith('Sunday. More')");
    assertThat(page.locator(".teaser-preview").isVisible())
        .as("the brief's teaser as the rail will cut it")
        .isTrue();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true))
        .click();
    page.waitForURL(url -> url.matches(".*/newsroom/items/[0-9]+$"));
    String itemUrl = page.url();
    page.locator(".editor .body").click();
    page.keyboard().press("Control+End");
    page.keyboard().type(" Traffic was light.");
    page.waitForFunction("() => document.querySelector('#autosave').textContent === 'Saved'");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true))
        .click();
    page.waitForURL(itemUrl);

    page.navigate(itemUrl);
    assertThat(page.locator(".editor .body").innerText()).contains("Traffic was light.");
    shoot(page, "item");
    page.navigate(itemUrl + "/compare?from=1&to=2");
    assertThat(page.locator(".diff:not(.typed) ins").innerText()).contains("Traffic was light.");
    assertThat(page.locator(".typed ins[title=reza]").innerText())
        .as("the history says who typed it")
        .contains("Traffic was light.");
    shoot(page, "compare");

    Page persian = as(persianEditor);
    persian.navigate(origin + "/newsroom/");
    assertThat(persian.locator("html").getAttribute("dir")).isEqualTo("rtl");
    shoot(persian, "home-fa");
    persian.navigate(itemUrl);
    assertThat(persian.locator("h2#steps-title").innerText()).isEqualTo("گام‌های بعدی");
    shoot(persian, "item-fa");
    persian.navigate(origin + "/newsroom/items/new?profile=story&language=fa");
    assertThat(persian.locator(".editor .body").evaluate("e => getComputedStyle(e).direction"))
        .as("a Persian item's editor runs right to left")
        .isEqualTo("rtl");
    shoot(persian, "new-story-fa");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "at {0}px")
  @org.junit.jupiter.params.provider.ValueSource(ints = {390, 1280})
  void every_desk_page_of_a_persian_story_runs_right_to_left_and_fits_the_screen(int width) {
    Map<String, String> form = DeskTest.story("قطعی برق در اهواز ادامه دارد");
    form.put("language", "fa");
    form.put("standfirst", "مقام‌ها از جزئیات بیشتری خبر ندادند.");
    form.put(
        "body_text",
        "شرکت برق گفت قطعی‌ها تا پایان هفته ادامه دارد.\n\nبیمارستان‌ها با مولد کار کردند.");
    form.put("credit_name", "پریسا نمونه");
    form.put("subjects_tag", "برق");
    HttpResponse<String> created = persianEditor.post("/newsroom/items", form);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
    String itemPath = created.headers().firstValue("Location").orElseThrow();
    Map<String, String> edit = new java.util.HashMap<>(form);
    edit.put("headline", "قطعی برق در اهواز تا پایان هفته ادامه دارد");
    edit.put("revision", "1");
    assertThat(editor.post(itemPath, edit).statusCode()).isEqualTo(303);
    Map<String, String> mine = new java.util.HashMap<>(form);
    mine.put("headline", "قطعی برق در اهواز و خرمشهر");
    mine.put("revision", "1");
    String conflictPath =
        persianEditor.post(itemPath, mine).headers().firstValue("Location").orElseThrow();
    assertThat(conflictPath).contains("/conflicts/");

    Page page = as(persianEditor);
    page.setViewportSize(width, 900);
    Map<String, String> pages = new java.util.LinkedHashMap<>();
    pages.put("home", "/newsroom/");
    pages.put(
        "search", "/newsroom/?q=" + java.net.URLEncoder.encode("برق", StandardCharsets.UTF_8));
    pages.put("new-brief", "/newsroom/items/new?profile=brief&language=fa");
    pages.put("item", itemPath);
    pages.put("compare", itemPath + "/compare?from=1&to=2");
    pages.put("conflict", conflictPath);
    List<String> problems = new java.util.ArrayList<>();
    for (var entry : pages.entrySet()) {
      page.navigate(origin + entry.getValue());
      problems.addAll(rightToLeft(page, entry.getKey(), width));
    }
    page.navigate(origin + itemPath);
    page.locator("form.share button").click();
    page.waitForLoadState();
    problems.addAll(rightToLeft(page, "shared", width));

    assertThat(problems).isEmpty();
  }

  /** Shoots a Persian desk page and lists what is wrong with its direction or its width. */
  private static List<String> rightToLeft(Page page, String name, int width) {
    List<String> problems = new java.util.ArrayList<>();
    shoot(page, name + "-fa-" + width);
    if (!"rtl".equals(page.locator("html").getAttribute("dir"))
        || !"fa".equals(page.locator("html").getAttribute("lang"))) {
      problems.add(name + ": not a Persian right-to-left page");
    }
    for (String field : List.of("#headline", ".editor .body", "input[name=credit_name]")) {
      if (page.locator(field).count() > 0
          && !"rtl"
              .equals(page.locator(field).first().evaluate("e => getComputedStyle(e).direction"))) {
        problems.add(name + ": " + field + " runs left to right");
      }
    }
    long scrollWidth =
        ((Number) page.evaluate("() => document.documentElement.scrollWidth")).longValue();
    if (scrollWidth > width) {
      problems.add(name + ": " + scrollWidth + "px wide at " + width + "px");
    }
    return problems;
  }

  @Test
  void fields_typed_before_a_lost_connection_are_kept_in_the_browser_with_the_body() {
    HttpResponse<String> created =
        editor.post("/newsroom/items", DeskTest.story("Floods close the Ahvaz road"));
    String itemPath = created.headers().firstValue("Location").orElseThrow();
    Page page = as(editor);
    page.navigate(origin + itemPath);
    page.context().setOffline(true);
    page.getByLabel("Standfirst").fill("Drivers were told to use the old bridge.");
    page.locator("input[name=credit_name]").nth(1).fill("Omid Sample");
    page.locator("select[name=credit_role]").nth(1).selectOption("TRANSLATION");
    page.waitForTimeout(500);
    page.context().setOffline(false);
    page.navigate(origin + "/newsroom/");

    page.navigate(origin + itemPath);

    assertThat(page.getByLabel("Standfirst").inputValue())
        .isEqualTo("Drivers were told to use the old bridge.");
    assertThat(page.locator("input[name=credit_name]").nth(1).inputValue())
        .isEqualTo("Omid Sample");
    assertThat(page.locator("select[name=credit_role]").nth(1).inputValue())
        .isEqualTo("TRANSLATION");
    page.waitForFunction("() => document.querySelector('#autosave').textContent === 'Saved'");
    assertThat(editor.get(itemPath).body()).contains("Drivers were told to use the old bridge.");
  }

  /** Saves a screenshot of the page, after axe finds no serious or critical violation on it. */
  private static void shoot(Page page, String name) {
    Browsers.Audit audit = Browsers.audit(page);
    assertThat(audit.ranRules()).as("rules axe ran on %s and passed", name).isTrue();
    assertThat(audit.seriousOrCritical())
        .as("serious and critical violations on %s", name)
        .isEmpty();
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(SCREENSHOTS.resolve("desk-" + name + ".png"))
            .setFullPage(true));
  }
}
