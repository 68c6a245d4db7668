package news.masthead.content;

import java.time.Instant;

/**
 * One line of the audit log: when, who (their id when they are staff, and how they are named), what
 * they did, to what, the detail, and the client address it came from. Immutable.
 *
 * @param actorId the acting staff member's id, or 0 for the command line or an anonymous attempt
 */
public record AuditEntry(
    long id,
    Instant at,
    long actorId,
    String actor,
    String action,
    String subject,
    String detail,
    String address) {
  /** An entry to append: its id and time are given by the log. */
  public static AuditEntry of(
      long actorId, String actor, String action, String subject, String detail, String address) {
    return new AuditEntry(0, Instant.EPOCH, actorId, actor, action, subject, detail, address);
  }
}
