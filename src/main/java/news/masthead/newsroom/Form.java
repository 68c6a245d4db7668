package news.masthead.newsroom;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import news.masthead.content.Byline;
import news.masthead.content.Copy;
import news.masthead.content.DeskItem;
import news.masthead.content.Figure;
import news.masthead.content.InvalidContent;
import news.masthead.content.Language;
import news.masthead.content.Profile;
import news.masthead.content.Source;
import news.masthead.content.Subject;
import news.masthead.content.SubjectKind;

/**
 * An item's form as the person sent it or will see it: every field as typed, so that a refused save
 * shows them their own text again and loses nothing. Immutable.
 *
 * @param bodyJson the editor's document, when the editor sent one
 * @param bodyText the body typed without the editor: paragraphs separated by blank lines
 * @param credits the byline's rows: who, and what they did
 * @param slug the address's last segment as chosen; blank for one made from the headline
 * @param newSection the name of a section to open, which only an admin may
 * @param translations the numbers of the items that are this one in other languages
 * @param leadPicture the media library number of the lead picture; blank for none
 * @param leadAlt the lead picture's text alternative in the item's language
 * @param leadCaption the lead picture's caption for this item
 * @param basedOn the revision the form was opened at (0 for a new item)
 */
public record Form(
    Profile profile,
    Language language,
    String headline,
    String standfirst,
    String bodyJson,
    String bodyText,
    List<CreditRow> credits,
    String dateline,
    String slug,
    String section,
    String newSection,
    Map<SubjectKind, String> subjects,
    List<SourceRow> sources,
    String genre,
    String translations,
    String leadPicture,
    String leadAlt,
    String leadCaption,
    int basedOn) {

  /** One row of the sources table. */
  public record SourceRow(String name, String kind, String role) {}

  /** One row of the byline: a name and what they did. */
  public record CreditRow(String name, String role) {}

  public Form {
    credits = List.copyOf(credits);
    subjects = Map.copyOf(subjects);
    sources = List.copyOf(sources);
  }

  static Form blank(Profile profile, Language language) {
    return new Form(
        profile, language, "", "", "", "", List.of(), "", "", "", "", Map.of(), List.of(), "NEWS",
        "", "", "", "", 0);
  }

  /** The same form with this body: the editor's document and its plain text. */
  Form withBody(String json, String text) {
    return new Form(
        profile,
        language,
        headline,
        standfirst,
        json,
        text,
        credits,
        dateline,
        slug,
        section,
        newSection,
        subjects,
        sources,
        genre,
        translations,
        leadPicture,
        leadAlt,
        leadCaption,
        basedOn);
  }

  static Form of(DeskItem item, List<Long> translations) {
    Copy copy = item.newest().copy();
    Map<SubjectKind, String> subjects = new EnumMap<>(SubjectKind.class);
    for (SubjectKind kind : SubjectKind.values()) {
      subjects.put(
          kind, copy.subjects(kind).stream().map(Subject::name).collect(Collectors.joining(", ")));
    }
    List<SourceRow> sources = new ArrayList<>();
    for (Source source : copy.sources()) {
      sources.add(new SourceRow(source.name(), source.kind().name(), source.role().name()));
    }
    return new Form(
        copy.profile(),
        copy.language(),
        copy.headline(),
        copy.standfirst(),
        EditorBody.write(copy.body()).toString(),
        copy.body().plainText(),
        copy.byline().credits().stream()
            .map(c -> new CreditRow(c.name(), c.role().name()))
            .toList(),
        copy.dateline(),
        copy.chosenSlug(),
        copy.section().slug().value(),
        "",
        subjects,
        sources,
        copy.genre().name(),
        translations.stream().map(String::valueOf).collect(Collectors.joining(", ")),
        copy.lead().map(f -> Long.toString(f.picture())).orElse(""),
        copy.lead().map(Figure::alt).orElse(""),
        copy.lead().map(Figure::caption).orElse(""),
        item.newest().revision());
  }

  /** The form as sent. */
  static Form of(Context ctx) {
    Map<SubjectKind, String> subjects = new EnumMap<>(SubjectKind.class);
    for (SubjectKind kind : SubjectKind.values()) {
      subjects.put(kind, field(ctx, "subjects_" + kind.pathWord()));
    }
    List<String> names = ctx.formParams("source_name");
    List<String> kinds = ctx.formParams("source_kind");
    List<String> roles = ctx.formParams("source_role");
    if (names.size() > DeskRoom.MAX_SOURCES * 2) {
      throw new InvalidContent("at most " + DeskRoom.MAX_SOURCES + " sources");
    }
    List<SourceRow> sources = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      sources.add(
          new SourceRow(
              names.get(i).strip(),
              i < kinds.size() ? kinds.get(i) : "OTHER",
              i < roles.size() ? roles.get(i) : "REPORTED"));
    }
    List<String> creditNames = ctx.formParams("credit_name");
    List<String> creditRoles = ctx.formParams("credit_role");
    if (creditNames.size() > Byline.MAX_CREDITS * 2) {
      throw new InvalidContent("a byline names at most " + Byline.MAX_CREDITS + " people");
    }
    List<CreditRow> credits = new ArrayList<>();
    for (int i = 0; i < creditNames.size(); i++) {
      credits.add(
          new CreditRow(
              creditNames.get(i).strip(),
              i < creditRoles.size() ? creditRoles.get(i) : "REPORTING"));
    }
    String language = field(ctx, "language");
    return new Form(
        Profile.fromCode(field(ctx, "profile").isEmpty() ? "story" : field(ctx, "profile")),
        Language.fromTag(language.isEmpty() ? "en" : language),
        field(ctx, "headline"),
        field(ctx, "standfirst"),
        field(ctx, "body_json"),
        field(ctx, "body_text"),
        credits,
        field(ctx, "dateline"),
        field(ctx, "slug"),
        field(ctx, "section"),
        field(ctx, "new_section"),
        subjects,
        sources,
        field(ctx, "genre").isEmpty() ? "NEWS" : field(ctx, "genre"),
        field(ctx, "translations"),
        field(ctx, "lead_picture"),
        field(ctx, "lead_alt"),
        field(ctx, "lead_caption"),
        number(ctx.formParam("revision")));
  }

  /** The body as the editor opens it: what was sent, or the text typed without it. */
  public String editorDocument() {
    return bodyJson.isBlank()
        ? EditorBody.write(EditorBody.paragraphs(bodyText)).toString()
        : bodyJson;
  }

  /**
   * The lead picture as chosen: none when the number is blank.
   *
   * @throws InvalidContent when the number is not one, or the words are too long or hold markup
   */
  Optional<Figure> lead() {
    if (leadPicture.isBlank()) {
      return Optional.empty();
    }
    if (!leadPicture.matches("[0-9]{1,12}")) {
      throw new InvalidContent(
          "a lead picture is named by its number in the media library, not \""
              + DeskRoom.abbreviate(leadPicture)
              + "\"");
    }
    return Optional.of(new Figure(Long.parseLong(leadPicture), leadAlt, leadCaption));
  }

  public String subjects(SubjectKind kind) {
    return subjects.getOrDefault(kind, "");
  }

  /** The sources, with empty rows to fill in below them. */
  public List<SourceRow> sourceRows() {
    List<SourceRow> rows = new ArrayList<>(sources);
    for (int i = 0; i < 3; i++) {
      rows.add(new SourceRow("", "WIRE", "REPORTED"));
    }
    return rows;
  }

  /** The byline's rows, with empty rows to fill in below them. */
  public List<CreditRow> creditRows() {
    List<CreditRow> rows = new ArrayList<>(credits);
    for (int i = 0; i < 2; i++) {
      rows.add(new CreditRow("", "REPORTING"));
    }
    return rows;
  }

  static int number(String text) {
    if (text == null || !text.matches("[0-9]{1,9}")) {
      throw Refusal.badInput(
          "a revision is named by its number, not \""
              + DeskRoom.abbreviate(String.valueOf(text))
              + "\": open the item again");
    }
    return Integer.parseInt(text);
  }

  private static String field(Context ctx, String name) {
    return Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
  }
}
