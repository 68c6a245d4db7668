package news.masthead.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import news.masthead.content.Art;
import news.masthead.content.AuditEntry;
import news.masthead.content.ConflictDraft;
import news.masthead.content.Copy;
import news.masthead.content.DeskItem;
import news.masthead.content.DeskLine;
import news.masthead.content.EditConflict;
import news.masthead.content.EditorialNote;
import news.masthead.content.Genre;
import news.masthead.content.Illustration;
import news.masthead.content.Item;
import news.masthead.content.ItemAddress;
import news.masthead.content.ItemId;
import news.masthead.content.ItemSummary;
import news.masthead.content.Language;
import news.masthead.content.PreviewLink;
import news.masthead.content.Profile;
import news.masthead.content.SavedRevision;
import news.masthead.content.Section;
import news.masthead.content.Slug;
import news.masthead.content.Status;
import news.masthead.content.Subject;
import news.masthead.content.SubjectKind;
import news.masthead.content.Teaser;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Items and their revisions. A save writes a new immutable revision, updates the item's listing row
 * and its subjects, and appends to the change log, all in one transaction: either all of it is
 * stored or none. Thread-safe.
 */
public final class ItemStore {
  private static final String SUMMARY_COLUMNS =
      "i.id, i.profile, i.language, i.section, s.name AS section_name, i.slug, i.headline,"
          + " i.standfirst, i.teaser, i.teaser_shortened, i.byline, i.genre, i.first_published,"
          + " i.updated, i.lead_alt, lead.public_key AS lead_key, lead.version AS lead_version,"
          + " lead.width AS lead_width, lead.height AS lead_height, lead.focal_x AS lead_x,"
          + " lead.focal_y AS lead_y, lead.credit AS lead_credit";

  /** The lead picture's row for {@link #SUMMARY_COLUMNS}; none when the item has none. */
  private static final String LEAD_PICTURE = " LEFT JOIN pictures lead ON lead.id = i.lead_picture";

  /** Summaries of published items, each with its section's name; add conditions with AND. */
  private static final String PUBLISHED_SUMMARIES =
      "SELECT "
          + SUMMARY_COLUMNS
          + " FROM items i JOIN sections s ON s.language = i.language AND s.slug = i.section"
          + LEAD_PICTURE
          + " WHERE i.status = 'published'";

  /**
   * Items as readers see them, with the copy of their live revision, for {@link #itemOf}: a draft
   * of an edit to a published item is not read here.
   */
  private static final String ITEMS_AT_LATEST_REVISION =
      "SELECT i.id, i.uri, i.live_revision AS revision, i.status, i.slug, i.first_published,"
          + " i.updated, r.copy, r.status_notice FROM items i JOIN revisions r ON r.item_id ="
          + " i.id AND r.number = i.live_revision";

  /** Items at their newest revision, with its status, for {@link #deskItemOf}. */
  private static final String ITEMS_ON_THE_DESK =
      "SELECT i.id, i.uri, i.revision, r.status AS desk_status, i.status, i.slug,"
          + " i.first_published, r.saved_at, r.copy, r.status_notice, i.live_revision,"
          + " i.created_by FROM items i JOIN revisions r ON r.item_id = i.id AND r.number ="
          + " i.revision";

  private final Database database;

  public ItemStore(Database database) {
    this.database = database;
  }

  /** The outcome of one revision in {@link #saveAll}: saved, or refused with the reason. */
  public sealed interface Outcome {
    record Saved(SavedRevision revision) implements Outcome {}

    record Refused(String reason) implements Outcome {}
  }

  /**
   * Saves one revision.
   *
   * @throws EditConflict when {@code basedOn} is not the latest revision; nothing is written
   */
  public SavedRevision save(NewRevision revision) {
    String copy = CopyJson.write(revision.copy());
    return database
        .jdbi()
        .inTransaction(
            handle -> {
              try (RevisionWriter writer =
                  new RevisionWriter(handle.getConnection(), database.dialect())) {
                SavedRevision saved = writer.write(revision, copy);
                writer.appendChanges();
                return saved;
              } catch (SQLException e) {
                throw new StoreFailure("cannot save " + revision.uri() + ": " + e.getMessage(), e);
              }
            });
  }

