package news.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.masthead.content.EditionPaths;
import news.masthead.content.Item;
import news.masthead.content.ItemSummary;
import news.masthead.content.Language;
import news.masthead.content.Profile;
import news.masthead.content.Slug;
import news.masthead.content.Snippet;
import news.masthead.content.Status;
import news.masthead.testing.ForeignIndexes;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The index on its own: what a search finds, how it is marked, filtered, ordered and sliced. */
class SearchIndexTest {
  private static final EditionPaths PATHS =
      EditionPaths.standard(List.of(Language.ENGLISH, Language.PERSIAN));

  SearchIndex index;

  @BeforeEach
  void fill() {
    index = SearchIndex.inMemory("test");
    index.update(
        List.of(
            Items.story(
                1,
                "Tehran suburbs face nightly water cuts",
                "Iran",
                "Reservoirs behind the dams fell to record lows this week. Officials said the"
                    + " water cuts would last until the rains.",
                "2026-11-23T07:40:00Z"),
            Items.story(
                2,
                "Parliament delays vote on election law",
                "Iraq",
                "The elections commission asked for more time. Cuts to its budget, and water"
                    + " shortages in the south, were also debated.",
                "2026-11-21T16:45:00Z"),
            Items.brief(
                3,
                "Gold coin prices jump",
                "Economy",
                "Savers sought a hedge as the rial slid against the dollar.",
                "2026-11-24T09:20:00Z"),
            Items.persian(
                4,
                "کتاب\u200Cخانهٔ ملی در کرمان",
                "ایران",
                "تولید خودرو در سال ۱۴۰۳ به ٢٠٠ هزار دستگاه رسید و کارخانه‌ها گسترش یافتند.",
                "2026-11-22T08:00:00Z")),
        4);
  }

  @AfterEach
  void close() {
    index.close();
  }

  List<String> headlines(SearchRequest request) {
    return index.find(request).hits().stream().map(h -> h.item().headline()).toList();
  }

  List<String> headlines(String text) {
    return headlines(SearchRequest.of(text));
  }

  @Test
  void an_item_is_found_by_a_word_of_its_headline_or_its_text() {
    assertThat(headlines("suburbs")).containsExactly("Tehran suburbs face nightly water cuts");
    assertThat(headlines("reservoirs")).containsExactly("Tehran suburbs face nightly water cuts");
    assertThat(headlines("hedge")).containsExactly("Gold coin prices jump");
  }

  @Test
  void every_word_must_be_found_and_english_words_match_their_other_forms() {
    assertThat(headlines("election commission"))
        .containsExactly("Parliament delays vote on election law");
    assertThat(headlines("elections")).containsExactly("Parliament delays vote on election law");
    assertThat(headlines("election gold")).isEmpty();
  }

  @Test
  void a_result_reads_back_as_a_summary_that_links_to_the_item() {
    ItemSummary item = index.find(SearchRequest.of("gold")).hits().getFirst().item();

    assertThat(item.profile()).isEqualTo(Profile.BRIEF);
    assertThat(item.section().name()).isEqualTo("Economy");
    assertThat(PATHS.of(item)).isEqualTo("/economy/3/gold-coin-prices-jump");
    assertThat(item.firstPublished()).contains(Instant.parse("2026-11-24T09:20:00Z"));
  }

  @Test
  void a_phrase_matches_its_words_in_order_only() {
    assertThat(headlines("\"water cuts\""))
        .containsExactly("Tehran suburbs face nightly water cuts");
    assertThat(headlines("water cuts")).hasSize(2);
  }

  @Test
  void a_word_ending_in_a_star_finds_the_words_that_begin_with_it() {
    assertThat(headlines("reserv*")).containsExactly("Tehran suburbs face nightly water cuts");
    assertThat(headlines("parlia*")).containsExactly("Parliament delays vote on election law");
  }

  @Test
  void a_word_after_a_minus_or_not_is_left_out_and_or_finds_either() {
    assertThat(headlines("water -tehran"))
        .containsExactly("Parliament delays vote on election law");
    assertThat(headlines("water NOT tehran"))
        .containsExactly("Parliament delays vote on election law");
    assertThat(headlines("gold OR parliament")).hasSize(2);
  }

