package news.masthead.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * A link or image address a reader's browser may follow: {@code http}, {@code https} or {@code
 * mailto} only, or a site-relative path beginning with a single {@code /}. No other scheme (such as
 * {@code javascript:} or {@code data:}) can be made into a WebAddress.
 */
public record WebAddress(String value) {
  private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

  public WebAddress {
    if (value == null || value.isBlank()) {
      throw new InvalidContent("a web address must not be empty");
    }
    if (value.length() > 2048) {
      throw new InvalidContent("a web address must be at most 2048 characters");
    }
    if (!isSafe(value)) {
      throw new InvalidContent(
          "a web address must be http, https, mailto or a site path, not \"" + value + "\"");
    }
  }

  /** True when {@code value} would make a valid WebAddress. */
  public static boolean isSafe(String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c == 0x7f) {
        return false; // no control characters or spaces, which browsers strip and so hide schemes
      }
    }
    if (value.startsWith("/")) {
      return !value.startsWith("//") && !value.startsWith("/\\");
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      return scheme != null && SCHEMES.contains(scheme.toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
