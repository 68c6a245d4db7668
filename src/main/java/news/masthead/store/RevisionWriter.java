package news.masthead.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import news.masthead.content.Copy;
import news.masthead.content.EditConflict;
import news.masthead.content.ItemId;
import news.masthead.content.SavedRevision;
import news.masthead.content.Section;
import news.masthead.content.Subject;

/**
 * Writes revisions inside one open transaction, with every statement prepared once and reused for
 * each revision: an import of thousands of items parses its SQL a handful of times, not thousands.
 *
 * <p>The change log is written last, by {@link #appendChanges}, just before the commit: on
 * PostgreSQL it first takes a transaction-scoped advisory lock that every writer of the log takes,
 * so log entries are numbered in the order their transactions commit, and a follower that has read
 * up to {@code seq} can never later meet a smaller one. Not thread-safe; lives as long as its
 * transaction. Close it before committing.
 */
final class RevisionWriter implements AutoCloseable {
  /** The advisory lock key that serialises appends to the change log (any constant will do). */
  static final long CHANGE_LOG_LOCK = 0x4d617374_6865_6164L;

  private final PreparedStatement findItem;
  private final PreparedStatement sameRevision;
  private final PreparedStatement insertItem;
  private final PreparedStatement updateItem;
  private final PreparedStatement updateDesk;
  private final PreparedStatement updateDeskText;
  private final PreparedStatement deleteSubjects;
  private final PreparedStatement insertRevision;
  private final PreparedStatement insertSubject;
  private final PreparedStatement upsertSection;
  private final PreparedStatement insertChange;
  private PreparedStatement insertItemWithId; // prepared on first use: only restores need it
  private final Set<Section> sectionsWritten = new HashSet<>();
  private final List<Change> unlogged = new ArrayList<>();
  private final Database.Dialect dialect;
  private final Connection connection;

  /** A change log entry waiting for {@link #appendChanges}. */
  private record Change(long itemId, int revision, long at) {}