  @Test
  void the_matched_words_are_marked_in_the_headline_and_the_snippet() {
    SearchResults.Hit hit = index.find(SearchRequest.of("reservoirs")).hits().getFirst();

    assertThat(hit.snippet().marked()).containsExactly("Reservoirs");
    assertThat(hit.snippet().plainText()).startsWith("Reservoirs behind the dams");
    assertThat(hit.headline().marked()).isEmpty();
    assertThat(hit.headline().plainText()).isEqualTo("Tehran suburbs face nightly water cuts");

    SearchResults.Hit both = index.find(SearchRequest.of("\"water cuts\"")).hits().getFirst();
    assertThat(both.headline().marked()).containsExactly("water cuts");
    assertThat(both.snippet().marked()).containsExactly("water cuts");
  }

  @Test
  void every_result_of_a_page_has_its_own_matches_marked_across_segments_and_orders(
      @TempDir Path dir) throws java.io.IOException {
    // Each update is a segment of its own. The second segment's first matches come after as many
    // documents as the first segment holds, so the highlighter's next document there is further on
    // than its last one in the first segment; reports 11-14 match nothing.
    List<List<String>> segments =
        List.of(
            List.of("the dam held.", "the dam held. Drought again.", "Drought again."),
            List.of("", "", "", "", "the dam held.", "Drought again.", "the dam held. Drought."),
            List.of("Drought again.", "the dam held."));
    Map<Integer, List<String>> expected = new HashMap<>();
    try (SearchIndex disk = SearchIndex.open(dir, "db")) {
      int id = 10;
      for (int segment = 0; segment < segments.size(); segment++) {
        List<Item> items = new ArrayList<>();
        for (String words : segments.get(segment)) {
          id++;
          items.add(
              Items.story(
                  id,
                  "Report " + id,
                  "Iran",
                  "Filler " + "word ".repeat(id % 5) + "sentence. " + words + " Number " + id + ".",
                  "2026-10-%02dT08:00:00Z".formatted(id)));
          List<String> marks = new ArrayList<>();
          if (words.contains("dam")) {
            marks.add("dam");
          }
          if (words.contains("Drought")) {
            marks.add("Drought");
          }
          if (!marks.isEmpty()) {
            expected.put(id, marks);
          }
        }
        disk.update(items, segment + 1);
      }
      disk.commit();
      assertThat(committedSegments(dir)).isEqualTo(3);

      for (String words : List.of("dam OR drought", "da* OR drou*")) {
        for (SearchRequest.Order order : SearchRequest.Order.values()) {
          List<SearchResults.Hit> hits =
              disk.find(SearchRequest.of(words).ordered(order).slice(0, 30)).hits();

          assertThat(hits).hasSize(expected.size());
          for (SearchResults.Hit hit : hits) {
            int report = Integer.parseInt(hit.item().headline().substring("Report ".length()));
            assertThat(hit.snippet().marked())
                .as("report %d, %s, %s", report, words, order)
                .isEqualTo(expected.get(report));
          }
        }
      }
    }
  }

  @Test
  void a_prefix_that_matches_hundreds_of_words_still_has_them_marked() {
    StringBuilder words = new StringBuilder("Sanctions listed ");
    for (int i = 0; i < Snippets.MOST_PREFIX_TERMS + 50; i++) {
      words.append("zulu").append(Integer.toString(i, 26).replace('0', 'x')).append(' ');
    }
    index.update(
        List.of(Items.story(9, "Codes", "Iran", words + "today.", "2026-11-20T08:00:00Z")), 9);

    SearchResults.Hit hit = index.find(SearchRequest.of("zulu*")).hits().getFirst();

    assertThat(hit.snippet().marked()).isNotEmpty().allMatch(w -> w.startsWith("zulu"));
  }

