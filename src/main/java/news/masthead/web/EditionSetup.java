package news.masthead.web;

import news.masthead.content.Language;

/**
 * One edition the outlet publishes, as its settings describe it: the language, the outlet's name in
 * it, the direction its pages run in, the path prefix its pages are under (empty at the root, else
 * such as {@code /fa}; see {@link news.masthead.content.EditionPaths}), and its words, digits,
 * calendar and time zone ({@link Messages}). Immutable.
 */
public record EditionSetup(
    Language language, String name, String direction, String path, Messages messages) {
  public EditionSetup {
    if (!direction.equals("ltr") && !direction.equals("rtl")) {
      throw new IllegalArgumentException("direction must be ltr or rtl, not " + direction);
    }
    if (!messages.language().equals(language)) {
      throw new IllegalArgumentException(
          "the messages of " + messages.language() + " for " + language);
    }
  }
}
