package news.masthead.content;

/** What an item can be about or by; each kind has its own public page under {@link #pathWord}. */
public enum SubjectKind {
  TAG("tag"),
  PERSON("person"),
  ORGANISATION("organisation"),
  PLACE("place"),
  AUTHOR("author");

  private final String pathWord;

  SubjectKind(String pathWord) {
    this.pathWord = pathWord;
  }

  /** The first segment of this kind's pages: {@code /tag/…}, {@code /person/…}. */
  public String pathWord() {
    return pathWord;
  }

  public static java.util.Optional<SubjectKind> fromPathWord(String word) {
    for (SubjectKind kind : values()) {
      if (kind.pathWord.equals(word)) {
        return java.util.Optional.of(kind);
      }
    }
    return java.util.Optional.empty();
  }
}