  @Test
  void a_match_beyond_the_first_twenty_thousand_characters_finds_the_item_but_is_not_marked() {
    String filler = "Nothing of note happened on this quiet day in the provinces. ";
    String text = filler.repeat(Snippets.MOST_CHARS / filler.length() + 1) + "Saffron prices rose.";
    index.update(
        List.of(Items.story(9, "A very long report", "Iran", text, "2026-11-01T08:00:00Z")), 5);

    SearchResults.Hit hit = index.find(SearchRequest.of("saffron")).hits().getFirst();

    assertThat(hit.item().headline()).isEqualTo("A very long report");
    assertThat(hit.snippet().marked()).isEmpty();
    assertThat(hit.snippet().plainText()).startsWith("Nothing of note happened");
  }

  /** Indexes one story of {@code text} and searches it for "saffron": its snippet. */
  private Snippet saffronSnippetOf(String headline, String text) {
    index.update(List.of(Items.story(9, headline, "Iran", text, "2026-11-01T08:00:00Z")), 5);
    return index.find(SearchRequest.of("saffron")).hits().getFirst().snippet();
  }

  @Test
  void a_long_text_is_cut_to_a_passage_around_the_match() {
    String filler = "Nothing of note happened on this quiet day in the provinces. ".repeat(40);
    Snippet snippet =
        saffronSnippetOf(
            "A long report", filler + "The saffron harvest was the best in years. " + filler);

    assertThat(snippet.marked()).containsExactly("saffron");
    assertThat(snippet.plainText()).startsWith("… ").endsWith(" …");
    assertThat(snippet.plainText().length()).isLessThan(Snippets.LENGTH + 200);
  }

  @Test
  void a_match_far_into_a_text_gets_whole_sentences_around_it() {
    String filler = "Nothing of note happened on this quiet day in the provinces. ".repeat(60);
    Snippet snippet =
        saffronSnippetOf(
            "A long report", filler + "The saffron harvest was the best in years. " + filler);

    assertThat(filler.length()).isGreaterThan(Snippets.LEAD + Snippets.WINDOW);
    assertThat(snippet.plainText())
        .as("whole sentences around the match, as the whole text would give")
        .isEqualTo(
            "… Nothing of note happened on this quiet day in the provinces."
                + " The saffron harvest was the best in years."
                + " Nothing of note happened on this quiet day in the provinces. …");
  }

  @Test
  void a_match_deep_in_one_long_sentence_keeps_a_few_words_before_it_and_none_cut() {
    String words = "and the long list of ministers went on ".repeat(40);
    Snippet snippet =
        saffronSnippetOf(
            "A long sentence",
            "It began " + words + "until saffron came up " + words + "and ended.");

    String text = snippet.plainText();
    assertThat(text).startsWith("… ").endsWith(" …").contains("until saffron came up");
    String before = text.substring(2, text.indexOf("saffron"));
    assertThat(before.length()).isBetween(1, 80);
    assertThat(words).as("whole words before the match").contains(before.replace("until ", ""));
  }

  @Test
  void a_snippet_is_the_best_passage_near_the_first_match_though_later_text_holds_more() {
    String filler = "Nothing of note happened on this quiet day in the provinces. ".repeat(50);
    Snippet snippet =
        saffronSnippetOf(
            "A long report",
            "Saffron growers met in Mashhad. "
                + filler
                + "Saffron, saffron and more saffron filled the market.");

    assertThat(snippet.marked()).containsExactly("Saffron");
    assertThat(snippet.plainText()).startsWith("Saffron growers met in Mashhad.");
  }

  @Test
  void a_persian_match_far_into_a_long_text_is_marked_there() {
    String filler = "امروز در شهر خبر تازه‌ای نبود و بازار آرام بود. ".repeat(60);
    index.update(
        List.of(
            Items.persian(
                9,
                "گزارشی بلند",
                "Iran",
                filler + "برداشت زعفران امسال بهترین بود. " + filler,
                "2026-11-01T08:00:00Z")),
        5);

    Snippet snippet =
        index.find(SearchRequest.of("زعفران").in(Language.PERSIAN)).hits().getFirst().snippet();

    assertThat(filler.length()).isGreaterThan(Snippets.WINDOW);
    assertThat(snippet.marked()).containsExactly("زعفران");
  }

  @Test
  void a_snippet_that_reaches_the_end_of_its_text_does_not_say_it_goes_on() {
    Snippet snippet =
        saffronSnippetOf(
            "A short report",
            "The \u201Csaffron\u201D harvest \u2014 the best in years \u2014 ended.");

    assertThat(snippet.plainText())
        .isEqualTo("The \u201Csaffron\u201D harvest \u2014 the best in years \u2014 ended.");
  }

