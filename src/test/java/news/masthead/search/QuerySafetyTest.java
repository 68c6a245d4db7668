package news.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Searches built to fail or to be slow are refused quickly with a message naming the problem; and
 * punctuation readers type by accident is never mistaken for syntax.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuerySafetyTest {
  SearchIndex index;

  @BeforeAll
  void fill() {
    index = SearchIndex.inMemory("test");
    List<news.masthead.content.Item> items =
        IntStream.rangeClosed(1, 300)
            .mapToObj(
                n ->
                    Items.story(
                        n,
                        "Story " + n + " about oil and gas",
                        "Iran",
                        "Word" + n + " appears with abacus" + n + " and zebra" + n + " text.",
                        "2026-11-01T08:00:00Z"))
            .toList();
    index.update(items, 1);
  }

  @AfterAll
  void close() {
    index.close();
  }

  /** Asserts the search is refused within a second, and returns the refusal to check. */
  AbstractThrowableAssert<?, ? extends Throwable> refused(String search) {
    return assertTimeoutPreemptively(
            Duration.ofSeconds(1),
            () -> assertThatThrownBy(() -> index.find(SearchRequest.of(search))))
        .isInstanceOf(InvalidSearch.class);
  }

  @Test
  void a_word_beginning_with_a_star_is_refused() {
    refused("*oil").hasMessageContaining("cannot begin with *");
    refused("oil *as").hasMessageContaining("cannot begin with *");
    refused("*").hasMessageContaining("cannot begin with *");
  }

  @Test
  void a_star_inside_a_word_is_refused() {
    refused("o*l").hasMessageContaining("may only end a word");
  }

  @Test
  void a_prefix_of_one_letter_or_too_many_prefixes_are_refused() {
    refused("a*").hasMessageContaining("at least 2 letters");
    refused("ab* ac* ad* ae* af* ag*").hasMessageContaining("at most 5 words");
  }

  @Test
  void two_thousand_words_are_refused() {
    String words = IntStream.range(0, 2000).mapToObj(n -> "w" + n).collect(Collectors.joining(" "));

    refused(words).hasMessageContaining("has 2000 words").hasMessageContaining("at most 50");
  }

  @Test
  void a_search_of_ten_thousand_characters_is_refused() {
    refused("x".repeat(10_000))
        .hasMessageContaining("10000 characters")
        .hasMessageContaining("at most 500");
  }

  @Test
  void an_unclosed_quotation_mark_is_refused() {
    refused("oil \"gas exports").hasMessageContaining("quotation mark");
  }

  @Test
  void unbalanced_parentheses_are_refused() {
    refused("(oil OR gas").hasMessageContaining("never closes it");
    refused("oil) gas").hasMessageContaining("never opened");
  }

  @Test
  void a_dangling_operator_is_refused_with_where_it_went_wrong() {
    refused("oil AND").hasMessageContaining("could not be understood");
    refused("OR").hasMessageContaining("could not be understood");
  }

  @Test
  void regular_expressions_and_fuzzy_matching_are_refused() {
    refused("/o.*l/").hasMessageContaining("regular expressions");
    refused("oil~2").hasMessageContaining("fuzzy matching");
    refused("\"oil gas\"~500").hasMessageContaining("at most 10 words apart");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "24/7 coverage",
        "Iran: talks?",
        "what happened?",
        "[brackets] {braces} ^caret !bang",
        "back\\slash",
        "price+tax",
        "AT&T",
        "\"oil: gas\"",
        "oil gas\"~3 x\"",
        "e-mail"
      })
  void punctuation_typed_by_accident_is_text_not_syntax(String search) {
    assertThatCode(
            () ->
                assertTimeoutPreemptively(
                    Duration.ofSeconds(1), () -> index.find(SearchRequest.of(search))))
        .doesNotThrowAnyException();
  }

  @Test
  void a_search_that_runs_past_the_time_limit_is_stopped_and_refused() {
    index.timeLimit(0);
    try {
      refused("oil OR gas OR story").hasMessageContaining("took longer than 0 ms and was stopped");
    } finally {
      index.timeLimit(SearchIndex.TIME_LIMIT_MS);
    }
  }

  @Test
  void a_broad_prefix_over_many_words_still_answers_quickly() {
    SearchResults results =
        assertTimeoutPreemptively(
            Duration.ofSeconds(1), () -> index.find(SearchRequest.of("wo* ab* ze* st* oi*")));

    assertThat(results.total()).isEqualTo(300);
  }
}
