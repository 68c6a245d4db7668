package news.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import news.masthead.app.Masthead;
import news.masthead.cli.Main;
import news.masthead.testing.Browsers;
import news.masthead.testing.Newsrooms;
import news.masthead.testing.TestDatabases;
import news.masthead.testing.TestTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The co-editing guarantee under chaos: three people, each in their own Chromium, type, delete,
 * paste, format and split paragraphs at random, each in paragraphs of their own, all at once in one
 * story on two nodes sharing PostgreSQL (the second a separate process); their connections are cut
 * at random and the second node is killed with SIGKILL now and then. At each quiet moment all three
 * copies and the server's body have the same hash, and every word anyone typed (as it stood after
 * their own corrections) is in the body exactly once, or in a conflict draft. Runs {@code
 * fuzz.seconds} (default 60; {@code bench/together-fuzz.sh} runs it for ten minutes) from seed
 * {@code fuzz.seed}; writes its counts to {@code target/together-fuzz.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TogetherFuzzTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final Duration RUN = Duration.ofSeconds(Long.getLong("fuzz.seconds", 60));
  private static final Duration BETWEEN_QUIET = Duration.ofSeconds(20);
  private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());

  /** The body's first paragraphs, one for each person to write after. */
  private static final List<String> HOMES =
      List.of(
          "The water utility of Tehran said on Monday it would cut supply at night.",
          "The utility did not say how long the cuts would last.",
          "Residents of the southern districts said pressure had already dropped.");

  private String url;
  private Path secondData;
  private Masthead first;
  private Process second;
  private int secondPort;
  private String firstOrigin;
  private String secondOrigin;
  private StaffClient reporter;
  private final List<StaffClient> people = new ArrayList<>();
  private final Map<String, java.util.Deque<String>> heard =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final AtomicInteger edits = new AtomicInteger();
  private final AtomicInteger keystrokes = new AtomicInteger();
  private final AtomicInteger disconnects = new AtomicInteger();
  private final AtomicInteger conflicts = new AtomicInteger();
  private int kills;
  private int quietChecks;

  @BeforeAll
  void start(@TempDir Path one, @TempDir Path two) throws Exception {
    TestTools.chromium();
    url = TestDatabases.createPostgres();
    int port = Newsrooms.freePort();
    firstOrigin = "http://localhost:" + port;
    first = Newsrooms.serve(one, port, firstOrigin, Map.of("db.url", url, "mode", "development"));
    Newsrooms.importDemo(first, one);
    secondData = two;
    secondPort = Newsrooms.freePort();
    secondOrigin = "http://localhost:" + secondPort;
    startSecond();
    reporter =
        StaffClient.add(first, firstOrigin, "reza@example.org", "contributor", List.of("iran"));
    people.add(reporter);
    people.add(StaffClient.add(first, firstOrigin, "eda@example.org", "editor", List.of("iran")));
    people.add(
        StaffClient.add(first, firstOrigin, "parisa@example.org", "editor", List.of("iran")));
  }

  @AfterAll
  void stop() {
    if (second != null) {
      second.destroyForcibly();
    }
    first.close();
    TestDatabases.dropPostgres(url);
  }

  /** Starts the second node as its own process, and waits until it answers. */
  private void startSecond() throws InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "--add-modules=jdk.incubator.vector",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "serve")
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(secondData.resolve("node.log").toFile()));
    builder.environment().keySet().removeIf(k -> k.startsWith("MASTHEAD_"));
    builder.environment().putAll(secondNodeSettings());
    try {
      second = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < until) {
      if (!second.isAlive()) {
        throw new AssertionError("the second node stopped: see " + secondData.resolve("node.log"));
      }
      try {
        HttpResponse<String> ready =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(secondOrigin + "/readyz")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the second node did not answer within a minute");
  }

  private Map<String, String> secondNodeSettings() {
    Map<String, String> env = new HashMap<>();
    env.put("MASTHEAD_DB_URL", url);
    env.put("MASTHEAD_MODE", "development");
    env.put("MASTHEAD_PORT", Integer.toString(secondPort));
    env.put("MASTHEAD_BASE_URL", secondOrigin);
    env.put("MASTHEAD_DATA", secondData.toString());
    env.put("MASTHEAD_METRICS", "off");
    return env;
  }

  /** One person at work: their own Chromium, the words they typed, as they should stand. */
  private final class Person implements AutoCloseable {
    final String letter;
    final StaffClient who;
    final String origin;
    final String home;
    final String item;
    final Random random;
    final Playwright playwright;
    final Browser browser;
    BrowserContext context;
    Page page;
    final List<String> words = new ArrayList<>();
    int made;
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    final java.util.Deque<String> network = new java.util.concurrent.ConcurrentLinkedDeque<>();

    Person(String letter, StaffClient who, String origin, String home, String item, long seed) {
      this.letter = letter;
      this.item = item;
      heard.put(letter, network);
      this.home = home;
      this.who = who;
      this.origin = origin;
      this.random = new Random(seed);
      this.playwright = Browsers.playwright();
      this.browser = Browsers.chromium(playwright, Browsers.ARGS);
    }

    /**
     * Opens the story in this person's browser, as a new tab in place of the last: what the browser
     * keeps (IndexedDB) stays, as it does for a person who closes a tab and opens the story again.
     */
    void open(String item) {
      if (context == null) {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.addCookies(
            List.of(new Cookie("newsroom", who.cookie()).setUrl(origin + "/newsroom/")));
      }
      if (page != null) {
        page.close();
      }
      page = context.newPage();
      page.onPageError(problems::add);
      page.onResponse(
          r -> {
            if (r.status() >= 400 && r.url().contains("/together")) {
              heard(r.status() + " " + r.request().method() + " " + r.url());
            }
          });
      page.onRequestFailed(
          r -> heard("failed " + r.method() + " " + r.url() + " (" + r.failure() + ")"));
      page.navigate(origin + item);
      page.waitForFunction(
          "() => document.querySelector('.editor .body') && document.querySelector('.present')"
              + " && document.querySelector('input[name=together_version]')");
    }

    /** Keeps the last few refusals and failed requests of this page, for a failure's message. */
    void heard(String what) {
      network.addLast(java.time.LocalTime.now() + " " + what);
      while (network.size() > 30) {
        network.pollFirst();
      }
    }

    /** Whether the editor still takes typing: a copy kept as a conflict draft stops. */
    boolean editable() {
      return page.evaluate("() => document.querySelector('.editor .body').isContentEditable")
          .equals(Boolean.TRUE);
    }

    /** A word no one else types: this person's letter, a number, q, then random letters. */
    String word() {
      StringBuilder w = new StringBuilder(letter).append(words.size()).append('q');
      int length = 2 + random.nextInt(6);
      for (int i = 0; i < length; i++) {
        w.append((char) ('a' + random.nextInt(26)));
      }
      return w.toString();
    }

    /**
     * Puts the caret in a new paragraph after one of this person's own: their home paragraph or one
     * that begins with a word of theirs, as a click at its end and Enter would. Each person writes
     * in their own paragraphs, as people sharing a story do: two carets at one position would
     * interleave their letters, which loses nothing but no word check can follow. (Starting a new
     * paragraph also keeps clear of a Chromium fault without co-editing: a first space typed into
     * an empty paragraph sends the caret back to the paragraph before.)
     */
    void place() {
      page.evaluate(
          "([pick, letter, home]) => { const own = [...document.querySelectorAll("
              + "'.editor .body > p')].filter(p => p.textContent === home"
              + " || new RegExp('^' + letter + '[0-9]').test(p.textContent));"
              + " const p = own[Math.floor(pick * own.length)];"
              + " document.querySelector('.editor .body').focus();"
              + " const range = document.createRange(); range.selectNodeContents(p);"
              + " range.collapse(false);"
              + " if (p.lastChild.nodeType === 3) range.setStart(p.lastChild, p.lastChild.length);"
              + " getSelection().removeAllRanges(); getSelection().addRange(range); }",
          List.of(random.nextDouble(), letter, home));
      page.waitForTimeout(30);
      page.keyboard().press("Enter");
      keystrokes.incrementAndGet();
    }

    /** One random edit; the caret always ends after a space this person typed. */
    void edit() {
      if (!editable()) {
        // the copy became a conflict draft: a person reads so and opens the story again
        heard("reopened: the editor stopped, saying " + state());
        conflicts.incrementAndGet();
        open(item);
        place();
      }
      int before = words.size();
      int choice = random.nextInt(100);
      if (choice < 8
          || page.evaluate(
                  "() => !document.querySelector('.editor .body').contains("
                      + "document.getSelection().anchorNode)")
              .equals(Boolean.TRUE)) {
        place();
      }
      String word = word();
      if (choice < 50) {
        page.keyboard()
            .type(
                word + " ",
                new com.microsoft.playwright.Keyboard.TypeOptions().setDelay(random.nextInt(40)));
        keystrokes.addAndGet(word.length() + 1);
        words.add(word);
      } else if (choice < 65) {
        // typed, then corrected with Backspace: what is left is the word's start
        page.keyboard().type(word);
        int back = 1 + random.nextInt(word.length() - word.indexOf('q') - 1);
        for (int i = 0; i < back; i++) {
          page.keyboard().press("Backspace");
        }
        page.keyboard().type(" ");
        keystrokes.addAndGet(word.length() + back + 1);
        words.add(word.substring(0, word.length() - back));
      } else if (choice < 77) {
        String another = letter + (words.size() + 1) + "q" + word.substring(word.indexOf('q') + 1);
        page.evaluate(
            "t => { const d = new DataTransfer(); d.setData('text/plain', t);"
                + " document.querySelector('.editor .body').dispatchEvent(new ClipboardEvent("
                + "'paste', { clipboardData: d, bubbles: true, cancelable: true })); }",
            word + " \n" + another);
        page.keyboard().type(" ");
        words.add(word);
        words.add(another);
        keystrokes.incrementAndGet();
      } else if (choice < 90) {
        page.keyboard().type(word);
        for (int i = 0; i < word.length(); i++) {
          page.keyboard().press("Shift+ArrowLeft");
        }
        page.keyboard().press(random.nextBoolean() ? "Control+b" : "Control+i");
        page.keyboard().press("ArrowRight");
        page.keyboard().type(" ");
        keystrokes.addAndGet(word.length() * 2 + 3);
        words.add(word);
      } else {
        page.keyboard().type(word);
        page.keyboard().press("Enter");
        keystrokes.addAndGet(word.length() + 1);
        words.add(word);
      }
      if (!editable()) {
        // stopped while this was typed: what reached the draft is not this word as typed
        words.subList(before, words.size()).clear();
      }
      edits.incrementAndGet();
      made++;
    }

    void cut() {
      context.setOffline(true);
      disconnects.incrementAndGet();
      for (int i = 0; i < 1 + random.nextInt(4); i++) {
        edit();
      }
      page.waitForTimeout(500 + random.nextInt(2500));
      context.setOffline(false);
    }

    /** Waits until nothing typed here is unconfirmed; a page that kept a draft opens afresh. */
    void settle(String item) {
      long until = System.currentTimeMillis() + 60_000;
      while (System.currentTimeMillis() < until) {
        Object state =
            page.evaluate(
                "() => document.querySelector('#autosave a[href*=conflicts]')"
                    + " || !document.querySelector('.editor .body').isContentEditable ? 'conflict'"
                    + " : document.querySelector('input[name=together_hash]').value !== ''"
                    + " ? 'settled' : 'busy'");
        if ("conflict".equals(state)) {
          heard("reopened at a quiet moment: " + state());
          conflicts.incrementAndGet();
          open(item);
          continue;
        }
        if ("settled".equals(state)) {
          return;
        }
        page.waitForTimeout(200);
      }
      throw new AssertionError(
          letter
              + "'s steps were never confirmed: "
              + state()
              + "\nunconfirmed steps kept in IndexedDB: "
              + page.evaluate(
                  "() => new Promise(done => { const r = indexedDB.open('masthead-together', 1);"
                      + " r.onsuccess = () => { const g = r.result.transaction('pending')"
                      + ".objectStore('pending').getAll(); g.onsuccess = () => done("
                      + "JSON.stringify(g.result.map(p => ({ version: p.version, steps:"
                      + " p.steps.length })))); }; r.onerror = () => done('unreadable'); })")
              + "\nrefusals and failed requests:\n"
              + String.join("\n", network)
              + "\nscript errors: "
              + problems);
    }

    /** This page's version and hash once it has reached {@code version}. */
    String hashAt(int version) {
      try {
        page.waitForFunction(
            "v => Number(document.querySelector('input[name=together_version]').value) === v"
                + " && document.querySelector('input[name=together_hash]').value !== ''",
            version,
            new Page.WaitForFunctionOptions().setTimeout(30_000));
      } catch (com.microsoft.playwright.PlaywrightException e) {
        throw new AssertionError(letter + " never reached version " + version + ": " + state(), e);
      }
      return page.locator("input[name=together_hash]").first().inputValue();
    }

    /** What this page shows of its co-editing, for a failure's message. */
    String state() {
      return String.valueOf(
          page.evaluate(
              "() => JSON.stringify({ version: document.querySelector('input[name=together_version]')"
                  + ".value, hash: document.querySelector('input[name=together_hash]').value,"
                  + " status: document.querySelector('#autosave').textContent,"
                  + " editable: document.querySelector('.editor .body').isContentEditable })"));
    }

    @Override
    public void close() {
      browser.close();
      playwright.close();
    }
  }

  @Test
  void three_people_typing_through_cuts_and_killed_nodes_lose_no_word() throws Exception {
    Map<String, String> story = DeskTest.story("Tigris floods reach Baghdad suburbs");
    story.put("body_text", String.join("\n\n", HOMES));
    HttpResponse<String> created = reporter.post("/newsroom/items", story);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
    String item = created.headers().firstValue("Location").orElseThrow();
    long id = Long.parseLong(item.substring(item.lastIndexOf('/') + 1));
    String[] letters = {"r", "e", "p"};
    String[] origins = {firstOrigin, secondOrigin, secondOrigin};
    Random chaos = new Random(SEED);
    System.out.println("together fuzz: seed " + SEED + ", " + RUN.toSeconds() + " s");

    ExecutorService threads = Executors.newFixedThreadPool(3);
    CyclicBarrier quiet = new CyclicBarrier(4);
    CyclicBarrier settled = new CyclicBarrier(4);
    CyclicBarrier known = new CyclicBarrier(4);
    CyclicBarrier compared = new CyclicBarrier(4);
    var quietAt = new java.util.concurrent.atomic.AtomicLong();
    var serverVersion = new AtomicInteger();
    Map<String, String> hashes = new java.util.concurrent.ConcurrentHashMap<>();
    Map<String, List<String>> typed = new java.util.concurrent.ConcurrentHashMap<>();
    var finished = new java.util.concurrent.atomic.AtomicBoolean();
    List<Future<?>> work = new ArrayList<>();
    var opened = new java.util.concurrent.CountDownLatch(3);
    var go = new java.util.concurrent.CountDownLatch(1);
    for (int i = 0; i < 3; i++) {
      int n = i;
      long seed = SEED + n + 1;
      work.add(
          threads.submit(
              () -> {
                try (Person person =
                    new Person(letters[n], people.get(n), origins[n], HOMES.get(n), item, seed)) {
                  person.open(item);
                  opened.countDown();
                  go.await();
                  person.place();
                  while (true) {
                    while (System.currentTimeMillis() < quietAt.get()) {
                      if (person.random.nextInt(25) == 0) {
                        person.cut();
                      } else {
                        person.edit();
                      }
                    }
                    quiet.await(5, TimeUnit.MINUTES);
                    person.settle(item);
                    settled.await(5, TimeUnit.MINUTES);
                    known.await(5, TimeUnit.MINUTES);
                    hashes.put(person.letter, person.hashAt(serverVersion.get()));
                    typed.put(person.letter, List.copyOf(person.words));
                    person.page.screenshot(
                        new Page.ScreenshotOptions()
                            .setPath(
                                Path.of(
                                    "target", "screenshots", "fuzz-" + person.letter + ".png")));
                    System.out.println(
                        "together fuzz: " + person.letter + " made " + person.made + " edits");
                    assertThat(person.problems).as("script errors for " + person.letter).isEmpty();
                    compared.await(5, TimeUnit.MINUTES);
                    if (finished.get()) {
                      return null;
                    }
                    person.place();
                  }
                } catch (Exception | AssertionError e) {
                  quiet.reset();
                  settled.reset();
                  known.reset();
                  compared.reset();
                  throw e;
                }
              }));
    }

    assertThat(opened.await(2, TimeUnit.MINUTES)).as("everyone opened the story").isTrue();
    long end = System.currentTimeMillis() + RUN.toMillis();
    quietAt.set(Math.min(end, System.currentTimeMillis() + BETWEEN_QUIET.toMillis()));
    go.countDown();
    while (true) {
      long next = quietAt.get();
      while (System.currentTimeMillis() < next) {
        Thread.sleep(Math.min(next - System.currentTimeMillis(), 3000 + chaos.nextInt(6000)));
        if (System.currentTimeMillis() < next - 3000 && chaos.nextInt(3) == 0) {
          second.destroyForcibly().waitFor();
          kills++;
          Thread.sleep(500 + chaos.nextInt(2000));
          startSecond();
        }
      }
      meet(quiet, work);
      meet(settled, work);
      JsonNode server = JSON.readTree(reporter.get("/newsroom/items/" + id + "/together").body());
      serverVersion.set(server.path("version").asInt());
      meet(known, work);
      boolean last = System.currentTimeMillis() >= end;
      finished.set(last);
      quietAt.set(Math.min(end, System.currentTimeMillis() + BETWEEN_QUIET.toMillis()));
      meet(compared, work);
      quietChecks++;
      List<String> lost = lostWords(id, server.path("doc"), typed);
      report(lost.size());
      if (!lost.isEmpty()) {
        keepStepLog(id);
        Files.copy(
            secondData.resolve("node.log"),
            Path.of("target", "together-fuzz-second-node.log"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      for (String letter : letters) {
        assertThat(hashes.get(letter))
            .as("%s's copy at version %d hashes as the server's", letter, serverVersion.get())
            .isEqualTo(server.path("hash").asString());
      }
      assertThat(lost)
          .as(
              "words typed and neither in the body nor in a conflict draft; the body:\n%s\ntyped:"
                  + " %s\nrefusals and failed requests: %s",
              textOf(server.path("doc")), typed, heard)
          .isEmpty();
      if (last) {
        break;
      }
    }
    for (Future<?> f : work) {
      f.get(1, TimeUnit.MINUTES);
    }
    threads.shutdown();
    assertThat(edits.get()).isPositive();
  }

  /** Waits for the people at {@code barrier}; when one of them failed, fails with their error. */
  private static void meet(CyclicBarrier barrier, List<Future<?>> work) throws Exception {
    try {
      barrier.await(3, TimeUnit.MINUTES);
    } catch (java.util.concurrent.TimeoutException e) {
      StringBuilder stacks = new StringBuilder("someone never came to a quiet moment:\n");
      Thread.getAllStackTraces()
          .forEach(
              (thread, stack) -> {
                if (thread.getName().startsWith("pool-")) {
                  stacks.append(thread.getName()).append('\n');
                  for (StackTraceElement line : stack) {
                    stacks.append("  ").append(line).append('\n');
                  }
                }
              });
      throw new AssertionError(stacks.toString(), e);
    } catch (java.util.concurrent.BrokenBarrierException e) {
      for (Future<?> f : work) {
        try {
          f.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException failed) {
          if (!(failed.getCause() instanceof java.util.concurrent.BrokenBarrierException)) {
            throw failed;
          }
        } catch (java.util.concurrent.TimeoutException stillWaiting) {
          // not the one that failed
        }
      }
      throw e;
    }
  }

  /** The words typed that are not in the body exactly once, nor in any conflict draft. */
  private List<String> lostWords(long id, JsonNode doc, Map<String, List<String>> typed)
      throws Exception {
    Map<String, Integer> inBody = new HashMap<>();
    for (String w : textOf(doc).split("\\s+")) {
      inBody.merge(w, 1, Integer::sum);
    }
    StringBuilder drafts = new StringBuilder();
    try (var db = DriverManager.getConnection(url, TestDatabases.USER, "");
        var query = db.prepareStatement("SELECT copy FROM conflict_drafts WHERE item_id = ?")) {
      query.setLong(1, id);
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          drafts.append(rows.getString(1)).append(' ');
        }
      }
    }
    List<String> lost = new ArrayList<>();
    for (List<String> words : typed.values()) {
      for (String w : words) {
        int times = inBody.getOrDefault(w, 0);
        if (times != 1 && !(times == 0 && drafts.indexOf(w) >= 0)) {
          lost.add(w + " (in the body " + times + " times)");
        }
      }
    }
    return lost;
  }

  /** Writes the item's step log to target/together-fuzz-steps.txt, to read after a failure. */
  private void keepStepLog(long id) throws Exception {
    StringBuilder log = new StringBuilder();
    try (var db = DriverManager.getConnection(url, TestDatabases.USER, "");
        var query =
            db.prepareStatement(
                "SELECT version, client_id, member_id, step FROM body_steps WHERE item_id = ?"
                    + " ORDER BY version")) {
      query.setLong(1, id);
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          log.append(rows.getInt(1))
              .append(' ')
              .append(rows.getString(2))
              .append(' ')
              .append(rows.getLong(3))
              .append(' ')
              .append(rows.getString(4))
              .append('\n');
        }
      }
    }
    Files.writeString(Path.of("target", "together-fuzz-steps.txt"), log);
  }

  private static String textOf(JsonNode node) {
    if (node.has("text")) {
      return node.path("text").asString();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode child : node.path("content")) {
      text.append(textOf(child));
    }
    if ("paragraph".equals(node.path("type").asString())
        || "heading".equals(node.path("type").asString())) {
      text.append('\n');
    }
    return text.toString();
  }

  private void report(int lost) throws IOException {
    String counts =
        "seed "
            + SEED
            + ", "
            + RUN.toSeconds()
            + " s: edits "
            + edits.get()
            + ", keystrokes "
            + keystrokes.get()
            + ", disconnects "
            + disconnects.get()
            + ", kills "
            + kills
            + ", quiet checks "
            + quietChecks
            + ", conflict drafts "
            + conflicts.get()
            + ", words lost "
            + lost
            + "\n";
    System.out.print("together fuzz: " + counts);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "together-fuzz.txt"), counts);
    StringBuilder refusals = new StringBuilder();
    heard.forEach(
        (letter, lines) ->
            refusals
                .append(letter)
                .append(":\n  ")
                .append(String.join("\n  ", lines))
                .append('\n'));
    Files.writeString(Path.of("target", "together-fuzz-refusals.txt"), refusals);
  }
}
