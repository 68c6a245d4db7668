package news.masthead.content;

import java.time.Instant;
import java.util.Optional;

/**
 * A passkey registered by a member of staff: the credential's id (base64url), the name they gave
 * it, the verified credential as the WebAuthn library serialises it, and its signature counter.
 * Immutable; {@code credential} must not be changed.
 *
 * @param hardware whether the authenticator said it cannot be synced or backed up (a security key
 *     rather than a passkey kept by a phone or password manager)
 */
public record Passkey(
    long id,
    long staffId,
    String credentialId,
    String name,
    byte[] credential,
    long signCount,
    boolean hardware,
    Instant createdAt,
    Optional<Instant> lastUsedAt) {}
