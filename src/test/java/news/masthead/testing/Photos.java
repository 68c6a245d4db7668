package news.masthead.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Pictures for tests, with the hidden fields a phone writes into them. */
public final class Photos {
  private Photos() {}

  /** A JPEG from a phone: location, serials, a thumbnail, XMP and IPTC, lying on its side. */
  public static byte[] phonePhoto(Path dir, int width, int height) throws Exception {
    TestTools.vips();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(30, 90, 160));
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(240, 200, 40));
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    Path file = Files.createTempFile(dir, "phone", ".jpg");
    ImageIO.write(image, "jpg", file.toFile());
    Process tag =
        new ProcessBuilder(
                TestTools.exiftool().toString(),
                "-q",
                "-overwrite_original",
                "-GPSLatitude=35.6892",
                "-GPSLatitudeRef=N",
                "-GPSLongitude=51.3890",
                "-GPSLongitudeRef=E",
                "-SerialNumber=CAM-4471-XZ",
                "-LensSerialNumber=LENS-99812",
                "-Make=ExamplePhone",
                "-Orientation#=6",
                "-Artist=A source who must stay unnamed",
                "-XMP:Creator=A source who must stay unnamed",
                "-IPTC:City=Tehran",
                file.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(tag.waitFor()).as(new String(tag.getInputStream().readAllBytes())).isZero();
    return Files.readAllBytes(file);
  }

  /** Every metadata field exiftool finds in {@code picture}, one "[group] name : value" a line. */
  public static String exif(Path dir, byte[] picture) throws Exception {
    Path file = Files.createTempFile(dir, "read", ".bin");
    Files.write(file, picture);
    Process read =
        new ProcessBuilder(TestTools.exiftool().toString(), "-a", "-G1", "-s", file.toString())
            .redirectErrorStream(true)
            .start();
    String out =
        new String(read.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    read.waitFor();
    return out;
  }
}
