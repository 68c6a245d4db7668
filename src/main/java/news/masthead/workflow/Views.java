package news.masthead.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.masthead.content.Art;
import news.masthead.content.Figure;
import news.masthead.content.Illustration;
import news.masthead.content.Item;
import news.masthead.content.ItemId;
import news.masthead.content.ItemSummary;
import news.masthead.content.Language;
import news.masthead.content.Profile;
import news.masthead.content.SearchRefusal;
import news.masthead.content.Section;
import news.masthead.content.Slug;
import news.masthead.content.Snippet;
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

    /** Whether this page is past the last one: a page of results that have since grown fewer. */
    public boolean isPastTheLast() {
      return number > last;
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

  /**
   * A story or brief page: the item, its section's in-brief rail, more from the section, its
   * translations and related items (found by the search index; empty while it is being built).
   */
  public record ItemPage(
      Item item,
      List<Section> sections,
      List<ItemSummary> briefs,
      List<ItemSummary> moreFromSection,
      List<ItemSummary> translations,
      List<ItemSummary> related,
      Map<Long, Art> art) {
    public ItemPage {
      art = Map.copyOf(art);
    }

    /** The item's lead picture as the page shows it, when it has one in the media library. */
    public Optional<Illustration> lead() {
      return item.copy().lead().flatMap(this::illustrate);
    }

    /** A picture of the item as the page shows it; empty when it is not in the media library. */
    public Optional<Illustration> illustrate(Figure figure) {
      return Optional.ofNullable(art.get(figure.picture())).map(a -> Illustration.of(figure, a));
    }
  }

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
  public record Feed(
      FeedScope scope, List<Item> items, java.time.Instant updated, Map<Long, Art> art) {
    public Feed {
      art = Map.copyOf(art);
    }

    /** An item's lead picture as the feed shows it, when it has one in the media library. */
    public Optional<Illustration> leadOf(Item item) {
      return item.copy()
          .lead()
          .flatMap(f -> Optional.ofNullable(art.get(f.picture())).map(a -> Illustration.of(f, a)));
    }
  }

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

  /**
   * What a reader searched for, from the search form.
   *
   * @param text the words, in the search syntax (phrases in quotes, word*, -word, OR)
   * @param language only items in this language; empty for every language
   * @param from only items first published at or after this instant
   * @param to only items first published before this instant
   * @param newestFirst newest first rather than best matches first
   * @param page the page of results, from 1
   */
  public record SearchQuery(
      String text,
      Optional<Language> language,
      Optional<Slug> section,
      Optional<Profile> profile,
      Optional<Instant> from,
      Optional<Instant> to,
      boolean newestFirst,
      int page) {}

  /** One search result: the item, and its headline and a passage with the matches marked. */
  public record SearchHit(ItemSummary item, Snippet headline, Snippet snippet) {}

  /**
   * A page of search results.
   *
   * @param total how many items matched; at least that many when not {@code exact}
   */
  public record SearchPage(
      List<SearchHit> hits, long total, boolean exact, Pagination pagination) {}

  /** What a search found: results, a refusal naming the problem, or "the index is being built". */
  public sealed interface SearchOutcome {
    record Found(SearchPage page) implements SearchOutcome {}

    /** The search cannot be run as written; the refusal is for the reader, in their language. */
    record Refused(SearchRefusal refusal) implements SearchOutcome {
      /** The explanation in English, for the API. */
      public String reason() {
        return refusal.english();
      }
    }

    /** The search index is being built; try again shortly. */
    record NotReady() implements SearchOutcome {}
  }

  /** What a lookup of an item by id found. */
  public sealed interface ItemLookup {
    record Found(ItemPage page) implements ItemLookup {}

    /** Retracted: the URL answers 410 with the retraction notice. */
    record Gone(String headline, String notice, Language language) implements ItemLookup {}

    record Missing() implements ItemLookup {}
  }
}
