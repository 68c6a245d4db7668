package news.masthead.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import news.masthead.content.AuditEntry;
import news.masthead.content.Language;
import news.masthead.content.Picture;

/** The media library's pictures, in the database every node shares. Thread-safe. */
public final class PictureStore {
  private static final String COLUMNS =
      "id, public_key, version, width, height, caption, credit, alt, rights, language, focal_x,"
          + " focal_y, removed, created_by, created_at";
  private final Database database;
  private final Clock clock;

  public PictureStore(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** A picture to add: its master's bytes and size, its words and what was removed. */
  public record NewPicture(
      String publicKey,
      byte[] master,
      int width,
      int height,
      Picture.Words words,
      Language language,
      List<String> removed,
      String createdBy) {}

  /** Adds a picture and its audit entry in one transaction. */
  public Picture add(NewPicture picture, AuditEntry why) {
    Instant now = clock.instant();
    long id =
        database
            .jdbi()
            .inTransaction(
                h -> {
                  long added =
                      h.createUpdate(
                              "INSERT INTO pictures (public_key, width, height, master, caption,"
                                  + " credit, alt, rights, language, removed, created_by,"
                                  + " created_at) VALUES (:key, :width, :height, :master,"
                                  + " :caption, :credit, :alt, :rights, :language, :removed,"
                                  + " :createdBy, :at)")
                          .bind("key", picture.publicKey())
                          .bind("width", picture.width())
                          .bind("height", picture.height())
                          .bind("master", picture.master())
                          .bind("caption", picture.words().caption())
                          .bind("credit", picture.words().credit())
                          .bind("alt", picture.words().alt())
                          .bind("rights", picture.words().rights())
                          .bind("language", picture.language().code())
                          .bind("removed", String.join("\n", picture.removed()))
                          .bind("createdBy", picture.createdBy())
                          .bind("at", now.toEpochMilli())
                          .executeAndReturnGeneratedKeys("id")
                          .mapTo(Long.class)
                          .one();
                  StaffStore.append(
                      h,
                      new AuditEntry(
                          0,
                          now,
                          why.actorId(),
                          why.actor(),
                          why.action(),
                          "picture " + added,
                          why.detail(),
                          why.address()),
                      now);
                  return added;
                });
    return find(id).orElseThrow();
  }

  /** Changes a picture's words and focal point; a moved focal point moves its version. */
  public Picture describe(
      long id, Picture.Words words, double focalX, double focalY, AuditEntry why) {
    database
        .jdbi()
        .useTransaction(
            h -> {
              h.createUpdate(
                      "UPDATE pictures SET caption = :caption, credit = :credit, alt = :alt,"
                          + " rights = :rights, version = version + CASE WHEN focal_x <> :x OR"
                          + " focal_y <> :y THEN 1 ELSE 0 END, focal_x = :x, focal_y = :y WHERE"
                          + " id = :id")
                  .bind("caption", words.caption())
                  .bind("credit", words.credit())
                  .bind("alt", words.alt())
                  .bind("rights", words.rights())
                  .bind("x", focalX)
                  .bind("y", focalY)
                  .bind("id", id)
                  .execute();
              StaffStore.append(h, why, clock.instant());
            });
    return find(id).orElseThrow();
  }

  /** Every picture, oldest first, without its master. */
  public List<Picture> all() {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT " + COLUMNS + " FROM pictures ORDER BY id")
                    .map((rs, ctx) -> picture(rs))
                    .list());
  }

  public Optional<Picture> find(long id) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT " + COLUMNS + " FROM pictures WHERE id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> picture(rs))
                    .findOne());
  }

  public Optional<Picture> findByKey(String publicKey) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT " + COLUMNS + " FROM pictures WHERE public_key = :key")
                    .bind("key", publicKey)
                    .map((rs, ctx) -> picture(rs))
                    .findOne());
  }

  /** A picture's master JPEG. */
  public Optional<byte[]> master(long id) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT master FROM pictures WHERE id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> rs.getBytes(1))
                    .findOne());
  }

  /**
   * The newest pictures first, those whose caption, credit or alt text holds {@code words} when it
   * is not blank.
   */
  public List<Picture> list(String words, int limit) {
    String text = DeskText.normalised(words.strip());
    return database
        .jdbi()
        .withHandle(
            h -> {
              var query =
                  h.createQuery(
                      "SELECT "
                          + COLUMNS
                          + " FROM pictures"
                          + (text.isEmpty()
                              ? ""
                              : " WHERE LOWER(caption || ' ' || credit || ' ' || alt) LIKE :text"
                                  + " ESCAPE '!'")
                          + " ORDER BY created_at DESC, id DESC LIMIT :limit");
              if (!text.isEmpty()) {
                query.bind("text", "%" + StaffStore.like(text) + "%");
              }
              return query.bind("limit", limit).map((rs, ctx) -> picture(rs)).list();
            });
  }

  private static Picture picture(ResultSet rs) throws SQLException {
    String removed = rs.getString("removed");
    return new Picture(
        rs.getLong("id"),
        rs.getString("public_key"),
        rs.getInt("version"),
        rs.getInt("width"),
        rs.getInt("height"),
        rs.getString("caption"),
        rs.getString("credit"),
        rs.getString("alt"),
        rs.getString("rights"),
        new Language(rs.getString("language")),
        rs.getDouble("focal_x"),
        rs.getDouble("focal_y"),
        removed.isEmpty() ? List.of() : Arrays.asList(removed.split("\n")),
        rs.getString("created_by"),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
