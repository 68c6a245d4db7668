package news.masthead.web;

import news.masthead.content.Language;

/**
 * One edition the outlet publishes, as its settings describe it: the language, the outlet's name in
 * it, the direction its pages run in, and its words, digits, calendar and time zone ({@link
 * Messages}). Its pages are at {@link Language#editionPath()}. Immutable.
 */
public record EditionSetup(Language language, String name, String direction, Messages messages) {
  public EditionSetup {
    if (!direction.equals("ltr") && !direction.equals("rtl")) {
      throw new IllegalArgumentException("direction must be ltr or rtl, not " + direction);
    }
    if (!messages.language().equals(language)) {
      throw new IllegalArgumentException(
          "the messages of " + messages.language() + " for " + language);
    }
  }

  /** {@code /} for the edition at the root, else {@code /fa/}. */
  public String home() {
    String path = language.editionPath();
    return path.isEmpty() ? "/" : path + "/";
  }
}
