package news.masthead.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real programs the tests drive: Debian's Chromium (through Playwright), newsboat and xmllint.
 * A test that needs one fails when it is missing, naming it and how to install it; it never skips,
 * because a test that did not run proves nothing and a green build without it would mislead. {@code
 * ./masthead test} installs all three from Debian before it runs the suite.
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

  private static Path require(Path program, String debianPackage, String note) {
    if (!Files.isExecutable(program)) {
      throw new IllegalStateException(
          program
              + " is missing: this test drives the real "
              + program.getFileName()
              + " and fails without it. Install it with ./masthead test, which installs chromium,"
              + " newsboat and libxml2-utils from Debian, or with apt-get install "
              + debianPackage
              + (note.isEmpty() ? "" : " (" + note + ")"));
    }
    return program;
  }
}
