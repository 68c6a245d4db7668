package news.masthead.newsroom;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import news.masthead.app.Masthead;
import news.masthead.testing.Newsrooms;
import news.masthead.testing.TestDatabases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Co-editing's benchmark (bench/together.sh): STORIES stories edited at once, PEOPLE people typing
 * in each, every one a keystroke every 200 ms on average whatever the server answers; each person's
 * editor sends as prosemirror-collab does (one batch in flight with everything not yet confirmed; a
 * batch based on an old version sent again on the version the server answers with). Measures, on
 * SQLite or PostgreSQL over real HTTP on loopback: acceptance (the keystroke to the 200 that
 * accepts it, waits and retries included) and delivery (the keystroke to the moment the step
 * reaches another person's server-sent event stream). Prints a table.
 *
 * <p>Arguments: {@code sqlite|postgresql [PEOPLE] [STORIES] [SECONDS] [WARM-UP SECONDS] [OTHERS]},
 * OTHERS being how many type in each story but the first (PEOPLE unless given).
 */
public final class TogetherBench {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient STREAMS = HttpClient.newHttpClient();
  private static final AtomicInteger SERVER_ERRORS = new AtomicInteger();
  private static final String KEYSTROKE =
      "{\"stepType\":\"replace\",\"from\":1,\"to\":1,"
          + "\"slice\":{\"content\":[{\"type\":\"text\",\"text\":\"a\"}]}}";

  /** The most steps the editor sends in one batch (together.js's BATCH_STEPS). */
  private static final int BATCH_STEPS = 200;

  private TogetherBench() {}

  public static void main(String[] args) throws Exception {
    String db = args[0];
    int people = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int stories = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 5;
    int others = args.length > 5 ? Integer.parseInt(args[5]) : people;
    Path data = Files.createTempDirectory("together-bench");
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
      Newsrooms.importDemo(masthead, data);
      List<StaffClient> staff = new ArrayList<>();
      int typists = Math.max(people, others);
      for (int i = 0; i <= typists; i++) {
        staff.add(
            StaffClient.add(masthead, origin, "typist" + i + "@example.org", "admin", List.of()));
      }
      List<Long> items = new ArrayList<>();
      for (int s = 0; s < stories; s++) {
        HttpResponse<String> made =
            staff.getFirst().post("/newsroom/items", DeskTest.story("Story " + s + " in progress"));
        String location = made.headers().firstValue("Location").orElseThrow();
        items.add(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
      }
      Map<String, Long> sentAt = new ConcurrentHashMap<>();
      List<Long> accepted = Collections.synchronizedList(new ArrayList<>());
      List<Long> delivered = Collections.synchronizedList(new ArrayList<>());
      AtomicBoolean measuring = new AtomicBoolean();
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger retries = new AtomicInteger();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      CountDownLatch listening = new CountDownLatch(stories);
      try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
        for (long item : items) {
          StaffClient listener = staff.get(typists);
          int start = version(listener, item);
          threads.submit(
              () -> listen(origin, listener, item, start, sentAt, delivered, measuring, listening));
        }
        listening.await();
        for (long item : items) {
          for (int p = 0; p < (item == items.getFirst() ? people : others); p++) {
            StaffClient typist = staff.get(p);
            String client = "typist" + p + "x" + item;
            threads.submit(
                () -> {
                  try {
                    type(typist, item, client, running, measuring, sentAt, accepted, retries);
                  } catch (Exception e) {
                    if (running.get()) {
                      failures.add(e.toString());
                    }
                  }
                });
          }
        }
        Thread.sleep(warmUp * 1000L);
        measuring.set(true);
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        running.set(false);
        threads.shutdownNow();
      }
      if (!failures.isEmpty()) {
        throw new IllegalStateException("typists failed: " + failures.peek());
      }
      String what =
          others == people
              ? stories + " stories x " + people + " typing"
              : people
                  + " typing in one story, "
                  + others
                  + " in each of "
                  + (stories - 1)
                  + " more";
      report(db, what, "accepted", accepted, seconds);
      report(db, what, "delivered to a co-editor", delivered, seconds);
      System.out.printf(
          Locale.ROOT,
          "retries after 409: %d; server errors (sent again after 1 s): %d%n",
          retries.get(),
          SERVER_ERRORS.get());
    } finally {
      masthead.close();
      if (!url.isEmpty()) {
        TestDatabases.dropPostgres(url);
      }
    }
  }

  private static int version(StaffClient who, long item) {
    return JSON.readTree(who.get("/newsroom/items/" + item + "/together").body())
        .path("version")
        .asInt();
  }

  /**
   * One person typing a keystroke every 100 to 300 ms whatever the server does, and their editor
   * sending as prosemirror-collab does: one batch in flight, carrying every keystroke not yet
   * confirmed (at most 200); a 409 sends them again at once on the version it answers with.
   * Acceptance is timed from the keystroke to the 200 that confirms it.
   */
  private static void type(
      StaffClient typist,
      long item,
      String client,
      AtomicBoolean running,
      AtomicBoolean measuring,
      Map<String, Long> sentAt,
      List<Long> accepted,
      AtomicInteger retries)
      throws InterruptedException {
    java.util.concurrent.LinkedBlockingDeque<Long> typed =
        new java.util.concurrent.LinkedBlockingDeque<>();
    Thread keyboard =
        Thread.ofVirtual()
            .start(
                () -> {
                  int n = 0;
                  try {
                    while (running.get()) {
                      Thread.sleep(ThreadLocalRandom.current().nextLong(100, 300));
                      long now = System.nanoTime();
                      sentAt.put(client + "#" + n++, now);
                      typed.add(now);
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    try {
      int version = version(typist, item);
      String path = "/newsroom/items/" + item + "/together/steps";
      List<Long> batch = new ArrayList<>();
      while (running.get()) {
        if (batch.isEmpty()) {
          batch.add(typed.take());
        }
        typed.drainTo(batch, BATCH_STEPS - batch.size());
        HttpResponse<String> answer =
            typist.postJson(
                path,
                "{\"version\":"
                    + version
                    + ",\"clientID\":\""
                    + client
                    + "\",\"steps\":["
                    + String.join(",", Collections.nCopies(batch.size(), KEYSTROKE))
                    + "]}");
        if (answer.statusCode() >= 500) {
          // as the editor does: the same steps again in a moment
          SERVER_ERRORS.incrementAndGet();
          Thread.sleep(1000);
          continue;
        }
        JsonNode body = JSON.readTree(answer.body());
        if (answer.statusCode() != 200 && answer.statusCode() != 409) {
          throw new IllegalStateException(answer.statusCode() + " " + answer.body());
        }
        version = body.path("version").asInt();
        if (answer.statusCode() == 409) {
          retries.incrementAndGet();
          continue;
        }
        long now = System.nanoTime();
        if (measuring.get()) {
          for (long at : batch) {
            accepted.add(now - at);
          }
        }
        batch.clear();
      }
    } finally {
      keyboard.interrupt();
    }
  }

  /** Reads an item's event stream, timing each typist's keystrokes as they arrive. */
  private static void listen(
      String origin,
      StaffClient who,
      long item,
      int start,
      Map<String, Long> sentAt,
      List<Long> delivered,
      AtomicBoolean measuring,
      CountDownLatch listening) {
    Map<String, Integer> seen = new HashMap<>();
    try {
      HttpResponse<java.util.stream.Stream<String>> stream =
          STREAMS.send(
              HttpRequest.newBuilder(
                      URI.create(
                          origin + "/newsroom/items/" + item + "/together/events?version=" + start))
                  .header("Cookie", "newsroom=" + who.cookie())
                  .header("Accept", "text/event-stream")
                  .build(),
              HttpResponse.BodyHandlers.ofLines());
      listening.countDown();
      String event = "";
      for (String line : (Iterable<String>) stream.body()::iterator) {
        if (line.startsWith("event:")) {
          event = line.substring(6).trim();
        } else if (line.startsWith("data:") && event.equals("steps")) {
          long now = System.nanoTime();
          for (JsonNode client : JSON.readTree(line.substring(5)).path("clientIDs")) {
            String name = client.asString();
            int n = seen.merge(name, 1, Integer::sum) - 1;
            Long sent = sentAt.remove(name + "#" + n);
            if (sent != null && measuring.get()) {
              delivered.add(now - sent);
            }
          }
        }
      }
    } catch (Exception e) {
      listening.countDown();
    }
  }

  private static void report(String db, String what, String measure, List<Long> nanos, int s) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      System.out.printf(Locale.ROOT, "| %s | %s | %s | 0 | - | - | - |%n", db, what, measure);
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %s | %d | %.0f | %.1f | %.1f |%n",
        db,
        what,
        measure,
        sorted.size(),
        sorted.size() / (double) s,
        sorted.get(sorted.size() / 2) / 1e6,
        sorted.get((int) (sorted.size() * 0.99)) / 1e6);
  }
}
