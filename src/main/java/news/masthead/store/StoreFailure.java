package news.masthead.store;

/** The database could not be reached or refused a statement. The message says which and why. */
public class StoreFailure extends RuntimeException {
  public StoreFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
