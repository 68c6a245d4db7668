package news.masthead.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import news.masthead.content.Copy;
import news.masthead.content.EditConflict;
import news.masthead.content.ItemId;
import news.masthead.content.SavedRevision;
import news.masthead.content.Section;
import news.masthead.content.Status;
import news.masthead.content.Subject;

/**
 * Writes revisions inside one open transaction, with every statement prepared once and reused for
 * each revision: an import of thousands of items parses its SQL a handful of times, not thousands.
 * Not thread-safe; lives as long as its transaction. Close it before committing.
 */
final class RevisionWriter implements AutoCloseable {
  private final PreparedStatement findItem;
  private final PreparedStatement sameRevision;
  private final PreparedStatement insertItem;
  private final PreparedStatement updateItem;
  private final PreparedStatement deleteSubjects;
  private final PreparedStatement insertRevision;
  private final PreparedStatement insertSubject;
  private final PreparedStatement upsertSection;
  private final PreparedStatement insertChange;
  private final Set<Section> sectionsWritten = new HashSet<>();

  RevisionWriter(Connection connection) throws SQLException {
    findItem = connection.prepareStatement("SELECT id, revision FROM items WHERE uri = ?");
    sameRevision =
        connection.prepareStatement(
            "SELECT COUNT(*) FROM revisions WHERE item_id = ? AND number = ? AND status = ?"
                + " AND copy = ?");
    insertItem =
        connection.prepareStatement(
            "INSERT INTO items (profile, language, section, slug, headline, standfirst, teaser,"
                + " teaser_shortened, byline, genre, status, first_published, updated, revision,"
                + " uri) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) RETURNING id");
    updateItem =
        connection.prepareStatement(
            "UPDATE items SET profile = ?, language = ?, section = ?, slug = ?, headline = ?,"
                + " standfirst = ?, teaser = ?, teaser_shortened = ?, byline = ?, genre = ?,"
                + " status = ?, first_published = COALESCE(first_published, ?), updated = CASE"
                + " WHEN ? THEN updated ELSE ? END, revision = ? WHERE id = ? AND revision = ?");
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
   * Writes one revision: the item's listing row, the revision, its subjects, its section and a
   * change log entry.
   *
   * @throws EditConflict when the revision is based on one that is no longer the latest
   */
  SavedRevision write(NewRevision r, String copyJson) throws SQLException {
    long id;
    int latest = 0;
    findItem.setString(1, r.uri());
    try (ResultSet rows = findItem.executeQuery()) {
      id = rows.next() ? rows.getLong(1) : -1;
      if (id > 0) {
        latest = rows.getInt(2);
      }
    }
    String status = r.status().code();
    Long firstPublished = r.firstPublished().map(Instant::toEpochMilli).orElse(null);
    int number;
    if (id > 0) {
      if (r.basedOn().isPresent() && r.basedOn().getAsInt() != latest) {
        throw new EditConflict(r.uri(), r.basedOn().getAsInt(), latest);
      }
      number = latest + 1;
      // A revision that changes nothing (the same copy and status) is kept as a revision, but
      // does not move the item's updated time: sitemaps and feeds announce only real edits.
      sameRevision.setLong(1, id);
      sameRevision.setInt(2, latest);
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
      updateItem.setLong(at++, id);
      updateItem.setInt(at, latest);
      if (updateItem.executeUpdate() != 1) {
        throw new EditConflict(r.uri(), latest, latest + 1);
      }
      deleteSubjects.setLong(1, id);
      deleteSubjects.executeUpdate();
    } else {
      number = 1;
      int at = listingColumns(insertItem, r, status, firstPublished);
      insertItem.setLong(at++, r.savedAt().toEpochMilli());
      insertItem.setString(at, r.uri());
      try (ResultSet keys = insertItem.executeQuery()) {
        keys.next();
        id = keys.getLong(1);
      }
    }
    insertRevision.setLong(1, id);
    insertRevision.setInt(2, number);
    insertRevision.setLong(3, r.savedAt().toEpochMilli());
    insertRevision.setString(4, r.savedBy());
    insertRevision.setString(5, status);
    insertRevision.setString(6, r.status() instanceof Status.Retracted rt ? rt.notice() : "");
    insertRevision.setString(7, copyJson);
    insertRevision.executeUpdate();
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
    insertChange.setLong(1, id);
    insertChange.setInt(2, number);
    insertChange.setLong(3, r.savedAt().toEpochMilli());
    insertChange.executeUpdate();
    return new SavedRevision(new ItemId(id), number, latest == 0);
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
    statement.setString(at++, copy.byline());
    statement.setString(at++, copy.genre().name());
    statement.setString(at++, status);
    if (firstPublished == null) {
      statement.setNull(at++, Types.BIGINT);
    } else {
      statement.setLong(at++, firstPublished);
    }
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
            deleteSubjects,
            insertRevision,
            insertSubject,
            upsertSection,
            insertChange)) {
      statement.close();
    }
  }
}
