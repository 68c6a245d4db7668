package news.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import news.masthead.testing.Photos;
import news.masthead.testing.TestTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DarkroomTest {
  @TempDir Path dir;
  final Darkroom darkroom = Darkroom.installed();

  @Test
  void a_phone_photo_loses_its_location_serials_and_names_and_is_turned_upright() throws Exception {
    byte[] upload = Photos.phonePhoto(dir, 800, 600);

    Darkroom.Developed developed = darkroom.develop(upload);

    assertThat(developed.width()).isEqualTo(600);
    assertThat(developed.height()).isEqualTo(800);
    assertThat(developed.removed())
        .anyMatch(line -> line.startsWith("GPS: GPS Latitude"))
        .anyMatch(line -> line.contains("Serial Number"))
        .anyMatch(line -> line.startsWith("XMP"));
    for (var shape : Shape.values()) {
      Crop crop = MediaLibrary.cropOf(picture(developed, 0.5, 0.2), shape);
      for (var format : Darkroom.Format.values()) {
        String found = Photos.exif(dir, darkroom.render(developed.master(), crop, 320, format));
        assertThat(found)
            .as(shape + " " + format)
            .doesNotContain("GPS")
            .doesNotContain("CAM-4471")
            .doesNotContain("LENS-99812")
            .doesNotContain("ExamplePhone")
            .doesNotContain("unnamed")
            .doesNotContain("Tehran")
            .doesNotContainIgnoringCase("thumbnail")
            .doesNotContain("[XMP");
      }
    }
    assertThat(Photos.exif(dir, developed.master()))
        .doesNotContain("GPS")
        .doesNotContain("CAM-4471");
  }

  @Test
  void a_rendition_has_its_shape_around_the_focal_point_and_is_never_wider_than_asked()
      throws Exception {
    Darkroom.Developed developed = darkroom.develop(Photos.phonePhoto(dir, 800, 600));
    var picture = picture(developed, 0.5, 0.1);

    Crop wide = MediaLibrary.cropOf(picture, Shape.WIDE);
    byte[] card = darkroom.render(developed.master(), wide, 480, Darkroom.Format.WEBP);
    BufferedImage cardImage =
        ImageIO.read(
            new java.io.ByteArrayInputStream(
                darkroom.render(developed.master(), wide, 480, Darkroom.Format.JPEG)));

    assertThat(wide).isEqualTo(new Crop(0, 0, 600, 338)); // the top, where the focal point is
    assertThat(Arrays.copyOfRange(card, 8, 12))
        .isEqualTo("WEBP".getBytes(StandardCharsets.US_ASCII));
    assertThat(cardImage.getWidth()).isEqualTo(480);
    assertThat(cardImage.getHeight()).isEqualTo(270);
    assertThat(Shape.SOCIAL.cropOf(600, 800, 0.5, 0.5)).isEqualTo(new Crop(0, 243, 600, 315));
  }

  @Test
  void an_svg_a_text_file_an_empty_file_and_an_oversized_file_are_refused_by_name() {
    assertThatThrownBy(
            () ->
                darkroom.develop(
                    "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>"
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(PictureRefused.class)
        .hasMessageContaining("SVG");
    assertThatThrownBy(() -> darkroom.develop("just words".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(PictureRefused.class)
        .hasMessageContaining("JPEG, PNG or WebP");
    assertThatThrownBy(() -> darkroom.develop(new byte[0]))
        .isInstanceOf(PictureRefused.class)
        .hasMessageContaining("empty");
    byte[] huge = new byte[(int) Darkroom.MAX_BYTES + 1];
    huge[0] = (byte) 0xFF;
    huge[1] = (byte) 0xD8;
    huge[2] = (byte) 0xFF;
    assertThatThrownBy(() -> darkroom.develop(huge))
        .isInstanceOf(PictureRefused.class)
        .hasMessageContaining("at most 25 MB");
  }

  @Test
  void a_truncated_photo_and_a_decompression_bomb_are_refused_before_anything_is_made()
      throws Exception {
    byte[] photo = Photos.phonePhoto(dir, 800, 600);
    byte[] truncated = Arrays.copyOf(photo, photo.length / 2);

    assertThatThrownBy(() -> darkroom.develop(truncated))
        .isInstanceOf(PictureRefused.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> darkroom.develop(bomb()))
        .isInstanceOf(PictureRefused.class)
        .hasMessageContaining("decompression bomb");
  }

  /** A small PNG that declares 20,000 × 20,000 pixels of one colour. */
  private byte[] bomb() throws Exception {
    Path file = dir.resolve("bomb.png");
    Process make =
        new ProcessBuilder(
                TestTools.vips().toString(),
                "black",
                file.toString(),
                "20000",
                "20000",
                "--bands",
                "1")
            .redirectErrorStream(true)
            .start();
    assertThat(make.waitFor()).as(new String(make.getInputStream().readAllBytes())).isZero();
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes.length).isLessThan(2_000_000);
    return bytes;
  }

  private static news.masthead.content.Picture picture(
      Darkroom.Developed developed, double x, double y) {
    return new news.masthead.content.Picture(
        1,
        "k".repeat(22),
        1,
        developed.width(),
        developed.height(),
        "",
        "",
        "",
        "",
        news.masthead.content.Language.ENGLISH,
        x,
        y,
        developed.removed(),
        "test",
        java.time.Instant.EPOCH);
  }
}
