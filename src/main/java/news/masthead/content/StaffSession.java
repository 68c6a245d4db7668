package news.masthead.content;

import java.time.Instant;

/**
 * A signed-in session as the database keeps it: the hash of its id (the id itself lives only in the
 * browser's cookie), whose it is, its form token, when it began, was last seen and last checked a
 * factor, and the device and address it was last seen from. Immutable.
 */
public record StaffSession(
    String idHash,
    long staffId,
    String csrfToken,
    Instant createdAt,
    Instant lastSeenAt,
    Instant verifiedAt,
    String device,
    String address) {}
