package news.masthead.together;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import news.masthead.content.ItemId;
import news.masthead.store.BodyStepStore;
import news.masthead.store.BodyStepStore.Checkpoint;
import news.masthead.store.BodyStepStore.Editing;
import news.masthead.store.BodyStepStore.StoredStep;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authority for live co-editing of bodies (prosemirror-collab's central authority): accepts a
 * batch of steps only when it is based on the body's newest version, after ProseMirror's own code
 * has checked that each step fits the body and its schema; stores each step with who sent it; and
 * tells everyone following the item of new steps and of who is editing. Several nodes share the
 * work through the database: the step log's key makes one node win each version, and each node
 * watches the log for the items its followers have open. Thread-safe.
 */
public final class Together implements AutoCloseable {
  /** The most steps in one batch. */
  public static final int MAX_STEPS = 400;

  /** The most bytes of steps in one batch. */
  public static final int MAX_BATCH_BYTES = 512 * 1024;

  /** The largest body, in ProseMirror positions. */
  public static final int MAX_SIZE = 400_000;

  /** How often a checkpoint is kept: every this many versions. */
  static final int CHECKPOINT_EVERY = 100;

  /**
   * How long steps are kept behind a revision: the log is trimmed only behind revisions, and only
   * of steps older than this, so who typed what stays readable for recent revisions.
   */
  public static final Duration KEEP_STEPS = Duration.ofDays(30);

  /** After this long without a sign, an editor is no longer shown as present. */
  public static final Duration GONE_AFTER = Duration.ofSeconds(12);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BodyStepStore store;
  private final Clock clock;

  /** Held around every call into the engine (one JavaScript context, one thread at a time). */
  private final ReentrantLock lock = new ReentrantLock();

  /** Held while an item's body changes; taken before {@link #lock}, never after it. */
  private final Map<Long, ReentrantLock> itemLocks = new ConcurrentHashMap<>();

  private final Set<Long> coEdited = ConcurrentHashMap.newKeySet();

  /**
   * The newest steps of the items co-edited on this node, contiguous and ending at the version the
   * engine holds: a batch based on a recent version, and a follower, get what they missed without
   * the database. Changed under the item's lock; each deque is its own monitor.
   */
  private final Cache<Long, ArrayDeque<StoredStep>> recentSteps =
      Caffeine.newBuilder().maximumSize(1_000).expireAfterAccess(Duration.ofMinutes(10)).build();

  private static final int RECENT_STEPS = 100;

  /**
   * The version the engine holds of each item; changed only under the item's lock and {@link
   * #lock}.
   */
  private final Map<Long, Integer> heldVersions = new ConcurrentHashMap<>();

  private BodyEngine engine;
  private final Map<Long, List<Follower>> followers = new ConcurrentHashMap<>();
  private final Map<Long, List<Editing>> shownPresence = new ConcurrentHashMap<>();
  private final Thread watcher;
  private volatile boolean closed;

  public Together(BodyStepStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.watcher = Thread.ofVirtual().name("together-watch").unstarted(this::watch);
    watcher.start();
  }

  /** A batch that cannot be accepted, and why; nothing of it was stored. */
  public static final class InvalidSteps extends RuntimeException {
    public InvalidSteps(String message) {
      super(message);
    }
  }

  /** A step as others receive it: its JSON and the editor that sent it. */
  public record Sent(String step, String clientId) {}

  /** The body at a version, with the SHA-256 of its JSON. */
  public record Opened(int version, String doc, String hash) {}

  /** The steps after a version, up to {@code version}. */
  public record Since(int version, List<Sent> steps) {}

  /** What became of a batch. */
  public sealed interface Received permits Accepted, Behind {}

  /** Accepted: the body is now at {@code version}. */
  public record Accepted(int version) implements Received {}

  /** Based on an old version: the steps it missed, to rebase on and send again. */
  public record Behind(Since missed) implements Received {}

  /** A run of a body's text: who typed it (0: it was there before) and whether it was deleted. */
  public record Run(String text, long by, boolean deleted) {}

  /** Asked for steps the log no longer keeps; the editor's work must be kept another way. */
  public static final class Trimmed extends RuntimeException {
    public Trimmed(int version, int start) {
      super(
          "the body's steps after version "
              + version
              + " are no longer kept (they start at "
              + start
              + "): your copy is kept as a conflict draft");
    }
  }

  /** Someone editing the item: their editor, name, colour number and where they are. */
  public record Present(String clientId, String name, int colour, String place) {}

  /**
   * The body as co-editing has it, started from {@code startingDoc} (the newest revision's, as the
   * editor's JSON) when nobody has co-edited the item yet.
   */
  public Opened open(ItemId item, String startingDoc) {
    ReentrantLock itemLock = itemLock(item.value());
    itemLock.lock();
    lock.lock();
    try {
      long id = item.value();
      if (!store.hasCheckpoint(id)) {
        String doc = engine().text("keep", id, 0, startingDoc);
        store.checkpoint(id, new Checkpoint(0, doc, hash(doc)));
      }
      current(id);
      String doc = engine().text("docOf", id);
      return new Opened(engine().call("versionOf", id).asInt(), doc, hash(doc));
    } finally {
      lock.unlock();
      itemLock.unlock();
    }
  }

  /** Whether anyone has co-edited the item's body. */
  public boolean isCoEdited(ItemId item) {
    return store.hasCheckpoint(item.value());
  }

  /**
   * Receives a batch of steps (a JSON array, as read) that {@code clientId}'s editor made on the
   * body at {@code version}; a batch based on an old version is answered before its steps are
   * looked at further.
   *
   * @throws InvalidSteps naming what is wrong: a step of an unknown type, with names outside the
   *     schema or positions outside the body, a batch too big, a version the body never had
   */
  public Received receive(
      ItemId item, long memberId, String clientId, int version, JsonNode batch) {
    checkClient(clientId);
    if (!batch.isArray() || batch.isEmpty()) {
      throw new InvalidSteps("a batch is a list of one or more steps");
    }
    if (batch.size() > MAX_STEPS) {
      throw new InvalidSteps(
          "a batch has " + batch.size() + " steps; at most " + MAX_STEPS + " at a time");
    }
    long id = item.value();
    if (!coEdited.contains(id)) {
      if (!store.hasCheckpoint(id)) {
        throw new InvalidSteps("open the item for co-editing before sending steps");
      }
      coEdited.add(id);
    }
    if (version < 0) {
      throw new InvalidSteps("the steps say they follow version " + version + ": reload the item");
    }
    ReentrantLock itemLock = itemLock(id);
    itemLock.lock();
    try {
      // The engine's copy is usually the newest; the database is asked only when the batch claims
      // a newer version (another node's steps), and its key refuses a version taken meanwhile.
      int held = held(id);
      if (held < 0 || version > held) {
        held = current(id);
      }
      if (version > held) {
        throw new InvalidSteps(
            "the steps say they follow version "
                + version
                + ", which the body never had (it is at "
                + held
                + "): reload the item");
      }
      if (version < held) {
        return behind(id, version, held);
      }
      String stepsJson = JSON.writeValueAsString(batch);
      if (stepsJson.length() > MAX_BATCH_BYTES) {
        throw new InvalidSteps(
            "a batch of steps is at most " + MAX_BATCH_BYTES + " bytes; send fewer at a time");
      }
      JsonNode checked;
      lock.lock();
      try {
        checked = JSON.readTree(engine().text("check", id, version, stepsJson, MAX_SIZE));
      } finally {
        lock.unlock();
      }
      if (checked.has("error")) {
        throw new InvalidSteps(checked.path("error").asString());
      }
      List<String> steps = new ArrayList<>();
      for (JsonNode step : checked.path("steps")) {
        steps.add(JSON.writeValueAsString(step));
      }
      if (!store.append(id, version, steps, clientId, memberId)) {
        return behind(id, version, current(id));
      }
      int reached = version + steps.size();
      List<StoredStep> made = new ArrayList<>();
      for (int i = 0; i < steps.size(); i++) {
        made.add(new StoredStep(version + 1 + i, steps.get(i), clientId, memberId));
      }
      String checkpoint = null;
      lock.lock();
      try {
        engine().call("commit", id, reached);
        heldVersions.put(id, reached);
        rememberSteps(id, made);
        if (reached / CHECKPOINT_EVERY > version / CHECKPOINT_EVERY) {
          checkpoint = engine().text("docOf", id);
        }
      } finally {
        lock.unlock();
      }
      wake(id);
      if (checkpoint != null) {
        // written under the item's lock only: other items' batches need not wait for it
        store.checkpoint(id, new Checkpoint(reached, checkpoint, hash(checkpoint)));
      }
      return new Accepted(reached);
    } finally {
      itemLock.unlock();
    }
  }

  /**
   * A batch based on {@code version}, older than {@code now}: the steps it missed, from the recent
   * steps held in memory when they reach back that far (the database is not asked), else from the
   * log, refused when the log no longer keeps them all.
   */
  private Behind behind(long id, int version, int now) {
    try {
      return new Behind(recentSince(id, version, now).orElseGet(() -> since(id, version, now)));
    } catch (Trimmed e) {
      throw new InvalidSteps(e.getMessage());
    }
  }

  private ReentrantLock itemLock(long id) {
    return itemLocks.computeIfAbsent(id, k -> new ReentrantLock());
  }

  /** The version the engine holds of the item, or -1; read without the engine. */
  private int held(long id) {
    return heldVersions.getOrDefault(id, -1);
  }

  /**
   * Brings a co-edited body to {@code doc} (the editor's JSON of a body saved by the form, a
   * restore or a resolved conflict) by one step replacing it whole, so that everyone editing it
   * sees it; nothing when the body is the same. Answers the version the body is then at, or empty
   * when the item is not co-edited.
   */
  public java.util.Optional<Integer> replaceWith(ItemId item, long memberId, String doc) {
    long id = item.value();
    ReentrantLock itemLock = itemLock(item.value());
    itemLock.lock();
    lock.lock();
    try {
      if (!store.hasCheckpoint(id)) {
        return java.util.Optional.empty();
      }
      for (int attempt = 0; attempt < 3; attempt++) {
        int version = current(id);
        JsonNode checked = JSON.readTree(engine().text("replaceAll", id, doc));
        if (checked.has("error")) {
          throw new InvalidSteps(checked.path("error").asString());
        }
        if (checked.path("steps").isEmpty()) {
          String same = engine().text("docOf", id);
          store.checkpoint(id, new Checkpoint(version, same, hash(same)));
          return java.util.Optional.of(version);
        }
        List<String> steps = List.of(JSON.writeValueAsString(checked.path("steps").get(0)));
        if (store.append(id, version, steps, "desk-save", memberId)) {
          engine().call("commit", id, version + 1);
          heldVersions.put(id, version + 1);
          rememberSteps(
              id, List.of(new StoredStep(version + 1, steps.getFirst(), "desk-save", memberId)));
          String made = engine().text("docOf", id);
          store.checkpoint(id, new Checkpoint(version + 1, made, hash(made)));
          wake(id);
          return java.util.Optional.of(version + 1);
        }
      }
      throw new IllegalStateException("the body kept changing while a save was applied to it");
    } finally {
      lock.unlock();
      itemLock.unlock();
    }
  }

  /**
   * The body now, kept as a checkpoint: what a revision is made from.
   *
   * @throws InvalidSteps when nobody has co-edited the item
   */
  public Opened checkpoint(ItemId item) {
    long id = item.value();
    ReentrantLock itemLock = itemLock(item.value());
    itemLock.lock();
    lock.lock();
    try {
      if (!store.hasCheckpoint(id)) {
        throw new InvalidSteps("nobody has co-edited this item");
      }
      int version = current(id);
      String doc = engine().text("docOf", id);
      Opened now = new Opened(version, doc, hash(doc));
      store.checkpoint(id, new Checkpoint(version, doc, now.hash()));
      return now;
    } finally {
      lock.unlock();
      itemLock.unlock();
    }
  }

  /**
   * The steps after {@code version}, now.
   *
   * @throws Trimmed when the log no longer keeps the steps right after {@code version}
   */
  public Since since(ItemId item, int version) {
    long id = item.value();
    requireKept(item, version);
    List<StoredStep> stored = store.after(id, version);
    int to = stored.isEmpty() ? version : stored.getLast().version();
    requireRunsOn(version, to, stored.size());
    return new Since(to, stored.stream().map(s -> new Sent(s.step(), s.clientId())).toList());
  }

  /**
   * Follows an item from {@code version}: {@code steps} is called with each run of new steps,
   * {@code presence} with who is editing whenever that changes. Close the answer to stop.
   */
  public AutoCloseable follow(
      ItemId item, int version, Consumer<Since> steps, Consumer<List<Present>> presence) {
    return follow(item, version, steps, presence, () -> {});
  }

  /**
   * As {@link #follow(ItemId, int, Consumer, Consumer)}; {@code ended} runs when this node stops.
   */
  public AutoCloseable follow(
      ItemId item,
      int version,
      Consumer<Since> steps,
      Consumer<List<Present>> presence,
      Runnable ended) {
    Follower follower = new Follower(item.value(), version, steps, presence, ended);
    followers.computeIfAbsent(item.value(), k -> new CopyOnWriteArrayList<>()).add(follower);
    shownPresence.remove(item.value());
    readLogNow = true;
    wake(item.value());
    return () -> {
      List<Follower> list = followers.get(item.value());
      if (list != null) {
        list.remove(follower);
      }
    };
  }

  /** Notes that an editor has the item open, and where: a field's name or a body selection. */
  public void here(ItemId item, long memberId, String name, String clientId, String place) {
    checkClient(clientId);
    if (place.length() > 100 || !place.matches("[A-Za-z0-9_:.-]*")) {
      throw new InvalidSteps("a place in the item is a field's name or a selection, such as 12:15");
    }
    store.here(item.value(), new Editing(clientId, memberId, name, place, clock.millis()));
    shownPresence.remove(item.value());
  }

  public void leave(ItemId item, long memberId, String clientId) {
    checkClient(clientId);
    store.leave(item.value(), clientId, memberId);
    shownPresence.remove(item.value());
  }

  /** Who is editing the item now. */
  public List<Present> present(ItemId item) {
    return store.editing(item.value(), clock.millis() - GONE_AFTER.toMillis()).stream()
        .map(e -> new Present(e.clientId(), e.name(), colourOf(e.memberId()), e.place()))
        .toList();
  }

  /**
   * Checks that the log still keeps the steps after {@code version} (reads no step).
   *
   * @throws Trimmed when it does not
   */
  public void requireKept(ItemId item, int version) {
    int start = store.logStart(item.value());
    if (version < start) {
      throw new Trimmed(version, start);
    }
  }

  /**
   * Notes that {@code revision} was made from the body at {@code version} (a checkpoint), then
   * trims the log behind it: steps older than {@link #KEEP_STEPS} up to a checkpoint at or before
   * that version.
   */
  public void revisionMade(ItemId item, int revision, int version) {
    store.revisionMade(item.value(), revision, version);
    store.trim(item.value(), version, clock.millis() - KEEP_STEPS.toMillis());
  }

  /** The version a revision was made from, when it was made from co-editing's body. */
  public java.util.Optional<Integer> versionOfRevision(ItemId item, int revision) {
    return store.versionOfRevision(item.value(), revision);
  }

  /**
   * The body at version {@code to}, its text in runs by who typed it since version {@code from}
   * (and what they deleted), one list per paragraph or heading, from the stored steps; empty when
   * the log no longer keeps them.
   */
  public java.util.Optional<List<List<Run>>> authorship(ItemId item, int from, int to) {
    long id = item.value();
    if (from > to || from < store.logStart(id)) {
      return java.util.Optional.empty();
    }
    java.util.Optional<Checkpoint> start = store.checkpointAtOrBefore(id, from);
    if (start.isEmpty()) {
      return java.util.Optional.empty();
    }
    List<StoredStep> before = new ArrayList<>();
    List<StoredStep> between = new ArrayList<>();
    for (StoredStep step : store.after(id, start.get().version())) {
      if (step.version() <= from) {
        before.add(step);
      } else if (step.version() <= to) {
        between.add(step);
      }
    }
    lock.lock();
    try {
      String atFrom = start.get().doc();
      if (!before.isEmpty()) {
        engine().text("keep", -id, start.get().version(), atFrom);
        engine().call("catchUp", -id, from, stepsArray(before));
        atFrom = engine().text("docOf", -id);
        engine().call("forget", -id);
      }
      String runs =
          engine()
              .text(
                  "authorship",
                  atFrom,
                  stepsArray(between),
                  JSON.writeValueAsString(between.stream().map(StoredStep::memberId).toList()));
      List<List<Run>> blocks = new ArrayList<>();
      for (JsonNode block : JSON.readTree(runs)) {
        List<Run> list = new ArrayList<>();
        for (JsonNode run : block) {
          list.add(
              new Run(
                  run.path("text").asString(),
                  run.path("by").asLong(),
                  run.path("gone").asBoolean()));
        }
        blocks.add(list);
      }
      return java.util.Optional.of(blocks);
    } finally {
      lock.unlock();
    }
  }

  private static String stepsArray(List<StoredStep> steps) {
    return "[" + String.join(",", steps.stream().map(StoredStep::step).toList()) + "]";
  }

  /** The colour number the newsroom shows a member in, among twelve. */
  public static int colourOf(long memberId) {
    return (int) Math.floorMod(memberId * 7, 12);
  }

  /** Ends every stream of this node's followers, before the server stops. */
  public void stopFollowing() {
    for (List<Follower> list : followers.values()) {
      for (Follower f : list) {
        f.end();
      }
    }
    followers.clear();
  }

  @Override
  public void close() {
    stopFollowing();
    closed = true;
    watcher.interrupt();
    lock.lock();
    try {
      if (engine != null) {
        engine.close();
      }
    } finally {
      lock.unlock();
    }
  }

  /** The SHA-256 of a document's JSON, in hex: what editors compare their copies by. */
  public static String hash(String doc) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(doc.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static void checkClient(String clientId) {
    if (!clientId.matches("[A-Za-z0-9_-]{8,40}")) {
      throw new InvalidSteps("an editor names itself by 8 to 40 letters, digits, - or _");
    }
  }

  private BodyEngine engine() {
    if (engine == null) {
      engine = new BodyEngine();
    }
    return engine;
  }

  /** Brings the engine's copy of the item to the log's newest version; answers that version. */
  private int current(long id) {
    lock.lock();
    try {
      int held = engine().call("versionOf", id).asInt();
      int newest = store.newest(id).orElse(0);
      if (held < 0 || held > newest) {
        Checkpoint start = store.latestCheckpoint(id).orElseThrow();
        engine().text("keep", id, start.version(), start.doc());
        held = start.version();
        recentSteps.invalidate(id);
      }
      if (held < newest) {
        List<StoredStep> missing = store.after(id, held);
        String steps = stepsArray(missing);
        engine().call("catchUp", id, missing.getLast().version(), steps);
        held = missing.getLast().version();
        rememberSteps(id, missing);
      }
      heldVersions.put(id, held);
      return held;
    } finally {
      lock.unlock();
    }
  }

  /** Adds steps just applied to the engine's copy of the item to its recent steps. */
  private void rememberSteps(long id, List<StoredStep> steps) {
    ArrayDeque<StoredStep> kept = recentSteps.get(id, k -> new ArrayDeque<>());
    synchronized (kept) {
      if (!kept.isEmpty() && kept.getLast().version() + 1 != steps.getFirst().version()) {
        kept.clear();
      }
      kept.addAll(steps);
      while (kept.size() > RECENT_STEPS) {
        kept.removeFirst();
      }
    }
  }

  /** The steps after {@code from} up to {@code to}, when the recent steps hold them all. */
  private Optional<Since> recentSince(long id, int from, int to) {
    ArrayDeque<StoredStep> kept = recentSteps.getIfPresent(id);
    if (kept == null) {
      return Optional.empty();
    }
    synchronized (kept) {
      if (kept.isEmpty() || kept.getFirst().version() > from + 1 || kept.getLast().version() < to) {
        return Optional.empty();
      }
      List<Sent> steps = new ArrayList<>();
      for (StoredStep step : kept) {
        if (step.version() > from && step.version() <= to) {
          steps.add(new Sent(step.step(), step.clientId()));
        }
      }
      return Optional.of(new Since(to, steps));
    }
  }

  /**
   * The steps after {@code from} up to {@code to}, from the log.
   *
   * @throws Trimmed when the log no longer starts right after {@code from} (trimmed meanwhile)
   */
  private Since since(long id, int from, int to) {
    List<Sent> steps =
        store.after(id, from).stream()
            .filter(s -> s.version() <= to)
            .map(s -> new Sent(s.step(), s.clientId()))
            .toList();
    requireRunsOn(from, to, steps.size());
    return new Since(to, steps);
  }

  /**
   * Steps read from the log after {@code from} up to {@code to} are all of them ({@code count}),
   * the log's versions having no gaps.
   *
   * @throws Trimmed when some were trimmed between checking where the log starts and reading them
   */
  private static void requireRunsOn(int from, int to, int count) {
    if (count != to - from) {
      throw new Trimmed(from, to - count);
    }
  }

  private final Object signal = new Object();

  /** Items whose newest version this node has just accepted, and so knows without the log. */
  private final Set<Long> accepted = ConcurrentHashMap.newKeySet();

  /** Set when the watcher must read the log at once (a new follower), not at its next turn. */
  private volatile boolean readLogNow;

  /** The watcher reads the log for other nodes' steps this often. */
  private static final long READ_LOG_EVERY_NANOS = 25_000_000;

  /** Tells the watcher that this node has accepted steps of item {@code id}. */
  private void wake(long id) {
    accepted.add(id);
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /** Pushes new steps (from this node or another) and presence changes to followers. */
  private void watch() {
    long lastPresence = 0;
    long lastRead = System.nanoTime();
    while (!closed) {
      try {
        synchronized (signal) {
          if (accepted.isEmpty()) {
            signal.wait(25);
          }
        }
        Set<Long> open = followers.keySet();
        if (open.isEmpty()) {
          accepted.clear();
          continue;
        }
        // Steps accepted here go out at once, from what this node holds; the log is read for
        // other nodes' steps every READ_LOG_EVERY_NANOS.
        Map<Long, Integer> newest = new java.util.HashMap<>();
        if (readLogNow || System.nanoTime() - lastRead >= READ_LOG_EVERY_NANOS) {
          readLogNow = false;
          lastRead = System.nanoTime();
          newest.putAll(store.newest(open));
        }
        for (java.util.Iterator<Long> it = accepted.iterator(); it.hasNext(); ) {
          long id = it.next();
          it.remove();
          newest.merge(id, held(id), Math::max);
        }
        for (Map.Entry<Long, List<Follower>> entry : followers.entrySet()) {
          long id = entry.getKey();
          int top = newest.getOrDefault(id, 0);
          for (Follower f : entry.getValue()) {
            if (f.version < top) {
              try {
                Since news =
                    recentSince(id, f.version, top).orElseGet(() -> since(id, f.version, top));
                f.version = top;
                f.steps.accept(news);
              } catch (Trimmed e) {
                // its editor reconnects, and is told the steps are gone
                entry.getValue().remove(f);
                f.end();
              }
            }
          }
        }
        long now = clock.millis();
        boolean presenceDue = now - lastPresence > 1000;
        for (Map.Entry<Long, List<Follower>> entry : followers.entrySet()) {
          long id = entry.getKey();
          if (!presenceDue && shownPresence.containsKey(id)) {
            continue;
          }
          List<Editing> editing = store.editing(id, now - GONE_AFTER.toMillis());
          List<Editing> shown = shownPresence.get(id);
          if (shown == null || !sameEditors(shown, editing)) {
            shownPresence.put(id, editing);
            List<Present> present =
                editing.stream()
                    .map(
                        e -> new Present(e.clientId(), e.name(), colourOf(e.memberId()), e.place()))
                    .toList();
            entry.getValue().forEach(f -> f.presence.accept(present));
          }
        }
        if (presenceDue) {
          lastPresence = now;
        }
        followers.entrySet().removeIf(e -> e.getValue().isEmpty());
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(Together.class).warn("co-editing watch failed", e);
      }
    }
  }

  private static boolean sameEditors(List<Editing> a, List<Editing> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).clientId().equals(b.get(i).clientId())
          || !a.get(i).place().equals(b.get(i).place())) {
        return false;
      }
    }
    return true;
  }

  private static final class Follower {
    final long item;
    volatile int version;
    final Consumer<Since> steps;
    final Consumer<List<Present>> presence;

    final Runnable ended;

    Follower(
        long item,
        int version,
        Consumer<Since> steps,
        Consumer<List<Present>> presence,
        Runnable ended) {
      this.ended = ended;
      this.item = item;
      this.version = version;
      this.steps = steps;
      this.presence = presence;
    }

    /** Ends the follower's stream, which may be gone already. */
    void end() {
      try {
        ended.run();
      } catch (RuntimeException e) {
        // a stream already gone
      }
    }
  }
}
