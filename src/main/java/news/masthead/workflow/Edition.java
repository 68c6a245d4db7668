package news.masthead.workflow;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import news.masthead.content.Figure;
import news.masthead.content.Item;
import news.masthead.content.ItemAddress;
import news.masthead.content.ItemId;
import news.masthead.content.ItemSummary;
import news.masthead.content.Language;
import news.masthead.content.Profile;
import news.masthead.content.SearchRefusal;
import news.masthead.content.Section;
import news.masthead.content.Slug;
import news.masthead.content.Status;
import news.masthead.content.SubjectKind;
import news.masthead.content.Translation;
import news.masthead.search.InvalidSearch;
import news.masthead.search.SearchIndex;
import news.masthead.search.SearchRequest;
import news.masthead.search.SearchResults;
import news.masthead.store.ItemStore;
import news.masthead.store.Listing;
import news.masthead.workflow.Views.FrontPage;
import news.masthead.workflow.Views.ItemLookup;
import news.masthead.workflow.Views.ItemPage;
import news.masthead.workflow.Views.Pagination;
import news.masthead.workflow.Views.SearchHit;
import news.masthead.workflow.Views.SearchOutcome;
import news.masthead.workflow.Views.SearchPage;
import news.masthead.workflow.Views.SearchQuery;
import news.masthead.workflow.Views.SectionFront;
import news.masthead.workflow.Views.SectionHeadlines;
import news.masthead.workflow.Views.SubjectPage;

/**
 * The published edition: everything the public site may show, and nothing else. The {@code site}
 * package reads only through this facade (an architecture test holds it to that).
 *
 * <p>Listings that many pages share (sections, in-brief rails) and recently read items are kept in
 * memory until the next change (at most {@value #MAX_REMEMBERED} of them); {@link #version()} is
 * the change log position they reflect, for page caches and ETags. This is a data cache, not a page
 * cache: every page is still rendered. Thread-safe.
 */
public final class Edition implements ChangeListener {
  /** Items per page on section fronts and subject pages. */
  public static final int PAGE_SIZE = 20;

  /** Briefs in an in-brief rail. */
  public static final int RAIL_SIZE = 6;

  /** The deepest page number served; deeper requests find nothing rather than scan the table. */
  public static final int MAX_PAGE = 500;

  private final ItemStore items;

  /** Entries kept at most; past that the memory starts again empty. */
  private static final int MAX_REMEMBERED = 5_000;

  /** Results per page of a search. */
  public static final int SEARCH_PAGE_SIZE = 10;

  /** The deepest page of search results served. */
  public static final int MAX_SEARCH_PAGE = SearchRequest.MAX_DEPTH / SEARCH_PAGE_SIZE;

  /** Related items shown on an item page. */
  public static final int RELATED_SIZE = 5;

  private final Map<String, Remembered> shared = new ConcurrentHashMap<>();
  private volatile long seen;
  private volatile long searchesReady;
  private volatile long version;
  private volatile Optional<SearchIndexing> search = Optional.empty();
  private volatile Optional<Timer> searchTimer = Optional.empty();

  public Edition(ItemStore items) {
    this.items = items;
    this.seen = items.latestChange();
    this.version = seen;
  }

  /**
   * Opens the search index in the background, brings it up to date (rebuilding it when it is
   * missing) and from then on answers searches and related items from it, keeping it up to date
   * with every change. Returns at once.
   */
  public void startSearch(Supplier<SearchIndex> opener) {
    SearchIndexing indexing = new SearchIndexing(items, opener, this::searchReady);
    search = Optional.of(indexing);
    indexing.start();
  }

