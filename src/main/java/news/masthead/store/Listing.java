package news.masthead.store;

import java.util.Optional;
import news.masthead.content.ItemId;
import news.masthead.content.Language;
import news.masthead.content.Profile;
import news.masthead.content.Slug;
import news.masthead.content.SubjectKind;

/**
 * Which published items to list, newest first: one language's edition, narrowed to a section, a
 * profile or a subject, leaving one item out, one page at a time.
 */
public record Listing(
    Language language,
    Optional<Slug> section,
    Optional<Profile> profile,
    Optional<SubjectKind> subjectKind,
    Optional<Slug> subject,
    Optional<ItemId> excluding,
    int limit,
    int offset,
    Optional<Position> after) {

  /** Where a page of a listing ended: the last item's first-published time and id. */
  public record Position(java.time.Instant firstPublished, ItemId id) {}

  public Listing {
    if (limit < 1 || limit > 500) {
      throw new IllegalArgumentException("a listing's limit is 1 to 500, not " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("a listing's offset must not be negative: " + offset);
    }
    if (subjectKind.isPresent() != subject.isPresent()) {
      throw new IllegalArgumentException("a subject listing needs both the kind and the slug");
    }
  }

  public static Listing of(Language language, int limit) {
    return new Listing(
        language,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        limit,
        0,
        Optional.empty());
  }

  /** The items after {@code position} in this listing's order: keyset pagination. */
  public Listing after(Position position) {
    return new Listing(
        language,
        section,
        profile,
        subjectKind,
        subject,
        excluding,
        limit,
        0,
        Optional.of(position));
  }

  public Listing inSection(Slug slug) {
    return new Listing(
        language,
        Optional.of(slug),
        profile,
        subjectKind,
        subject,
        excluding,
        limit,
        offset,
        after);
  }

  public Listing only(Profile p) {
    return new Listing(
        language, section, Optional.of(p), subjectKind, subject, excluding, limit, offset, after);
  }

  public Listing about(SubjectKind kind, Slug slug) {
    return new Listing(
        language,
        section,
        profile,
        Optional.of(kind),
        Optional.of(slug),
        excluding,
        limit,
        offset,
        after);
  }

  public Listing excluding(ItemId id) {
    return new Listing(
        language, section, profile, subjectKind, subject, Optional.of(id), limit, offset, after);
  }

  public Listing page(int pageNumber) {
    return new Listing(
        language,
        section,
        profile,
        subjectKind,
        subject,
        excluding,
        limit,
        (pageNumber - 1) * limit,
        after);
  }
}
