package news.masthead.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import news.masthead.content.Copy;
import news.masthead.content.DeskItem;
import news.masthead.content.DeskLine;
import news.masthead.content.EditConflict;
import news.masthead.content.EditionPaths;
import news.masthead.content.Item;
import news.masthead.content.ItemSummary;
import news.masthead.content.Language;
import news.masthead.content.Profile;
import news.masthead.content.SavedRevision;
import news.masthead.content.Slug;
import news.masthead.content.Status;
import news.masthead.content.SubjectKind;
import news.masthead.content.Teaser;
import news.masthead.testing.Copies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every database behind {@link ItemStore} must do, run once per database: SQLite ({@link
 * SqliteItemStoreTest}) and PostgreSQL ({@link PostgresItemStoreTest}).
 */
abstract class ItemStoreContract {
  private static final EditionPaths PATHS =
      EditionPaths.standard(List.of(Language.ENGLISH, Language.PERSIAN));

  Database database;
  ItemStore items;

  /** A fresh, empty database for one test; it fails, naming what is missing, when it cannot. */
  abstract Database openDatabase();

  /** Releases what {@link #openDatabase} made; called only when it succeeded. */
  void closeDatabase() {
    database.close();
  }

  @BeforeEach
  void open() {
    database = openDatabase();
    items = new ItemStore(database);
  }

  @AfterEach
  void close() {
    // When opening failed there is nothing to release, and its failure is the one to report.
    if (database != null) {
      closeDatabase();
    }
  }

  static NewRevision revision(String uri, Copy copy, Status status, String at) {
    Instant when = Instant.parse(at);
    return new NewRevision(
        uri,
        OptionalInt.empty(),
        copy,
        status,
        Slug.of(copy.headline(), "item"),
        Teaser.of(copy.body()),
        status instanceof Status.Published ? Optional.of(when) : Optional.empty(),
        when,
        "test");
  }

  static NewRevision published(String uri, Copy copy, String at) {
    return revision(uri, copy, new Status.Published(), at);
  }

  @Test
  void a_saved_story_reads_back_with_every_field_of_the_content_model() {
    Copy copy = Copies.story("Officials confirm the report", "Iran");
    SavedRevision saved = items.save(published("urn:test:1", copy, "2026-11-20T08:00:00Z"));

    Item item = items.find(saved.id()).orElseThrow();

    assertThat(saved.created()).isTrue();
    assertThat(saved.revision()).isEqualTo(1);
    assertThat(item.copy()).isEqualTo(copy);
    assertThat(item.uri()).isEqualTo("urn:test:1");
    assertThat(item.status()).isEqualTo(new Status.Published());
    assertThat(item.slug().value()).isEqualTo("officials-confirm-the-report");
    assertThat(item.firstPublished()).contains(Instant.parse("2026-11-20T08:00:00Z"));
    assertThat(items.findByUri("urn:test:1")).contains(item);
  }

  @Test
  void saving_the_same_uri_again_makes_a_new_revision_and_keeps_the_old_one() {
    Copy first = Copies.story("First headline", "Iran");
    Copy second = Copies.story("Second headline", "Iran");
    SavedRevision one = items.save(published("urn:test:2", first, "2026-11-20T08:00:00Z"));
    SavedRevision two = items.save(published("urn:test:2", second, "2026-11-21T08:00:00Z"));

    assertThat(two.id()).isEqualTo(one.id());
    assertThat(two.revision()).isEqualTo(2);
    assertThat(two.created()).isFalse();
    assertThat(items.countAll()).isEqualTo(1);
    assertThat(items.find(one.id()).orElseThrow().copy().headline()).isEqualTo("Second headline");
    assertThat(items.history(one.id()))
        .extracting(ItemStore.RevisionEntry::number)
        .containsExactly(1, 2);
  }

