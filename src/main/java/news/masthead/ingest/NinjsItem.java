package news.masthead.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import news.masthead.content.Body;
import news.masthead.content.Copy;
import news.masthead.content.Correction;
import news.masthead.content.Genre;
import news.masthead.content.InvalidContent;
import news.masthead.content.Language;
import news.masthead.content.Profile;
import news.masthead.content.Section;
import news.masthead.content.Slug;
import news.masthead.content.Source;
import news.masthead.content.Status;
import news.masthead.content.Subject;
import news.masthead.content.SubjectKind;
import news.masthead.content.Translation;
import news.masthead.workflow.Submission;
import tools.jackson.databind.JsonNode;

/**
 * Maps one ninjs 3 item to a {@link Submission}, as DESIGN's import mapping says: {@code uri} is
 * the external id; {@code profile} story or brief; the first headline; the summary description as
 * standfirst; the HTML or plain-text body; {@code by}; {@code located}; the subject with {@code
 * rel: "section"} as section and other subjects as tags; people, organisations and places; info
 * sources; genres; language; first and version created times; {@code pubStatus}; translation
 * associations; and, when given a {@link PictureFiles}, the first picture association as the lead
 * picture and the library's pictures in the body. A description with role {@code correction} is a
 * correction notice.
 *
 * <p>Stateless and thread-safe. Every refusal names the field and what would be accepted.
 */
final class NinjsItem {
  private final BodyCleaner cleaner;
  private final Language defaultLanguage;

  NinjsItem(BodyCleaner cleaner, Language defaultLanguage) {
    this.cleaner = cleaner;
    this.defaultLanguage = defaultLanguage;
  }

  Submission toSubmission(JsonNode item, String importedBy) {
    return toSubmission(item, importedBy, Optional.empty());
  }

  /** As {@link #toSubmission(JsonNode, String)}, with the lead picture read by {@code pictures}. */
  Submission toSubmission(JsonNode item, String importedBy, Optional<PictureFiles> pictures) {
    if (item == null || !item.isObject()) {
      throw new InvalidNinjs("an item must be a JSON object");
    }
    String uri = text(item, "uri").orElseThrow(() -> new InvalidNinjs("uri is missing"));
    if (uri.isBlank() || uri.length() > 1000) {
      throw new InvalidNinjs("uri must be 1 to 1000 characters");
    }
    try {
      Language language = text(item, "language").map(Language::fromTag).orElse(defaultLanguage);
      Profile profile = text(item, "profile").map(Profile::fromCode).orElse(Profile.STORY);
      String headline =
          firstValue(item, "headlines", Optional.empty())
              .orElseThrow(() -> new InvalidNinjs("headlines is missing: give at least one"));
      String standfirst = firstValue(item, "descriptions", Optional.of("summary")).orElse("");
      Body body = body(item);
      Section section = section(item, language);
      Copy copy =
          new Copy(
              profile,
              language,
              headline,
              standfirst,
              body,
              text(item, "by").orElse(""),
              text(item, "located").orElse(""),
              section,
              subjects(item),
              sources(item),
              genres(item),
              corrections(item),
              translations(item));
      if (pictures.isPresent()) {
        copy =
            new Copy(
                    copy.profile(),
                    copy.language(),
                    copy.headline(),
                    copy.standfirst(),
                    pictures.get().withLibraryPictures(copy.body()),
                    copy.byline(),
                    copy.dateline(),
                    copy.section(),
                    copy.subjects(),
                    copy.sources(),
                    copy.genres(),
                    copy.corrections(),
                    copy.translations(),
                    copy.chosenSlug())
                .withLead(pictures.get().lead(item, language));
      }
      Optional<Instant> firstCreated = time(item, "firstCreated");
      Optional<Instant> versionCreated = time(item, "versionCreated");
      return Submission.imported(
          uri, copy, status(item), firstCreated, versionCreated.or(() -> firstCreated), importedBy);
    } catch (InvalidContent e) {
      throw new InvalidNinjs(e.getMessage());
    }
  }

  private Body body(JsonNode item) {
    JsonNode bodies = item.path("bodies");
    if (!bodies.isArray() || bodies.isEmpty()) {
      throw new InvalidNinjs("bodies is missing: give a text/html or text/plain body");
    }
    JsonNode chosen = null;
    for (JsonNode b : bodies) {
      String type = text(b, "contentType").orElse("text/plain").toLowerCase(Locale.ROOT);
      if (type.startsWith("text/html") || type.startsWith("application/xhtml")) {
        chosen = b;
        break;
      }
      if (chosen == null && type.startsWith("text/plain")) {
        chosen = b;
      }
    }
    if (chosen == null) {
      throw new InvalidNinjs("bodies has no text/html or text/plain body");
    }
    String value = text(chosen, "value").orElseThrow(() -> new InvalidNinjs("a body has no value"));
    String type = text(chosen, "contentType").orElse("text/plain").toLowerCase(Locale.ROOT);
    Body body =
        type.startsWith("text/plain") ? cleaner.fromPlainText(value) : cleaner.fromHtml(value);
    if (body.isEmpty()) {
      throw new InvalidNinjs("the body has no text once cleaned");
    }
    return body;
  }

  private static Section section(JsonNode item, Language language) {
    for (JsonNode subject : item.path("subjects")) {
      if ("section".equalsIgnoreCase(text(subject, "rel").orElse(""))) {
        String name =
            text(subject, "name")
                .or(() -> text(subject, "literal"))
                .orElseThrow(() -> new InvalidNinjs("the section subject has no name"));
        String code = text(subject, "literal").orElse(name);
        return new Section(Slug.of(code, "section"), name, language);
      }
    }
    throw new InvalidNinjs("no section: add a subject with \"rel\": \"section\"");
  }

