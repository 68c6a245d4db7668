package news.masthead.content;

/** A tag, person, organisation, place or author an item is linked to. */
public record Subject(SubjectKind kind, Slug slug, String name) {
  public Subject {
    if (kind == null || slug == null) {
      throw new InvalidContent("a subject needs a kind and a slug");
    }
    if (name == null || name.isBlank()) {
      throw new InvalidContent("a " + kind.pathWord() + " needs a name");
    }
    name = name.strip();
  }

  public static Subject named(SubjectKind kind, String name) {
    return new Subject(kind, Slug.of(name, kind.pathWord()), name);
  }
}
