package news.masthead.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

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
    Byline byline,
    String dateline,
    Section section,
    List<Subject> subjects,
    List<Source> sources,
    List<Genre> genres,
    List<Correction> corrections,
    List<Translation> translations,
    String chosenSlug,
    Optional<Figure> lead) {

  public static final int MAX_HEADLINE = 300;

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
    byline = byline == null ? Byline.NONE : byline;
    chosenSlug = chosenSlug == null ? "" : chosenSlug.strip();
    if (!chosenSlug.isEmpty()) {
      new Slug(chosenSlug);
    }
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
    lead = lead == null ? Optional.empty() : lead;
  }

  /** A copy with a chosen slug and no lead picture. */
  public Copy(
      Profile profile,
      Language language,
      String headline,
      String standfirst,
      Body body,
      Byline byline,
      String dateline,
      Section section,
      List<Subject> subjects,
      List<Source> sources,
      List<Genre> genres,
      List<Correction> corrections,
      List<Translation> translations,
      String chosenSlug) {
    this(
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
        translations,
        chosenSlug,
        Optional.empty());
  }

  /** A copy whose slug is made from its headline. */
  public Copy(
      Profile profile,
      Language language,
      String headline,
      String standfirst,
      Body body,
      Byline byline,
      String dateline,
      Section section,
      List<Subject> subjects,
      List<Source> sources,
      List<Genre> genres,
      List<Correction> corrections,
      List<Translation> translations) {
    this(
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
        translations,
        "");
  }

  /**
   * A copy with a byline written as one line ({@link Byline#parse}) and a slug from the headline.
   */
  public Copy(
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
    this(
        profile,
        language,
        headline,
        standfirst,
        body,
        Byline.parse(byline),
        dateline,
        section,
        subjects,
        sources,
        genres,
        corrections,
        translations,
        "");
  }

  /** The subjects of one kind, in the order given. */
  public List<Subject> subjects(SubjectKind kind) {
    if (kind == SubjectKind.AUTHOR) {
      return authors();
    }
    return subjects.stream().filter(s -> s.kind() == kind).toList();
  }

  /** The people named in the byline, each with an author page. */
  public List<Subject> authors() {
    return byline.people();
  }

  /** The last segment of the item's address: the slug chosen, or one made from the headline. */
  public Slug slug() {
    return chosenSlug.isEmpty() ? Slug.of(headline, "item") : new Slug(chosenSlug);
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
        translations,
        chosenSlug,
        lead);
  }

  /** The same copy with this body. */
  public Copy withBody(Body body) {
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
        translations,
        chosenSlug,
        lead);
  }

  /** The same copy with this lead picture, or none. */
  public Copy withLead(Optional<Figure> lead) {
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
        translations,
        chosenSlug,
        lead);
  }

  /** Every library picture the copy shows: the lead first, then the body's in order. */
  public List<Figure> figures() {
    List<Figure> all = new ArrayList<>();
    lead.ifPresent(all::add);
    all.addAll(body.figures());
    return all;
  }
}
