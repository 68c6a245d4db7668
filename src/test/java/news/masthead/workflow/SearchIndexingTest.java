package news.masthead.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import news.masthead.content.Copy;
import news.masthead.content.ItemSummary;
import news.masthead.content.Language;
import news.masthead.content.SavedRevision;
import news.masthead.content.Status;
import news.masthead.search.SearchIndex;
import news.masthead.store.Database;
import news.masthead.store.ItemStore;
import news.masthead.testing.Copies;
import news.masthead.testing.ForeignIndexes;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search index follows the newsroom: what is published is found, what is corrected is found as
 * corrected, what is retracted is gone, whether saved here or by another process, and an index that
 * is missing, behind, foreign or unreadable at start is brought up to date without holding the
 * start up.
 */
class SearchIndexingTest {
  @TempDir Path dir;
  Database database;
  ItemStore items;
  Publishing publishing;
  Edition edition;

  @BeforeEach
  void open() {
    database = Database.openSqlite(dir.resolve("data"));
    items = new ItemStore(database);
    publishing = new Publishing(items, Clock.systemUTC());
    edition = new Edition(items);
    publishing.addListener(edition);
  }

  @AfterEach
  void close() {
    edition.stopSearch();
    database.close();
  }

  Views.SearchOutcome search(String text) {
    return search(edition, text);
  }

  static Views.SearchOutcome search(Edition edition, String text) {
    return edition.search(
        new Views.SearchQuery(
            text,
            Optional.of(Language.ENGLISH),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            false,
            1));
  }

  List<Views.SearchHit> hits(String text) {
    return search(text) instanceof Views.SearchOutcome.Found found
        ? found.page().hits()
        : List.of();
  }

  List<String> headlines(String text) {
    return hits(text).stream().map(h -> h.item().headline()).toList();
  }

