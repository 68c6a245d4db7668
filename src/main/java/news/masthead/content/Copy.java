package news.masthead.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything a reporter writes and an editor checks for one revision of an item: the headline,
 * standfirst, body, byline, dateline, section, subjects, sources, type of work, corrections and
 * translation links. Blank strings mean "none" for the standfirst, byline and dateline.
 */
public record Copy(
    Profile profile,
    Language language,
    String headline,
    String standfirst,
    Body body,
    String byline,
    String dateline,
    Section section,
    List<Subject> subjects,
    List<Source> sources,
    List<Genre> genres,
    List<Correction> corrections,
    List<Translation> translations) {

  public static final int MAX_HEADLINE = 300;
  private static final Pattern BYLINE_SPLIT =
      Pattern.compile("\\s*(?:,|;|&|\\band\\b|\\sو\\s|،)\\s*", Pattern.UNICODE_CHARACTER_CLASS);

  /** Bylines that name a desk, not a person: they get no author page. */
  private static final Pattern NOT_A_PERSON =
      Pattern.compile(
          "(?i).*\\b(staff|desk|newsroom|editors|correspondents|reporters|agencies)\\b.*|تحریریه|.*خبرنگاران.*");

  private static final Pattern BYLINE_PREFIX =
      Pattern.compile("^(?:by|از|نویسنده:?|گزارش:?)\\s+", Pattern.CASE_INSENSITIVE);

  public Copy {
    if (profile == null) {
      throw new InvalidContent("an item needs a profile: story or brief");
    }
    if (language == null) {
      throw new InvalidContent("an item needs a language");
    }
    if (headline == null || headline.isBlank()) {
      throw new InvalidContent("an item needs a headline");
    }
    headline = Teaser.collapseSpaces(headline).strip();
    if (headline.length() > MAX_HEADLINE) {
      throw new InvalidContent(
          "a headline must be at most " + MAX_HEADLINE + " characters, not " + headline.length());
    }
    if (body == null || body.isEmpty()) {
      throw new InvalidContent("an item needs a body with some text");
    }
    if (section == null) {
      throw new InvalidContent("an item needs a section");
    }
    if (!section.language().equals(language)) {
      throw new InvalidContent(
          "the section \"" + section.name() + "\" belongs to another language than the item's");
    }
    standfirst = standfirst == null ? "" : standfirst.strip();
    byline = byline == null ? "" : byline.strip();
    dateline = dateline == null ? "" : dateline.strip();
    subjects = List.copyOf(new LinkedHashSet<>(subjects == null ? List.of() : subjects));
    for (Subject s : subjects) {
      if (s.kind() == SubjectKind.AUTHOR) {
        throw new InvalidContent("authors come from the byline, not from the subjects");
      }
    }
    sources = List.copyOf(sources == null ? List.of() : sources);
    genres = List.copyOf(new LinkedHashSet<>(genres == null ? List.of() : genres));
    corrections = List.copyOf(corrections == null ? List.of() : corrections);
    translations = List.copyOf(translations == null ? List.of() : translations);
  }

  /** The subjects of one kind, in the order given. */
  public List<Subject> subjects(SubjectKind kind) {
    if (kind == SubjectKind.AUTHOR) {
      return authors();
    }
    return subjects.stream().filter(s -> s.kind() == kind).toList();
  }

  /**
   * The people named in the byline, each with an author page: "By Sara Ahmadi and Omid Karimi"
   * names two.
   */
  public List<Subject> authors() {
    String names = BYLINE_PREFIX.matcher(byline).replaceFirst("");
    List<Subject> authors = new ArrayList<>();
    for (String name : BYLINE_SPLIT.split(names)) {
      if (!name.isBlank()
          && name.codePoints().anyMatch(Character::isLetter)
          && !NOT_A_PERSON.matcher(name).matches()) {
        authors.add(Subject.named(SubjectKind.AUTHOR, name));
      }
    }
    return List.copyOf(new LinkedHashSet<>(authors));
  }

  /** Every subject including the authors, for indexing. */
  public List<Subject> allSubjects() {
    List<Subject> all = new ArrayList<>(subjects);
    all.addAll(authors());
    return all;
  }

  /** The main type of work: the first genre given, or news. */
  public Genre genre() {
    return genres.isEmpty() ? Genre.NEWS : genres.getFirst();
  }

  /**
   * The same copy carrying the item's record as {@code current} has it: its corrections and its
   * translation links (which a restored earlier revision must not take back).
   */
  public Copy withRecordOf(Copy current) {
    return with(current.corrections, current.translations);
  }

  /** The same copy with these corrections, oldest first. */
  public Copy withCorrections(List<Correction> corrections) {
    return with(corrections, translations);
  }

  private Copy with(List<Correction> corrections, List<Translation> translations) {
    return new Copy(
        profile,
        language,
        headline,
        standfirst,
        body,
        byline,
        dateline,
        section,
        subjects,
        sources,
        genres,
        corrections,
        translations);
  }
}
