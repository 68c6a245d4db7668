package news.masthead.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.masthead.content.AuditEntry;
import news.masthead.content.Challenge;
import news.masthead.content.Enrolment;
import news.masthead.content.Language;
import news.masthead.content.Passkey;
import news.masthead.content.PasswordFactor;
import news.masthead.content.Role;
import news.masthead.content.Slug;
import news.masthead.content.StaffMember;
import news.masthead.content.StaffSession;
import news.masthead.store.StaffStore;

/**
 * The newsroom's staff as the newsroom sees them: accounts, factors, enrolment links, sessions,
 * challenges, sign-in attempts and the audit log, each change written with its audit entry in one
 * transaction by the store. The newsroom's only way to them. Thread-safe.
 */
public final class Staff {
  private final StaffStore store;

  public Staff(StaffStore store) {
    this.store = store;
  }

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
    return store.add(email, name, role, sections, language, why);
  }

  /** Everyone on the staff, by name. */
  public List<StaffMember> list() {
    return store.list();
  }

  /** Changes a member's role and sections, and ends their sessions when the role changes. */
  public void changeRole(long staffId, Role role, List<Slug> sections, AuditEntry why) {
    store.changeRole(staffId, role, sections, why);
  }

  /** Disables or enables a member; disabling ends every session of theirs. */
  public void setDisabled(long staffId, boolean disabled, AuditEntry why) {
    store.setDisabled(staffId, disabled, why);
  }

  /**
   * Sets a member's password and TOTP secret (an enrolment, or a change), ending every other
   * session of theirs.
   */
  public void setPassword(long staffId, String hash, String totpSecret, AuditEntry why) {
    store.setPassword(staffId, hash, totpSecret, why);
  }

  /** Replaces a password hash made with older parameters by one made with the current ones. */
  public void rehashPassword(long staffId, String hash) {
    store.rehashPassword(staffId, hash);
  }

  /** Records a new enrolment link (by the hash of its token), valid until {@code expiresAt}. */
  public void issueEnrolment(long staffId, String tokenHash, Instant expiresAt, AuditEntry why) {
    store.issueEnrolment(staffId, tokenHash, expiresAt, why);
  }

  /**
   * The enrolment link with this token hash, if it can still be used.
   *
   * @throws EnrolmentUnusable saying whether it was used, has expired or never existed
   */
  public Enrolment enrolment(String tokenHash) {
    return store.enrolment(tokenHash);
  }

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
    return store.addPasskey(
        staffId, credentialId, name, credential, signCount, hardware, enrolmentTokenHash, why);
  }

  /** Uses up an enrolment link for a password enrolment, with its audit entry. */
  public void enrolPassword(
      String tokenHash, long staffId, String hash, String totpSecret, AuditEntry why) {
    store.enrolPassword(tokenHash, staffId, hash, totpSecret, why);
  }

  /** A member's passkeys, oldest first. */
  public List<Passkey> passkeys(long staffId) {
    return store.passkeys(staffId);
  }

  /** Records a passkey's use and its new signature counter. */
  public void usedPasskey(long passkeyId, long signCount) {
    store.usedPasskey(passkeyId, signCount);
  }

  /** Removes one of a member's passkeys and ends their sessions. */
  public void removePasskey(long staffId, long passkeyId, AuditEntry why) {
    store.removePasskey(staffId, passkeyId, why);
  }

  /** Keeps a challenge given out for {@code purpose}, answerable once until it expires. */
  public void saveChallenge(String challenge, String purpose, long staffId, Duration lifetime) {
    store.saveChallenge(challenge, purpose, staffId, lifetime);
  }

  /** Takes a challenge back: present once, and only before it expires. */
  public Optional<Challenge> takeChallenge(String challenge) {
    return store.takeChallenge(challenge);
  }

  /** Counts an attempt under each key (an account, a client address). */
  public void countAttempt(List<String> keys) {
    store.countAttempt(keys);
  }

  /** How many attempts were counted under a key within the last {@code window}. */
  public int attempts(String key, Duration window) {
    return store.attempts(key, window);
  }

  /** Starts a session, with its audit entry. */
  public void startSession(StaffSession session, AuditEntry why) {
    store.startSession(session, why);
  }

  /** The session with this id hash, unless it has ended. */
  public Optional<StaffSession> session(String idHash) {
    return store.session(idHash);
  }

  /** A member's open sessions, the most recently seen first. */
  public List<StaffSession> sessions(long staffId) {
    return store.sessions(staffId);
  }

  /** Notes that a session was seen now, from this device and address. */
  public void seen(String idHash, String device, String address) {
    store.seen(idHash, device, address);
  }

  /** Notes that a session's holder checked a factor again just now. */
  public void verified(String idHash) {
    store.verified(idHash);
  }

  /** Ends one session of a member's, with its audit entry. */
  public boolean endSession(long staffId, String idHash, AuditEntry why) {
    return store.endSession(staffId, idHash, why);
  }

  /** Ends every session of a member's, with its audit entry. */
  public int endSessions(long staffId, AuditEntry why) {
    return store.endSessions(staffId, why);
  }

  /** Appends an entry on its own (a failed sign-in, which changes nothing else). */
  public void audit(AuditEntry entry) {
    store.audit(entry);
  }

  /**
   * The audit log, newest first: at most {@code limit} entries, those whose action starts with
   * {@code action} and whose actor or subject contains {@code who} (either may be empty).
   */
  public List<AuditEntry> auditLog(String action, String who, int limit) {
    return store.auditLog(action, who, limit);
  }

  public Optional<StaffMember> find(long id) {
    return store.find(id);
  }

  public Optional<StaffMember> findByEmail(String email) {
    return store.findByEmail(email);
  }

  public PasswordFactor passwordFactor(long staffId) {
    return store.passwordFactor(staffId);
  }

  public Optional<Passkey> passkeyByCredentialId(String credentialId) {
    return store.passkeyByCredentialId(credentialId);
  }
}
