package news.masthead.media;

import java.util.Optional;

/**
 * The shapes pages show pictures in: a 16:9 card, a 4:3 and a square one (which search engines also
 * ask for), the 1200 × 630 social card, and the picture's own shape. Each has the widths it is made
 * in; no other is made.
 */
public enum Shape {
  WIDE("wide", 16, 9, new int[] {320, 480, 640, 800, 1200, 1600}),
  CLASSIC("classic", 4, 3, new int[] {640, 1200}),
  SQUARE("square", 1, 1, new int[] {160, 320, 480, 640, 1200}),
  SOCIAL("social", 1200, 630, new int[] {1200}),
  FULL("full", 0, 0, new int[] {320, 480, 640, 800, 1200, 1600, 2560});

  private final String word;
  private final int across;
  private final int down;
  private final int[] widths;

  Shape(String word, int across, int down, int[] widths) {
    this.word = word;
    this.across = across;
    this.down = down;
    this.widths = widths;
  }

  /** The shape's name in a rendition's address. */
  public String word() {
    return word;
  }

  public int[] widths() {
    return widths.clone();
  }

  public boolean madeAt(int width) {
    for (int w : widths) {
      if (w == width) {
        return true;
      }
    }
    return false;
  }

  public static Optional<Shape> fromWord(String word) {
    for (Shape shape : values()) {
      if (shape.word.equals(word)) {
        return Optional.of(shape);
      }
    }
    return Optional.empty();
  }

  /**
   * The largest area of this shape in a picture of {@code width} × {@code height} pixels, placed so
   * that the focal point ({@code x}, {@code y}, as fractions of the width and height) is as near
   * its middle as the picture's edges allow.
   */
  public Crop cropOf(int width, int height, double x, double y) {
    if (across == 0) {
      return new Crop(0, 0, width, height);
    }
    int w = width;
    int h = (int) Math.round((double) width * down / across);
    if (h > height) {
      h = height;
      w = (int) Math.round((double) height * across / down);
    }
    int left = clamp((int) Math.round(x * width - w / 2.0), 0, width - w);
    int top = clamp((int) Math.round(y * height - h / 2.0), 0, height - h);
    return new Crop(left, top, Math.max(1, w), Math.max(1, h));
  }

  private static int clamp(int value, int low, int high) {
    return Math.max(low, Math.min(high, value));
  }
}