  RevisionWriter(Connection connection, Database.Dialect dialect) throws SQLException {
    this.connection = connection;
    this.dialect = dialect;
    findItem =
        connection.prepareStatement(
            "SELECT id, revision, live_revision, status FROM items WHERE uri = ?");
    sameRevision =
        connection.prepareStatement(
            "SELECT COUNT(*) FROM revisions WHERE item_id = ? AND number = ? AND status = ?"
                + " AND copy = ?");
    insertItem =
        connection.prepareStatement(
            "INSERT INTO items (profile, language, section, slug, headline, standfirst, teaser,"
                + " teaser_shortened, byline, genre, status, first_published, lead_picture,"
                + " lead_alt, updated, created_by, revision, live_revision, desk_status,"
                + " desk_headline, desk_updated, uri) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, 1, 1, ?, ?, ?, ?) ON CONFLICT (uri) DO NOTHING RETURNING id");
    updateItem =
        connection.prepareStatement(
            "UPDATE items SET profile = ?, language = ?, section = ?, slug = ?, headline = ?,"
                + " standfirst = ?, teaser = ?, teaser_shortened = ?, byline = ?, genre = ?,"
                + " status = ?, first_published = COALESCE(first_published, ?), lead_picture = ?,"
                + " lead_alt = ?, updated = CASE"
                + " WHEN ? THEN updated ELSE ? END, revision = ?, live_revision = ?, desk_status ="
                + " ?, desk_headline = ?, desk_updated = ? WHERE id = ? AND revision = ?");
    updateDesk =
        connection.prepareStatement(
            "UPDATE items SET revision = revision + 1, desk_status = ?, desk_headline = ?,"
                + " desk_updated = ? WHERE id = ? AND revision = ?");
    updateDeskText = connection.prepareStatement("UPDATE items SET desk_text = ? WHERE id = ?");
    deleteSubjects = connection.prepareStatement("DELETE FROM item_subjects WHERE item_id = ?");
    insertRevision =
        connection.prepareStatement(
            "INSERT INTO revisions (item_id, number, saved_at, saved_by, status, status_notice,"
                + " copy) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insertSubject =
        connection.prepareStatement(
            "INSERT INTO item_subjects (item_id, kind, slug, name, position) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING");
    upsertSection =
        connection.prepareStatement(
            "INSERT INTO sections (language, slug, name) VALUES (?, ?, ?)"
                + " ON CONFLICT (language, slug) DO UPDATE SET name = excluded.name");
    insertChange =
        connection.prepareStatement("INSERT INTO changes (item_id, revision, at) VALUES (?, ?, ?)");
  }

  /**
   * Writes one revision: the item's listing row, the revision, its subjects and its section; its
   * change log entry waits for {@link #appendChanges}. Two transactions creating one new uri at
   * once end as one item with two revisions (or an {@link EditConflict} when the second was based
   * on a revision).
   *
   * <p>A desk-only revision (a draft, or one submitted for review) of an item readers already see
   * (published, retracted or withheld) changes only the item's newest revision and desk status:
   * readers keep the live revision, its listing row and its subjects until a revision that is not
   * desk-only is saved. Desk-only revisions are not logged: nothing public changed.
   *
   * @throws EditConflict when the revision is based on one that is no longer the latest
   */
  SavedRevision write(NewRevision r, String copyJson) throws SQLException {
    Found found = findItem(r.uri());
    String status = r.status().code();
    Long firstPublished = r.firstPublished().map(Instant::toEpochMilli).orElse(null);
    if (found.id() < 0) {
      long created = insertItem(r, status, firstPublished);
      // Below zero: another transaction created this uri since we looked, and has committed (the
      // insert waited for it): this save becomes a revision of that item, or a conflict.
      found = created < 0 ? findItem(r.uri()) : new Found(created, 0, 0, status);
      if (found.id() < 0) {
        throw new SQLException("item " + r.uri() + " could be neither created nor found");
      }
    }
    long id = found.id();
    int latest = found.latest();
    boolean deskOnly = latest > 0 && found.isLive() && r.status().isDeskOnly();
    int number;
    if (latest > 0) {
      if (r.basedOn().isPresent() && r.basedOn().getAsInt() != latest) {
        throw new EditConflict(r.uri(), r.basedOn().getAsInt(), latest);
      }
      number = latest + 1;
      if (deskOnly) {
        updateDesk.setString(1, status);
        updateDesk.setString(2, r.copy().headline());
        updateDesk.setLong(3, r.savedAt().toEpochMilli());
        updateDesk.setLong(4, id);
        updateDesk.setInt(5, latest);
        if (updateDesk.executeUpdate() != 1) {
          throw new EditConflict(r.uri(), latest, latest + 1);
        }
      } else {
        // A revision that changes nothing readers see (the live revision's copy and status) is
        // kept as a revision, but does not move the item's updated time: sitemaps and feeds
        // announce only real edits.
        sameRevision.setLong(1, id);
        sameRevision.setInt(2, found.live());
        sameRevision.setString(3, status);
        sameRevision.setString(4, copyJson);
        boolean unchanged;
        try (ResultSet rows = sameRevision.executeQuery()) {
          unchanged = rows.next() && rows.getInt(1) > 0;
        }
        int at = listingColumns(updateItem, r, status, firstPublished);
        updateItem.setBoolean(at++, unchanged);
        updateItem.setLong(at++, r.savedAt().toEpochMilli());
        updateItem.setInt(at++, number);
        updateItem.setInt(at++, number);
        updateItem.setString(at++, status);
        updateItem.setString(at++, r.copy().headline());
        updateItem.setLong(at++, r.savedAt().toEpochMilli());
        updateItem.setLong(at++, id);
        updateItem.setInt(at, latest);
        if (updateItem.executeUpdate() != 1) {
          throw new EditConflict(r.uri(), latest, latest + 1);
        }
        deleteSubjects.setLong(1, id);
        deleteSubjects.executeUpdate();
      }
    } else {
      number = 1;
    }
    insertRevision.setLong(1, id);
    insertRevision.setInt(2, number);
    insertRevision.setLong(3, r.savedAt().toEpochMilli());
    insertRevision.setString(4, r.savedBy());
    insertRevision.setString(5, status);
    insertRevision.setString(6, r.status().detail());
    insertRevision.setString(7, copyJson);
    insertRevision.executeUpdate();
    updateDeskText.setString(1, DeskText.of(r.copy()));
    updateDeskText.setLong(2, id);
    updateDeskText.executeUpdate();
    if (!deskOnly) {
      writeListing(id, r);
    }
    if (!r.status().isDeskOnly()) {
      unlogged.add(new Change(id, number, r.savedAt().toEpochMilli()));
    }
    return new SavedRevision(new ItemId(id), number, latest == 0);
  }

  /** The subjects and section readers see of the item, from the revision written. */
  private void writeListing(long id, NewRevision r) throws SQLException {
    List<Subject> subjects = r.copy().allSubjects();
    for (int i = 0; i < subjects.size(); i++) {
      Subject s = subjects.get(i);
      insertSubject.setLong(1, id);
      insertSubject.setString(2, s.kind().name());
      insertSubject.setString(3, s.slug().value());
      insertSubject.setString(4, s.name());
      insertSubject.setInt(5, i);
      insertSubject.addBatch();
    }
    if (!subjects.isEmpty()) {
      insertSubject.executeBatch();
    }
    Section section = r.copy().section();
    if (sectionsWritten.add(section)) {
      upsertSection.setString(1, section.language().code());
      upsertSection.setString(2, section.slug().value());
      upsertSection.setString(3, section.name());
      upsertSection.executeUpdate();
    }
  }

  /**
   * An item as found before a write: its id (-1 when no item has the uri), newest and live
   * revisions (0 for none) and the status readers see.
   */
  private record Found(long id, int latest, int live, String status) {
    boolean isLive() {
      return status.equals("published") || status.equals("retracted") || status.equals("withheld");
    }
  }

  private Found findItem(String uri) throws SQLException {
    findItem.setString(1, uri);
    try (ResultSet rows = findItem.executeQuery()) {
      return rows.next()
          ? new Found(rows.getLong(1), rows.getInt(2), rows.getInt(3), rows.getString(4))
          : new Found(-1, 0, 0, "");
    }
  }

  /** Creates the item's listing row; -1 when another transaction created the uri meanwhile. */
  private long insertItem(NewRevision r, String status, Long firstPublished) throws SQLException {
    PreparedStatement insert = r.restoring().isPresent() ? insertItemWithId() : insertItem;
    int at = listingColumns(insert, r, status, firstPublished);
    insert.setLong(at++, r.savedAt().toEpochMilli());
    insert.setString(at++, r.savedBy());
    insert.setString(at++, status);
    insert.setString(at++, r.copy().headline());
    insert.setLong(at++, r.savedAt().toEpochMilli());
    insert.setString(at++, r.uri());
    if (r.restoring().isPresent()) {
      insert.setLong(at, r.restoring().get().value());
    }
    try (ResultSet keys = insert.executeQuery()) {
      return keys.next() ? keys.getLong(1) : -1;
    }
  }

  /** The insert of a restore, which gives the item the id it had; prepared on first use. */
  private PreparedStatement insertItemWithId() throws SQLException {
    if (insertItemWithId == null) {
      insertItemWithId =
          connection.prepareStatement(
              "INSERT INTO items (profile, language, section, slug, headline, standfirst, teaser,"
                  + " teaser_shortened, byline, genre, status, first_published, lead_picture,"
                  + " lead_alt, updated, created_by, revision, live_revision, desk_status,"
                  + " desk_headline, desk_updated, uri, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                  + " ?, ?, ?, ?, ?, ?, 1, 1, ?, ?, ?, ?, ?) ON CONFLICT (uri) DO NOTHING RETURNING"
                  + " id");
    }
    return insertItemWithId;
  }

