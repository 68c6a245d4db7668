package news.masthead.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import news.masthead.app.Masthead;
import news.masthead.app.Settings;
import org.apache.commons.codec.binary.Base32;

/** What newsroom tests share: a server on http://localhost (passkeys need a host name), codes. */
public final class Newsrooms {
  private Newsrooms() {}

  /** A port nothing listens on now, for a base URL that must name it before the server starts. */
  public static int freePort() {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A serving Masthead on {@code port} whose base URL is {@code origin}, with metrics off and any
   * further settings given.
   */
  public static Masthead serve(Path data, int port, String origin, Map<String, String> more) {
    Map<String, String> flags = new HashMap<>(more);
    flags.put("data", data.toString());
    flags.put("port", Integer.toString(port));
    flags.put("base.url", origin);
    flags.put("metrics", "off");
    return Masthead.open(Settings.standalone(flags)).serve();
  }

  /** Imports the demo archive (sections, items) into {@code masthead}, through {@code data}. */
  public static void importDemo(Masthead masthead, Path data) {
    try (java.io.InputStream in = Newsrooms.class.getResourceAsStream("/demo/demo.ninjs.jsonl")) {
      Path demo = java.nio.file.Files.write(data.resolve("demo.jsonl"), in.readAllBytes());
      masthead
          .importer()
          .importFiles(java.util.List.of(demo), news.masthead.ingest.ImportProgress.SILENT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The six-digit code an authenticator app shows for {@code secret}, seconds from now. */
  public static String code(String secret, int seconds) {
    try {
      return String.format(
          "%06d",
          new com.eatthepath.otp.TimeBasedOneTimePasswordGenerator()
              .generateOneTimePassword(
                  new SecretKeySpec(new Base32().decode(secret), "HmacSHA1"),
                  Instant.now().plusSeconds(seconds)));
    } catch (InvalidKeyException e) {
      throw new AssertionError(e);
    }
  }
}
