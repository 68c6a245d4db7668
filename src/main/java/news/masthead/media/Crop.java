package news.masthead.media;

/** A rectangle of a picture, in pixels from its top left corner. */
public record Crop(int left, int top, int width, int height) {
  public Crop {
    if (left < 0 || top < 0 || width < 1 || height < 1) {
      throw new IllegalArgumentException("a crop lies inside the picture and is not empty");
    }
  }
}
