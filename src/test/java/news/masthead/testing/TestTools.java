package news.masthead.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real programs the tests drive: Debian's Chromium (through Playwright), newsboat and xmllint,
 * Prometheus. A test that needs one fails when it is missing, naming it and how to install it; it
 * never skips, because a test that did not run proves nothing and a green build without it would
 * mislead. {@code ./masthead test} installs all three from Debian before it runs the suite.
 */
public final class TestTools {
  private TestTools() {}

  /** Debian's Chromium; {@code -Dmasthead.chromium=…} names another build of it. */
  public static Path chromium() {
    return require(
        Path.of(System.getProperty("masthead.chromium", "/usr/bin/chromium")),
        "chromium",
        "Playwright is never allowed to download a browser of its own");
  }

  public static Path newsboat() {
    return require(Path.of("/usr/bin/newsboat"), "newsboat", "");
  }

  public static Path xmllint() {
    return require(Path.of("/usr/bin/xmllint"), "libxml2-utils", "");
  }

  /** The Prometheus server, which scrapes a node as an operator's would. */
  public static Path prometheus() {
    return require(Path.of("/usr/bin/prometheus"), "prometheus", "");
  }

  /** Prometheus's own checker of the exposition format. */
  public static Path promtool() {
    return require(Path.of("/usr/bin/promtool"), "prometheus", "");
  }

  /** ExifTool, which reads every metadata a picture carries. */
  public static Path exiftool() {
    return require(Path.of("/usr/bin/exiftool"), "libimage-exiftool-perl", "");
  }

  /** libvips's tools, which the darkroom runs. */
  public static Path vips() {
    return require(Path.of("/usr/bin/vips"), "libvips-tools", "");
  }

  private static Path require(Path program, String debianPackage, String note) {
    if (!Files.isExecutable(program)) {
      throw new IllegalStateException(
          program
              + " is missing: this test drives the real "
              + program.getFileName()
              + " and fails without it. Install it with ./masthead test, which installs chromium,"
              + " newsboat, libxml2-utils, prometheus, exiftool and libvips-tools from Debian, or with apt-get install "
              + debianPackage
              + (note.isEmpty() ? "" : " (" + note + ")"));
    }
    return program;
  }
}
