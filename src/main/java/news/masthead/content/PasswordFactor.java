package news.masthead.content;

/** A member's password hash and TOTP secret, when they have them. Immutable. */
public record PasswordFactor(
    java.util.Optional<String> hash, java.util.Optional<String> totpSecret) {}
