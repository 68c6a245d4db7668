package news.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import news.masthead.app.Masthead;
import news.masthead.app.Settings;
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
    Path chromium = TestTools.chromium();
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    // A passkey's relying party is a host name, and Chromium treats http://localhost as secure.
    origin = "http://localhost:" + port;
    masthead =
        Masthead.open(
                Settings.standalone(
                    Map.of(
                        "data",
                        data.toString(),
                        "port",
                        Integer.toString(port),
                        "base.url",
                        origin,
                        "metrics",
                        "off")))
            .serve();
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run")));
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
    page.locator("#code").fill(code(secret));
    page.locator("form[action$=password] button").click();
    assertThat(page.locator(".problem").innerText())
        .as("a common password is refused, in Persian")
        .contains("این گذرواژه پذیرفته نیست");
    secret = page.locator("#totp-secret").innerText().strip();
    page.locator("#password").fill("lantern orchard quietly tuesday");
    page.locator("#code").fill(code(secret));
    page.locator("form[action$=password] button").click();
    page.waitForURL(origin + "/newsroom/");
    shoot(page, "home-contributor-fa");

    page.locator("form.sign-out button").click();
    page.waitForURL(origin + "/newsroom/sign-in");
    page.locator("details.password summary").click();
    page.locator("#email").fill("cyrus@example.org");
    page.locator("#password").fill("lantern orchard quietly tuesday");
    page.locator("#code").fill(code(secret));
    page.locator("form[action$='sign-in/password'] button").click();
    page.waitForURL(origin + "/newsroom/");
    assertThat(page.locator("h1").innerText()).contains("Cyrus Contributor");
  }

  private static String code(String secret) {
    try {
      var totp = new com.eatthepath.otp.TimeBasedOneTimePasswordGenerator();
      var key =
          new javax.crypto.spec.SecretKeySpec(
              new org.apache.commons.codec.binary.Base32().decode(secret), "HmacSHA1");
      return String.format("%06d", totp.generateOneTimePassword(key, java.time.Instant.now()));
    } catch (java.security.InvalidKeyException e) {
      throw new AssertionError(e);
    }
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