  /**
   * Reports to {@code registry}: how long searches of the index take ({@code masthead.search}) and
   * how many changes of the database the search index has yet to apply ({@code
   * masthead.search.index.behind}, read from the database when scraped).
   */
  public void measureWith(MeterRegistry registry) {
    searchTimer =
        Optional.of(
            Timer.builder("masthead.search")
                .description("searches of the index, from query to a page of results")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry));
    Gauge.builder("masthead.search.index.behind", this, Edition::searchIndexBehind)
        .description("changes in the database's change log the search index has not applied")
        .register(registry);
  }

  /** Whether searches can be answered: the index is open and caught up. */
  public boolean searchIsReady() {
    return search.filter(SearchIndexing::isReady).isPresent();
  }

  /** How many changes of the database's log the search index has yet to apply. */
  public long searchIndexBehind() {
    long latest = items.latestChange();
    return search.map(s -> Math.max(0, latest - s.indexedThrough())).orElse(latest);
  }

  /** Stops following changes with the search index and closes it. */
  public void stopSearch() {
    search.ifPresent(SearchIndexing::close);
    search = Optional.empty();
  }

  /** Brings the search index up to date first, so a new version never shows an older index. */
  @Override
  public void changed(long latestChange) {
    search.ifPresent(SearchIndexing::catchUp);
    synchronized (this) {
      if (latestChange != seen) {
        seen = latestChange;
        version = seen + searchesReady;
        shared.clear();
      }
    }
  }

  private synchronized void searchReady() {
    searchesReady++;
    version = seen + searchesReady;
    shared.clear();
  }

  /**
   * The version of what this edition shows, for page caches: moves on every save, and once more
   * each time the search index becomes ready (opened at start, or rebuilt). Only ever grows.
   */
  public long version() {
    return version;
  }

  /** The sections of an edition, for its navigation, the busiest first. */
  public List<Section> sections(Language language) {
    return remember("sections:" + language, () -> items.sections(language));
  }

  /** The front page: lead story, top stories, a block per section and the in-brief rail. */
  public FrontPage frontPage(Language language) {
    return remember(
        "front:" + language,
        () -> {
          List<ItemSummary> stories = items.list(Listing.of(language, 5).only(Profile.STORY));
          Optional<ItemSummary> lead = stories.stream().findFirst();
          List<ItemSummary> top = stories.stream().skip(1).toList();
          // A story shown as lead or top story is not repeated in its section's block.
          java.util.Set<ItemId> shown = new java.util.HashSet<>();
          stories.forEach(story -> shown.add(story.id()));
          List<SectionHeadlines> blocks = new ArrayList<>();
          for (Section section : sections(language)) {
            List<ItemSummary> newest =
                items
                    .list(
                        Listing.of(language, 4 + stories.size())
                            .inSection(section.slug())
                            .only(Profile.STORY))
                    .stream()
                    .filter(story -> !shown.contains(story.id()))
                    .limit(4)
                    .toList();
            if (!newest.isEmpty()) {
              blocks.add(new SectionHeadlines(section, newest));
            }
          }
          List<ItemSummary> briefs =
              items.list(Listing.of(language, RAIL_SIZE).only(Profile.BRIEF));
          return new FrontPage(language, sections(language), lead, top, blocks, briefs);
        });
  }

  /** One page of a section front, or empty when there is no such section or page. */
  public Optional<SectionFront> sectionFront(Language language, Slug slug, int page) {
    if (page < 1 || page > MAX_PAGE) {
      return Optional.empty();
    }
    Optional<Section> section = items.findSection(language, slug);
    if (section.isEmpty()) {
      return Optional.empty();
    }
    Listing stories = Listing.of(language, PAGE_SIZE).inSection(slug).only(Profile.STORY);
    int last = lastPage(items.count(stories));
    if (page > last) {
      return Optional.empty();
    }
    return Optional.of(
        new SectionFront(
            section.get(),
            sections(language),
            items.list(stories.page(page)),
            new Pagination(page, last),
            briefRail(language, slug)));
  }

  /** A story or brief by id: found when published, gone when retracted, otherwise missing. */
  public ItemLookup item(ItemId id) {
    Optional<Item> found = remember("item:" + id.value(), () -> items.find(id));
    if (found.isEmpty()) {
      return new ItemLookup.Missing();
    }
    Item item = found.get();
    return switch (item.status()) {
      case Status.Published p -> new ItemLookup.Found(pageOf(item));
      case Status.Retracted r ->
          new ItemLookup.Gone(item.copy().headline(), r.notice(), item.copy().language());
      case Status.Draft d -> new ItemLookup.Missing();
      case Status.Submitted s -> new ItemLookup.Missing();
      case Status.Scheduled s -> new ItemLookup.Missing();
      case Status.Withheld w -> new ItemLookup.Missing();
    };
  }

  /**
   * The page an item would have if this revision of it were published: for the newsroom's previews.
   * Whatever its status; never cached.
   */
  public ItemPage preview(Item item) {
    return pageOf(item, false);
  }

  private ItemPage pageOf(Item item) {
    return pageOf(item, true);
  }

  /**
   * An item's page; {@code shared} remembers its related items for readers' pages, which a preview
   * of an unpublished revision must not do.
   */
  private ItemPage pageOf(Item item, boolean shared) {
    Language language = item.copy().language();
    Slug section = item.copy().section().slug();
    List<ItemSummary> more =
        remember(
                "more:" + language + ":" + section,
                () -> items.list(Listing.of(language, 6).inSection(section).only(Profile.STORY)))
            .stream()
            .filter(story -> !story.id().equals(item.id()))
            .limit(5)
            .toList();
    List<ItemSummary> translations =
        items.listByUris(item.copy().translations().stream().map(Translation::uri).toList());
    List<ItemSummary> rail =
        briefRail(language, section).stream().filter(b -> !b.id().equals(item.id())).toList();
    // Related items are the ones not already beside the story, in its rail or its section's list.
    java.util.Set<ItemId> shown = new java.util.HashSet<>();
    more.forEach(story -> shown.add(story.id()));
    rail.forEach(brief -> shown.add(brief.id()));
    List<ItemSummary> related =
        (shared
                ? this.<List<ItemSummary>>remember(
                    "related:" + item.id().value(),
                    () ->
                        search
                            .map(s -> s.related(item, RELATED_SIZE + 5 + RAIL_SIZE))
                            .orElse(List.of()))
                : search.map(s -> s.related(item, RELATED_SIZE + 5 + RAIL_SIZE)).orElse(List.of()))
            .stream().filter(r -> !shown.contains(r.id())).limit(RELATED_SIZE).toList();
    return new ItemPage(
        item,
        sections(language),
        rail,
        more,
        translations,
        related,
        items.art(item.copy().figures().stream().map(Figure::picture).toList()));
  }

  /**
   * One page of search results over published items (empty past the last page: see {@link
   * Pagination#isPastTheLast}), or why the search cannot be run, or that the search index is being
   * built.
   */
  public SearchOutcome search(SearchQuery query) {
    if (query.page() < 1) {
      return new SearchOutcome.Refused(
          SearchRefusal.of(SearchRefusal.Problem.BAD_PAGE_NUMBER, query.page()));
    }
    if (query.page() > MAX_SEARCH_PAGE) {
      return new SearchOutcome.Refused(
          SearchRefusal.of(SearchRefusal.Problem.TOO_DEEP, MAX_SEARCH_PAGE, query.page()));
    }
    Optional<SearchIndexing> indexing = search.filter(SearchIndexing::isReady);
    if (indexing.isEmpty()) {
      return new SearchOutcome.NotReady();
    }
    SearchRequest request =
        new SearchRequest(
            query.text(),
            query.language(),
            query.section(),
            query.profile(),
            query.from(),
            query.to(),
            query.newestFirst() ? SearchRequest.Order.NEWEST : SearchRequest.Order.RELEVANCE,
            (query.page() - 1) * SEARCH_PAGE_SIZE,
            SEARCH_PAGE_SIZE);
    SearchResults results;
    long start = System.nanoTime();
    try {
      Optional<SearchResults> found = indexing.get().find(request);
      searchTimer.ifPresent(t -> t.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
      if (found.isEmpty()) {
        return new SearchOutcome.NotReady();
      }
      results = found.get();
    } catch (InvalidSearch e) {
      return new SearchOutcome.Refused(e.refusal());
    }
    int last =
        (int)
            Math.max(
                1,
                Math.min(
                    MAX_SEARCH_PAGE, (results.total() + SEARCH_PAGE_SIZE - 1) / SEARCH_PAGE_SIZE));
    List<SearchHit> hits =
        results.hits().stream()
            .map(hit -> new SearchHit(hit.item(), hit.headline(), hit.snippet()))
            .toList();
    return new SearchOutcome.Found(
        new SearchPage(hits, results.total(), results.exact(), new Pagination(query.page(), last)));
  }

  /** The newest briefs of a section, newest first: the "Section in Brief" rail. */
  public List<ItemSummary> briefRail(Language language, Slug section) {
    return remember(
        "rail:" + language + ":" + section,
        () -> items.list(Listing.of(language, RAIL_SIZE).inSection(section).only(Profile.BRIEF)));
  }

  /** One page of a tag, person, organisation, place or author's items, or empty. */
  public Optional<SubjectPage> subjectPage(
      Language language, SubjectKind kind, Slug slug, int page) {
    if (page < 1 || page > MAX_PAGE) {
      return Optional.empty();
    }
    return items
        .findSubject(language, kind, slug)
        .flatMap(
            subject -> {
              Listing listing = Listing.of(language, PAGE_SIZE).about(kind, slug);
              int last = lastPage(items.count(listing));
              if (page > last) {
                return Optional.empty();
              }
              return Optional.of(
                  new SubjectPage(
                      subject,
                      language,
                      sections(language),
                      items.list(listing.page(page)),
                      new Pagination(page, last)));
            });
  }

  /** Items in a feed: the newest this many. */
  public static final int FEED_SIZE = 30;

  /** URLs in one sitemap file, the most the sitemap protocol allows. */
  public static final int SITEMAP_SIZE = 50_000;

  /** An edition's feed: its newest items in full. */
  public Views.Feed feed(Language language) {
    return feedOf(
        new Views.FeedScope(Optional.of(language), Optional.empty(), Optional.empty()),
        () -> items.list(Listing.of(language, FEED_SIZE)));
  }

  /** The whole site's feed, every edition together. */
  public Views.Feed feed() {
    return feedOf(
        Views.FeedScope.everything(), () -> items.listRecent(java.time.Instant.EPOCH, FEED_SIZE));
  }

  /** A section's feed, or empty when the edition has no such section. */
  public Optional<Views.Feed> sectionFeed(Language language, Slug slug) {
    return items
        .findSection(language, slug)
        .map(
            section ->
                feedOf(
                    new Views.FeedScope(
                        Optional.of(language), Optional.of(section), Optional.empty()),
                    () -> items.list(Listing.of(language, FEED_SIZE).inSection(slug))));
  }

  /** A tag's, person's, organisation's, place's or author's feed, or empty when unknown. */
  public Optional<Views.Feed> subjectFeed(Language language, SubjectKind kind, Slug slug) {
    return items
        .findSubject(language, kind, slug)
        .map(
            subject ->
                feedOf(
                    new Views.FeedScope(
                        Optional.of(language), Optional.empty(), Optional.of(subject)),
                    () -> items.list(Listing.of(language, FEED_SIZE).about(kind, slug))));
  }

  private Views.Feed feedOf(Views.FeedScope scope, Supplier<List<ItemSummary>> newest) {
    List<Item> full = new ArrayList<>();
    java.time.Instant updated = java.time.Instant.EPOCH;
    for (ItemSummary summary : newest.get()) {
      Optional<Item> item =
          remember("item:" + summary.id().value(), () -> items.find(summary.id()));
      if (item.isPresent() && item.get().status() instanceof Status.Published) {
        full.add(item.get());
        if (item.get().updated().isAfter(updated)) {
          updated = item.get().updated();
        }
      }
    }
    List<Long> pictures = new ArrayList<>();
    full.forEach(item -> item.copy().figures().forEach(f -> pictures.add(f.picture())));
    return new Views.Feed(scope, full, updated, items.art(pictures));
  }

  /** How many sitemap files the published items need (at least one). */
  public int sitemapPages() {
    return remember(
        "sitemap-pages",
        () -> Math.max(1, (items.countPublished() + SITEMAP_SIZE - 1) / SITEMAP_SIZE));
  }

  /** One sitemap file's items, in id order; empty when there is no such page. */
  public List<ItemAddress> sitemap(int page) {
    if (page < 1 || page > sitemapPages()) {
      return List.of();
    }
    return items.listAddresses((page - 1) * SITEMAP_SIZE, SITEMAP_SIZE);
  }

  /** Items first published since {@code since}, every edition, newest first: Google News. */
  public List<ItemSummary> publishedSince(java.time.Instant since, int limit) {
    return items.listRecent(since, limit);
  }

  /** One page of published items matching the query; the next page starts after its last. */
  public Views.ItemsPage items(Views.ItemQuery query) {
    Listing listing = Listing.of(query.language(), query.limit() + 1);
    if (query.section().isPresent()) {
      listing = listing.inSection(query.section().get());
    }
    if (query.profile().isPresent()) {
      listing = listing.only(query.profile().get());
    }
    if (query.kind().isPresent() && query.subject().isPresent()) {
      listing = listing.about(query.kind().get(), query.subject().get());
    }
    if (query.after().isPresent()) {
      listing =
          listing.after(
              new Listing.Position(query.after().get().firstPublished(), query.after().get().id()));
    }
    List<ItemSummary> found = items.list(listing);
    if (found.size() <= query.limit()) {
      return new Views.ItemsPage(found, Optional.empty());
    }
    List<ItemSummary> page = found.subList(0, query.limit());
    ItemSummary last = page.getLast();
    return new Views.ItemsPage(
        List.copyOf(page),
        Optional.of(
            new Views.Cursor(last.firstPublished().orElse(java.time.Instant.EPOCH), last.id())));
  }

  /** The subjects of a kind in an edition, in slug order, after {@code afterSlug}. */
  public List<Views.SubjectEntry> subjects(
      Language language, SubjectKind kind, Optional<Slug> afterSlug, int limit) {
    return items.listSubjects(language, kind, afterSlug, limit).stream()
        .map(c -> new Views.SubjectEntry(c.subject(), c.items()))
        .toList();
  }

  /** What pages need to show the library pictures the item shows, by picture id. */
  public Map<Long, news.masthead.content.Art> art(Item item) {
    return items.art(item.copy().figures().stream().map(Figure::picture).toList());
  }

  /** An item by id, whatever its status (the API says 410 or 404 itself). */
  public Optional<Item> find(ItemId id) {
    return remember("item:" + id.value(), () -> items.find(id));
  }

  /** Whether anything at all has been saved, published or not. */
  public boolean hasAnyItem() {
    return remember("any", () -> items.countAll() > 0);
  }

  private static int lastPage(int count) {
    return Math.max(1, Math.min(MAX_PAGE, (count + PAGE_SIZE - 1) / PAGE_SIZE));
  }

  /** Computes a shared listing once per version; an entry from an older version is ignored. */
  @SuppressWarnings("unchecked")
  private <T> T remember(String key, Supplier<T> compute) {
    long current = version;
    Remembered cached = shared.get(key);
    if (cached != null && cached.version() == current) {
      return (T) cached.value();
    }
    T value = compute.get();
    if (shared.size() >= MAX_REMEMBERED) {
      shared.clear();
    }
    shared.put(key, new Remembered(current, value));
    return value;
  }

  private record Remembered(long version, Object value) {}
}
