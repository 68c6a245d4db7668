package news.masthead.newsroom;

/**
 * A newsroom request that is refused: the status, the message key of what the person is told, and
 * the detail that names the problem. Turned into a page (or, for the passkey scripts, JSON) in one
 * place, the route table's handler.
 */
public final class Refusal extends RuntimeException {
  private final int status;
  private final String messageKey;

  Refusal(int status, String messageKey, String detail) {
    super(detail);
    this.status = status;
    this.messageKey = messageKey;
  }

  /** 403: no session, another's thing, a role that does not grant it, or a forged form. */
  static Refusal forbidden(String detail) {
    return new Refusal(403, "newsroom.refused.forbidden", detail);
  }

  /** 400: a form or request that cannot be used as sent. */
  static Refusal badInput(String detail) {
    return new Refusal(400, "newsroom.refused.badInput", detail);
  }

  /** 410: what the request is based on is no longer kept. */
  static Refusal gone(String detail) {
    return new Refusal(410, "newsroom.refused.gone", detail);
  }

  /** 403: a sign-in that failed, told the same way whatever the reason. */
  static Refusal signInFailed() {
    return new Refusal(
        403,
        "newsroom.refused.signIn",
        "that did not sign you in: check the address and the factor, or ask an admin");
  }

  /** 429: too many attempts for now. */
  static Refusal tooMany() {
    return new Refusal(
        429, "newsroom.refused.tooMany", "too many sign-in attempts: wait a quarter of an hour");
  }

  public int status() {
    return status;
  }

  public String messageKey() {
    return messageKey;
  }
}
