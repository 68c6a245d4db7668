package news.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.masthead.app.Masthead;
import news.masthead.testing.Browsers;
import news.masthead.testing.Newsrooms;
import news.masthead.testing.Photos;
import news.masthead.testing.TestTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The media library in Debian's Chromium: pictures chosen in the upload form are sent with a
 * progress bar, an SVG among them is refused by name, a click on a picture sets its focal point,
 * and the pages fit a phone and a desktop in English and Persian. Screenshots go to {@code
 * target/screenshots/media-*}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaInBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private Masthead masthead;
  private Playwright playwright;
  private Browser browser;
  private String origin;
  private StaffClient reporter;
  private StaffClient persianReporter;
  private Path data;

  @BeforeAll
  void start(@TempDir Path data) throws Exception {
    TestTools.chromium();
    this.data = data;
    int port = Newsrooms.freePort();
    origin = "http://localhost:" + port;
    masthead = Newsrooms.serve(data, port, origin, Map.of());
    reporter =
        StaffClient.add(masthead, origin, "reza@example.org", "contributor", List.of("iran"));
    persianReporter =
        StaffClient.add(
            masthead, origin, "parisa@example.org", "contributor", List.of("iran"), "fa");
    playwright = Browsers.playwright();
    browser = Browsers.chromium(playwright, Browsers.ARGS);
    Files.createDirectories(SCREENSHOTS);
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

  @ParameterizedTest(name = "at {0}px")
  @ValueSource(ints = {390, 1280})
  void pictures_are_uploaded_refused_by_name_and_given_a_focal_point(int width) throws Exception {
    for (StaffClient who : List.of(reporter, persianReporter)) {
      String language = who == reporter ? "en" : "fa";
      try (BrowserContext context =
          browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900))) {
        context.addCookies(
            List.of(new Cookie("newsroom", who.cookie()).setUrl(origin + "/newsroom/")));
        Page page = context.newPage();
        List<String> errors = new ArrayList<>();
        page.onPageError(errors::add);
        page.navigate(origin + "/newsroom/media");

        page.locator("#picture")
            .setInputFiles(
                new FilePayload[] {
                  new FilePayload("bazaar.jpg", "image/jpeg", Photos.phonePhoto(data, 1200, 800)),
                  new FilePayload(
                      "logo.svg",
                      "image/svg+xml",
                      "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
                          .getBytes(StandardCharsets.UTF_8))
                });
        page.locator("textarea[name=caption]").fill("Shoppers in the covered bazaar.");
        page.locator("textarea[name=alt]").fill("Stalls under a brick vault, lit from above.");
        page.locator("#upload button[type=submit]").click();
        page.waitForFunction(
            "() => document.querySelector('#upload-status').textContent.includes('logo.svg')");

        assertThat(page.locator("#upload-status").textContent()).contains("SVG");
        assertThat(page.locator("#progress").getAttribute("value")).isEqualTo("100");

        page.navigate(origin + "/newsroom/media");
        assertThat(page.locator("html").getAttribute("dir"))
            .isEqualTo(language.equals("fa") ? "rtl" : "ltr");
        page.locator(".pictures img").first().waitFor();
        page.waitForFunction(
            "() => { const i = document.querySelector('.pictures img');"
                + " return i.complete && i.naturalWidth === 320; }");
        fits(page, width);
        shoot(page, "library-" + language + "-" + width);

        page.locator(".pictures a").first().click();
        page.locator("#focal-picture").waitFor();
        var box = page.locator("#focal-picture").boundingBox();
        page.locator("#focal-picture")
            .click(
                new com.microsoft.playwright.Locator.ClickOptions()
                    .setPosition(box.width * 0.25, box.height * 0.75));
        assertThat(page.locator("#focal_x").inputValue()).isEqualTo("0.25");
        assertThat(page.locator("#focal_y").inputValue()).isEqualTo("0.75");
        page.locator("form.describe button[type=submit]").click();
        page.waitForURL("**/newsroom/media/*");
        assertThat(page.locator("#focal_x").inputValue()).isEqualTo("0.25");
        assertThat(page.content()).contains("GPS");
        page.waitForFunction(
            "() => [...document.querySelectorAll('.shapes img')]"
                + ".every(i => i.complete && i.naturalWidth > 0)");
        fits(page, width);
        shoot(page, "picture-" + language + "-" + width);
        assertThat(errors).isEmpty();
      }
    }
  }

  private static void fits(Page page, int width) {
    Number scroll = (Number) page.evaluate("() => document.documentElement.scrollWidth");
    assertThat(scroll.intValue()).as("page width at %d px", width).isLessThanOrEqualTo(width);
  }

  private static void shoot(Page page, String name) {
    Browsers.Audit audit = Browsers.audit(page);
    assertThat(audit.seriousOrCritical())
        .as("serious and critical violations on %s", name)
        .isEmpty();
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(SCREENSHOTS.resolve("media-" + name + ".png"))
            .setFullPage(true));
  }
}