  private static List<Subject> subjects(JsonNode item) {
    List<Subject> subjects = new ArrayList<>();
    for (JsonNode subject : item.path("subjects")) {
      if (!"section".equalsIgnoreCase(text(subject, "rel").orElse(""))) {
        text(subject, "name")
            .or(() -> text(subject, "literal"))
            .filter(n -> !n.isBlank())
            .ifPresent(n -> subjects.add(Subject.named(SubjectKind.TAG, n)));
      }
    }
    addNamed(item, "people", SubjectKind.PERSON, subjects);
    addNamed(item, "organisations", SubjectKind.ORGANISATION, subjects);
    addNamed(item, "places", SubjectKind.PLACE, subjects);
    return subjects;
  }

  private static void addNamed(
      JsonNode item, String field, SubjectKind kind, List<Subject> subjects) {
    for (JsonNode entry : item.path(field)) {
      String name =
          text(entry, "name")
              .or(() -> text(entry, "literal"))
              .orElseThrow(() -> new InvalidNinjs("an entry of " + field + " has no name"));
      if (!name.isBlank()) {
        subjects.add(Subject.named(kind, name));
      }
    }
  }

  /**
   * Each info source's {@code role} may hold words for what the source is ({@code wire}, {@code
   * official}, {@code unnamed}) and what it did ({@code confirmed}, {@code yet-to-respond}),
   * separated by spaces, commas or slashes.
   */
  private static List<Source> sources(JsonNode item) {
    List<Source> sources = new ArrayList<>();
    for (JsonNode entry : item.path("infoSources")) {
      String name =
          text(entry, "name")
              .or(() -> text(entry, "literal"))
              .orElseThrow(() -> new InvalidNinjs("an entry of infoSources has no name"));
      Source.Kind kind = Source.Kind.OTHER;
      Source.Role role = Source.Role.REPORTED;
      for (String word : text(entry, "role").orElse("").split("[\\s,/;|]+")) {
        if (word.isBlank()) {
          continue;
        }
        Optional<Source.Role> asRole = Source.roleFromCode(word);
        if (asRole.isPresent()) {
          role = asRole.get();
        } else {
          kind = Source.kindFromCode(word);
        }
      }
      sources.add(new Source(name, kind, role));
    }
    return sources;
  }

  private static List<Genre> genres(JsonNode item) {
    List<Genre> genres = new ArrayList<>();
    for (JsonNode entry : item.path("genres")) {
      text(entry, "name")
          .or(() -> text(entry, "uri"))
          .or(() -> text(entry, "literal"))
          .ifPresent(n -> genres.add(Genre.fromName(n)));
    }
    return genres;
  }

  private static List<Correction> corrections(JsonNode item) {
    List<Correction> corrections = new ArrayList<>();
    Instant when =
        time(item, "versionCreated").or(() -> time(item, "firstCreated")).orElse(Instant.EPOCH);
    for (JsonNode d : item.path("descriptions")) {
      if ("correction".equalsIgnoreCase(text(d, "role").orElse(""))) {
        text(d, "value")
            .filter(v -> !v.isBlank())
            .ifPresent(v -> corrections.add(new Correction(when, v)));
      }
    }
    return corrections;
  }

  private static List<Translation> translations(JsonNode item) {
    List<Translation> translations = new ArrayList<>();
    for (JsonNode a : item.path("associations")) {
      if ("translation".equalsIgnoreCase(text(a, "rel").orElse(""))) {
        String uri =
            text(a, "uri")
                .orElseThrow(() -> new InvalidNinjs("a translation association has no uri"));
        Language language =
            text(a, "language")
                .map(Language::fromTag)
                .orElseThrow(
                    () -> new InvalidNinjs("the translation " + uri + " needs its language"));
        translations.add(new Translation(uri, language));
      }
    }
    return translations;
  }

  private static Status status(JsonNode item) {
    String status = text(item, "pubStatus").orElse("usable").toLowerCase(Locale.ROOT);
    return switch (status) {
      case "usable" -> new Status.Published();
      case "withheld" -> new Status.Withheld();
      case "canceled", "cancelled" ->
          new Status.Retracted(
              text(item, "edNote").orElse("This item was withdrawn by its publisher."));
      default ->
          throw new InvalidNinjs(
              "pubStatus must be usable, withheld or canceled, not \"" + status + "\"");
    };
  }

  private static Optional<String> firstValue(JsonNode item, String field, Optional<String> role) {
    JsonNode array = item.path(field);
    if (!array.isArray() && !array.isMissingNode() && !array.isNull()) {
      throw new InvalidNinjs(field + " must be an array of objects with a value");
    }
    Optional<String> any = Optional.empty();
    for (JsonNode entry : array) {
      Optional<String> value = text(entry, "value").filter(v -> !v.isBlank());
      if (value.isEmpty()) {
        continue;
      }
      String entryRole = text(entry, "role").orElse("");
      if ("correction".equalsIgnoreCase(entryRole)) {
        continue;
      }
      if (role.isEmpty() || role.get().equalsIgnoreCase(entryRole)) {
        return value;
      }
      if (any.isEmpty()) {
        any = value;
      }
    }
    return any;
  }

  private static Optional<Instant> time(JsonNode item, String field) {
    Optional<String> value = text(item, field);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.get()).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(Instant.parse(value.get()));
      } catch (DateTimeParseException again) {
        throw new InvalidNinjs(
            field
                + " must be an ISO 8601 date-time such as 2026-11-24T09:30:00Z, not \""
                + value.get()
                + "\"");
      }
    }
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isMissingNode()) {
      return Optional.empty();
    }
    if (!value.isString()) {
      throw new InvalidNinjs(field + " must be a string");
    }
    return Optional.of(value.stringValue());
  }
}
