package news.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The newsroom's door in Debian's Chromium with a virtual authenticator (the DevTools WebAuthn
 * domain): an admin made from the command line enrols with their link and a passkey, signs out, and
 * signs in again with the passkey; the used link is refused; an admin ends another's session.
 * Screenshots of every page go to {@code target/screenshots/newsroom-*}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsroomInBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private Masthead masthead;
  private Playwright playwright;
  private Browser browser;
  private String origin;
  private BrowserContext context;

  @BeforeAll
  void start(@TempDir Path data) throws IOException {
    TestTools.chromium(); // fails first, naming what to install, before a server starts
    int port = Newsrooms.freePort();
    // A passkey's relying party is a host name, and Chromium treats http://localhost as secure.
    origin = "http://localhost:" + port;
    masthead = Newsrooms.serve(data, port, origin, Map.of());
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

  @Test
  void an_admin_enrols_from_the_command_lines_link_with_a_passkey_and_signs_in_with_it_again() {
    String link = masthead.addStaff("ada@example.org", "Ada Admin", "admin", List.of(), "en");
    assertThat(link).startsWith(origin + "/newsroom/enrol/");
    Page page = pageWithAuthenticator();

    Response enrolPage = page.navigate(link);
    assertThat(enrolPage.status()).isEqualTo(200);
    assertThat(enrolPage.headers().get("cache-control")).isEqualTo("no-store");
    assertThat(enrolPage.headers().get("content-security-policy")).contains("script-src 'self'");
    shoot(page, "enrol");
    page.getByLabel("Name of this passkey").fill("work laptop");
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Register a passkey"))
        .click();
    page.waitForURL(origin + "/newsroom/account");
    assertThat(page.locator("table").first().innerText()).contains("work laptop");
    shoot(page, "account");

    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Sign out"))
        .click();
    try {
      page.waitForURL(origin + "/newsroom/sign-in");
    } catch (com.microsoft.playwright.TimeoutError e) {
      throw new AssertionError(
          "after signing out: " + page.url() + "\n" + page.innerText("body"), e);
    }
    shoot(page, "sign-in");
    assertThat(page.navigate(origin + "/newsroom/account").status()).isEqualTo(403);

    page.navigate(origin + "/newsroom/sign-in");
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Sign in with a passkey"))
        .click();
    try {
      page.waitForURL(origin + "/newsroom/");
    } catch (com.microsoft.playwright.TimeoutError e) {
      throw new AssertionError(
          "after signing in: " + page.url() + "\n" + page.innerText("body"), e);
    }
    assertThat(page.locator("h1").innerText()).isEqualTo("Welcome, Ada Admin");
    shoot(page, "home");

    page.navigate(origin + "/newsroom/confirm");
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Confirm with a passkey"))
        .click();
    page.waitForURL(origin + "/newsroom/account");
    page.locator("form[action$='/remove'] button").first().click();
    assertThat(page.locator(".detail").innerText())
        .as("removing one's only passkey")
        .contains("your only passkey");
    assertThat(masthead.staff().auditLog("sign-in", "ada@example.org", 10))
        .extracting(news.masthead.content.AuditEntry::detail)
        .contains("passkey work laptop", "enrolment");

    masthead.addStaff("reza@example.org", "Reza Reporter", "contributor", List.of("iran"), "en");
    page.navigate(origin + "/newsroom/staff");
    long reza = masthead.staff().findByEmail("reza@example.org").orElseThrow().id();
    page.locator("#role-" + reza).selectOption("editor");
    page.locator("#sections-" + reza).fill("iran,iraq");
    page.locator("form[action$='/" + reza + "/role'] button").click();
    page.waitForURL(origin + "/newsroom/staff");
    assertThat(masthead.staff().find(reza).orElseThrow().role())
        .isEqualTo(news.masthead.content.Role.EDITOR);
    assertThat(masthead.staff().find(reza).orElseThrow().sections())
        .extracting(news.masthead.content.Slug::value)
        .containsExactly("iran", "iraq");
    shoot(page, "staff");

    Response replay = page.navigate(link);
    assertThat(replay.status()).as("the enrolment link, used once already").isEqualTo(400);
    assertThat(page.locator(".detail").innerText()).contains("used already");
  }

  @Test
  void a_contributor_enrols_with_a_password_and_one_time_codes_and_signs_in_with_them() {
    String link =
        masthead.addStaff(
            "cyrus@example.org", "Cyrus Contributor", "contributor", List.of("iran"), "fa");
    Page page = pageWithAuthenticator();

    page.navigate(link);
    assertThat(page.locator("html").getAttribute("dir")).isEqualTo("rtl");
    shoot(page, "enrol-contributor-fa");
    String secret = page.locator("#totp-secret").innerText().strip();
    page.locator("#password").fill("password123456");
    page.locator("#code").fill(Newsrooms.code(secret, 0));
    page.locator("form[action$=password] button").click();
    assertThat(page.locator(".problem").innerText())
        .as("a common password is refused, in Persian")
        .contains("این گذرواژه پذیرفته نیست");
    secret = page.locator("#totp-secret").innerText().strip();
    page.locator("#password").fill("lantern orchard quietly tuesday");
    page.locator("#code").fill(Newsrooms.code(secret, 0));
    page.locator("form[action$=password] button").click();
    page.waitForURL(origin + "/newsroom/");
    shoot(page, "home-contributor-fa");

    page.locator("form.sign-out button").click();
    page.waitForURL(origin + "/newsroom/sign-in");
    page.locator("details.password summary").click();
    page.locator("#email").fill("cyrus@example.org");
    page.locator("#password").fill("lantern orchard quietly tuesday");
    page.locator("#code").fill(Newsrooms.code(secret, 0));
    page.locator("form[action$='sign-in/password'] button").click();
    page.waitForURL(origin + "/newsroom/");
    assertThat(page.locator("h1").innerText()).contains("Cyrus Contributor");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} at {1}px")
  @org.junit.jupiter.params.provider.CsvSource({"en,390", "en,1280", "fa,390", "fa,1280"})
  void every_newsroom_page_reads_in_its_language_fits_the_screen_and_passes_axe(
      String language, int width) {
    String email = "pages-" + language + width + "@example.org";
    String link = masthead.addStaff(email, "Parisa Pages", "admin", List.of("iran"), language);
    var member = masthead.staff().findByEmail(email).orElseThrow();
    String id = Secrets.token();
    java.time.Instant now = java.time.Instant.now();
    masthead
        .staff()
        .startSession(
            new news.masthead.content.StaffSession(
                Secrets.hash(id), member.id(), Secrets.token(), now, now, now, "test", "test"),
            news.masthead.content.AuditEntry.of(
                member.id(), email, "sign-in", email, "test", "test"));
    context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(width, 900)
                .setLocale(language.equals("fa") ? "fa-IR" : "en-GB"));
    Page page = context.newPage();
    page.setDefaultTimeout(15_000);
    Map<String, String> pages = new java.util.LinkedHashMap<>();
    pages.put("sign-in", origin + "/newsroom/sign-in?lang=" + language);
    pages.put("enrol", link);
    Map<String, String> signedIn = new java.util.LinkedHashMap<>();
    signedIn.put("home", origin + "/newsroom/");
    signedIn.put("account", origin + "/newsroom/account");
    signedIn.put("staff", origin + "/newsroom/staff");
    signedIn.put("audit", origin + "/newsroom/audit");
    signedIn.put("confirm", origin + "/newsroom/confirm");
    signedIn.put("refused", origin + "/newsroom/staff/999999/nothing");
    List<String> problems = new ArrayList<>();
    for (var entry : pages.entrySet()) {
      problems.addAll(check(page, entry.getKey(), entry.getValue(), language, width));
    }
    context.addCookies(
        List.of(
            new com.microsoft.playwright.options.Cookie("newsroom", id)
                .setDomain("localhost")
                .setPath("/newsroom")
                .setHttpOnly(true)
                .setSameSite(com.microsoft.playwright.options.SameSiteAttribute.STRICT)));
    for (var entry : signedIn.entrySet()) {
      problems.addAll(check(page, entry.getKey(), entry.getValue(), language, width));
    }

    assertThat(problems).isEmpty();
  }

  /** Opens a page, saves its screenshot, and lists what is wrong with it. */
  private List<String> check(Page page, String name, String url, String language, int width) {
    List<String> problems = new ArrayList<>();
    if (url.contains("/nothing")) {
      page.navigate(origin + "/newsroom/staff");
      page.evaluate(
          "u => { const f = document.createElement('form'); f.method = 'post'; f.action = u;"
              + " const c = document.createElement('input'); c.name = 'csrf';"
              + " c.value = document.querySelector('input[name=csrf]').value; f.append(c);"
              + " document.body.append(f); f.submit(); }",
          url);
      page.waitForLoadState();
    } else {
      page.navigate(url);
    }
    shoot(page, name + "-" + language + "-" + width);
    if (!language.equals(page.locator("html").getAttribute("lang"))) {
      problems.add(name + ": lang is " + page.locator("html").getAttribute("lang"));
    }
    String dir = language.equals("fa") ? "rtl" : "ltr";
    if (!dir.equals(page.locator("html").getAttribute("dir"))) {
      problems.add(name + ": dir is " + page.locator("html").getAttribute("dir"));
    }
    long scrollWidth =
        ((Number) page.evaluate("() => document.documentElement.scrollWidth")).longValue();
    if (scrollWidth > width) {
      problems.add(
          name
              + ": "
              + scrollWidth
              + "px wide at "
              + width
              + "px, because of "
              + page.evaluate(
                  "() => { const w = document.documentElement.clientWidth; return [...document.body"
                      + ".querySelectorAll('*')].filter(e => { const r = e.getBoundingClientRect();"
                      + " return r.width > 0 && (r.right > w + 0.5 || r.left < -0.5)"
                      + " && !(e.parentElement && e.parentElement.closest('.scroll')); }).slice(0, 6).map(e => e.tagName"
                      + " + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)); }"));
    }
    var results = new com.deque.html.axecore.playwright.AxeBuilder(page).analyze();
    results.getViolations().stream()
        .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
        .forEach(
            v ->
                problems.add(
                    name
                        + ": "
                        + v.getImpact()
                        + " "
                        + v.getId()
                        + " at "
                        + v.getNodes().stream()
                            .limit(3)
                            .map(n -> String.valueOf(n.getTarget()))
                            .toList()));
    return problems;
  }

  private Page pageWithAuthenticator() {
    context =
        browser.newContext(
            new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"));
    Page page = context.newPage();
    page.setDefaultTimeout(15_000);
    CDPSession devTools = context.newCDPSession(page);
    devTools.send("WebAuthn.enable");
    JsonObject options = new JsonObject();
    options.addProperty("protocol", "ctap2");
    options.addProperty("transport", "internal");
    options.addProperty("hasResidentKey", true);
    options.addProperty("hasUserVerification", true);
    options.addProperty("isUserVerified", true);
    options.addProperty("automaticPresenceSimulation", true);
    JsonObject params = new JsonObject();
    params.add("options", options);
    devTools.send("WebAuthn.addVirtualAuthenticator", params);
    return page;
  }

  private static void shoot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(SCREENSHOTS.resolve("newsroom-" + name + ".png"))
            .setFullPage(true));
  }
}
