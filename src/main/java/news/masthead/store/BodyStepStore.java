package news.masthead.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The co-editing log of items' bodies (table {@code body_steps}), their checkpoints and who is
 * editing each now. A version is accepted once, by whichever node inserts it first: the table's key
 * on (item, version) refuses the second. Thread-safe.
 */
public final class BodyStepStore {
  private final Database database;
  private final Clock clock;

  /**
   * On SQLite, held around the writes that come with every keystroke (steps, presence): SQLite
   * takes one writer at a time, and writers that wait here, in turn, do not spin on its lock until
   * its busy timeout runs out under a crowd of co-editors.
   */
  private final java.util.concurrent.locks.ReentrantLock oneWriter =
      new java.util.concurrent.locks.ReentrantLock(true);

  /** When presence rows no one renewed for two minutes were last removed (epoch ms). */
  private volatile long swept;

  public BodyStepStore(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** A step as accepted: the version it made, its JSON, the editor it came from and who sent it. */
  public record StoredStep(int version, String step, String clientId, long memberId) {}

  /** The body at a version, as the editor's JSON, and that JSON's SHA-256 in hex. */
  public record Checkpoint(int version, String doc, String hash) {}

  /** Someone with an item open: their editor, name, where they are in it, and when last seen. */
  public record Editing(String clientId, long memberId, String name, String place, long seenAt) {}

  /**
   * Whether the item has a checkpoint, that is, whether anyone has co-edited it (reads no body).
   */
  public boolean hasCheckpoint(long item) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT 1 FROM body_checkpoints WHERE item_id = :item LIMIT 1")
                    .bind("item", item)
                    .mapTo(Integer.class)
                    .findOne()
                    .isPresent());
  }

  public Optional<Checkpoint> latestCheckpoint(long item) {
    return checkpointAtOrBefore(item, Integer.MAX_VALUE);
  }

  /** Keeps a checkpoint; one already kept for that version stays. */
  public void checkpoint(long item, Checkpoint checkpoint) {
    writing(
        h ->
            h.createUpdate(
                    "INSERT INTO body_checkpoints (item_id, version, doc, hash, made_at)"
                        + " VALUES (:item, :version, :doc, :hash, :at)"
                        + " ON CONFLICT (item_id, version) DO NOTHING")
                .bind("item", item)
                .bind("version", checkpoint.version())
                .bind("doc", checkpoint.doc())
                .bind("hash", checkpoint.hash())
                .bind("at", clock.millis())
                .execute());
  }

  /**
   * Appends steps after {@code version}, as versions {@code version + 1…}, all or none; false, with
   * nothing stored, when another editor's steps took {@code version + 1} first. Batches sent at the
   * same moment for different items are committed together in one transaction (each in a savepoint
   * of its own), so that a crowd of co-editors waits for one commit, not one each.
   */
  public boolean append(
      long item, int version, List<String> steps, String clientId, long memberId) {
    Appending appending =
        new Appending(
            item,
            version,
            steps,
            clientId,
            memberId,
            new java.util.concurrent.CompletableFuture<>());
    startWriter();
    appends.add(appending);
    try {
      return appending.done().join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw e;
    }
  }

  /** A batch of steps waiting for {@link #writeAppends}. */
  private record Appending(
      long item,
      int version,
      List<String> steps,
      String clientId,
      long memberId,
      java.util.concurrent.CompletableFuture<Boolean> done) {}

  private final java.util.concurrent.LinkedBlockingQueue<Appending> appends =
      new java.util.concurrent.LinkedBlockingQueue<>();

  private Thread writer;

  private synchronized void startWriter() {
    if (writer == null) {
      writer = Thread.ofPlatform().daemon().name("body-steps-writer").start(this::writeAppends);
    }
  }

  /** Takes what is waiting and commits it in one transaction, again and again. */
  private void writeAppends() {
    List<Appending> batch = new ArrayList<>();
    while (true) {
      batch.clear();
      try {
        batch.add(appends.take());
      } catch (InterruptedException e) {
        return;
      }
      appends.drainTo(batch, 255);
      boolean held = inTurn();
      try {
        List<Boolean> stored =
            database.jdbi().inTransaction(h -> batch.stream().map(a -> insert(h, a)).toList());
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).done().complete(stored.get(i));
        }
      } catch (RuntimeException e) {
        batch.forEach(a -> a.done().completeExceptionally(e));
      } finally {
        done(held);
      }
    }
  }

  /** Inserts one batch's steps in a savepoint; false when their first version was taken. */
  private boolean insert(org.jdbi.v3.core.Handle h, Appending a) {
    h.savepoint("batch");
    try {
      int v = a.version();
      long at = clock.millis();
      for (String step : a.steps()) {
        v++;
        h.createUpdate(
                "INSERT INTO body_steps (item_id, version, step, client_id, member_id,"
                    + " made_at) VALUES (:item, :version, :step, :client, :member, :at)")
            .bind("item", a.item())
            .bind("version", v)
            .bind("step", step)
            .bind("client", a.clientId())
            .bind("member", a.memberId())
            .bind("at", at)
            .execute();
      }
      h.releaseSavepoint("batch");
      return true;
    } catch (UnableToExecuteStatementException e) {
      h.rollbackToSavepoint("batch");
      int newest =
          h.createQuery("SELECT MAX(version) FROM body_steps WHERE item_id = :item")
              .bind("item", a.item())
              .mapTo(Integer.class)
              .findOne()
              .orElse(0);
      if (newest > a.version()) {
        return false;
      }
      throw e;
    }
  }

  /** The steps after {@code version}, in order. */
  public List<StoredStep> after(long item, int version) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT version, step, client_id, member_id FROM body_steps WHERE"
                            + " item_id = :item AND version > :version ORDER BY version")
                    .bind("item", item)
                    .bind("version", version)
                    .map(
                        (rs, c) ->
                            new StoredStep(
                                rs.getInt("version"),
                                rs.getString("step"),
                                rs.getString("client_id"),
                                rs.getLong("member_id")))
                    .list());
  }

  /** The newest checkpoint at or before {@code version}. */
  public Optional<Checkpoint> checkpointAtOrBefore(long item, int version) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT version, doc, hash FROM body_checkpoints WHERE item_id = :item"
                            + " AND version <= :version ORDER BY version DESC LIMIT 1")
                    .bind("item", item)
                    .bind("version", version)
                    .map(
                        (rs, c) ->
                            new Checkpoint(
                                rs.getInt("version"), rs.getString("doc"), rs.getString("hash")))
                    .findOne());
  }

  /**
   * The oldest version the log can bring an editor forward from: the version before its first kept
   * step, or the newest checkpoint's when no step is kept.
   */
  public int logStart(long item) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT COALESCE((SELECT MIN(version) - 1 FROM body_steps WHERE item_id ="
                            + " :item), (SELECT MAX(version) FROM body_checkpoints WHERE item_id ="
                            + " :item), 0)")
                    .bind("item", item)
                    .mapTo(Integer.class)
                    .one());
  }

  /** Notes that revision {@code revision} of the item was made from the body at {@code version}. */
  public void revisionMade(long item, int revision, int version) {
    writing(
        h ->
            h.createUpdate(
                    "INSERT INTO body_revisions (item_id, revision, version) VALUES (:item,"
                        + " :revision, :version) ON CONFLICT (item_id, revision) DO NOTHING")
                .bind("item", item)
                .bind("revision", revision)
                .bind("version", version)
                .execute());
  }

  /** The version of the log a revision was made from, when it was made from co-editing's body. */
  public Optional<Integer> versionOfRevision(long item, int revision) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT version FROM body_revisions WHERE item_id = :item AND revision ="
                            + " :revision")
                    .bind("item", item)
                    .bind("revision", revision)
                    .mapTo(Integer.class)
                    .findOne());
  }

  /**
   * Trims the log behind a revision: deletes the steps up to the newest checkpoint at or before
   * {@code through} (a version a revision was made from) that were all made before {@code before}
   * (epoch ms), never the newest step, and the checkpoints older than that one, where the log then
   * starts. Answers how many steps were deleted.
   */
  public int trim(long item, int through, long before) {
    return writing(
        handle ->
            handle.inTransaction(
                h -> {
                  Optional<Integer> cut =
                      h.createQuery(
                              "SELECT MAX(c.version) FROM body_checkpoints c WHERE c.item_id = :item"
                                  + " AND c.version <= (SELECT MAX(version) FROM body_steps WHERE"
                                  + " item_id = :item AND version <= :through AND made_at < :before"
                                  + " AND version < (SELECT MAX(version) FROM body_steps WHERE"
                                  + " item_id = :item))")
                          .bind("item", item)
                          .bind("through", through)
                          .bind("before", before)
                          .mapTo(Integer.class)
                          .findOne();
                  if (cut.isEmpty()) {
                    return 0;
                  }
                  h.createUpdate(
                          "DELETE FROM body_checkpoints WHERE item_id = :item AND version < :cut")
                      .bind("item", item)
                      .bind("cut", cut.get())
                      .execute();
                  return h.createUpdate(
                          "DELETE FROM body_steps WHERE item_id = :item AND version <= :cut")
                      .bind("item", item)
                      .bind("cut", cut.get())
                      .execute();
                }));
  }

  /** The newest step's version, if the item has any. */
  public Optional<Integer> newest(long item) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT MAX(version) FROM body_steps WHERE item_id = :item")
                    .bind("item", item)
                    .mapTo(Integer.class)
                    .findOne());
  }

  /** The newest step's version of each of {@code items} that has steps. */
  public Map<Long, Integer> newest(Collection<Long> items) {
    Map<Long, Integer> out = new HashMap<>();
    if (items.isEmpty()) {
      return out;
    }
    database
        .jdbi()
        .useHandle(
            h ->
                // one look-up in the key per item, not a scan of their steps
                h.createQuery(
                        "SELECT item_id, v FROM (SELECT i.id AS item_id, (SELECT MAX(s.version)"
                            + " FROM body_steps s WHERE s.item_id = i.id) AS v FROM items i WHERE"
                            + " i.id IN (<items>)) newest WHERE v IS NOT NULL")
                    .bindList("items", List.copyOf(items))
                    .map((rs, c) -> Map.entry(rs.getLong("item_id"), rs.getInt("v")))
                    .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  /** Runs a write on a handle, in turn with the others on SQLite. */
  private <T> T writing(org.jdbi.v3.core.HandleCallback<T, RuntimeException> write) {
    boolean held = inTurn();
    try {
      return database.jdbi().withHandle(write);
    } finally {
      done(held);
    }
  }

  /** Takes {@link #oneWriter} on SQLite; answers whether it did. */
  private boolean inTurn() {
    if (database.dialect() != Database.Dialect.SQLITE) {
      return false;
    }
    oneWriter.lock();
    return true;
  }

  private void done(boolean held) {
    if (held) {
      oneWriter.unlock();
    }
  }

  /** Notes that an editor has the item open, at {@code place}. */
  public void here(long item, Editing editing) {
    writing(
        h -> {
          h.createUpdate(
                  "INSERT INTO editing_now (item_id, client_id, member_id, name, place,"
                      + " seen_at) VALUES (:item, :client, :member, :name, :place, :at)"
                      + " ON CONFLICT (item_id, client_id) DO UPDATE SET place ="
                      + " excluded.place, seen_at = excluded.seen_at")
              .bind("item", item)
              .bind("client", editing.clientId())
              .bind("member", editing.memberId())
              .bind("name", editing.name())
              .bind("place", editing.place())
              .bind("at", editing.seenAt())
              .execute();
          long now = clock.millis();
          if (now - swept > 10_000) {
            swept = now;
            h.createUpdate("DELETE FROM editing_now WHERE seen_at < :stale")
                .bind("stale", now - 120_000)
                .execute();
          }
          return null;
        });
  }

  public void leave(long item, String clientId, long memberId) {
    writing(
        h ->
            h.createUpdate(
                    "DELETE FROM editing_now WHERE item_id = :item AND client_id = :client"
                        + " AND member_id = :member")
                .bind("item", item)
                .bind("client", clientId)
                .bind("member", memberId)
                .execute());
  }

  /** Who has the item open, seen since {@code since} (epoch milliseconds), oldest first. */
  public List<Editing> editing(long item, long since) {
    return database
        .jdbi()
        .withHandle(
            h -> {
              return h.createQuery(
                      "SELECT client_id, member_id, name, place, seen_at FROM editing_now"
                          + " WHERE item_id = :item AND seen_at >= :since ORDER BY client_id")
                  .bind("item", item)
                  .bind("since", since)
                  .map(
                      (rs, c) ->
                          new Editing(
                              rs.getString("client_id"),
                              rs.getLong("member_id"),
                              rs.getString("name"),
                              rs.getString("place"),
                              rs.getLong("seen_at")))
                  .list();
            });
  }
}
