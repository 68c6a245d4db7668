package news.masthead.newsroom;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import news.masthead.content.InvalidContent;
import news.masthead.content.Language;
import news.masthead.content.Slug;
import news.masthead.content.Status;

/**
 * The newsroom's search as asked on its home page: words of the headline, and the status, section,
 * author and language to narrow by; each empty when not asked. Immutable.
 */
public record Search(
    String q,
    Optional<Status> status,
    Optional<Slug> section,
    String author,
    Optional<Language> language) {
  /** The statuses one can search by. */
  public static final List<String> STATUSES =
      List.of("draft", "submitted", "scheduled", "published", "retracted");

  /**
   * The search the page's query asks for.
   *
   * @throws InvalidContent naming a status, section or language that is not one
   */
  static Search of(Context ctx, List<Language> languages) {
    String q = param(ctx, "q");
    if (q.length() > 200) {
      throw new InvalidContent("search words are at most 200 characters");
    }
    String status = param(ctx, "status");
    if (!status.isEmpty() && !STATUSES.contains(status)) {
      throw new InvalidContent("a status is one of " + STATUSES + ", not \"" + status + "\"");
    }
    String section = param(ctx, "section");
    String language = param(ctx, "language");
    Optional<Language> chosen =
        language.isEmpty()
            ? Optional.empty()
            : Optional.of(
                languages.stream()
                    .filter(l -> l.code().equals(language))
                    .findFirst()
                    .orElseThrow(
                        () -> new InvalidContent("no edition is in \"" + language + "\"")));
    return new Search(
        q,
        status.isEmpty()
            ? Optional.empty()
            : Optional.of(
                Status.fromCode(status, status.equals("scheduled") ? "1970-01-01T00:00:00Z" : "")),
        section.isEmpty() ? Optional.empty() : Optional.of(new Slug(section.toLowerCase())),
        param(ctx, "author"),
        chosen);
  }

  /** Whether anything was asked. */
  public boolean asked() {
    return !q.isEmpty()
        || status.isPresent()
        || section.isPresent()
        || !author.isEmpty()
        || language.isPresent();
  }

  public String statusCode() {
    return status.map(Status::code).orElse("");
  }

  public String sectionSlug() {
    return section.map(Slug::value).orElse("");
  }

  public String languageCode() {
    return language.map(Language::code).orElse("");
  }

  private static String param(Context ctx, String name) {
    return Optional.ofNullable(ctx.queryParam(name)).orElse("").strip();
  }
}
