package news.masthead.content;

/** A section of the site, such as Iran or Business, in one language's edition. */
public record Section(Slug slug, String name, Language language) {
  public Section {
    if (name == null || name.isBlank()) {
      throw new InvalidContent("a section needs a name");
    }
    name = name.strip();
  }
}
