package news.masthead.web;

/**
 * A request that cannot be answered with a page, for a reason the reader should be told. The route
 * table renders each as a page with the right status; the message is shown to the reader, so it
 * names the problem and never leaks internals.
 */
public sealed class HttpError extends RuntimeException {
  private final int status;

  private HttpError(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** 400: the request itself is malformed (a page number that is not a number, say). */
  public static final class BadRequest extends HttpError {
    public BadRequest(String message) {
      super(400, message);
    }
  }

  /** 404: nothing is published at this address. */
  public static final class NotFound extends HttpError {
    public NotFound(String message) {
      super(404, message);
    }
  }
}