  /** How many revisions written so far still wait for their change log entry. */
  int unloggedCount() {
    return unlogged.size();
  }

  /**
   * Forgets the change log entries of revisions written after the first {@code count}: their
   * savepoint was rolled back.
   */
  void forgetAfter(int count) {
    unlogged.subList(count, unlogged.size()).clear();
  }

  /**
   * Appends the change log entries of every revision written, in order; call it last, just before
   * the commit. On PostgreSQL it waits for every other transaction appending to the log to end
   * first, so the log's sequence numbers follow the order of commits.
   */
  void appendChanges() throws SQLException {
    if (unlogged.isEmpty()) {
      return;
    }
    if (dialect == Database.Dialect.POSTGRESQL) {
      try (PreparedStatement lock =
          connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        lock.setLong(1, CHANGE_LOG_LOCK);
        lock.execute();
      }
    }
    for (Change change : unlogged) {
      insertChange.setLong(1, change.itemId());
      insertChange.setInt(2, change.revision());
      insertChange.setLong(3, change.at());
      insertChange.addBatch();
    }
    insertChange.executeBatch();
    unlogged.clear();
  }

  /** Sets the listing columns shared by insert and update; returns the next parameter index. */
  private static int listingColumns(
      PreparedStatement statement, NewRevision r, String status, Long firstPublished)
      throws SQLException {
    Copy copy = r.copy();
    int at = 1;
    statement.setString(at++, copy.profile().code());
    statement.setString(at++, copy.language().code());
    statement.setString(at++, copy.section().slug().value());
    statement.setString(at++, r.slug().value());
    statement.setString(at++, copy.headline());
    statement.setString(at++, copy.standfirst());
    statement.setString(at++, r.teaser().text());
    statement.setBoolean(at++, r.teaser().shortened());
    statement.setString(at++, copy.byline().text());
    statement.setString(at++, copy.genre().name());
    statement.setString(at++, status);
    if (firstPublished == null) {
      statement.setNull(at++, Types.BIGINT);
    } else {
      statement.setLong(at++, firstPublished);
    }
    if (copy.lead().isPresent()) {
      statement.setLong(at++, copy.lead().get().picture());
    } else {
      statement.setNull(at++, Types.BIGINT);
    }
    statement.setString(at++, copy.lead().map(f -> f.alt()).orElse(""));
    return at;
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement statement :
        List.of(
            findItem,
            sameRevision,
            insertItem,
            updateItem,
            updateDesk,
            deleteSubjects,
            insertRevision,
            insertSubject,
            upsertSection,
            insertChange)) {
      statement.close();
    }
    if (insertItemWithId != null) {
      insertItemWithId.close();
    }
  }
}
