package news.masthead.media;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import news.masthead.content.Art;

/**
 * The renditions a page can ask for of a library picture: their addresses, the widths a shape is
 * made in that the picture is large enough for (a rendition is never enlarged), and their sizes.
 * Stateless.
 */
public final class Renditions {
  private Renditions() {}

  /** A rendition's address: {@code /media/KEY/VERSION/wide-800.webp}. */
  public static String path(Art art, Shape shape, int width, Darkroom.Format format) {
    return "/media/"
        + art.publicKey()
        + "/"
        + art.version()
        + "/"
        + shape.word()
        + "-"
        + width
        + "."
        + format.suffix();
  }

  /** The crop a shape takes of the picture, around its focal point. */
  public static Crop cropOf(Art art, Shape shape) {
    return shape.cropOf(art.width(), art.height(), art.focalX(), art.focalY());
  }

  /** The widths of a shape the picture is made in, smallest first: never wider than its crop. */
  public static List<Integer> widths(Art art, Shape shape) {
    int most = cropOf(art, shape).width();
    List<Integer> widths = new ArrayList<>();
    for (int w : shape.widths()) {
      if (w <= most || widths.isEmpty()) {
        widths.add(w);
      }
    }
    return widths;
  }

  /** The width in pixels of the rendition made for {@code width}: the crop's, when narrower. */
  public static int widthAt(Art art, Shape shape, int width) {
    return Math.min(width, cropOf(art, shape).width());
  }

  /** The height in pixels of the rendition made for {@code width}. */
  public static int heightAt(Art art, Shape shape, int width) {
    Crop crop = cropOf(art, shape);
    return Math.max(
        1, (int) Math.round((double) widthAt(art, shape, width) * crop.height() / crop.width()));
  }

  /** The widest rendition of a shape the picture is made in. */
  public static int largest(Art art, Shape shape) {
    return widths(art, shape).getLast();
  }

  /** The rendition made nearest {@code width} without going under it, else the widest. */
  public static int nearest(Art art, Shape shape, int width) {
    for (int w : widths(art, shape)) {
      if (w >= width) {
        return w;
      }
    }
    return largest(art, shape);
  }

  /**
   * A {@code srcset}: every width of the shape in one format, each with its true width, each
   * address after {@code origin} (empty for addresses on the same site).
   */
  public static String srcset(String origin, Art art, Shape shape, Darkroom.Format format) {
    return widths(art, shape).stream()
        .map(w -> origin + path(art, shape, w, format) + " " + widthAt(art, shape, w) + "w")
        .collect(Collectors.joining(", "));
  }
}