  @Test
  void first_published_never_moves_when_a_later_revision_is_saved() {
    items.save(published("urn:test:3", Copies.story("A", "Iran"), "2026-11-20T08:00:00Z"));
    SavedRevision later =
        items.save(published("urn:test:3", Copies.story("B", "Iran"), "2026-11-22T08:00:00Z"));

    Item item = items.find(later.id()).orElseThrow();

    assertThat(item.firstPublished()).contains(Instant.parse("2026-11-20T08:00:00Z"));
    assertThat(item.updated()).isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));
  }

  @Test
  void a_save_based_on_an_old_revision_is_refused_and_writes_nothing() {
    items.save(published("urn:test:4", Copies.story("Original", "Iran"), "2026-11-20T08:00:00Z"));
    items.save(
        published(
            "urn:test:4", Copies.story("Someone else's edit", "Iran"), "2026-11-20T09:00:00Z"));
    NewRevision stale =
        published("urn:test:4", Copies.story("My edit", "Iran"), "2026-11-20T10:00:00Z");
    NewRevision basedOnOne =
        new NewRevision(
            stale.uri(),
            OptionalInt.of(1),
            stale.copy(),
            stale.status(),
            stale.slug(),
            stale.teaser(),
            stale.firstPublished(),
            stale.savedAt(),
            "editor");
    long changesBefore = items.latestChange();

    assertThatThrownBy(() -> items.save(basedOnOne))
        .isInstanceOf(EditConflict.class)
        .hasMessageContaining("based on revision 1 but the latest is 2");
    assertThat(items.findByUri("urn:test:4").orElseThrow().copy().headline())
        .isEqualTo("Someone else's edit");
    assertThat(items.latestChange()).isEqualTo(changesBefore);
  }

  @Test
  void listings_are_newest_first_and_narrow_by_section_profile_and_subject() {
    items.save(published("urn:a", Copies.story("Oldest story", "Iran"), "2026-11-01T08:00:00Z"));
    items.save(published("urn:b", Copies.story("Newest story", "Iran"), "2026-11-03T08:00:00Z"));
    items.save(published("urn:c", Copies.story("Iraq story", "Iraq"), "2026-11-02T08:00:00Z"));
    items.save(
        published("urn:d", Copies.brief("A brief", "Iran", "Brief text."), "2026-11-04T08:00:00Z"));

    Listing english = Listing.of(Language.ENGLISH, 10);

    assertThat(items.list(english))
        .extracting(ItemSummary::headline)
        .containsExactly("A brief", "Newest story", "Iraq story", "Oldest story");
    assertThat(items.list(english.inSection(new Slug("iran")).only(Profile.STORY)))
        .extracting(ItemSummary::headline)
        .containsExactly("Newest story", "Oldest story");
    assertThat(items.list(english.only(Profile.BRIEF)))
        .extracting(ItemSummary::headline)
        .containsExactly("A brief");
    assertThat(items.list(english.about(SubjectKind.TAG, new Slug("water"))))
        .extracting(ItemSummary::headline)
        .containsExactly("Newest story", "Iraq story", "Oldest story");
    assertThat(items.list(english.about(SubjectKind.AUTHOR, new Slug("sara-example")))).hasSize(3);
    assertThat(items.count(english.inSection(new Slug("iran")))).isEqualTo(3);
    assertThat(items.list(Listing.of(Language.ENGLISH, 2).page(2)))
        .extracting(ItemSummary::headline)
        .containsExactly("Iraq story", "Oldest story");
  }

  @Test
  void items_that_are_not_published_are_never_listed() {
    items.save(
        revision(
            "urn:draft",
            Copies.story("Draft", "Iran"),
            new Status.Draft(),
            "2026-11-01T08:00:00Z"));
    items.save(
        revision(
            "urn:withheld",
            Copies.story("Withheld", "Iran"),
            new Status.Withheld(),
            "2026-11-01T08:00:00Z"));
    items.save(published("urn:gone", Copies.story("Gone", "Iran"), "2026-11-01T08:00:00Z"));
    items.save(
        revision(
            "urn:gone",
            Copies.story("Gone", "Iran"),
            new Status.Retracted("Withdrawn."),
            "2026-11-02T08:00:00Z"));

    assertThat(items.list(Listing.of(Language.ENGLISH, 10))).isEmpty();
    assertThat(items.sections(Language.ENGLISH)).isEmpty();
    assertThat(items.findByUri("urn:gone").orElseThrow().status())
        .isEqualTo(new Status.Retracted("Withdrawn."));
  }

  @Test
  void a_batch_keeps_every_good_revision_when_one_fails() {
    Copy good = Copies.story("Good", "Iran");
    items.save(published("urn:batch:1", good, "2026-11-01T08:00:00Z"));
    NewRevision staleEdit =
        new NewRevision(
            "urn:batch:1",
            OptionalInt.of(5),
            Copies.story("Stale", "Iran"),
            new Status.Published(),
            new Slug("stale"),
            Teaser.of(good.body()),
            Optional.empty(),
            Instant.parse("2026-11-02T08:00:00Z"),
            "editor");
    List<ItemStore.Outcome> seen = new ArrayList<>();

    List<ItemStore.Outcome> outcomes =
        items.saveAll(
            Stream.of(
                    published("urn:batch:2", good, "2026-11-01T08:00:00Z"),
                    staleEdit,
                    published("urn:batch:3", good, "2026-11-01T08:00:00Z"))
                .map(PreparedRevision::of)
                .toList(),
            seen::add);

    assertThat(outcomes).hasSize(3).containsExactlyElementsOf(seen);
    assertThat(outcomes.get(0)).isInstanceOf(ItemStore.Outcome.Saved.class);
    assertThat(outcomes.get(1)).isInstanceOf(ItemStore.Outcome.Refused.class);
    assertThat(((ItemStore.Outcome.Refused) outcomes.get(1)).reason()).contains("urn:batch:1");
    assertThat(outcomes.get(2)).isInstanceOf(ItemStore.Outcome.Saved.class);
    assertThat(items.findByUri("urn:batch:2")).isPresent();
    assertThat(items.findByUri("urn:batch:3")).isPresent();
    Item untouched = items.findByUri("urn:batch:1").orElseThrow();
    assertThat(untouched.copy().headline()).isEqualTo("Good");
    assertThat(items.history(untouched.id())).hasSize(1);
  }

  @Test
  void a_draft_of_a_published_item_leaves_readers_at_the_published_revision_and_logs_nothing() {
    SavedRevision live =
        items.save(published("urn:desk", Copies.story("Live", "Iran"), "2026-11-01T08:00:00Z"));
    long logged = items.latestChange();

    SavedRevision draft =
        items.save(
            revision(
                "urn:desk",
                Copies.story("Edit in progress", "Iran"),
                new Status.Draft(),
                "2026-11-01T09:00:00Z"));

    assertThat(draft.revision()).isEqualTo(2);
    Item read = items.find(live.id()).orElseThrow();
    assertThat(read.copy().headline()).isEqualTo("Live");
    assertThat(read.revision()).isEqualTo(1);
    assertThat(read.updated()).isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
    assertThat(items.list(Listing.of(Language.ENGLISH, 10)))
        .extracting(ItemSummary::headline)
        .containsExactly("Live");
    assertThat(items.latestChange()).as("nothing public changed").isEqualTo(logged);
    DeskItem onDesk = items.findOnDesk(live.id()).orElseThrow();
    assertThat(onDesk.newest().copy().headline()).isEqualTo("Edit in progress");
    assertThat(onDesk.newest().status()).isEqualTo(new Status.Draft());
    assertThat(onDesk.hasUnpublishedEdit()).isTrue();
    assertThat(onDesk.createdBy()).isEqualTo("test");

    items.save(
        published("urn:desk", Copies.story("Edit in progress", "Iran"), "2026-11-01T10:00:00Z"));
    assertThat(items.find(live.id()).orElseThrow().copy().headline()).isEqualTo("Edit in progress");
    assertThat(items.latestChange()).isGreaterThan(logged);
    assertThat(items.findOnDesk(live.id()).orElseThrow().hasUnpublishedEdit()).isFalse();
  }

  @Test
  void the_desk_lists_items_by_the_status_of_their_newest_revision() {
    items.save(
        revision(
            "urn:d1", Copies.story("Mine", "Iran"), new Status.Draft(), "2026-11-01T08:00:00Z"));
    items.save(
        revision(
            "urn:d2",
            Copies.story("Waiting", "Iran"),
            new Status.Submitted(),
            "2026-11-01T09:00:00Z"));
    items.save(published("urn:d3", Copies.story("Out", "Iran"), "2026-11-01T10:00:00Z"));

    assertThat(
            items.listDesk(
                new ItemStore.DeskQuery(List.of(new Status.Submitted()), "", List.of(), 10)))
        .extracting(DeskLine::headline)
        .containsExactly("Waiting");
    assertThat(
            items.listDesk(
                new ItemStore.DeskQuery(
                    List.of(new Status.Draft(), new Status.Submitted()), "test", List.of(), 10)))
        .extracting(DeskLine::headline)
        .containsExactly("Waiting", "Mine");
    assertThat(
            items.listDesk(new ItemStore.DeskQuery(List.of(), "", List.of(new Slug("iraq")), 10)))
        .isEmpty();
  }

  @Test
  void desk_search_finds_words_in_the_body_and_the_byline_of_drafts_in_any_case() {
    items.save(
        revision(
            "urn:s1",
            Copies.brief("Dam levels", "Iran", "Reservoirs near Karaj fell to a record low."),
            new Status.Draft(),
            "2026-11-01T08:00:00Z"));
    items.save(
        revision(
            "urn:s2",
            Copies.brief("سد کرج", "Iran", "ذخایر آب سد کرج کم شد."),
            new Status.Draft(),
            "2026-11-01T09:00:00Z"));
    items.save(
        revision(
            "urn:s3",
            Copies.story("Water talks", "Iran"),
            new Status.Draft(),
            "2026-11-01T10:00:00Z"));

    assertThat(items.listDesk(query("KARAJ")))
        .extracting(DeskLine::headline)
        .containsExactly("Dam levels");
    assertThat(items.listDesk(query("کرج")))
        .extracting(DeskLine::headline)
        .containsExactly("سد کرج");
    assertThat(items.listDesk(query("omid sample")))
        .extracting(DeskLine::headline)
        .containsExactly("Water talks");
    assertThat(items.listDesk(query("yet to respond")))
        .extracting(DeskLine::headline)
        .containsExactly("Water talks");
    assertThat(items.listDesk(query("100%_"))).isEmpty();
    assertThat(items.listDesk(query("\"karaj"))).isEmpty();
    assertThat(items.listDesk(query("Kar")))
        .extracting(DeskLine::headline)
        .containsExactly("Dam levels");
    assertThat(items.listDesk(query("ka")))
        .extracting(DeskLine::headline)
        .containsExactly("Dam levels");

    items.save(
        revision(
            "urn:s1",
            Copies.brief("Dam levels", "Iran", "Reservoirs near Isfahan fell too."),
            new Status.Draft(),
            "2026-11-01T11:00:00Z"));
    assertThat(items.listDesk(query("karaj"))).isEmpty();
    assertThat(items.listDesk(query("isfahan")))
        .extracting(DeskLine::headline)
        .containsExactly("Dam levels");
  }

  private static ItemStore.DeskQuery query(String text) {
    return new ItemStore.DeskQuery(List.of(), "", List.of(), text, Optional.empty(), 10);
  }

  @Test
  void every_save_moves_the_change_log_forward() {
    long before = items.latestChange();
    items.save(published("urn:log", Copies.story("Logged", "Iran"), "2026-11-01T08:00:00Z"));
    long after = items.latestChange();
    items.save(published("urn:log", Copies.story("Logged again", "Iran"), "2026-11-01T09:00:00Z"));

    assertThat(after).isGreaterThan(before);
    assertThat(items.latestChange()).isGreaterThan(after);
  }

  @Test
  void a_persian_item_keeps_its_script_in_slugs_subjects_and_sections() {
    Copy persian =
        new Copy(
            Profile.STORY,
            Language.PERSIAN,
            "قطع شبانهٔ آب در تهران",
            "",
            news.masthead.content.Body.of(
                new news.masthead.content.Block.Paragraph(
                    List.of(
                        news.masthead.content.Inline.Text.plain("می‌خواهند آب را ذخیره کنند.")))),
            "لیلا نوابی",
            "تهران",
            new news.masthead.content.Section(new Slug("iran"), "ایران", Language.PERSIAN),
            List.of(news.masthead.content.Subject.named(SubjectKind.TAG, "آب")),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    SavedRevision saved = items.save(published("urn:fa:1", persian, "2026-11-01T08:00:00Z"));

    Item item = items.find(saved.id()).orElseThrow();

    assertThat(item.copy()).isEqualTo(persian);
    assertThat(PATHS.of(item)).startsWith("/fa/iran/" + saved.id() + "/");
    assertThat(items.sections(Language.PERSIAN)).extracting(s -> s.name()).containsExactly("ایران");
    assertThat(
            items.list(Listing.of(Language.PERSIAN, 5).about(SubjectKind.TAG, Slug.of("آب", "x"))))
        .hasSize(1);
    assertThat(items.list(Listing.of(Language.ENGLISH, 5))).isEmpty();
  }

  @Test
  void the_items_changed_since_a_position_come_once_each_at_their_latest_revision() {
    long before = items.latestChange();
    SavedRevision a =
        items.save(published("urn:changes:a", Copies.story("A", "Iran"), "2026-11-01T08:00:00Z"));
    items.save(published("urn:changes:b", Copies.story("B", "Iran"), "2026-11-02T08:00:00Z"));
    items.save(
        revision(
            "urn:changes:a",
            Copies.story("A retracted", "Iran"),
            new Status.Retracted("Gone"),
            "2026-11-03T08:00:00Z"));

    ItemStore.ChangedItems changed = items.listChangedSince(before, 100);

    assertThat(changed.through()).isEqualTo(items.latestChange());
    assertThat(changed.items())
        .extracting(Item::uri)
        .containsExactly("urn:changes:a", "urn:changes:b");
    Item first = changed.items().getFirst();
    assertThat(first.id()).isEqualTo(a.id());
    assertThat(first.status()).isEqualTo(new Status.Retracted("Gone"));
    assertThat(first.copy().headline()).isEqualTo("A retracted");
    assertThat(items.listChangedSince(changed.through(), 100).items()).isEmpty();
    assertThat(items.listChangedSince(changed.through(), 100).through())
        .isEqualTo(changed.through());
  }

  @Test
  void changes_are_read_a_batch_at_a_time_up_to_the_position_the_batch_reaches() {
    long before = items.latestChange();
    for (int i = 1; i <= 5; i++) {
      items.save(
          published("urn:batch:" + i, Copies.story("Batch " + i, "Iran"), "2026-11-01T08:00:00Z"));
    }

    ItemStore.ChangedItems first = items.listChangedSince(before, 2);
    ItemStore.ChangedItems second = items.listChangedSince(first.through(), 2);
    ItemStore.ChangedItems third = items.listChangedSince(second.through(), 2);

    assertThat(first.items()).extracting(Item::uri).containsExactly("urn:batch:1", "urn:batch:2");
    assertThat(second.items()).extracting(Item::uri).containsExactly("urn:batch:3", "urn:batch:4");
    assertThat(third.items()).extracting(Item::uri).containsExactly("urn:batch:5");
    assertThat(third.through()).isEqualTo(items.latestChange());
  }

  @Test
  void published_items_are_listed_page_by_page_in_id_order_and_counted() {
    SavedRevision one =
        items.save(published("urn:pub:1", Copies.story("One", "Iran"), "2026-11-01T08:00:00Z"));
    items.save(
        revision(
            "urn:pub:draft",
            Copies.story("Draft", "Iran"),
            new Status.Draft(),
            "2026-11-01T08:00:00Z"));
    SavedRevision two =
        items.save(published("urn:pub:2", Copies.story("Two", "Iran"), "2026-11-02T08:00:00Z"));
    SavedRevision three =
        items.save(published("urn:pub:3", Copies.story("Three", "Iran"), "2026-11-03T08:00:00Z"));

    List<Item> first = items.listPublished(0, 2);
    List<Item> rest = items.listPublished(first.getLast().id().value(), 2);

    assertThat(first).extracting(Item::id).containsExactly(one.id(), two.id());
    assertThat(rest).extracting(Item::id).containsExactly(three.id());
    assertThat(items.listPublished(three.id().value(), 2)).isEmpty();
    assertThat(items.countPublished()).isEqualTo(3);
  }
}
