package news.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FilePayload;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import news.masthead.app.Masthead;
import news.masthead.testing.Browsers;
import news.masthead.testing.Newsrooms;
import news.masthead.testing.Photos;
import news.masthead.testing.TestTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A picture's way from a reporter's upload to readers, in Debian's Chromium: uploaded in the media
 * library, chosen as a story's lead on the desk (its words filled in from the library), published,
 * and seen on the story page and the front page at phone and desktop widths, in the rendition the
 * screen needs, with no layout shift. Screenshots go to {@code target/screenshots/pictures-*}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PicturesInBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private Masthead masthead;
  private Playwright playwright;
  private Browser browser;
  private String origin;
  private StaffClient reporter;
  private StaffClient editor;
  private Path data;

  @BeforeAll
  void start(@TempDir Path data) throws Exception {
    TestTools.chromium();
    this.data = data;
    int port = Newsrooms.freePort();
    origin = "http://localhost:" + port;
    masthead = Newsrooms.serve(data, port, origin, Map.of());
    Newsrooms.importDemo(masthead, data);
    reporter =
        StaffClient.add(masthead, origin, "reza@example.org", "contributor", List.of("iran"));
    editor = StaffClient.add(masthead, origin, "mina@example.org", "editor", List.of("iran"));
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

  @Test
  void a_persian_story_shows_its_picture_and_caption_right_to_left_on_a_phone() throws Exception {
    StaffClient writer =
        StaffClient.add(
            masthead, origin, "parisa@example.org", "contributor", List.of("iran"), "fa");
    HttpResponse<String> uploaded =
        writer.upload(
            "/newsroom/media",
            Map.of(
                "caption", "قایق‌های ماهیگیری در اسکلهٔ بندرعباس.",
                "credit", "عکاس خبرگزاری",
                "alt", "قایق‌های کوچک آبی کنار هم در اسکله.",
                "rights", "",
                "language", "fa"),
            List.of(new StaffClient.Upload("boats.jpg", Photos.phonePhoto(data, 1800, 1200))),
            true);
    java.util.regex.Matcher number =
        java.util.regex.Pattern.compile("href=\"/newsroom/media/([0-9]+)\"><bdi>boats.jpg")
            .matcher(uploaded.body());
    assertThat(number.find()).as(uploaded.body()).isTrue();
    Map<String, String> form =
        new java.util.HashMap<>(DeskTest.story("ماهیگیران بندرعباس در انتظار پایان طوفان"));
    form.put("language", "fa");
    form.put("standfirst", "قایق‌ها برای سومین روز در بندر ماندند.");
    form.put("body_text", "به گفتهٔ ادارهٔ بندر، قایق‌ها روز سه‌شنبه هم در بندر ماندند.");
    form.put("credit_name", "پریسا نمونه");
    form.put("subjects_tag", "");
    form.put("lead_picture", number.group(1));
    form.put("lead_alt", "قایق‌های کوچک آبی کنار هم در اسکله.");
    form.put("lead_caption", "قایق‌های ماهیگیری در اسکلهٔ بندرعباس.");
    HttpResponse<String> created = writer.post("/newsroom/items", form);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
    String itemPath = created.headers().firstValue("Location").orElseThrow();
    long id = Long.parseLong(itemPath.substring(itemPath.lastIndexOf('/') + 1));
    StaffClient persianEditor =
        StaffClient.add(masthead, origin, "dariush@example.org", "editor", List.of("iran"), "fa");
    assertThat(
            persianEditor
                .post(
                    itemPath + "/steps/publish",
                    Map.of("revision", Integer.toString(persianEditor.latest(id)), "text", ""))
                .statusCode())
        .isEqualTo(303);

    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 900))) {
      Page page = context.newPage();
      page.navigate(origin + "/fa/iran/" + id);
      page.waitForFunction(
          "() => { const i = document.querySelector('figure.lead-picture img');"
              + " return i && i.complete && i.naturalWidth > 0; }");
      assertThat(page.locator("html").getAttribute("dir")).isEqualTo("rtl");
      assertThat(page.locator("figure.lead-picture figcaption").textContent())
          .contains("قایق‌های ماهیگیری در اسکلهٔ بندرعباس.")
          .contains("عکس: عکاس خبرگزاری");
      assertThat(
              (String)
                  page.locator("figure.lead-picture figcaption")
                      .evaluate("e => getComputedStyle(e).direction"))
          .isEqualTo("rtl");
      Number scroll = (Number) page.evaluate("() => document.documentElement.scrollWidth");
      assertThat(scroll.intValue()).isLessThanOrEqualTo(390);
      assertThat(Browsers.audit(page).seriousOrCritical()).isEmpty();
      page.screenshot(
          new Page.ScreenshotOptions()
              .setPath(SCREENSHOTS.resolve("pictures-story-fa-390.png"))
              .setFullPage(false));
    }
  }

  @Test
  void a_picture_uploaded_and_chosen_on_the_desk_is_seen_by_readers_on_phones_and_desktops()
      throws Exception {
    String itemPath;
    try (BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
      context.addCookies(
          List.of(new Cookie("newsroom", reporter.cookie()).setUrl(origin + "/newsroom/")));
      Page page = context.newPage();
      List<String> errors = new ArrayList<>();
      page.onPageError(errors::add);
      page.navigate(origin + "/newsroom/media");
      page.locator("#picture")
          .setInputFiles(
              new FilePayload[] {
                new FilePayload("harbour.jpg", "image/jpeg", Photos.phonePhoto(data, 2400, 1600))
              });
      page.locator("textarea[name=caption]").fill("Fishing boats moored at Bandar Abbas.");
      page.locator("input[name=credit], textarea[name=credit]").first().fill("Staff photographer");
      page.locator("textarea[name=alt]").fill("Small blue boats tied side by side at a quay.");
      page.locator("#upload button[type=submit]").click();
      page.waitForFunction( // once all is sent the library shows itself again, the upload listed
          "() => [...document.querySelectorAll('.pictures p')]"
              + ".some(p => p.textContent.includes('Fishing boats moored'))");

      page.navigate(origin + "/newsroom/items/new?profile=story&language=en");
      page.getByLabel("Headline").fill("Fishermen in Bandar Abbas wait out the storm");
      page.locator(".editor .body").click();
      page.keyboard().type("Boats stayed in port for a third day on Tuesday, the port said.");
      page.locator("select[name=section]").selectOption("iran");
      page.locator(".lead-choice .choice input[value]:not([value=''])").first().check();
      assertThat(page.locator("input[name=lead_alt]").inputValue())
          .as("the library's words are offered")
          .isEqualTo("Small blue boats tied side by side at a quay.");
      assertThat(page.locator("textarea[name=lead_caption]").inputValue())
          .isEqualTo("Fishing boats moored at Bandar Abbas.");
      page.locator(".editor .body p").last().click();
      page.keyboard().press("End");
      page.keyboard().press("Enter");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Picture").setExact(true))
          .click();
      page.locator("dialog.picture-picker .choice").first().click();
      page.locator(".editor figure.picture input[aria-label='Caption']").fill("The quay at noon.");
      assertThat(page.locator(".editor figure.picture input").first().inputValue())
          .as("what it shows comes from the library")
          .isEqualTo("Small blue boats tied side by side at a quay.");
      page.locator(".editor")
          .screenshot(
              new com.microsoft.playwright.Locator.ScreenshotOptions()
                  .setPath(SCREENSHOTS.resolve("pictures-desk-body.png")));
      page.locator(".lead-choice")
          .screenshot(
              new com.microsoft.playwright.Locator.ScreenshotOptions()
                  .setPath(SCREENSHOTS.resolve("pictures-desk-choice.png")));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true))
          .click();
      page.waitForURL(url -> url.matches(".*/newsroom/items/[0-9]+$"));
      itemPath = page.url().replaceFirst("^https?://[^/]+", "");
      assertThat(errors).isEmpty();
    }
    long id = Long.parseLong(itemPath.substring(itemPath.lastIndexOf('/') + 1));
    assertThat(
            editor
                .post(
                    itemPath + "/steps/publish",
                    Map.of("revision", Integer.toString(editor.latest(id)), "text", ""))
                .statusCode())
        .isEqualTo(303);

    for (int width : new int[] {390, 1280}) {
      try (BrowserContext context =
          browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900))) {
        Page page = context.newPage();
        AtomicLong bytes = new AtomicLong();
        page.onResponse(
            r -> {
              try {
                bytes.addAndGet(r.body().length);
              } catch (RuntimeException e) {
                // a response without a body (a redirect) adds nothing
              }
            });
        page.navigate(origin + "/iran/" + id);
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        var lead = page.locator("figure.lead-picture img");
        page.waitForFunction(
            "() => { const i = document.querySelector('figure.lead-picture img');"
                + " return i.complete && i.naturalWidth > 0; }");
        String chosen = (String) lead.evaluate("i => i.currentSrc");
        assertThat(chosen).as("Chromium takes the WebP").endsWith(".webp");
        int natural = Integer.parseInt(chosen.replaceFirst(".*-([0-9]+)\\.webp$", "$1"));
        int shown = ((Number) lead.evaluate("i => i.getBoundingClientRect().width")).intValue();
        assertThat(natural)
            .as("a rendition at least as wide as shown, and not needlessly wider")
            .isGreaterThanOrEqualTo(shown)
            .isLessThanOrEqualTo(Math.max(480, shown * 2));
        assertThat(page.locator("figure.lead-picture figcaption").textContent())
            .contains("Fishing boats moored at Bandar Abbas.")
            .contains("Staff photographer");
        assertThat(page.locator(".body figure.picture figcaption").textContent())
            .contains("The quay at noon.");
        assertThat(page.locator(".body figure.picture img").getAttribute("loading"))
            .isEqualTo("lazy");
        Number scroll = (Number) page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(scroll.intValue()).isLessThanOrEqualTo(width);
        assertThat(Browsers.audit(page).seriousOrCritical()).isEmpty();
        System.out.printf(
            "pictures: story page at %d px downloads %d bytes, lead %s (%d px for %d px)%n",
            width, bytes.get(), chosen.replaceFirst(".*/", ""), natural, shown);
        page.screenshot(
            new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("pictures-story-" + width + ".png"))
                .setFullPage(true));

        page.navigate(origin + "/");
        page.waitForFunction(
            "() => { const i = document.querySelector('.card-picture img');"
                + " return i && i.complete && i.naturalWidth > 0; }");
        assertThat(Browsers.audit(page).seriousOrCritical()).isEmpty();
        page.screenshot(
            new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("pictures-front-" + width + ".png"))
                .setFullPage(false));
      }
    }
  }
}
