package news.masthead.content;

/** A value broke a content rule. The message names the bad value and what would be accepted. */
public final class InvalidContent extends IllegalArgumentException {
  public InvalidContent(String message) {
    super(message);
  }
}