  /** Starts the search index and waits until it answers, as a server's first minute does. */
  void startSearch(Supplier<SearchIndex> opener) {
    edition.startSearch(opener);
    try {
      within(10_000, () -> search("x"), o -> !(o instanceof Views.SearchOutcome.NotReady));
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  SavedRevision publish(String uri, Copy copy) {
    return publishing.save(Copies.published(uri, copy, "2026-11-24T10:00:00Z"));
  }

  static <T> T within(long millis, Supplier<T> value, java.util.function.Predicate<T> done)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    T current = value.get();
    while (!done.test(current) && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
      current = value.get();
    }
    return current;
  }

  @Test
  void a_published_brief_is_found_within_a_second_of_its_save() throws InterruptedException {
    startSearch(() -> SearchIndex.inMemory(database.description()));

    long start = System.nanoTime();
    publish(
        "urn:t:saffron", Copies.brief("Saffron harvest doubles", "Iran", "Farmers in Khorasan."));
    List<String> found = within(1000, () -> headlines("saffron"), l -> !l.isEmpty());

    assertThat(found).containsExactly("Saffron harvest doubles");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
  }

  @Test
  void a_retracted_or_withheld_item_disappears_from_the_results() {
    startSearch(() -> SearchIndex.inMemory(database.description()));
    Copy copy = Copies.brief("Saffron harvest doubles", "Iran", "Farmers in Khorasan.");
    publish("urn:t:retracted", copy);
    publish("urn:t:withheld", Copies.brief("Saffron prices", "Iran", "Traders in Mashhad."));
    assertThat(headlines("saffron")).hasSize(2);

    publishing.save(
        Copies.imported("urn:t:retracted", copy, new Status.Retracted("Wrong figures")));
    publishing.save(
        Copies.imported(
            "urn:t:withheld",
            Copies.brief("Saffron prices", "Iran", "Traders in Mashhad."),
            new Status.Withheld()));

    assertThat(headlines("saffron")).isEmpty();
  }

  @Test
  void a_correction_is_found_by_its_new_words_with_them_in_the_snippet() {
    startSearch(() -> SearchIndex.inMemory(database.description()));
    publish("urn:t:corrected", Copies.brief("Bridge reopens", "Iraq", "The bridge in Basra."));

    publish("urn:t:corrected", Copies.brief("Bridge reopens", "Iraq", "The bridge in Mosul."));

    assertThat(headlines("basra")).isEmpty();
    Views.SearchHit hit = hits("mosul").getFirst();
    assertThat(hit.snippet().plainText()).isEqualTo("The bridge in Mosul.");
    assertThat(hit.snippet().marked()).containsExactly("Mosul");
  }

  @Test
  void a_save_by_another_process_is_found_through_the_change_log() throws InterruptedException {
    startSearch(() -> SearchIndex.inMemory(database.description()));
    try (ChangeFollower follower = new ChangeFollower(items);
        Database other = Database.openSqlite(dir.resolve("data"))) {
      follower.addListener(edition);
      follower.start(100);
      new Publishing(new ItemStore(other), Clock.systemUTC())
          .save(
              Copies.published(
                  "urn:t:elsewhere",
                  Copies.brief("Pistachio exports", "Economy", "Saved elsewhere."),
                  "2026-11-24T10:00:00Z"));

      assertThat(within(2000, () -> headlines("pistachio"), l -> !l.isEmpty()))
          .containsExactly("Pistachio exports");
    }
  }

  @Test
  void a_missing_index_is_built_in_the_background_and_searches_say_so_meanwhile() throws Exception {
    // On PostgreSQL, where another connection's lock on the items table holds the build's reads
    // for as long as the test likes (SQLite never makes a reader wait): the build is then surely
    // under way, and not done, when the search is asked.
    String url = TestDatabases.createPostgres();
    try (Database postgres = Database.open(url);
        Connection lock = DriverManager.getConnection(url)) {
      ItemStore store = new ItemStore(postgres);
      Publishing saves = new Publishing(store, Clock.systemUTC());
      Edition building = new Edition(store);
      saves.addListener(building);
      List<news.masthead.workflow.Submission> many = new java.util.ArrayList<>();
      for (int i = 0; i < 600; i++) { // more than one batch, fewer than a total is counted to
        many.add(
            Copies.published(
                "urn:t:many:" + i,
                Copies.brief("Brief " + i + " on dates", "Iraq", "Date palms."),
                "2026-11-24T10:00:00Z"));
      }
      saves.saveAll(many, outcome -> {});
      long before = building.version();
      lock.setAutoCommit(false);
      lock.createStatement().execute("LOCK TABLE items IN ACCESS EXCLUSIVE MODE");
      try {
        building.startSearch(() -> SearchIndex.inMemory(postgres.description()));
        long waiting =
            within(
                10_000,
                () -> readsWaitingForTheItems(lock),
                n -> n > 0); // the build has begun and waits to read the items
        Views.SearchOutcome whileBuilding = search(building, "palms");
        lock.rollback();
        Views.SearchOutcome later =
            within(
                10_000,
                () -> search(building, "palms"),
                o -> o instanceof Views.SearchOutcome.Found);

        assertThat(waiting).as("reads of the items waiting for the lock").isPositive();
        assertThat(whileBuilding).isInstanceOf(Views.SearchOutcome.NotReady.class);
        assertThat(later).isInstanceOf(Views.SearchOutcome.Found.class);
        assertThat(((Views.SearchOutcome.Found) later).page().total()).isEqualTo(600);
        assertThat(
                search(building, "599") instanceof Views.SearchOutcome.Found found
                    ? found.page().hits().stream().map(h -> h.item().headline()).toList()
                    : List.of())
            .containsExactly("Brief 599 on dates");
        // the version moves just after searches find the new index (so no "not ready" page is
        // kept under the new version); a search may land between the two
        assertThat(within(2_000, building::version, v -> v > before)).isGreaterThan(before);
      } finally {
        lock.rollback(); // a build still waiting must be able to finish before it is stopped
        building.stopSearch();
      }
    } finally {
      TestDatabases.dropPostgres(url);
    }
  }

  /** Queries of other connections waiting for a lock on the items table, as PostgreSQL sees. */
  static long readsWaitingForTheItems(Connection lock) {
    try (var rows =
        lock.createStatement()
            .executeQuery(
                "SELECT count(*) FROM pg_locks"
                    + " WHERE relation = 'items'::regclass AND NOT granted")) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError("cannot read pg_locks", e);
    }
  }