  @Test
  void a_text_is_decoded_only_as_far_as_its_snippet_needs_and_never_inside_a_character() {
    BytesRef utf8 = new BytesRef("Saffron \u2014 \uD83C\uDF3E زعفران");

    assertThat(Snippets.decode(utf8, 7)).isEqualTo("Saffron");
    assertThat(Snippets.decode(utf8, 9)).isEqualTo("Saffron \u2014");
    assertThat(Snippets.decode(utf8, 11))
        .as("a character beyond the BMP stays whole")
        .isEqualTo("Saffron \u2014 \uD83C\uDF3E");
    assertThat(Snippets.decode(utf8, 15)).isEqualTo("Saffron \u2014 \uD83C\uDF3E زع");
    assertThat(Snippets.decode(utf8, 1_000)).isEqualTo(utf8.utf8ToString());
  }

  @Test
  void text_that_looks_like_markup_stays_plain_text_in_the_snippet() {
    index.update(
        List.of(
            Items.story(
                10,
                "<script>alert(1)</script> Oil talks",
                "Iran",
                "The <b>oil</b> talks & \"quotes\" continued.",
                "2026-11-01T08:00:00Z")),
        5);

    SearchResults.Hit hit = index.find(SearchRequest.of("oil")).hits().getFirst();

    assertThat(hit.headline().plainText()).isEqualTo("<script>alert(1)</script> Oil talks");
    assertThat(hit.headline().marked()).containsExactly("Oil");
    assertThat(hit.snippet().plainText()).contains("<b>", "&", "\"quotes\"");
  }

  @Test
  void persian_yeh_kaf_digits_and_the_zero_width_non_joiner_all_match_their_other_forms() {
    String headline = "کتاب\u200Cخانهٔ ملی در کرمان";

    assertThat(headlines(SearchRequest.of("کتابخانه").in(Language.PERSIAN)))
        .containsExactly(headline);
    assertThat(headlines(SearchRequest.of("کتاب\u200Cخانه").in(Language.PERSIAN)))
        .containsExactly(headline);
    assertThat(headlines(SearchRequest.of("کتاب خانه").in(Language.PERSIAN)))
        .containsExactly(headline);
    assertThat(headlines(SearchRequest.of("\"کتاب خانه\"").in(Language.PERSIAN)))
        .containsExactly(headline);
    assertThat(headlines(SearchRequest.of("كرمان").in(Language.PERSIAN))).containsExactly(headline);
    assertThat(headlines(SearchRequest.of("ملي").in(Language.PERSIAN))).containsExactly(headline);
    assertThat(headlines(SearchRequest.of("1403").in(Language.PERSIAN))).containsExactly(headline);
    assertThat(headlines(SearchRequest.of("١٤٠٣").in(Language.PERSIAN))).containsExactly(headline);
    assertThat(headlines(SearchRequest.of("۲۰۰").in(Language.PERSIAN))).containsExactly(headline);
  }

  @Test
  void a_persian_match_is_marked_whole_in_the_original_text() {
    SearchResults.Hit hit =
        index.find(SearchRequest.of("کتابخانه").in(Language.PERSIAN)).hits().getFirst();

    assertThat(hit.headline().marked()).containsExactly("کتاب\u200Cخانهٔ");
  }

  @Test
  void filters_narrow_by_language_section_type_and_dates() {
    assertThat(headlines(SearchRequest.of("water").in(Language.PERSIAN))).isEmpty();
    assertThat(headlines(SearchRequest.of("water").inSection(new Slug("iraq"))))
        .containsExactly("Parliament delays vote on election law");
    assertThat(headlines(SearchRequest.of("hedge OR water").only(Profile.BRIEF)))
        .containsExactly("Gold coin prices jump");
    assertThat(
            headlines(
                SearchRequest.of("water")
                    .between(
                        Optional.of(Instant.parse("2026-11-22T00:00:00Z")),
                        Optional.of(Instant.parse("2026-11-24T00:00:00Z")))))
        .containsExactly("Tehran suburbs face nightly water cuts");
    assertThat(
            headlines(
                SearchRequest.of("water")
                    .between(Optional.empty(), Optional.of(Instant.parse("2026-11-22T00:00:00Z")))))
        .containsExactly("Parliament delays vote on election law");
  }

