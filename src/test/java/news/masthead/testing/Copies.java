package news.masthead.testing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.masthead.content.Block;
import news.masthead.content.Body;
import news.masthead.content.Copy;
import news.masthead.content.Correction;
import news.masthead.content.Genre;
import news.masthead.content.Inline;
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

/** Sample copy for tests, written for them (never taken from a real outlet). */
public final class Copies {
  private Copies() {}

  public static Section section(String name) {
    return new Section(Slug.of(name, "section"), name, Language.ENGLISH);
  }

  /** A full story with every field of the content model filled in. */
  public static Copy story(String headline, String section) {
    return new Copy(
        Profile.STORY,
        Language.ENGLISH,
        headline,
        "A standfirst that says what happened.",
        Body.of(
            new Block.Paragraph(
                List.of(
                    Inline.Text.plain("According to the Example Wire, officials "),
                    new Inline.Link(
                        "confirmed",
                        new news.masthead.content.WebAddress("https://example.org/report")),
                    Inline.Text.plain(" the report on Wednesday."))),
            new Block.Quote(
                List.of(Inline.Text.plain("We will respond in due course.")),
                Optional.of("A spokesman")),
            new Block.Paragraph(List.of(Inline.Text.plain("Spokesmen are yet to respond.")))),
        "By Sara Example and Omid Sample",
        "TEHRAN",
        section(section),
        List.of(
            Subject.named(SubjectKind.TAG, "Water"),
            Subject.named(SubjectKind.PERSON, "Darius Example"),
            Subject.named(SubjectKind.ORGANISATION, "Water Authority"),
            Subject.named(SubjectKind.PLACE, "Tehran")),
        List.of(
            new Source("Example Wire", Source.Kind.WIRE, Source.Role.REPORTED),
            new Source("An official", Source.Kind.OFFICIAL, Source.Role.CONFIRMED),
            new Source("Spokesmen", Source.Kind.SPOKESPERSON, Source.Role.YET_TO_RESPOND)),
        List.of(Genre.ANALYSIS),
        List.of(
            new Correction(
                Instant.parse("2026-11-20T10:00:00Z"), "An earlier version misspelt a name.")),
        List.of(new Translation("urn:test:fa:1", Language.PERSIAN)));
  }

  public static Copy brief(String headline, String section, String text) {
    return new Copy(
        Profile.BRIEF,
        Language.ENGLISH,
        headline,
        "",
        Body.of(new Block.Paragraph(List.of(Inline.Text.plain(text)))),
        "Staff",
        "",
        section(section),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  /** {@code copy} with no byline at all. */
  public static Copy withoutByline(Copy copy) {
    return new Copy(
        copy.profile(),
        copy.language(),
        copy.headline(),
        copy.standfirst(),
        copy.body(),
        "",
        copy.dateline(),
        copy.section(),
        copy.subjects(),
        copy.sources(),
        copy.genres(),
        copy.corrections(),
        copy.translations());
  }

  public static Submission published(String uri, Copy copy, String firstPublished) {
    Instant at = Instant.parse(firstPublished);
    return Submission.imported(
        uri, copy, new Status.Published(), Optional.of(at), Optional.of(at), "test");
  }

  /** A new revision with the given status, saved now, as a wire update or correction is. */
  public static Submission imported(String uri, Copy copy, Status status) {
    return Submission.imported(
        uri,
        copy,
        status,
        Optional.empty(),
        Optional.of(Instant.parse("2026-11-25T10:00:00Z")),
        "test");
  }
}