  @Test
  void an_index_behind_the_database_catches_up_at_start_without_a_rebuild()
      throws InterruptedException {
    Path index = dir.resolve("index");
    startSearch(() -> SearchIndex.open(index, database.description()));
    publish("urn:t:before", Copies.brief("Pomegranate festival", "Iran", "Before the stop."));
    edition.stopSearch();
    long stoppedAt = items.latestChange();
    publish("urn:t:after", Copies.brief("Pomegranate prices", "Iran", "While it was stopped."));

    try (SearchIndex stopped = SearchIndex.open(index, database.description())) {
      assertThat(stopped.indexedThrough()).isEqualTo(stoppedAt);
    }
    startSearch(() -> SearchIndex.open(index, database.description()));

    assertThat(headlines("pomegranate"))
        .containsExactlyInAnyOrder("Pomegranate festival", "Pomegranate prices");
  }

  /** Publishes two items, then starts search on the index in {@code index} as a server would. */
  List<String> headlinesAfterStartingOn(Path index) {
    publish("urn:t:old:1", Copies.brief("Quince harvest begins", "Iran", "In Isfahan."));
    publish("urn:t:old:2", Copies.brief("Quince prices fall", "Iran", "In Tehran."));
    startSearch(() -> SearchIndex.open(index, database.description()));
    return headlines("quince");
  }

  @Test
  void an_index_written_by_an_earlier_versions_codec_is_rebuilt_at_start() throws Exception {
    Path index = dir.resolve("index");
    ForeignIndexes.writeWithCodecNamed(index, "Masthead2");

    assertThat(headlinesAfterStartingOn(index))
        .containsExactlyInAnyOrder("Quince harvest begins", "Quince prices fall");
  }

  @Test
  void a_damaged_index_is_rebuilt_at_start() throws Exception {
    Path index = dir.resolve("index");
    try (SearchIndex earlier = SearchIndex.open(index, database.description())) {
      earlier.commit();
    }
    ForeignIndexes.damage(index);

    assertThat(headlinesAfterStartingOn(index))
        .containsExactlyInAnyOrder("Quince harvest begins", "Quince prices fall");
  }

  @Test
  void opening_the_index_happens_in_the_background() throws InterruptedException {
    java.util.concurrent.CountDownLatch mayOpen = new java.util.concurrent.CountDownLatch(1);
    edition.startSearch(
        () -> {
          try {
            // were startSearch to open the index itself, this would hold it (and the test) 10 s
            mayOpen.await(10, java.util.concurrent.TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return SearchIndex.inMemory(database.description());
        });

    Views.SearchOutcome whileOpening = search("oil");
    mayOpen.countDown();

    assertThat(whileOpening).isInstanceOf(Views.SearchOutcome.NotReady.class);
    assertThat(within(10_000, () -> search("oil"), o -> o instanceof Views.SearchOutcome.Found))
        .isInstanceOf(Views.SearchOutcome.Found.class);
  }

  @Test
  void a_story_page_lists_related_items_from_the_index() {
    startSearch(() -> SearchIndex.inMemory(database.description()));
    SavedRevision shown =
        publish(
            "urn:t:related:1",
            Copies.brief("Drought empties the reservoirs", "Iran", "Reservoirs and dams run dry."));
    publish(
        "urn:t:related:2",
        Copies.brief("Dams at record lows", "Iraq", "The reservoirs behind the dams are low."));
    publish("urn:t:related:3", Copies.brief("Gold prices", "Economy", "Savers buy gold coins."));

    Views.ItemLookup lookup = edition.item(shown.id());

    assertThat(lookup).isInstanceOf(Views.ItemLookup.Found.class);
    List<ItemSummary> related = ((Views.ItemLookup.Found) lookup).page().related();
    assertThat(related).extracting(ItemSummary::headline).containsExactly("Dams at record lows");
  }

  @Test
  void a_search_that_cannot_run_is_refused_with_the_reason() {
    startSearch(() -> SearchIndex.inMemory(database.description()));

    assertThat(search("*oil"))
        .isInstanceOfSatisfying(
            Views.SearchOutcome.Refused.class,
            r -> assertThat(r.reason()).contains("cannot begin with *"));
  }

  @Test
  void without_a_search_index_searches_say_it_is_not_ready() {
    assertThat(search("oil")).isInstanceOf(Views.SearchOutcome.NotReady.class);
  }
}