  @Test
  void results_come_best_first_or_newest_first() {
    // "cuts" is in the first story's headline and text, in the second's text only.
    assertThat(headlines("cuts"))
        .containsExactly(
            "Tehran suburbs face nightly water cuts", "Parliament delays vote on election law");
    assertThat(headlines(SearchRequest.of("cuts OR hedge").ordered(SearchRequest.Order.NEWEST)))
        .containsExactly(
            "Gold coin prices jump",
            "Tehran suburbs face nightly water cuts",
            "Parliament delays vote on election law");
  }

  @Test
  void results_are_sliced_into_pages_with_the_total_counted() {
    SearchRequest all = SearchRequest.of("cuts OR hedge").ordered(SearchRequest.Order.NEWEST);

    SearchResults second = index.find(all.slice(1, 1));

    assertThat(second.total()).isEqualTo(3);
    assertThat(second.exact()).isTrue();
    assertThat(second.hits())
        .extracting(h -> h.item().headline())
        .containsExactly("Tehran suburbs face nightly water cuts");
    assertThat(index.find(all.slice(3, 1)).hits()).isEmpty();
  }

  @Test
  void an_updated_item_is_found_by_its_new_words_only() {
    index.update(
        List.of(
            Items.brief(
                3,
                "Gold coin prices fall",
                "Economy",
                "Savers sold as the rial recovered.",
                "2026-11-24T09:20:00Z")),
        5);

    assertThat(headlines("jump")).isEmpty();
    assertThat(headlines("gold")).containsExactly("Gold coin prices fall");
    assertThat(index.indexedThrough()).isEqualTo(5);
  }

  @Test
  void a_retracted_or_withheld_item_is_removed() {
    var gold =
        Items.brief(3, "Gold coin prices jump", "Economy", "Savers.", "2026-11-24T09:20:00Z");
    var water =
        Items.story(
            1, "Tehran suburbs face nightly water cuts", "Iran", "x", "2026-11-23T07:40:00Z");

    index.update(
        List.of(
            Items.withStatus(gold, new Status.Retracted("Wrong")),
            Items.withStatus(water, new Status.Withheld())),
        6);

    assertThat(headlines("gold")).isEmpty();
    assertThat(headlines("suburbs")).isEmpty();
    assertThat(index.size()).isEqualTo(2);
  }

  @Test
  void related_items_share_distinctive_words_in_the_same_language_and_leave_the_item_out() {
    var item =
        Items.story(
            20,
            "Water cuts reach the suburbs of Tehran",
            "Iran",
            "Reservoirs fell again, and water cuts spread to the suburbs.",
            "2026-11-25T08:00:00Z");
    index.update(List.of(item), 7);

    List<ItemSummary> related = index.related(item, 5);

    assertThat(related)
        .extracting(ItemSummary::headline)
        .startsWith("Tehran suburbs face nightly water cuts")
        .doesNotContain("Water cuts reach the suburbs of Tehran", "کتاب\u200Cخانهٔ ملی در کرمان");
  }

  @Test
  void a_blank_search_finds_nothing() {
    assertThat(index.find(SearchRequest.of("   ")).hits()).isEmpty();
  }

  @Test
  void an_index_on_disk_remembers_the_database_and_the_position_it_reflects(@TempDir Path dir) {
    try (SearchIndex disk = SearchIndex.open(dir, "jdbc:sqlite:one.db")) {
      disk.update(List.of(Items.story(1, "Kept", "Iran", "Kept text.", "2026-11-01T08:00:00Z")), 7);
    }

    try (SearchIndex again = SearchIndex.open(dir, "jdbc:sqlite:one.db")) {
      assertThat(again.indexedThrough()).isEqualTo(7);
      assertThat(again.find(SearchRequest.of("kept")).hits()).hasSize(1);
    }
    try (SearchIndex other = SearchIndex.open(dir, "jdbc:sqlite:another.db")) {
      assertThat(other.indexedThrough()).isZero();
      assertThat(other.size()).isZero();
    }
  }

