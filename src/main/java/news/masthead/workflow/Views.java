package news.masthead.workflow;

import java.util.List;
import java.util.Optional;
import news.masthead.content.Item;
import news.masthead.content.ItemId;
import news.masthead.content.ItemSummary;
import news.masthead.content.Language;
import news.masthead.content.Profile;
import news.masthead.content.Section;
import news.masthead.content.Slug;
import news.masthead.content.Subject;
import news.masthead.content.SubjectKind;

/** What {@link Edition} answers with: one record per public page, ready to render. */
public final class Views {
  private Views() {}

  /** A page of a paginated listing: this page's number and the last one's (at least 1). */
  public record Pagination(int number, int last) {
    public boolean hasPrevious() {
      return number > 1;
    }

    public boolean hasNext() {
      return number < last;
    }
  }

  /** The front page of an edition. Empty when nothing is published yet. */
  public record FrontPage(
      Language language,
      List<Section> sections,
      Optional<ItemSummary> lead,
      List<ItemSummary> topStories,
      List<SectionHeadlines> sectionBlocks,
      List<ItemSummary> briefs) {
    public boolean isEmpty() {
      return lead.isEmpty() && briefs.isEmpty();
    }
  }

  /** A section's newest stories, for its block on the front page. */
  public record SectionHeadlines(Section section, List<ItemSummary> stories) {}

  /** A section front: one page of its stories, and its in-brief rail. */
  public record SectionFront(
      Section section,
      List<Section> sections,
      List<ItemSummary> stories,
      Pagination pagination,
      List<ItemSummary> briefs) {}

  /** A story or brief page: the item, its section's in-brief rail, more from the section. */
  public record ItemPage(
      Item item,
      List<Section> sections,
      List<ItemSummary> briefs,
      List<ItemSummary> moreFromSection,
      List<ItemSummary> translations) {}

  /** A tag, person, organisation, place or author page. */
  public record SubjectPage(
      Subject subject,
      Language language,
      List<Section> sections,
      List<ItemSummary> items,
      Pagination pagination) {}

  /**
   * What a feed covers: every edition, one edition, a section of it, or a subject in it (a tag,
   * person, organisation, place or author).
   */
  public record FeedScope(
      Optional<Language> language, Optional<Section> section, Optional<Subject> subject) {
    public static FeedScope everything() {
      return new FeedScope(Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  /** A feed's newest items, in full, and when the newest of them last changed. */
  public record Feed(FeedScope scope, List<Item> items, java.time.Instant updated) {}

  /** Where a page of an item listing ended, for the next page to start after. */
  public record Cursor(java.time.Instant firstPublished, ItemId id) {}

  /** A query for published items of one edition, newest first, a page at a time. */
  public record ItemQuery(
      Language language,
      Optional<Slug> section,
      Optional<Profile> profile,
      Optional<SubjectKind> kind,
      Optional<Slug> subject,
      int limit,
      Optional<Cursor> after) {}

  /** One page of items, and where the next page starts when there is one. */
  public record ItemsPage(List<ItemSummary> items, Optional<Cursor> next) {}

  /** A subject, and how many published items link to it. */
  public record SubjectEntry(Subject subject, int items) {}

  /** What a lookup of an item by id found. */
  public sealed interface ItemLookup {
    record Found(ItemPage page) implements ItemLookup {}

    /** Retracted: the URL answers 410 with the retraction notice. */
    record Gone(String headline, String notice, Language language) implements ItemLookup {}

    record Missing() implements ItemLookup {}
  }
}
