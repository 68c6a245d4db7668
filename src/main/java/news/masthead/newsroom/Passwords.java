package news.masthead.newsroom;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.password4j.Argon2Function;
import com.password4j.HashUpdate;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.scoring.Result;
import org.apache.commons.codec.binary.Base32;

/**
 * Contributors' password factor: Argon2id hashes (password4j) at OWASP's recommended minimum or
 * above, rehashed at sign-in when the parameters change; new passwords checked for length and
 * against nbvcxz's lists of common and breached passwords and guessable patterns, with no
 * composition rules; and the one-time codes (TOTP, RFC 6238, through java-otp) that go with them.
 * Thread-safe.
 */
final class Passwords {
  /** Argon2id, 19 MiB, 2 passes, 1 lane: OWASP's Password Storage Cheat Sheet's first option. */
  static final Argon2Function ARGON2 = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 128;

  /**
   * A hash of nothing anyone types, checked when the account is unknown so it takes as long. Made
   * at the first password check, not at start: it costs an Argon2 run.
   */
  private static final class Decoy {
    static final String HASH =
        Password.hash("decoy " + Secrets.token()).addRandomSalt(16).with(ARGON2).getResult();
  }

  private final Nbvcxz estimator = new Nbvcxz();
  private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();

  /** A password that will not do: the message says why, without echoing it. */
  static final class Weak extends RuntimeException {
    Weak(String why) {
      super(why);
    }
  }

  /**
   * Hashes a new password after checking it.
   *
   * @throws Weak when it is too short, too long, common, breached or easily guessed
   */
  String hashNew(String password, String... aboutThePerson) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      throw new Weak(
          "a password needs at least " + MIN_LENGTH + " characters; a few words make a good one");
    }
    if (password.length() > MAX_LENGTH) {
      throw new Weak("a password is at most " + MAX_LENGTH + " characters");
    }
    for (String about : aboutThePerson) {
      if (!about.isBlank() && password.toLowerCase().contains(about.toLowerCase())) {
        throw new Weak("a password must not contain your name or email address");
      }
    }
    Result result = estimator.estimate(password);
    if (!result.isMinimumEntropyMet()) {
      throw new Weak(
          "this password is common, has appeared in breaches, or follows a pattern that is easy to"
              + " guess; choose another");
    }
    return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
  }

  /**
   * The outcome of checking a password: whether it matched, and a new hash when it should change.
   */
  record Checked(boolean matches, Optional<String> rehashed) {}

  /**
   * Checks a password against a stored hash (or, for an unknown account, against a decoy, so the
   * answer takes as long). A match under older parameters comes with a new hash.
   */
  Checked check(String password, Optional<String> hash) {
    String stored = hash.orElseGet(() -> Decoy.HASH);
    String typed = password == null ? "" : password;
    if (typed.length() > MAX_LENGTH) {
      typed = typed.substring(0, MAX_LENGTH);
    }
    Argon2Function old;
    try {
      old = Argon2Function.getInstanceFromHash(stored);
    } catch (RuntimeException e) {
      old = ARGON2;
    }
    HashUpdate update =
        Password.check(typed, stored).andUpdate().addNewRandomSalt(16).with(old, ARGON2);
    boolean matches = update.isVerified() && hash.isPresent();
    return new Checked(
        matches,
        matches && update.isUpdated()
            ? Optional.of(update.getHash().getResult())
            : Optional.empty());
  }

  /** A new one-time-code secret: 20 random bytes, in Base32 as authenticator apps take it. */
  static String newTotpSecret() {
    return new Base32().encodeToString(Secrets.bytes(20)).replace("=", "");
  }

  /** The otpauth:// address an authenticator app reads (typed in, or as a QR code). */
  static String totpAddress(String secret, String issuer, String account) {
    String label =
        URLEncoder.encode(issuer + ":" + account, StandardCharsets.UTF_8).replace("+", "%20");
    return "otpauth://totp/"
        + label
        + "?secret="
        + secret
        + "&issuer="
        + URLEncoder.encode(issuer, StandardCharsets.UTF_8).replace("+", "%20")
        + "&algorithm=SHA1&digits=6&period=30";
  }

  /** Whether a six-digit code is right now, or one step before or after (clocks drift). */
  boolean codeMatches(String secret, String code, Instant now) {
    return codeStep(secret, code, now).isPresent();
  }

  /**
   * The time step a six-digit code belongs to (now, or one step before or after), so that a code
   * once used can be refused a second time; empty when it is none of them.
   */
  java.util.OptionalLong codeStep(String secret, String code, Instant now) {
    if (code == null || !code.strip().matches("[0-9]{6}")) {
      return java.util.OptionalLong.empty();
    }
    int typed = Integer.parseInt(code.strip());
    SecretKeySpec key =
        new SecretKeySpec(
            new Base32().decode(secret),
            TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
    try {
      for (int step = -1; step <= 1; step++) {
        Instant at = now.plus(totp.getTimeStep().multipliedBy(step));
        if (totp.generateOneTimePassword(key, at) == typed) {
          return java.util.OptionalLong.of(at.getEpochSecond() / totp.getTimeStep().toSeconds());
        }
      }
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("a stored one-time-code secret is not a key", e);
    }
    return java.util.OptionalLong.empty();
  }
}
