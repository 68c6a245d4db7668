package news.masthead.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import news.masthead.content.Language;
import news.masthead.content.Picture;
import news.masthead.testing.Photos;

/**
 * The darkroom's benchmark (bench/pictures.sh): how long developing a phone photo of the given size
 * takes, and each rendition made from it, with the rendition's bytes. Prints Markdown rows.
 */
public final class PictureBench {
  private PictureBench() {}

  public static void main(String[] args) throws Exception {
    int width = args.length > 0 ? Integer.parseInt(args[0]) : 6000;
    int height = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path dir = Files.createTempDirectory("picture-bench");
    byte[] upload = Photos.phonePhoto(dir, width, height);
    Darkroom darkroom = Darkroom.installed();
    List<Long> develop = new ArrayList<>();
    Darkroom.Developed developed = null;
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      developed = darkroom.develop(upload);
      develop.add(System.nanoTime() - t);
    }
    System.out.printf(
        Locale.ROOT,
        "| develop %d × %d (%d KB upload) | %.0f ms | %d KB master |%n",
        width,
        height,
        upload.length / 1024,
        median(develop) / 1e6,
        developed.master().length / 1024);
    Picture picture =
        new Picture(
            1,
            "k".repeat(22),
            1,
            developed.width(),
            developed.height(),
            "",
            "",
            "",
            "",
            Language.ENGLISH,
            0.5,
            0.4,
            List.of(),
            "bench",
            java.time.Instant.EPOCH);
    long all = 0;
    int count = 0;
    for (Shape shape : Shape.values()) {
      for (int w : shape.widths()) {
        for (Darkroom.Format format : Darkroom.Format.values()) {
          List<Long> times = new ArrayList<>();
          byte[] made = new byte[0];
          for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            made =
                darkroom.render(developed.master(), MediaLibrary.cropOf(picture, shape), w, format);
            times.add(System.nanoTime() - t);
          }
          long m = median(times);
          all += m;
          count++;
          System.out.printf(
              Locale.ROOT,
              "| %s-%d.%s | %.0f ms | %.1f KB |%n",
              shape.word(),
              w,
              format.suffix(),
              m / 1e6,
              made.length / 1024.0);
        }
      }
    }
    System.out.printf(
        Locale.ROOT, "| all %d renditions, one after another | %.1f s | |%n", count, all / 1e9);
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
