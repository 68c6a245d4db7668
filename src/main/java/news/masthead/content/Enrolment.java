package news.masthead.content;

/** An unused enrolment link: whose it is and until when it works. Immutable. */
public record Enrolment(long staffId, java.time.Instant expiresAt) {}
