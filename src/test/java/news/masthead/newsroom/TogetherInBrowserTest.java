package news.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.masthead.app.Masthead;
import news.masthead.testing.Browsers;
import news.masthead.testing.Newsrooms;
import news.masthead.testing.TestDatabases;
import news.masthead.testing.TestTools;
import news.masthead.together.Together;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live co-editing in Debian's Chromium, on two nodes sharing one PostgreSQL database (each person
 * on their own node, as a load balancer with no sticky sessions would send them): people typing in
 * one story at once see each other's text and carets, and end with the same body as the server;
 * steps typed offline are kept in the browser and sent when the connection returns.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TogetherInBrowserTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private String url;
  private Masthead first;
  private Masthead second;
  private String firstOrigin;
  private String secondOrigin;
  private Playwright playwright;
  private Browser browser;
  private final List<BrowserContext> contexts = new ArrayList<>();
  private StaffClient reporter;
  private StaffClient editor;
  private StaffClient translator;

  @BeforeAll
  void start(@TempDir Path one, @TempDir Path two) throws Exception {
    TestTools.chromium();
    url = TestDatabases.createPostgres();
    int port = Newsrooms.freePort();
    firstOrigin = "http://localhost:" + port;
    first = Newsrooms.serve(one, port, firstOrigin, Map.of("db.url", url, "mode", "development"));
    Newsrooms.importDemo(first, one);
    int secondPort = Newsrooms.freePort();
    secondOrigin = "http://localhost:" + secondPort;
    second =
        Newsrooms.serve(
            two, secondPort, secondOrigin, Map.of("db.url", url, "mode", "development"));
    reporter =
        StaffClient.add(first, firstOrigin, "reza@example.org", "contributor", List.of("iran"));
    editor = StaffClient.add(first, firstOrigin, "eda@example.org", "editor", List.of("iran"));
    translator =
        StaffClient.add(first, firstOrigin, "parisa@example.org", "editor", List.of("iran"), "fa");
    playwright = Browsers.playwright();
    browser = Browsers.chromium(playwright, Browsers.ARGS);
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
    first.close();
    second.close();
    TestDatabases.dropPostgres(url);
  }

  private Page open(StaffClient who, String origin, String path) {
    BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    contexts.add(context);
    context.addCookies(List.of(new Cookie("newsroom", who.cookie()).setUrl(origin + "/newsroom/")));
    List<String> problems = new ArrayList<>();
    Page page = context.newPage();
    page.onPageError(problems::add);
    page.onClose(p -> assertThat(problems).as("script errors on %s", p.url()).isEmpty());
    page.navigate(origin + path);
    page.waitForFunction("() => document.querySelector('#autosave') !== null");
    page.waitForFunction(
        "() => document.querySelector('.editor .body') && document.querySelector('.present')");
    return page;
  }

  private String write(String headline) {
    HttpResponse<String> created = reporter.post("/newsroom/items", DeskTest.story(headline));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
    return created.headers().firstValue("Location").orElseThrow();
  }

  private static void waitForAll(List<Page> pages, String text) {
    for (Page page : pages) {
      page.waitForFunction(
          "t => document.querySelector('.editor .body').textContent.includes(t)", text);
    }
  }

  /** Clicks the body's first or last paragraph and types at its end, as a person would. */
  private static void typeAtEnd(Page page, String which, String text) {
    var paragraph = page.locator(".editor .body p");
    (which.equals("first") ? paragraph.first() : paragraph.last()).click();
    page.keyboard().press("End");
    page.keyboard().type(text);
  }

  private static String bodyText(Page page) {
    return page.locator(".editor .body").textContent();
  }

  @Test
  void
      three_people_typing_in_one_story_on_two_nodes_end_with_the_same_text_as_the_server_and_history_shows_who_typed_what() {
    String item = write("Karun bridge closes for repairs");
    Page reza = open(reporter, firstOrigin, item);
    Page eda = open(editor, secondOrigin, item);
    Page parisa = open(translator, firstOrigin, item);

    reza.locator(".editor .body p").first().click();
    reza.keyboard().press("Home");
    eda.locator(".editor .body p").last().click();
    eda.keyboard().press("End");
    parisa.locator(".editor .body p").last().click();
    parisa.keyboard().press("Home");
    // In turns, each waiting until the others see what the last one typed: what concurrent
    // typing does is bench/together-fuzz's to find.
    reza.keyboard().type("Update: the ministry confirmed the closure. ");
    waitForAll(List.of(reza, eda, parisa), "Update: the ministry confirmed the closure.");
    eda.keyboard().type(" Drivers should use the old road.");
    waitForAll(List.of(reza, eda, parisa), "Drivers should use the old road.");
    parisa.keyboard().type("ترجمه در راه است. ");
    waitForAll(List.of(reza, eda, parisa), "ترجمه در راه است.");

    for (Page page : List.of(reza, eda, parisa)) {
      page.waitForFunction(
          "() => { const t = document.querySelector('.editor .body').textContent;"
              + " return t.includes('Update: the ministry confirmed the closure.')"
              + " && t.includes('Drivers should use the old road.')"
              + " && t.includes('ترجمه در راه است.')"
              + " && document.querySelector('input[name=together_hash]').value !== ''; }");
    }
    assertThat(bodyText(eda)).isEqualTo(bodyText(reza)).isEqualTo(bodyText(parisa));
    long id = Long.parseLong(item.substring(item.lastIndexOf('/') + 1));
    var server = JSON.readTree(editor.get("/newsroom/items/" + id + "/together").body());
    for (Page page : List.of(reza, eda, parisa)) {
      assertThat(page.locator("input[name=together_hash]").first().inputValue())
          .as("each browser's copy hashes as the server's")
          .isEqualTo(server.path("hash").asString());
    }
    assertThat(server.path("hash").asString())
        .isEqualTo(Together.hash(server.path("doc").toString()));
    reza.waitForFunction(
        "() => [...document.querySelectorAll('.present li')].map(li => li.textContent).join()"
            + ".includes('eda')");
    reza.waitForFunction("() => document.querySelectorAll('.editor .caret').length >= 1");
    reza.screenshot(
        new Page.ScreenshotOptions()
            .setPath(SCREENSHOTS.resolve("desk-together.png"))
            .setFullPage(false));

    reza.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true))
        .click();
    reza.waitForURL(firstOrigin + item);
    eda.navigate(secondOrigin + "/newsroom/items/" + id + "/compare?from=1&to=2");
    assertThat(eda.locator("h2").allTextContents()).contains("Who typed what");
    assertThat(eda.locator(".typists li").allTextContents())
        .containsExactlyInAnyOrder("reza", "eda", "parisa");
    assertThat(eda.locator(".typed ins[title=reza]").allTextContents())
        .anyMatch(t -> t.contains("Update: the ministry confirmed the closure."));
    assertThat(eda.locator(".typed ins[title=eda]").allTextContents())
        .anyMatch(t -> t.contains("Drivers should use the old road."));
    assertThat(eda.locator(".typed ins[title=parisa]").allTextContents())
        .anyMatch(t -> t.contains("ترجمه در راه است."));
    eda.screenshot(
        new Page.ScreenshotOptions()
            .setPath(SCREENSHOTS.resolve("desk-who-typed-what.png"))
            .setFullPage(true));
  }

  @Test
  void words_typed_offline_are_kept_in_the_browser_and_reach_everyone_when_back_online() {
    String item = write("Ahvaz power cuts end");
    Page eda = open(editor, firstOrigin, item);
    eda.context().setOffline(true);
    typeAtEnd(eda, "first", " Hospitals ran on generators.");
    // more keystrokes than one batch carries: they go back in several
    eda.keyboard().type(" Power returned street by street.".repeat(13));
    eda.waitForTimeout(500);
    BrowserContext offline = eda.context();
    eda.close();
    Page reza = open(reporter, secondOrigin, item);
    typeAtEnd(reza, "last", " Schools reopen on Sunday.");
    reza.waitForFunction("() => document.querySelector('#autosave').textContent === 'Saved'");

    offline.setOffline(false);
    Page back = offline.newPage();
    back.navigate(firstOrigin + item);

    reza.waitForFunction(
        "() => document.querySelector('.editor .body').textContent.includes('generators')");
    back.waitForFunction(
        "() => { const t = document.querySelector('.editor .body').textContent;"
            + " return t.includes('generators') && t.includes('Schools reopen on Sunday.'); }");
    for (Page page : List.of(back, reza)) {
      page.waitForFunction(
          "() => document.querySelector('.editor .body').textContent"
              + ".split('Power returned street by street.').length === 14");
    }
    assertThat(bodyText(back)).isEqualTo(bodyText(reza));
    assertThat(editor.get(item + "/together").body().split("Power returned", -1)).hasSize(14);
  }

  @Test
  void two_tabs_in_one_browser_keep_their_own_work_and_a_closed_tabs_is_sent_by_the_next() {
    String item = write("Zanjan bus drivers strike");
    Page first = open(editor, firstOrigin, item);
    // The first tab's steps cannot get through; what it types waits in the browser.
    first.route("**/together/steps", route -> route.abort());
    typeAtEnd(first, "first", " Depots stayed shut.");
    first.waitForTimeout(500);
    Page second = first.context().newPage();
    second.navigate(firstOrigin + item);
    second.waitForFunction(
        "() => document.querySelector('.editor .body')?.isContentEditable"
            + " && document.querySelector('input[name=together_version]')");
    typeAtEnd(second, "last", " Talks resume on Monday.");
    second.waitForFunction("() => document.querySelector('#autosave').textContent === 'Saved'");
    assertThat(bodyText(second))
        .as("the second tab took none of the first's work")
        .doesNotContain("Depots");

    first.close();
    Page third = second.context().newPage();
    third.navigate(firstOrigin + item);
    third.waitForFunction(
        "() => { const t = document.querySelector('.editor .body')?.textContent || '';"
            + " return t.includes('Depots stayed shut.') && t.includes('Talks resume on Monday.'); }");
    second.waitForFunction(
        "() => document.querySelector('.editor .body').textContent.includes('Depots stayed shut.')");
    assertThat(editor.get(item + "/together").body())
        .contains("Depots stayed shut.")
        .contains("Talks resume on Monday.");
    third.close();
  }

  @Test
  void work_based_on_steps_no_longer_kept_becomes_a_conflict_draft_where_a_paragraph_is_kept()
      throws Exception {
    String item = write("Karaj metro line opens");
    long id = Long.parseLong(item.substring(item.lastIndexOf('/') + 1));
    Page eda = open(editor, firstOrigin, item);
    eda.context().setOffline(true);
    typeAtEnd(eda, "first", " Fares are free for a week.");
    eda.waitForTimeout(500);
    BrowserContext offline = eda.context();
    eda.close();

    Page reza = open(reporter, secondOrigin, item);
    typeAtEnd(reza, "first", " Trains run every ten minutes.");
    reza.waitForFunction("() => document.querySelector('#autosave').textContent === 'Saved'");
    saveTogether(id, item);
    // A month on, the next revision trims the steps Eda's copy was based on.
    try (var db = java.sql.DriverManager.getConnection(url, TestDatabases.USER, "");
        var old = db.prepareStatement("UPDATE body_steps SET made_at = 0 WHERE item_id = ?")) {
      old.setLong(1, id);
      old.executeUpdate();
    }
    typeAtEnd(reza, "last", " Stations open at six.");
    reza.waitForFunction("() => document.querySelector('#autosave').textContent === 'Saved'");
    saveTogether(id, item);

    offline.setOffline(false);
    Page back = offline.newPage();
    back.navigate(firstOrigin + item);
    back.waitForSelector("#autosave a[href*=conflicts]");
    assertThat(back.locator(".editor .body").getAttribute("contenteditable"))
        .as("a copy kept as a draft takes no more typing")
        .isEqualTo("false");
    assertThat(bodyText(reza)).contains("Trains run").doesNotContain("Fares are free");
    back.reload();
    assertThat(back.locator("#history ul.kept li").textContent())
        .as("the history lists the copy kept beside the live text")
        .contains("Keep mine, paragraph by paragraph");
    back.locator("#history")
        .screenshot(
            new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("desk-together-history.png")));
    back.locator("#history ul.kept a[href*=conflicts]").click();
    back.waitForURL(u -> u.contains("/conflicts/"));
    back.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("desk-together-draft.png")));
    assertThat(back.locator("fieldset.conflict").first().textContent())
        .contains("Fares are free for a week.")
        .contains("Trains run every ten minutes.");
    assertThat(back.locator("fieldset.conflict").first().textContent()).contains("Keep mine:");
    back.locator("fieldset.conflict input[value=mine]").first().check();
    back.locator("form.conflicts button[type=submit]").click();
    back.waitForURL(u -> u.endsWith(item));

    reza.waitForFunction(
        "() => document.querySelector('.editor .body').textContent.includes('Fares are free')");
    assertThat(bodyText(reza))
        .doesNotContain("Trains run every ten minutes.")
        .contains("Stations open at six.");
  }

  /**
   * Puts in the page's IndexedDB what an editor of an older release kept for item {@code id}, under
   * the key that release used: a block this schema does not have, holding {@code text}, and a step
   * typing {@code typed}.
   */
  private static void keepOlderReleasesWork(Page page, long id, String text, String typed) {
    page.evaluate(
        "([key, text, typed]) => new Promise((done, failed) => {"
            + " const r = indexedDB.open('masthead-together', 1);"
            + " r.onsuccess = () => { const tx = r.result.transaction('pending', 'readwrite');"
            + " tx.objectStore('pending').put({ version: 0, clientID: 'oldrelease01', revision: '1',"
            + " doc: { type: 'doc', content: [{ type: 'ticker', content: [{ type: 'text', text }] }] },"
            + " steps: [{ stepType: 'replace', from: 1, to: 1, slice: { content: [{ type: 'text',"
            + " text: typed }] } }] }, key);"
            + " tx.oncomplete = () => done(); tx.onerror = () => failed(tx.error); }; })",
        List.of("item-" + id, text, typed));
  }

  @Test
  void work_kept_under_an_older_schema_is_kept_as_a_draft_and_the_live_text_stays_editable()
      throws Exception {
    String item = write("Bandar Abbas port reopens");
    long id = Long.parseLong(item.substring(item.lastIndexOf('/') + 1));
    Page eda = open(editor, firstOrigin, item);
    keepOlderReleasesWork(eda, id, "Markets closed early.", "Gold rose. ");
    eda.reload();
    eda.waitForSelector(".notice.rescued a[href*=conflicts]");
    assertThat(eda.locator(".editor .body").getAttribute("contenteditable")).isEqualTo("true");
    typeAtEnd(eda, "first", " Ferries sail again.");
    eda.waitForFunction("() => document.querySelector('#autosave').textContent === 'Saved'");
    assertThat(editor.get("/newsroom/items/" + id + "/together").body())
        .contains("Ferries sail again.")
        .doesNotContain("Markets closed early.");
    try (var db = java.sql.DriverManager.getConnection(url, TestDatabases.USER, "");
        var drafts = db.prepareStatement("SELECT copy FROM conflict_drafts WHERE item_id = ?")) {
      drafts.setLong(1, id);
      try (var rows = drafts.executeQuery()) {
        assertThat(rows.next()).as("a conflict draft was kept").isTrue();
        assertThat(rows.getString(1)).contains("Markets closed early.").contains("Gold rose.");
      }
    }
    String draft = eda.locator(".notice.rescued a").getAttribute("href");
    assertThat(editor.get(draft).statusCode()).isEqualTo(200);
  }

  @Test
  void rescued_text_the_server_has_not_kept_yet_outlives_typing_and_a_closed_tab()
      throws Exception {
    String item = write("Chabahar fishermen return to sea");
    long id = Long.parseLong(item.substring(item.lastIndexOf('/') + 1));
    Page eda = open(editor, firstOrigin, item);
    keepOlderReleasesWork(eda, id, "Boats left at dawn.", "Catch was small. ");
    // The server cannot be reached for saves while the page opens and the person types.
    eda.route(
        "**/newsroom/items/" + id,
        route -> {
          if (route.request().method().equals("POST")) {
            route.abort();
          } else {
            route.resume();
          }
        });
    eda.reload();
    eda.waitForFunction(
        "() => document.querySelector('.editor .body')?.isContentEditable"
            + " && document.querySelector('input[name=together_version]')");
    typeAtEnd(eda, "first", " Nets came back full.");
    eda.waitForFunction("() => document.querySelector('#autosave').textContent === 'Saved'");
    assertThat(eda.locator(".notice.rescued").count()).as("no draft made yet").isZero();
    eda.close();

    Page back = eda.context().newPage();
    back.navigate(firstOrigin + item);
    back.waitForSelector(".notice.rescued a[href*=conflicts]");
    try (var db = java.sql.DriverManager.getConnection(url, TestDatabases.USER, "");
        var drafts = db.prepareStatement("SELECT copy FROM conflict_drafts WHERE item_id = ?")) {
      drafts.setLong(1, id);
      try (var rows = drafts.executeQuery()) {
        assertThat(rows.next()).as("a conflict draft was kept").isTrue();
        assertThat(rows.getString(1)).contains("Boats left at dawn.").contains("Catch was small.");
        assertThat(rows.next()).as("only one").isFalse();
      }
    }
    assertThat(editor.get("/newsroom/items/" + id + "/together").body())
        .contains("Nets came back full.")
        .doesNotContain("Boats left at dawn.");
  }

  /** Saves the item as the reporter, its body as co-editing has it (a revision, as Save makes). */
  private void saveTogether(long id, String item) {
    Map<String, String> save = DeskTest.story("Karaj metro line opens");
    save.put("revision", Integer.toString(reporter.latest(id)));
    save.put("together_version", "0");
    save.put("together_hash", "");
    HttpResponse<String> saved = reporter.post(item, save);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
  }
}
