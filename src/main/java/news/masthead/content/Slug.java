package news.masthead.content;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A readable URL segment: lower-case letters and digits of any script, joined by single hyphens, at
 * most {@value #MAX_LENGTH} characters, never empty. Persian and other scripts keep their letters;
 * the zero-width non-joiner becomes a hyphen-free join so a word stays one word.
 */
public record Slug(String value) {
  public static final int MAX_LENGTH = 80;

  public Slug {
    if (value == null || value.isEmpty()) {
      throw new InvalidContent("a slug must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidContent(
          "a slug must be at most " + MAX_LENGTH + " characters, not " + value.length());
    }
    if (!isWellFormed(value)) {
      throw new InvalidContent(
          "a slug holds only lower-case letters and digits joined by single hyphens, not \""
              + value
              + "\"");
    }
  }

  /**
   * Makes a slug of any text, such as a headline or a section name. Falls back to {@code fallback}
   * when the text has no letter or digit at all.
   */
  public static Slug of(String text, String fallback) {
    String normalized = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(Math.min(normalized.length(), MAX_LENGTH));
    boolean pendingHyphen = false;
    for (int i = 0; i < normalized.length() && out.length() < MAX_LENGTH; ) {
      int cp = normalized.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\u200C'
          || cp == '\''
          || cp == '\u2019'
          || Character.getType(cp) == Character.NON_SPACING_MARK) {
        continue; // joiners, apostrophes and diacritics do not split a word
      }
      if (Character.isLetterOrDigit(cp)) {
        if (pendingHyphen && !out.isEmpty()) {
          out.append('-');
        }
        pendingHyphen = false;
        out.append(new String(Character.toChars(cp)).toLowerCase(Locale.ROOT));
      } else {
        pendingHyphen = true;
      }
    }
    String slug = out.toString();
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH);
    }
    while (slug.endsWith("-")) {
      slug = slug.substring(0, slug.length() - 1);
    }
    return slug.isEmpty() ? new Slug(fallback) : new Slug(slug);
  }

  private static boolean isWellFormed(String value) {
    if (value.startsWith("-") || value.endsWith("-") || value.contains("--")) {
      return false;
    }
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      boolean fits =
          (cp >= 'a' && cp <= 'z')
              || (cp >= '0' && cp <= '9')
              || cp == '-'
              || (cp >= 0x80
                  && Character.isLetterOrDigit(cp)
                  && !Character.isUpperCase(cp)
                  && !Character.isTitleCase(cp));
      if (!fits) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  @Override
  public String toString() {
    return value;
  }
}
