package news.masthead.content;

/**
 * A WebAuthn challenge given out and not yet answered: what for, and for whom (0 for anyone).
 * Immutable.
 */
public record Challenge(String purpose, long staffId) {}
