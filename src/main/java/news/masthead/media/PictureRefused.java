package news.masthead.media;

/** An upload that cannot become a picture, with the reason in words a person can act on. */
public final class PictureRefused extends RuntimeException {
  public PictureRefused(String reason) {
    super(reason);
  }
}
