package news.masthead.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import news.masthead.content.AuditEntry;
import news.masthead.content.Challenge;
import news.masthead.content.EmailTaken;
import news.masthead.content.Enrolment;
import news.masthead.content.EnrolmentUnusable;
import news.masthead.content.Language;
import news.masthead.content.Passkey;
import news.masthead.content.PasswordFactor;
import news.masthead.content.Role;
import news.masthead.content.Slug;
import news.masthead.content.StaffMember;
import news.masthead.content.StaffSession;
import org.jdbi.v3.core.Handle;

/**
 * The newsroom's staff, their factors, enrolment links, sessions, pending WebAuthn challenges,
 * sign-in attempts and the audit log. Every change that the audit log records is written with its
 * audit entry in one transaction. Thread-safe.
 */
public final class StaffStore {

  private final Database database;
  private final Clock clock;

  public StaffStore(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  // --- staff

  /**
   * Adds a member of staff.
   *
   * @throws EmailTaken when the address is someone's already; nothing is written
   */
  public StaffMember add(
      String email,
      String name,
      Role role,
      List<Slug> sections,
      Language language,
      AuditEntry why) {
    return database
        .jdbi()
        .inTransaction(
            h -> {
              if (h.createQuery("SELECT COUNT(*) FROM staff WHERE email = :email")
                      .bind("email", email)
                      .mapTo(Integer.class)
                      .one()
                  > 0) {
                throw new EmailTaken(email);
              }
              long id =
                  h.createQuery(
                          "INSERT INTO staff (email, name, role, sections, language, disabled,"
                              + " created_at) VALUES (:email, :name, :role, :sections, :language,"
                              + " FALSE, :at) RETURNING id")
                      .bind("email", email)
                      .bind("name", name)
                      .bind("role", role.name())
                      .bind("sections", joined(sections))
                      .bind("language", language.code())
                      .bind("at", now().toEpochMilli())
                      .mapTo(Long.class)
                      .one();
              append(h, why);
              return find(h, id).orElseThrow();
            });
  }

  public Optional<StaffMember> find(long id) {
    return database.jdbi().withHandle(h -> find(h, id));
  }

  public Optional<StaffMember> findByEmail(String email) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(STAFF + " WHERE email = :email")
                    .bind("email", email)
                    .map((rs, ctx) -> staff(rs))
                    .findFirst());
  }

  /** Everyone on the staff, by name. */
  public List<StaffMember> list() {
    return database
        .jdbi()
        .withHandle(
            h -> h.createQuery(STAFF + " ORDER BY name, id").map((rs, ctx) -> staff(rs)).list());
  }

  /** Changes a member's role and sections, and ends their sessions when the role changes. */
  public void changeRole(long staffId, Role role, List<Slug> sections, AuditEntry why) {
    database
        .jdbi()
        .useTransaction(
            h -> {
              StaffMember before = find(h, staffId).orElseThrow();
              h.createUpdate("UPDATE staff SET role = :role, sections = :sections WHERE id = :id")
                  .bind("role", role.name())
                  .bind("sections", joined(sections))
                  .bind("id", staffId)
                  .execute();
              if (before.role() != role) {
                endAll(h, staffId);
              }
              append(h, why);
            });
  }

  /** Disables or enables a member; disabling ends every session of theirs. */
  public void setDisabled(long staffId, boolean disabled, AuditEntry why) {
    database
        .jdbi()
        .useTransaction(
            h -> {
              h.createUpdate("UPDATE staff SET disabled = :disabled WHERE id = :id")
                  .bind("disabled", disabled)
                  .bind("id", staffId)
                  .execute();
              if (disabled) {
                endAll(h, staffId);
              }
              append(h, why);
            });
  }

  /** The password hash and TOTP secret of a member, when they have them. */
  public PasswordFactor passwordFactor(long staffId) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT password_hash, totp_secret FROM staff WHERE id = :id")
                    .bind("id", staffId)
                    .map(
                        (rs, ctx) ->
                            new PasswordFactor(
                                Optional.ofNullable(rs.getString(1)),
                                Optional.ofNullable(rs.getString(2))))
                    .findFirst()
                    .orElse(new PasswordFactor(Optional.empty(), Optional.empty())));
  }

  /**
   * Sets a member's password and TOTP secret (an enrolment, or a change), ending every other
   * session of theirs.
   */
  public void setPassword(long staffId, String hash, String totpSecret, AuditEntry why) {
    database
        .jdbi()
        .useTransaction(
            h -> {
              h.createUpdate(
                      "UPDATE staff SET password_hash = :hash, totp_secret = :totp WHERE id = :id")
                  .bind("hash", hash)
                  .bind("totp", totpSecret)
                  .bind("id", staffId)
                  .execute();
              endAll(h, staffId);
              append(h, why);
            });
  }

  /** Replaces a password hash made with older parameters by one made with the current ones. */
  public void rehashPassword(long staffId, String hash) {
    database
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE staff SET password_hash = :hash WHERE id = :id")
                    .bind("hash", hash)
                    .bind("id", staffId)
                    .execute());
  }

  // --- enrolment links

  /**
   * Records a new enrolment link (by the hash of its token), valid until {@code expiresAt}; any
   * older unused link of the member's stops working, so only the newest one given out can be used.
   */
  public void issueEnrolment(long staffId, String tokenHash, Instant expiresAt, AuditEntry why) {
    database
        .jdbi()
        .useTransaction(
            h -> {
              h.createUpdate(
                      "UPDATE enrolments SET used_at = :at WHERE staff_id = :staff AND used_at IS"
                          + " NULL")
                  .bind("at", now().toEpochMilli())
                  .bind("staff", staffId)
                  .execute();
              h.createUpdate(
                      "INSERT INTO enrolments (token_hash, staff_id, issued_at, expires_at) VALUES"
                          + " (:token, :staff, :at, :expires)")
                  .bind("token", tokenHash)
                  .bind("staff", staffId)
                  .bind("at", now().toEpochMilli())
                  .bind("expires", expiresAt.toEpochMilli())
                  .execute();
              append(h, why);
            });
  }

  /**
   * The enrolment link with this token hash, if it can still be used.
   *
   * @throws EnrolmentUnusable saying whether it was used, has expired or never existed
   */
  public Enrolment enrolment(String tokenHash) {
    return database.jdbi().withHandle(h -> usableEnrolment(h, tokenHash));
  }

  private Enrolment usableEnrolment(Handle h, String tokenHash) {
    var row =
        h.createQuery(
                "SELECT staff_id, expires_at, used_at FROM enrolments WHERE token_hash = :token")
            .bind("token", tokenHash)
            .map(
                (rs, ctx) ->
                    new long[] {rs.getLong(1), rs.getLong(2), rs.getObject(3) == null ? 0 : 1})
            .findFirst();
    if (row.isEmpty()) {
      throw new EnrolmentUnusable("this enrolment link is not one we issued");
    }
    if (row.get()[2] == 1) {
      throw new EnrolmentUnusable(
          "this enrolment link has been used already; ask an admin for a new one");
    }
    if (row.get()[1] <= now().toEpochMilli()) {
      throw new EnrolmentUnusable(
          "this enrolment link expired 24 hours after it was made; ask an admin for a new one");
    }
    return new Enrolment(row.get()[0], Instant.ofEpochMilli(row.get()[1]));
  }

  // --- passkeys

  /**
   * Stores a verified passkey; when it was registered through an enrolment link, uses that link up
   * in the same transaction (a second use of the link fails and stores nothing).
   *
   * @throws EnrolmentUnusable when the link was used or expired meanwhile
   */
  public Passkey addPasskey(
      long staffId,
      String credentialId,
      String name,
      byte[] credential,
      long signCount,
      boolean hardware,
      Optional<String> enrolmentTokenHash,
      AuditEntry why) {
    return database
        .jdbi()
        .inTransaction(
            h -> {
              if (enrolmentTokenHash.isPresent()) {
                useEnrolment(h, enrolmentTokenHash.get(), staffId);
              }
              long id =
                  h.createQuery(
                          "INSERT INTO passkeys (staff_id, credential_id, name, credential,"
                              + " sign_count, hardware, created_at) VALUES (:staff, :credential_id,"
                              + " :name, :credential, :count, :hardware, :at) RETURNING id")
                      .bind("staff", staffId)
                      .bind("credential_id", credentialId)
                      .bind("name", name)
                      .bind("credential", credential)
                      .bind("count", signCount)
                      .bind("hardware", hardware)
                      .bind("at", now().toEpochMilli())
                      .mapTo(Long.class)
                      .one();
              append(h, why);
              return passkeys(h, "id = :key", id).getFirst();
            });
  }

  private void useEnrolment(Handle h, String tokenHash, long staffId) {
    Enrolment enrolment = usableEnrolment(h, tokenHash);
    if (enrolment.staffId() != staffId) {
      throw new EnrolmentUnusable("this enrolment link is someone else's");
    }
    int used =
        h.createUpdate(
                "UPDATE enrolments SET used_at = :at WHERE token_hash = :token AND used_at IS NULL")
            .bind("at", now().toEpochMilli())
            .bind("token", tokenHash)
            .execute();
    if (used != 1) {
      throw new EnrolmentUnusable(
          "this enrolment link has been used already; ask an admin for a new one");
    }
    endAll(h, staffId); // whoever held the account before the link signs in again
  }

  /** Uses up an enrolment link for a password enrolment, with its audit entry. */
  public void enrolPassword(
      String tokenHash, long staffId, String hash, String totpSecret, AuditEntry why) {
    database
        .jdbi()
        .useTransaction(
            h -> {
              useEnrolment(h, tokenHash, staffId);
              h.createUpdate(
                      "UPDATE staff SET password_hash = :hash, totp_secret = :totp WHERE id = :id")
                  .bind("hash", hash)
                  .bind("totp", totpSecret)
                  .bind("id", staffId)
                  .execute();
              endAll(h, staffId);
              append(h, why);
            });
  }

  public Optional<Passkey> passkeyByCredentialId(String credentialId) {
    return database
        .jdbi()
        .withHandle(h -> passkeys(h, "credential_id = :key", credentialId).stream().findFirst());
  }

  /** A member's passkeys, oldest first. */
  public List<Passkey> passkeys(long staffId) {
    return database.jdbi().withHandle(h -> passkeys(h, "staff_id = :key", staffId));
  }

  /** Records a passkey's use and its new signature counter. */
  public void usedPasskey(long passkeyId, long signCount) {
    database
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE passkeys SET sign_count = :count, last_used_at = :at WHERE id ="
                            + " :id")
                    .bind("count", signCount)
                    .bind("at", now().toEpochMilli())
                    .bind("id", passkeyId)
                    .execute());
  }

  /** Removes one of a member's passkeys and ends their sessions. */
  public void removePasskey(long staffId, long passkeyId, AuditEntry why) {
    database
        .jdbi()
        .useTransaction(
            h -> {
              h.createUpdate("DELETE FROM passkeys WHERE id = :id AND staff_id = :staff")
                  .bind("id", passkeyId)
                  .bind("staff", staffId)
                  .execute();
              endAll(h, staffId);
              append(h, why);
            });
  }

  private static List<Passkey> passkeys(Handle h, String condition, Object key) {
    return h.createQuery(
            "SELECT id, staff_id, credential_id, name, credential, sign_count, hardware,"
                + " created_at, last_used_at FROM passkeys WHERE "
                + condition
                + " ORDER BY id")
        .bind("key", key)
        .map(
            (rs, ctx) ->
                new Passkey(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getBytes(5),
                    rs.getLong(6),
                    rs.getBoolean(7),
                    Instant.ofEpochMilli(rs.getLong(8)),
                    Optional.ofNullable((Number) rs.getObject(9))
                        .map(n -> Instant.ofEpochMilli(n.longValue()))))
        .list();
  }

  // --- WebAuthn challenges

  /** Keeps a challenge given out for {@code purpose}, answerable once until it expires. */
  public void saveChallenge(String challenge, String purpose, long staffId, Duration lifetime) {
    database
        .jdbi()
        .useHandle(
            h -> {
              h.createUpdate("DELETE FROM challenges WHERE expires_at <= :now")
                  .bind("now", now().toEpochMilli())
                  .execute();
              h.createUpdate(
                      "INSERT INTO challenges (challenge, purpose, staff_id, expires_at) VALUES"
                          + " (:challenge, :purpose, :staff, :expires)")
                  .bind("challenge", challenge)
                  .bind("purpose", purpose)
                  .bind("staff", staffId)
                  .bind("expires", now().plus(lifetime).toEpochMilli())
                  .execute();
            });
  }

  /** Takes a challenge back: present once, and only before it expires. */
  public Optional<Challenge> takeChallenge(String challenge) {
    return database
        .jdbi()
        .inTransaction(
            h -> {
              Optional<Object[]> row =
                  h.createQuery(
                          "SELECT purpose, staff_id, expires_at FROM challenges WHERE challenge ="
                              + " :challenge")
                      .bind("challenge", challenge)
                      .map(
                          (rs, ctx) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3)})
                      .findFirst();
              int taken =
                  h.createUpdate("DELETE FROM challenges WHERE challenge = :challenge")
                      .bind("challenge", challenge)
                      .execute();
              if (row.isEmpty() || taken != 1 || (long) row.get()[2] <= now().toEpochMilli()) {
                return Optional.empty();
              }
              return Optional.of(new Challenge((String) row.get()[0], (long) row.get()[1]));
            });
  }

  // --- sign-in attempts

  /** Counts an attempt under each key (an account, a client address). */
  public void countAttempt(List<String> keys) {
    database
        .jdbi()
        .useTransaction(
            h -> {
              long now = now().toEpochMilli();
              h.createUpdate("DELETE FROM sign_in_attempts WHERE at < :old")
                  .bind("old", now - Duration.ofDays(1).toMillis())
                  .execute();
              for (String key : keys) {
                h.createUpdate("INSERT INTO sign_in_attempts (key, at) VALUES (:key, :at)")
                    .bind("key", key)
                    .bind("at", now)
                    .execute();
              }
            });
  }

  /** How many attempts were counted under a key within the last {@code window}. */
  public int attempts(String key, Duration window) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT COUNT(*) FROM sign_in_attempts WHERE key = :key AND at >= :since")
                    .bind("key", key)
                    .bind("since", now().minus(window).toEpochMilli())
                    .mapTo(Integer.class)
                    .one());
  }

  // --- sessions

  /** Starts a session, with its audit entry. */
  public void startSession(StaffSession session, AuditEntry why) {
    database
        .jdbi()
        .useTransaction(
            h -> {
              h.createUpdate(
                      "INSERT INTO sessions (id_hash, staff_id, csrf, created_at, last_seen_at,"
                          + " verified_at, device, address) VALUES (:id, :staff, :csrf, :created,"
                          + " :seen, :verified, :device, :address)")
                  .bind("id", session.idHash())
                  .bind("staff", session.staffId())
                  .bind("csrf", session.csrfToken())
                  .bind("created", session.createdAt().toEpochMilli())
                  .bind("seen", session.lastSeenAt().toEpochMilli())
                  .bind("verified", session.verifiedAt().toEpochMilli())
                  .bind("device", session.device())
                  .bind("address", session.address())
                  .execute();
              append(h, why);
            });
  }

  /** The session with this id hash, unless it has ended. */
  public Optional<StaffSession> session(String idHash) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(SESSION + " WHERE id_hash = :id AND ended_at IS NULL")
                    .bind("id", idHash)
                    .map((rs, ctx) -> session(rs))
                    .findFirst());
  }

  /** A member's open sessions, the most recently seen first. */
  public List<StaffSession> sessions(long staffId) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        SESSION
                            + " WHERE staff_id = :staff AND ended_at IS NULL ORDER BY last_seen_at"
                            + " DESC")
                    .bind("staff", staffId)
                    .map((rs, ctx) -> session(rs))
                    .list());
  }

  /** Notes that a session was seen now, from this device and address. */
  public void seen(String idHash, String device, String address) {
    database
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE sessions SET last_seen_at = :at, device = :device, address ="
                            + " :address WHERE id_hash = :id")
                    .bind("at", now().toEpochMilli())
                    .bind("device", device)
                    .bind("address", address)
                    .bind("id", idHash)
                    .execute());
  }

  /** Notes that a session's holder checked a factor again just now. */
  public void verified(String idHash) {
    database
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE sessions SET verified_at = :at WHERE id_hash = :id")
                    .bind("at", now().toEpochMilli())
                    .bind("id", idHash)
                    .execute());
  }

  /** Ends one session of a member's, with its audit entry. */
  public boolean endSession(long staffId, String idHash, AuditEntry why) {
    return database
        .jdbi()
        .inTransaction(
            h -> {
              int ended =
                  h.createUpdate(
                          "UPDATE sessions SET ended_at = :at WHERE id_hash = :id AND staff_id ="
                              + " :staff AND ended_at IS NULL")
                      .bind("at", now().toEpochMilli())
                      .bind("id", idHash)
                      .bind("staff", staffId)
                      .execute();
              if (ended == 1) {
                append(h, why);
              }
              return ended == 1;
            });
  }

  /** Ends every session of a member's, with its audit entry. */
  public int endSessions(long staffId, AuditEntry why) {
    return database
        .jdbi()
        .inTransaction(
            h -> {
              int ended = endAll(h, staffId);
              append(h, why);
              return ended;
            });
  }

  private int endAll(Handle h, long staffId) {
    return h.createUpdate(
            "UPDATE sessions SET ended_at = :at WHERE staff_id = :staff AND ended_at IS NULL")
        .bind("at", now().toEpochMilli())
        .bind("staff", staffId)
        .execute();
  }

  // --- audit log

  /** Appends an entry on its own (a failed sign-in, which changes nothing else). */
  public void audit(AuditEntry entry) {
    database.jdbi().useTransaction(h -> append(h, entry));
  }

  /**
   * The audit log, newest first: at most {@code limit} entries, those whose action starts with
   * {@code action} and whose actor or subject contains {@code who} (either may be empty).
   */
  public List<AuditEntry> auditLog(String action, String who, int limit) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT id, at, actor_id, actor, action, subject, detail, address FROM"
                            + " audit_log WHERE action LIKE :action ESCAPE '!' AND (actor LIKE :who"
                            + " ESCAPE '!' OR subject LIKE :who ESCAPE '!') ORDER BY id DESC"
                            + " LIMIT :limit")
                    .bind("action", like(action) + "%")
                    .bind("who", "%" + like(who) + "%")
                    .bind("limit", limit)
                    .map(
                        (rs, ctx) ->
                            new AuditEntry(
                                rs.getLong(1),
                                Instant.ofEpochMilli(rs.getLong(2)),
                                rs.getLong(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8)))
                    .list());
  }

  private void append(Handle h, AuditEntry entry) {
    append(h, entry, now());
  }

  /** Appends {@code entry} at {@code at} in the transaction of {@code h}. */
  static void append(Handle h, AuditEntry entry, Instant at) {
    h.createUpdate(
            "INSERT INTO audit_log (at, actor_id, actor, action, subject, detail, address) VALUES"
                + " (:at, :actor_id, :actor, :action, :subject, :detail, :address)")
        .bind("at", at.toEpochMilli())
        .bind("actor_id", entry.actorId())
        .bind("actor", entry.actor())
        .bind("action", entry.action())
        .bind("subject", entry.subject())
        .bind("detail", entry.detail())
        .bind("address", entry.address())
        .execute();
  }

  // --- rows

  private static final String STAFF =
      "SELECT id, email, name, role, sections, language, disabled, password_hash IS NOT NULL,"
          + " created_at FROM staff";

  private static final String SESSION =
      "SELECT id_hash, staff_id, csrf, created_at, last_seen_at, verified_at, device, address FROM"
          + " sessions";

  private static Optional<StaffMember> find(Handle h, long id) {
    return h.createQuery(STAFF + " WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> staff(rs))
        .findFirst();
  }

  private static StaffMember staff(ResultSet rs) throws SQLException {
    List<Slug> sections = new ArrayList<>();
    for (String slug : rs.getString(5).split(",")) {
      if (!slug.isEmpty()) {
        sections.add(new Slug(slug));
      }
    }
    return new StaffMember(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        Role.valueOf(rs.getString(4)),
        sections,
        new Language(rs.getString(6)),
        rs.getBoolean(7),
        rs.getBoolean(8),
        Instant.ofEpochMilli(rs.getLong(9)));
  }

  private static StaffSession session(ResultSet rs) throws SQLException {
    return new StaffSession(
        rs.getString(1),
        rs.getLong(2),
        rs.getString(3),
        Instant.ofEpochMilli(rs.getLong(4)),
        Instant.ofEpochMilli(rs.getLong(5)),
        Instant.ofEpochMilli(rs.getLong(6)),
        rs.getString(7),
        rs.getString(8));
  }

  private static String joined(List<Slug> sections) {
    return sections.stream().map(Slug::value).collect(Collectors.joining(","));
  }

  /** Text to match literally in a LIKE pattern whose escape character is {@code !}. */
  /** {@code text} for a LIKE pattern with {@code ESCAPE '!'}: its wildcards match themselves. */
  static String like(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private Instant now() {
    return clock.instant();
  }
}