  /**
   * Saves one revision and appends {@code why} to the audit log in the same transaction: both are
   * stored or neither.
   *
   * @throws EditConflict when {@code basedOn} is not the latest revision; nothing is written
   */
  public SavedRevision save(NewRevision revision, AuditEntry why) {
    String copy = CopyJson.write(revision.copy());
    return database
        .jdbi()
        .inTransaction(
            handle -> {
              try (RevisionWriter writer =
                  new RevisionWriter(handle.getConnection(), database.dialect())) {
                SavedRevision saved = writer.write(revision, copy);
                writer.appendChanges();
                StaffStore.append(handle, why, revision.savedAt());
                return saved;
              } catch (SQLException e) {
                throw new StoreFailure("cannot save " + revision.uri() + ": " + e.getMessage(), e);
              }
            });
  }

  /** The item with this id as the desk sees it: its newest revision, and what readers see. */
  public Optional<DeskItem> findOnDesk(ItemId id) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(ITEMS_ON_THE_DESK + " WHERE i.id = :id")
                    .bind("id", id.value())
                    .map((rs, ctx) -> deskItemOf(rs))
                    .findOne());
  }

  /** The item at one of its revisions, with that revision's status and save time. */
  public Optional<Item> findRevision(ItemId id, int number) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT i.id, i.uri, r.number AS revision, r.status, r.status_notice,"
                            + " i.slug, i.first_published, r.saved_at AS updated, r.copy FROM"
                            + " revisions r JOIN items i ON i.id = r.item_id WHERE r.item_id = :id"
                            + " AND r.number = :number")
                    .bind("id", id.value())
                    .bind("number", number)
                    .map((rs, ctx) -> itemOf(rs))
                    .findOne());
  }

  /**
   * What the desk's lists ask for: items whose newest revision has one of {@code deskStatuses} (all
   * when empty), begun by {@code createdBy} (anyone when empty), in one of {@code sections} (any
   * when empty), newest saved first.
   */
  public record DeskQuery(
      List<Status> deskStatuses,
      String createdBy,
      List<Slug> sections,
      String text,
      Optional<Language> language,
      int limit) {
    public DeskQuery {
      deskStatuses = List.copyOf(deskStatuses);
      sections = List.copyOf(sections);
    }

    /** A list by status, author and sections alone. */
    public DeskQuery(List<Status> deskStatuses, String createdBy, List<Slug> sections, int limit) {
      this(deskStatuses, createdBy, sections, "", Optional.empty(), limit);
    }
  }

  /**
   * The desk's list that {@code query} asks for. Each status asked for is read on its own, newest
   * first along an index, and the lists merged: one query over several statuses would sort them
   * all.
   */
  public List<DeskLine> listDesk(DeskQuery query) {
    if (query.deskStatuses().size() <= 1) {
      return listDesk(query, query.deskStatuses());
    }
    List<DeskLine> all = new ArrayList<>();
    for (Status status : query.deskStatuses()) {
      all.addAll(listDesk(query, List.of(status)));
    }
    all.sort(
        java.util.Comparator.comparing(DeskLine::savedAt)
            .thenComparing(line -> line.id().value())
            .reversed());
    return all.subList(0, Math.min(query.limit(), all.size()));
  }

  private List<DeskLine> listDesk(DeskQuery query, List<Status> statuses) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT i.id, i.revision, i.profile, i.language, i.section, i.status, i.created_by,"
                + " i.desk_headline, i.desk_updated, r.status AS desk_status, r.status_notice,"
                + " r.saved_by FROM items i JOIN revisions r ON r.item_id = i.id AND r.number ="
                + " i.revision WHERE 1 = 1");
    if (!statuses.isEmpty()) {
      sql.append(" AND i.desk_status = :status");
    }
    if (!query.createdBy().isEmpty()) {
      sql.append(" AND i.created_by = :createdBy");
    }
    if (!query.sections().isEmpty()) {
      sql.append(" AND i.section IN (<sections>)");
    }
    String words = DeskText.normalised(query.text().strip());
    if (!words.isEmpty()) { // on PostgreSQL along a trigram index (migration V8)
      sql.append(" AND i.desk_text LIKE :text ESCAPE '!'");
    }
    if (query.language().isPresent()) {
      sql.append(" AND i.language = :language");
    }
    sql.append(" ORDER BY i.desk_updated DESC, i.id DESC LIMIT :limit");
    return database
        .jdbi()
        .withHandle(
            handle -> {
              Query q = handle.createQuery(sql.toString());
              if (!statuses.isEmpty()) {
                q.bind("status", statuses.getFirst().code());
              }
              if (!query.createdBy().isEmpty()) {
                q.bind("createdBy", query.createdBy());
              }
              if (!query.sections().isEmpty()) {
                q.bindList("sections", query.sections().stream().map(Slug::value).toList());
              }
              if (!words.isEmpty()) {
                q.bind("text", "%" + StaffStore.like(words) + "%");
              }
              query.language().ifPresent(l -> q.bind("language", l.code()));
              return q.bind("limit", query.limit())
                  .map(
                      (rs, ctx) ->
                          new DeskLine(
                              new ItemId(rs.getLong("id")),
                              rs.getInt("revision"),
                              Profile.fromCode(rs.getString("profile")),
                              new Language(rs.getString("language")),
                              new Slug(rs.getString("section")),
                              rs.getString("desk_headline"),
                              Status.fromCode(
                                  rs.getString("desk_status"), rs.getString("status_notice")),
                              liveStatus(rs),
                              rs.getString("created_by"),
                              rs.getString("saved_by"),
                              Instant.ofEpochMilli(rs.getLong("desk_updated"))))
                  .list();
            });
  }

  /** Adds an editorial note to an item, with {@code why} in the audit log in one transaction. */
  public EditorialNote addNote(ItemId id, String author, String text, AuditEntry why, Instant at) {
    EditorialNote checked = new EditorialNote(0, at, author, text);
    return database
        .jdbi()
        .inTransaction(
            handle -> {
              long noteId =
                  handle
                      .createUpdate(
                          "INSERT INTO item_notes (item_id, at, author, text) VALUES (:item, :at,"
                              + " :author, :text)")
                      .bind("item", id.value())
                      .bind("at", at.toEpochMilli())
                      .bind("author", author)
                      .bind("text", checked.text())
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one();
              StaffStore.append(handle, why, at);
              return new EditorialNote(noteId, at, author, checked.text());
            });
  }

  /** Keeps a conflict draft; returns it with its id. */
  public ConflictDraft keepConflict(ConflictDraft draft) {
    long id =
        database
            .jdbi()
            .withHandle(
                handle ->
                    handle
                        .createUpdate(
                            "INSERT INTO conflict_drafts (item_id, staff_id, base, theirs, copy, at)"
                                + " VALUES (:item, :staff, :base, :theirs, :copy, :at)")
                        .bind("item", draft.item().value())
                        .bind("staff", draft.staffId())
                        .bind("base", draft.base())
                        .bind("theirs", draft.theirs())
                        .bind("copy", CopyJson.write(draft.copy()))
                        .bind("at", draft.at().toEpochMilli())
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one());
    return new ConflictDraft(
        id, draft.item(), draft.staffId(), draft.base(), draft.theirs(), draft.copy(), draft.at());
  }

  /** A member's conflict drafts on an item, oldest first. */
  public List<ConflictDraft> conflictDrafts(ItemId item, long staffId) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT id, item_id, staff_id, base, theirs, copy, at FROM conflict_drafts"
                            + " WHERE item_id = :item AND staff_id = :staff ORDER BY id")
                    .bind("item", item.value())
                    .bind("staff", staffId)
                    .map(
                        (rs, ctx) ->
                            new ConflictDraft(
                                rs.getLong(1),
                                new ItemId(rs.getLong(2)),
                                rs.getLong(3),
                                rs.getInt(4),
                                rs.getInt(5),
                                CopyJson.read(rs.getString(6)),
                                Instant.ofEpochMilli(rs.getLong(7))))
                    .list());
  }

  /** Drops a conflict draft once its choices are saved. */
  public void dropConflict(long id) {
    database
        .jdbi()
        .useHandle(
            handle ->
                handle
                    .createUpdate("DELETE FROM conflict_drafts WHERE id = :id")
                    .bind("id", id)
                    .execute());
  }

  /** Keeps a shared preview link by its token's hash, with {@code why} in the audit log. */
  public void addPreviewLink(String tokenHash, PreviewLink link, AuditEntry why, Instant at) {
    database
        .jdbi()
        .useTransaction(
            handle -> {
              handle
                  .createUpdate(
                      "INSERT INTO preview_links (token_hash, item_id, revision, created_by,"
                          + " expires_at) VALUES (:hash, :item, :revision, :by, :expires)")
                  .bind("hash", tokenHash)
                  .bind("item", link.item().value())
                  .bind("revision", link.revision())
                  .bind("by", link.createdBy())
                  .bind("expires", link.expiresAt().toEpochMilli())
                  .execute();
              StaffStore.append(handle, why, at);
            });
  }

  /** A shared preview link that still works, known by its token's hash. */
  public record SharedPreview(String tokenHash, PreviewLink link) {}

  /** The item's preview links that still work at {@code now}, newest first. */
  public List<SharedPreview> previewLinks(ItemId id, Instant now) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT token_hash, revision, created_by, expires_at FROM preview_links"
                            + " WHERE item_id = :item AND expires_at > :now ORDER BY expires_at"
                            + " DESC")
                    .bind("item", id.value())
                    .bind("now", now.toEpochMilli())
                    .map(
                        (rs, ctx) ->
                            new SharedPreview(
                                rs.getString(1),
                                new PreviewLink(
                                    id,
                                    rs.getInt(2),
                                    rs.getString(3),
                                    Instant.ofEpochMilli(rs.getLong(4)))))
                    .list());
  }

  /**
   * Stops one of the item's preview links working, with {@code why} in the audit log.
   *
   * @return whether there was such a link
   */
  public boolean revokePreviewLink(ItemId id, String tokenHash, AuditEntry why, Instant at) {
    return database
        .jdbi()
        .inTransaction(
            handle -> {
              int gone =
                  handle
                      .createUpdate(
                          "DELETE FROM preview_links WHERE item_id = :item AND token_hash = :hash")
                      .bind("item", id.value())
                      .bind("hash", tokenHash)
                      .execute();
              if (gone > 0) {
                StaffStore.append(handle, why, at);
              }
              return gone > 0;
            });
  }

  /** The preview link with this token's hash, while it has not expired at {@code now}. */
  public Optional<PreviewLink> findPreviewLink(String tokenHash, Instant now) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT item_id, revision, created_by, expires_at FROM preview_links WHERE"
                            + " token_hash = :hash AND expires_at > :now")
                    .bind("hash", tokenHash)
                    .bind("now", now.toEpochMilli())
                    .map(
                        (rs, ctx) ->
                            new PreviewLink(
                                new ItemId(rs.getLong(1)),
                                rs.getInt(2),
                                rs.getString(3),
                                Instant.ofEpochMilli(rs.getLong(4))))
                    .findOne());
  }

  /** An item's editorial notes, oldest first. */
  public List<EditorialNote> notes(ItemId id) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT id, at, author, text FROM item_notes WHERE item_id = :item ORDER"
                            + " BY id")
                    .bind("item", id.value())
                    .map(
                        (rs, ctx) ->
                            new EditorialNote(
                                rs.getLong("id"),
                                Instant.ofEpochMilli(rs.getLong("at")),
                                rs.getString("author"),
                                rs.getString("text")))
                    .list());
  }

  /**
   * Saves many revisions in one transaction, each in a savepoint of its own: a revision that fails
   * is rolled back alone and reported, and the others are kept. {@code progress} is told after
   * each. The copies were serialised beforehand ({@link PreparedRevision#of}, on whichever threads
   * the caller chose), so the transaction does nothing but write.
   */
  public List<Outcome> saveAll(List<PreparedRevision> revisions, Consumer<Outcome> progress) {
    return database
        .jdbi()
        .inTransaction(
            handle -> {
              Connection connection = handle.getConnection();
              List<Outcome> outcomes = new ArrayList<>(revisions.size());
              try (RevisionWriter writer = new RevisionWriter(connection, database.dialect())) {
                for (PreparedRevision prepared : revisions) {
                  Savepoint savepoint = connection.setSavepoint();
                  int logged = writer.unloggedCount();
                  Outcome outcome;
                  try {
                    outcome =
                        new Outcome.Saved(writer.write(prepared.revision(), prepared.copyJson()));
                    connection.releaseSavepoint(savepoint);
                  } catch (SQLException | RuntimeException e) {
                    connection.rollback(savepoint);
                    writer.forgetAfter(logged);
                    outcome = new Outcome.Refused(Database.rootMessage(e));
                  }
                  outcomes.add(outcome);
                  progress.accept(outcome);
                }
                writer.appendChanges();
              } catch (SQLException e) {
                throw new StoreFailure("cannot save a batch of revisions: " + e.getMessage(), e);
              }
              return outcomes;
            });
  }

  /** The item with this id as readers see it (its live revision), whatever its status. */
  public Optional<Item> find(ItemId id) {
    return findWhere("i.id = :key", id.value());
  }

  /** The item with this external uri (a ninjs uri), as readers see it. */
  public Optional<Item> findByUri(String uri) {
    return findWhere("i.uri = :key", uri);
  }

  private Optional<Item> findWhere(String condition, Object key) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(ITEMS_AT_LATEST_REVISION + " WHERE " + condition)
                    .bind("key", key)
                    .map((rs, ctx) -> itemOf(rs))
                    .findOne());
  }

  /**
   * What readers see of a desk row's item. While it has never been public its listing carries the
   * newest revision's status, whose detail (a schedule's time) is that revision's.
   */
  private static Status liveStatus(ResultSet rs) throws SQLException {
    String status = rs.getString("status");
    return Status.fromCode(
        status, status.equals(rs.getString("desk_status")) ? rs.getString("status_notice") : "");
  }

  private static DeskItem deskItemOf(ResultSet rs) throws SQLException {
    long firstPublished = rs.getLong("first_published");
    boolean hasFirstPublished = !rs.wasNull();
    Copy copy = CopyJson.read(rs.getString("copy"));
    Item newest =
        new Item(
            new ItemId(rs.getLong("id")),
            rs.getString("uri"),
            rs.getInt("revision"),
            Status.fromCode(rs.getString("desk_status"), rs.getString("status_notice")),
            copy.slug(),
            hasFirstPublished
                ? Optional.of(Instant.ofEpochMilli(firstPublished))
                : Optional.empty(),
            Instant.ofEpochMilli(rs.getLong("saved_at")),
            copy);
    return new DeskItem(
        newest, rs.getInt("live_revision"), liveStatus(rs), rs.getString("created_by"));
  }

  private static Item itemOf(ResultSet rs) throws SQLException {
    long firstPublished = rs.getLong("first_published");
    boolean hasFirstPublished = !rs.wasNull();
    return new Item(
        new ItemId(rs.getLong("id")),
        rs.getString("uri"),
        rs.getInt("revision"),
        Status.fromCode(rs.getString("status"), rs.getString("status_notice")),
        new Slug(rs.getString("slug")),
        hasFirstPublished ? Optional.of(Instant.ofEpochMilli(firstPublished)) : Optional.empty(),
        Instant.ofEpochMilli(rs.getLong("updated")),
        CopyJson.read(rs.getString("copy")));
  }

  /** Published items matching the listing, newest first. */
  public List<ItemSummary> list(Listing listing) {
    StringBuilder sql = new StringBuilder("SELECT ").append(SUMMARY_COLUMNS);
    appendFrom(sql, listing);
    sql.append(" ORDER BY i.first_published DESC, i.id DESC LIMIT :limit OFFSET :offset");
    return database
        .jdbi()
        .withHandle(
            handle -> {
              Query query = handle.createQuery(sql.toString());
              bindListing(query, listing);
              return query
                  .bind("limit", listing.limit())
                  .bind("offset", listing.offset())
                  .map((rs, ctx) -> summaryOf(rs))
                  .list();
            });
  }

  /** How many published items match the listing, ignoring its limit and offset. */
  public int count(Listing listing) {
    StringBuilder sql = new StringBuilder("SELECT COUNT(*)");
    appendFrom(sql, listing);
    return database
        .jdbi()
        .withHandle(
            handle -> {
              Query query = handle.createQuery(sql.toString());
              bindListing(query, listing);
              return query.mapTo(Integer.class).one();
            });
  }

  private static void appendFrom(StringBuilder sql, Listing listing) {
    sql.append(" FROM items i");
    if (listing.subject().isPresent()) {
      sql.append(
          " JOIN item_subjects t ON t.item_id = i.id AND t.kind = :kind AND t.slug = :subject");
    }
    sql.append(" JOIN sections s ON s.language = i.language AND s.slug = i.section");
    sql.append(LEAD_PICTURE);
    sql.append(" WHERE i.language = :language AND i.status = 'published'");
    listing.section().ifPresent(x -> sql.append(" AND i.section = :section"));
    listing.profile().ifPresent(x -> sql.append(" AND i.profile = :profile"));
    listing.excluding().ifPresent(x -> sql.append(" AND i.id <> :excluding"));
    listing
        .after()
        .ifPresent(
            x ->
                sql.append(
                    " AND (i.first_published < :afterTime OR (i.first_published = :afterTime"
                        + " AND i.id < :afterId))"));
  }

  private static void bindListing(Query query, Listing listing) {
    query.bind("language", listing.language().code());
    listing.section().ifPresent(s -> query.bind("section", s.value()));
    listing.profile().ifPresent(p -> query.bind("profile", p.code()));
    listing.excluding().ifPresent(id -> query.bind("excluding", id.value()));
    listing.subjectKind().ifPresent(k -> query.bind("kind", k.name()));
    listing.subject().ifPresent(s -> query.bind("subject", s.value()));
    listing
        .after()
        .ifPresent(
            a ->
                query
                    .bind("afterTime", a.firstPublished().toEpochMilli())
                    .bind("afterId", a.id().value()));
  }

  private static ItemSummary summaryOf(ResultSet rs) throws SQLException {
    Language language = new Language(rs.getString("language"));
    long firstPublished = rs.getLong("first_published");
    boolean hasFirstPublished = !rs.wasNull();
    return new ItemSummary(
        new ItemId(rs.getLong("id")),
        Profile.fromCode(rs.getString("profile")),
        new Section(new Slug(rs.getString("section")), rs.getString("section_name"), language),
        new Slug(rs.getString("slug")),
        rs.getString("headline"),
        rs.getString("standfirst"),
        new Teaser(rs.getString("teaser"), rs.getBoolean("teaser_shortened")),
        rs.getString("byline"),
        Genre.valueOf(rs.getString("genre")),
        hasFirstPublished ? Optional.of(Instant.ofEpochMilli(firstPublished)) : Optional.empty(),
        Instant.ofEpochMilli(rs.getLong("updated")),
        leadOf(rs));
  }

  private static Optional<Illustration> leadOf(ResultSet rs) throws SQLException {
    String key = rs.getString("lead_key");
    if (key == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Illustration(
            new Art(
                key,
                rs.getInt("lead_version"),
                rs.getInt("lead_width"),
                rs.getInt("lead_height"),
                rs.getDouble("lead_x"),
                rs.getDouble("lead_y"),
                rs.getString("lead_credit")),
            rs.getString("lead_alt"),
            ""));
  }

  /**
   * What pages need to show the library pictures with these ids; an id no picture has is left out.
   */
  public Map<Long, Art> art(Collection<Long> pictureIds) {
    if (pictureIds.isEmpty()) {
      return Map.of();
    }
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT id, public_key, version, width, height, focal_x, focal_y, credit"
                            + " FROM pictures WHERE id IN (<ids>)")
                    .bindList("ids", List.copyOf(new LinkedHashSet<>(pictureIds)))
                    .map(
                        (rs, ctx) ->
                            Map.entry(
                                rs.getLong("id"),
                                new Art(
                                    rs.getString("public_key"),
                                    rs.getInt("version"),
                                    rs.getInt("width"),
                                    rs.getInt("height"),
                                    rs.getDouble("focal_x"),
                                    rs.getDouble("focal_y"),
                                    rs.getString("credit"))))
                    .list()
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  /** Published items in every language, newest first, first published at or after {@code since}. */
  public List<ItemSummary> listRecent(Instant since, int limit) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        PUBLISHED_SUMMARIES
                            + " AND i.first_published >= :since ORDER BY i.first_published DESC,"
                            + " i.id DESC LIMIT :limit")
                    .bind("since", since.toEpochMilli())
                    .bind("limit", limit)
                    .map((rs, ctx) -> summaryOf(rs))
                    .list());
  }

  /** How many items are published, in every language. */
  public int countPublished() {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery("SELECT COUNT(*) FROM items WHERE status = 'published'")
                    .mapTo(Integer.class)
                    .one());
  }

  /** The addresses of published items in id order, for sitemaps: stable from page to page. */
  public List<ItemAddress> listAddresses(int offset, int limit) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT id, language, section, slug, updated FROM items WHERE status ="
                            + " 'published' ORDER BY id LIMIT :limit OFFSET :offset")
                    .bind("limit", limit)
                    .bind("offset", offset)
                    .map(
                        (rs, ctx) ->
                            new ItemAddress(
                                new ItemId(rs.getLong("id")),
                                new Language(rs.getString("language")),
                                new Slug(rs.getString("section")),
                                new Slug(rs.getString("slug")),
                                Instant.ofEpochMilli(rs.getLong("updated"))))
                    .list());
  }

  /** A subject with how many published items of an edition link to it. */
  public record SubjectCount(Subject subject, int items) {}

  /**
   * The subjects of one kind that published items of an edition link to, in slug order, after
   * {@code afterSlug} (empty for the first page).
   */
  public List<SubjectCount> listSubjects(
      Language language, SubjectKind kind, Optional<Slug> afterSlug, int limit) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT t.slug, MIN(t.name) AS name, COUNT(*) AS items FROM item_subjects"
                            + " t JOIN items i ON i.id = t.item_id WHERE t.kind = :kind AND"
                            + " i.language = :language AND i.status = 'published' AND t.slug >"
                            + " :after GROUP BY t.slug ORDER BY t.slug LIMIT :limit")
                    .bind("kind", kind.name())
                    .bind("language", language.code())
                    .bind("after", afterSlug.map(Slug::value).orElse(""))
                    .bind("limit", limit)
                    .map(
                        (rs, ctx) ->
                            new SubjectCount(
                                new Subject(
                                    kind, new Slug(rs.getString("slug")), rs.getString("name")),
                                rs.getInt("items")))
                    .list());
  }

  /**
   * The names of a kind of subject in a language that begin with {@code prefix} (or whose address
   * word does), the most used first: for the desk's suggestions as one types. Only published items'
   * subjects: an embargoed story's names are not suggested to anyone.
   */
  public List<String> suggestSubjects(
      Language language, SubjectKind kind, String prefix, int limit) {
    String like = StaffStore.like(prefix.strip().toLowerCase(java.util.Locale.ROOT)) + "%";
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT MIN(t.name) AS name FROM item_subjects t JOIN items i ON i.id ="
                            + " t.item_id WHERE t.kind = :kind AND i.language = :language AND"
                            + " i.status = 'published' AND (LOWER(t.name) LIKE :like ESCAPE '!' OR t.slug LIKE :like ESCAPE"
                            + " '!') GROUP BY t.slug ORDER BY COUNT(*) DESC, MIN(t.name) LIMIT"
                            + " :limit")
                    .bind("kind", kind.name())
                    .bind("language", language.code())
                    .bind("like", like)
                    .bind("limit", limit)
                    .mapTo(String.class)
                    .list());
  }

  /** The sections of an edition that have published items, the busiest first. */
  public List<Section> sections(Language language) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT s.slug, s.name, COUNT(i.id) AS items FROM sections s JOIN items i"
                            + " ON i.language = s.language AND i.section = s.slug AND i.status ="
                            + " 'published' WHERE s.language = :language GROUP BY s.slug, s.name"
                            + " ORDER BY items DESC, s.name")
                    .bind("language", language.code())
                    .map(
                        (rs, ctx) ->
                            new Section(
                                new Slug(rs.getString("slug")), rs.getString("name"), language))
                    .list());
  }

  /** The section with this slug in an edition, when it exists. */
  public Optional<Section> findSection(Language language, Slug slug) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT name FROM sections WHERE language = :language AND slug = :slug")
                    .bind("language", language.code())
                    .bind("slug", slug.value())
                    .map((rs, ctx) -> new Section(slug, rs.getString("name"), language))
                    .findOne());
  }

  /** A subject some published item of this edition links to, with its name. */
  public Optional<Subject> findSubject(Language language, SubjectKind kind, Slug slug) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT t.name FROM item_subjects t JOIN items i ON i.id = t.item_id"
                            + " WHERE t.kind = :kind AND t.slug = :slug AND i.language = :language"
                            + " AND i.status = 'published' LIMIT 1")
                    .bind("kind", kind.name())
                    .bind("slug", slug.value())
                    .bind("language", language.code())
                    .map((rs, ctx) -> new Subject(kind, slug, rs.getString("name")))
                    .findOne());
  }

  /** Summaries of the published items with these uris (translations), in no set order. */
  public List<ItemSummary> listByUris(List<String> uris) {
    if (uris.isEmpty()) {
      return List.of();
    }
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(PUBLISHED_SUMMARIES + " AND i.uri IN (<uris>)")
                    .bindList("uris", uris)
                    .map((rs, ctx) -> summaryOf(rs))
                    .list());
  }

  /** How many items there are in all, in any status. */
  public int countAll() {
    return database
        .jdbi()
        .withHandle(
            handle -> handle.createQuery("SELECT COUNT(*) FROM items").mapTo(Integer.class).one());
  }

  /** The newest change log sequence number; 0 on an empty database. */
  public long latestChange() {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery("SELECT COALESCE(MAX(seq), 0) FROM changes")
                    .mapTo(Long.class)
                    .one());
  }

  /**
   * The items changed after change log position {@code seq}, each once and at its latest revision
   * whatever its status, reading at most {@code limit} changes; and the position those changes
   * reach ({@code seq} itself when nothing changed). Followers of the change log (the search index)
   * call it until it returns no items.
   */
  public ChangedItems listChangedSince(long seq, int limit) {
    return database
        .jdbi()
        .withHandle(
            handle -> {
              List<Change> changes = changesSince(handle, seq, limit);
              if (changes.isEmpty()) {
                return new ChangedItems(List.of(), seq);
              }
              List<Long> ids =
                  changes.stream().map(change -> change.item().value()).distinct().toList();
              List<Item> changed =
                  handle
                      .createQuery(
                          ITEMS_AT_LATEST_REVISION + " WHERE i.id IN (<ids>) ORDER BY i.id")
                      .bindList("ids", ids)
                      .map((rs, ctx) -> itemOf(rs))
                      .list();
              return new ChangedItems(changed, changes.getLast().seq());
            });
  }

  /** One entry of the change log: a revision saved, at its position. */
  public record Change(long seq, ItemId item, int revision) {}

  /**
   * The change log's entries after position {@code seq}, in order, at most {@code limit}. Entries
   * are numbered in the order their transactions committed, so a reader that has read up to a
   * position never later meets an entry before it.
   */
  public List<Change> listChanges(long seq, int limit) {
    return database.jdbi().withHandle(handle -> changesSince(handle, seq, limit));
  }

  private static List<Change> changesSince(Handle handle, long seq, int limit) {
    return handle
        .createQuery(
            "SELECT seq, item_id, revision FROM changes WHERE seq > :seq ORDER BY seq LIMIT :limit")
        .bind("seq", seq)
        .bind("limit", limit)
        .map((rs, ctx) -> new Change(rs.getLong(1), new ItemId(rs.getLong(2)), rs.getInt(3)))
        .list();
  }

  /** What {@link #listChangedSince} found: the changed items, and the position they reach. */
  public record ChangedItems(List<Item> items, long through) {
    public ChangedItems {
      items = List.copyOf(items);
    }
  }

  /**
   * Published items with ids above {@code after} (0 for the first), lowest id first, at their
   * latest revision: for rebuilding the search index page by page.
   */
  public List<Item> listPublished(long after, int limit) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        ITEMS_AT_LATEST_REVISION
                            + " WHERE i.id > :after AND i.status = 'published' ORDER BY i.id"
                            + " LIMIT :limit")
                    .bind("after", after)
                    .bind("limit", limit)
                    .map((rs, ctx) -> itemOf(rs))
                    .list());
  }

  /** One stored revision of an item, as it was saved, and who saved it. */
  public record StoredRevision(Item item, String savedBy) {}

  /**
   * Every revision of every item, in item id order and each item's revisions oldest first, after
   * revision {@code afterNumber} of item {@code afterItem} (0 and 0 for the first page): what a
   * backup must hold. Each is the item as that revision left it: its status, copy and save time
   * ({@link Item#updated()}); slug and first publication are the item's own.
   */
  public List<StoredRevision> listRevisions(long afterItem, int afterNumber, int limit) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT i.id, i.uri, r.number AS revision, r.status, r.status_notice,"
                            + " i.slug, i.first_published, r.saved_at AS updated, r.saved_by,"
                            + " r.copy FROM revisions r JOIN items i ON i.id = r.item_id WHERE"
                            + " r.item_id > :item OR (r.item_id = :item AND r.number > :number)"
                            + " ORDER BY r.item_id, r.number LIMIT :limit")
                    .bind("item", afterItem)
                    .bind("number", afterNumber)
                    .bind("limit", limit)
                    .map((rs, ctx) -> new StoredRevision(itemOf(rs), rs.getString("saved_by")))
                    .list());
  }

  /**
   * After a restore gave items the ids they had: new items get ids above every restored one.
   * (SQLite does so by itself.)
   */
  public void afterRestore() {
    if (database.dialect() == Database.Dialect.POSTGRESQL) {
      database
          .jdbi()
          .useHandle(
              handle ->
                  handle.execute(
                      "SELECT setval(pg_get_serial_sequence('items', 'id'),"
                          + " GREATEST((SELECT MAX(id) FROM items), 1))"));
    }
  }

  /** How many revisions are stored, of every item. */
  public long countRevisions() {
    return database
        .jdbi()
        .withHandle(
            handle -> handle.createQuery("SELECT COUNT(*) FROM revisions").mapTo(Long.class).one());
  }

  /** Every revision number of an item with when and by whom it was saved, oldest first. */
  public List<RevisionEntry> history(ItemId id) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT number, saved_at, saved_by, status FROM revisions WHERE item_id ="
                            + " :id ORDER BY number")
                    .bind("id", id.value())
                    .map(
                        (rs, ctx) ->
                            new RevisionEntry(
                                rs.getInt("number"),
                                Instant.ofEpochMilli(rs.getLong("saved_at")),
                                rs.getString("saved_by"),
                                rs.getString("status")))
                    .list());
  }

  /** One line of an item's history. */
  public record RevisionEntry(int number, Instant savedAt, String savedBy, String status) {}
}
