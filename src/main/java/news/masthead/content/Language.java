package news.masthead.content;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The language an item is written in, as a BCP 47 primary language subtag ({@code en}, {@code fa}).
 * Where its edition's pages are is the outlet's choice: see {@link EditionPaths}.
 */
public record Language(String code) {
  // The patterns come first: the constants below are built with them.
  private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");
  private static final Set<String> RIGHT_TO_LEFT =
      Set.of("ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv", "sd", "ug");

  public static final Language ENGLISH = new Language("en");
  public static final Language PERSIAN = new Language("fa");

  public Language {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new InvalidContent(
          "language must be a BCP 47 language code such as \"en\" or \"fa\", not \"" + code + "\"");
    }
  }

  /** Reads a BCP 47 tag such as {@code en-GB} or {@code fa-IR}, keeping the language subtag. */
  public static Language fromTag(String tag) {
    if (tag == null || tag.isBlank()) {
      throw new InvalidContent("language is missing: give a BCP 47 code such as \"en\" or \"fa\"");
    }
    String primary = tag.trim().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    return new Language(primary);
  }

  public boolean isRightToLeft() {
    return RIGHT_TO_LEFT.contains(code);
  }

  /** {@code rtl} or {@code ltr}, for the HTML {@code dir} attribute. */
  public String direction() {
    return isRightToLeft() ? "rtl" : "ltr";
  }

  // Written out: pages compare languages for every link they make.
  @Override
  public boolean equals(Object other) {
    return other instanceof Language language && code.equals(language.code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  @Override
  public String toString() {
    return code;
  }
}
