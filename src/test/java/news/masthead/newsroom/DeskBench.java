package news.masthead.newsroom;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.masthead.app.Masthead;
import news.masthead.content.DeskLine;
import news.masthead.content.Item;
import news.masthead.content.ItemSummary;
import news.masthead.content.Language;
import news.masthead.ingest.ImportProgress;
import news.masthead.store.Listing;
import news.masthead.testing.Newsrooms;
import news.masthead.testing.TestDatabases;

/**
 * The desk's benchmark (bench/desk.sh): on the 15,000-item corpus, how long the newsroom's home
 * takes, and how long saves take with 20 editors each saving their own published story in a closed
 * loop (as the WordPress save anchor does), on SQLite or PostgreSQL. Times are the client's on
 * loopback, so they include the server's whole answer. Prints a table.
 *
 * <p>Arguments: {@code sqlite|postgresql CORPUS [EDITORS] [SECONDS]}.
 */
public final class DeskBench {
  private DeskBench() {}

  public static void main(String[] args) throws Exception {
    String db = args[0];
    Path corpus = Path.of(args[1]);
    int editors = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    Path data = Files.createTempDirectory("desk-bench");
    Map<String, String> more = new HashMap<>();
    String url = "";
    if (db.equals("postgresql")) {
      url = TestDatabases.createPostgres();
      more.put("db.url", url);
      more.put("mode", "development");
    }
    more.put("access.log", "off");
    int port = Newsrooms.freePort();
    String origin = "http://localhost:" + port;
    Masthead masthead = Newsrooms.serve(data, port, origin, more);
    try {
      long started = System.nanoTime();
      masthead.importer().importFiles(List.of(corpus), ImportProgress.SILENT);
      System.out.printf(
          Locale.ROOT, "imported %s in %.1f s%n", corpus, (System.nanoTime() - started) / 1e9);
      if (!url.isEmpty()) {
        // As autovacuum would soon after a large import: the planner needs the new statistics.
        try (var connection = java.sql.DriverManager.getConnection(url);
            var statement = connection.createStatement()) {
          statement.execute("ANALYZE");
        }
      }
      List<ItemSummary> stories = masthead.items().list(Listing.of(Language.ENGLISH, editors));
      List<StaffClient> staff = new ArrayList<>();
      for (int i = 0; i < editors; i++) {
        staff.add(
            StaffClient.add(masthead, origin, "editor" + i + "@example.org", "admin", List.of()));
      }
      // Each editor has a draft of their own and a waiting submission, as a desk would.
      for (int i = 0; i < editors; i++) {
        Map<String, String> draft = DeskTest.story("A draft of editor " + i);
        draft.put("section", stories.get(i).section().slug().value());
        staff.get(i).post("/newsroom/items", draft);
      }
      List<Long> home = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        long t = System.nanoTime();
        HttpResponse<String> page = staff.getFirst().get("/newsroom/");
        if (page.statusCode() != 200) {
          throw new IllegalStateException("home answered " + page.statusCode());
        }
        if (i >= 100) {
          home.add(System.nanoTime() - t);
        }
      }
      report(db, "newsroom home, one editor (200 after 100 warm-up)", home, 0);
      // Desk search reads every item's desk text: a word from inside the bodies, then one that
      // is in none, so the whole table is read.
      for (String word : new String[] {"government", "zzqxj"}) {
        List<Long> search = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
          long t = System.nanoTime();
          HttpResponse<String> page = staff.getFirst().get("/newsroom/?q=" + word);
          if (page.statusCode() != 200) {
            throw new IllegalStateException("desk search answered " + page.statusCode());
          }
          if (i >= 20) {
            search.add(System.nanoTime() - t);
          }
        }
        report(db, "desk search for \"" + word + "\" (40 after 20 warm-up)", search, 0);
      }

      for (long pause : new long[] {0, 1000}) {
        saves(db, masthead, staff, stories, editors, seconds, pause);
      }
      List<DeskLine> mine = masthead.desk().mine(staff.getFirst().member());
      System.out.println("desk lines of the first editor: " + mine.size());
    } finally {
      masthead.close();
      if (!url.isEmpty()) {
        TestDatabases.dropPostgres(url);
      }
    }
  }

  /**
   * Every editor saves their own story, waiting {@code pause} ms after each answer (0: a closed
   * loop, as fast as the server answers); reports the saves made while measuring.
   */
  private static void saves(
      String db,
      Masthead masthead,
      List<StaffClient> staff,
      List<ItemSummary> stories,
      int editors,
      int seconds,
      long pause)
      throws InterruptedException {
    {
      List<Long> saves = Collections.synchronizedList(new ArrayList<>());
      AtomicBoolean measuring = new AtomicBoolean(false);
      AtomicBoolean running = new AtomicBoolean(true);
      List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
      try (ExecutorService pool = Executors.newFixedThreadPool(editors)) {
        for (int i = 0; i < editors; i++) {
          StaffClient editor = staff.get(i);
          Item story = masthead.items().find(stories.get(i).id()).orElseThrow();
          pool.submit(
              () -> {
                try {
                  saveLoop(editor, story, running, measuring, saves, pause);
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
        }
        Thread.sleep(5_000);
        measuring.set(true);
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        running.set(false);
      }
      if (!failures.isEmpty()) {
        throw new IllegalStateException("a saver failed", failures.getFirst());
      }
      report(
          db,
          editors
              + " editors saving their own story "
              + (pause == 0 ? "in a closed loop" : "every " + pause + " ms")
              + ", "
              + seconds
              + " s",
          saves,
          seconds);
    }
  }

  private static void saveLoop(
      StaffClient editor,
      Item story,
      AtomicBoolean running,
      AtomicBoolean measuring,
      List<Long> saves,
      long pause)
      throws InterruptedException {
    Pattern revision = Pattern.compile("\"revision\":([0-9]+)");
    int base = editor.latest(story.id().value());
    String path = "/newsroom/items/" + story.id().value();
    Map<String, String> form = DeskTest.story(story.copy().headline());
    form.put("section", story.copy().section().slug().value());
    int n = 0;
    while (running.get()) {
      form.put("revision", Integer.toString(base));
      form.put("standfirst", "Edited " + (n++) + " times.");
      long t = System.nanoTime();
      HttpResponse<String> answer = editor.postForJson(path, form);
      long took = System.nanoTime() - t;
      Matcher m = revision.matcher(answer.body());
      if (answer.statusCode() != 200 || !m.find()) {
        throw new IllegalStateException(answer.statusCode() + " " + answer.body());
      }
      base = Integer.parseInt(m.group(1));
      if (measuring.get()) {
        saves.add(took);
      }
      if (pause > 0) {
        Thread.sleep(pause);
      }
    }
  }

  private static void report(String db, String what, List<Long> nanos, int seconds) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    double p50 = sorted.get(sorted.size() / 2) / 1e6;
    double p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6;
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %d | %s | %.1f | %.1f |%n",
        db,
        what,
        sorted.size(),
        seconds > 0 ? String.format(Locale.ROOT, "%.0f", sorted.size() / (double) seconds) : "-",
        p50,
        p99);
  }
}
