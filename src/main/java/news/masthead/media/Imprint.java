package news.masthead.media;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import news.masthead.content.Picture;

/**
 * The credit and usage rights an outlet chooses to write into every rendition it serves, taken from
 * the picture's words in the library (never from the upload, whose fields are all removed). Written
 * as IPTC Core in XMP ({@code photoshop:Credit}, {@code dc:rights}); nothing else is.
 */
public record Imprint(Optional<String> credit, Optional<String> rights) {

  /** A field an outlet may keep in its pictures. */
  public enum Kept {
    CREDIT,
    RIGHTS;

    /**
     * The fields named by {@code MASTHEAD_PICTURES_KEEP}: {@code none} (the default), {@code
     * credit}, {@code rights} or {@code credit,rights}.
     *
     * @throws IllegalArgumentException naming a word that is none of these
     */
    public static Set<Kept> parse(String words) {
      Set<Kept> kept = EnumSet.noneOf(Kept.class);
      for (String word : words.split(",")) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        switch (w) {
          case "none", "" -> {}
          case "credit" -> kept.add(CREDIT);
          case "rights" -> kept.add(RIGHTS);
          default ->
              throw new IllegalArgumentException(
                  "MASTHEAD_PICTURES_KEEP lists \""
                      + word.strip()
                      + "\": give none, credit, rights or credit,rights");
        }
      }
      return Set.copyOf(kept);
    }
  }

  public static Imprint none() {
    return new Imprint(Optional.empty(), Optional.empty());
  }

  /** What {@code kept} writes into {@code picture}'s renditions: only the words it has. */
  public static Imprint of(Picture picture, Set<Kept> kept) {
    return new Imprint(
        Optional.of(picture.credit()).filter(c -> kept.contains(Kept.CREDIT) && !c.isBlank()),
        Optional.of(picture.rights()).filter(r -> kept.contains(Kept.RIGHTS) && !r.isBlank()));
  }

  public boolean isEmpty() {
    return credit.isEmpty() && rights.isEmpty();
  }

  /** A name for renditions carrying this imprint, which changes when its words do. */
  String tag() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (credit.orElse("") + "\u0000" + rights.orElse(""))
                      .getBytes(StandardCharsets.UTF_8));
      return "kept-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
