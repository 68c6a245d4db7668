package news.masthead.ingest;

/** A ninjs item that cannot be imported; the message names the field and what is wrong. */
final class InvalidNinjs extends RuntimeException {
  InvalidNinjs(String message) {
    super(message);
  }
}
