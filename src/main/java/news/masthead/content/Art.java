package news.masthead.content;

/**
 * What pages need of a library picture to show it: the parts of its renditions' addresses, its size
 * in pixels, its focal point and its credit.
 */
public record Art(
    String publicKey,
    int version,
    int width,
    int height,
    double focalX,
    double focalY,
    String credit) {

  public static Art of(Picture picture) {
    return new Art(
        picture.publicKey(),
        picture.version(),
        picture.width(),
        picture.height(),
        picture.focalX(),
        picture.focalY(),
        picture.credit());
  }
}