  /** Opens {@code dir} and shows it empty, at position 0, and usable for a rebuild. */
  static void assertOpensEmptyAndUsable(Path dir) {
    try (SearchIndex reopened = SearchIndex.open(dir, "jdbc:sqlite:one.db")) {
      assertThat(reopened.size()).isZero();
      assertThat(reopened.indexedThrough()).isZero();
      reopened.update(
          List.of(Items.story(1, "Rebuilt", "Iran", "Rebuilt text.", "2026-11-01T08:00:00Z")), 1);
      assertThat(reopened.find(SearchRequest.of("rebuilt")).hits()).hasSize(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Masthead1", "Masthead2", "NoSuchMastheadCodec"})
  void an_index_written_by_a_codec_this_version_does_not_have_is_discarded_and_opened_empty(
      String codecName, @TempDir Path dir) throws java.io.IOException {
    ForeignIndexes.writeWithCodecNamed(dir, codecName);

    assertOpensEmptyAndUsable(dir);
  }

  @Test
  void a_damaged_index_is_discarded_and_opened_empty(@TempDir Path dir) throws java.io.IOException {
    try (SearchIndex disk = SearchIndex.open(dir, "jdbc:sqlite:one.db")) {
      disk.update(List.of(Items.story(1, "Kept", "Iran", "Kept text.", "2026-11-01T08:00:00Z")), 7);
    }
    ForeignIndexes.damage(dir);

    assertOpensEmptyAndUsable(dir);
  }

  /** How many segments the last commit in {@code dir} has. */
  static int committedSegments(Path dir) throws java.io.IOException {
    try (var files = org.apache.lucene.store.FSDirectory.open(dir);
        var reader = org.apache.lucene.index.DirectoryReader.open(files)) {
      return reader.leaves().size();
    }
  }

  @Test
  void compacting_leaves_one_segment_in_which_every_item_is_still_found(@TempDir Path dir)
      throws java.io.IOException {
    try (SearchIndex disk = SearchIndex.open(dir, "db")) {
      for (int i = 1; i <= 3; i++) {
        disk.update(
            List.of(Items.story(i, "Dates " + i, "Iran", "Date palms.", "2026-11-01T08:00:00Z")),
            i);
      }
      disk.commit();
      assertThat(committedSegments(dir)).isGreaterThan(1);

      disk.compact();

      assertThat(committedSegments(dir)).isEqualTo(1);
      assertThat(disk.find(SearchRequest.of("dates")).hits()).hasSize(3);
      assertThat(disk.indexedThrough()).isEqualTo(3);
    }
  }

  @Test
  void an_unfinished_rebuild_is_never_committed(@TempDir Path dir) {
    try (SearchIndex disk = SearchIndex.open(dir, "db")) {
      disk.update(
          List.of(Items.story(1, "Before", "Iran", "Old text.", "2026-11-01T08:00:00Z")), 3);
      disk.commit();
      disk.clear();
      disk.add(List.of(Items.story(2, "Half", "Iran", "New text.", "2026-11-01T08:00:00Z")));
    }

    try (SearchIndex again = SearchIndex.open(dir, "db")) {
      assertThat(again.indexedThrough()).isEqualTo(3);
      assertThat(headlinesIn(again, "text")).containsExactly("Before");
    }
  }

  @Test
  void a_second_process_cannot_open_an_index_in_use_and_is_told_why(@TempDir Path dir) {
    try (SearchIndex first = SearchIndex.open(dir, "db")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> SearchIndex.open(dir, "db"))
          .isInstanceOf(IndexUnavailable.class)
          .hasMessageContaining(dir.toString())
          .hasMessageContaining("in use by another Masthead process");
      try (SearchIndex fallback = SearchIndex.openOrInMemory(dir, "db")) {
        assertThat(fallback.location()).isEqualTo("memory");
      }
    }
  }

  static List<String> headlinesIn(SearchIndex index, String text) {
    return index.find(SearchRequest.of(text)).hits().stream()
        .map(h -> h.item().headline())
        .toList();
  }
}
