package news.masthead.content;

/** Another member of staff already has this email address; nothing was written. */
public final class EmailTaken extends RuntimeException {
  public EmailTaken(String email) {
    super("someone on the staff already has the address " + email);
  }
}
