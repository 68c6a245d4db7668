package news.masthead.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import news.masthead.content.Genre;
import news.masthead.content.Language;
import news.masthead.content.SearchRefusal;
import news.masthead.content.Source;
import news.masthead.content.SubjectKind;
import news.masthead.site.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessagesTest {
  static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
  final Messages english = Messages.shipped(Language.ENGLISH, TEHRAN);
  final Messages persian = Messages.shipped(Language.PERSIAN, TEHRAN);

  /** The families of keys made from a prefix and an enum's constants, as the code makes them. */
  static final Map<String, List<String>> FAMILIES =
      Map.ofEntries(
          Map.entry("genre.", names(Genre.values())),
          Map.entry("source.kind.", names(Source.Kind.values())),
          Map.entry("source.role.", names(Source.Role.values())),
          Map.entry("credit.by.", names(news.masthead.content.Credit.Role.values())),
          Map.entry("credit.role.", names(news.masthead.content.Credit.Role.values())),
          Map.entry("subject.kind.", names(SubjectKind.values())),
          Map.entry("subject.heading.", names(SubjectKind.values())),
          Map.entry("policy.", names(Policy.values())),
          Map.entry("search.refusal.", names(SearchRefusal.Problem.values())),
          Map.entry("newsroom.role.", names(news.masthead.content.Role.values())),
          Map.entry("newsroom.profile.", names(news.masthead.content.Profile.values())),
          Map.entry(
              "newsroom.conflict.field.",
              List.of(
                  "headline",
                  "standfirst",
                  "byline",
                  "slug",
                  "dateline",
                  "section",
                  "genre",
                  "subjects",
                  "sources",
                  "translations",
                  "lead",
                  "body")),
          Map.entry(
              "newsroom.status.",
              List.of("draft", "submitted", "scheduled", "published", "retracted", "withheld")),
          Map.entry(
              "newsroom.step.",
              List.of(
                  "submit",
                  "publish",
                  "correct",
                  "correct.text",
                  "send-back",
                  "send-back.text",
                  "retract",
                  "retract.text",
                  "schedule",
                  "schedule.text",
                  "unschedule")));

  static final List<String> NAMESPACES =
      List.of(
          "language.",
          "meta.",
          "format.",
          "nav.",
          "front.",
          "list.",
          "rail.",
          "item.",
          "genre.",
          "source.",
          "credit.",
          "picture.",
          "subject.",
          "page.",
          "policy.",
          "error.",
          "empty.",
          "search.",
          "newsroom.");

  @Test
  void every_shipped_language_defines_exactly_the_keys_english_defines() {
    Set<String> keys = Messages.shippedKeys();
    assertThat(keys).hasSizeGreaterThan(100);
    for (Language language : Messages.shippedLanguages()) {
      Messages messages = Messages.shipped(language, TEHRAN);
      assertThat(messages.fallenBack()).as("keys %s lacks", language).isEmpty();
      assertThat(messages.keys()).as("keys of %s", language).isEqualTo(keys);
    }
  }

  @Test
  void every_message_the_code_and_templates_use_is_defined_and_every_defined_one_is_used()
      throws IOException {
    Set<String> keys = Messages.shippedKeys();
    Set<String> used = new TreeSet<>();
    Set<String> undefined = new TreeSet<>();
    Pattern literal = Pattern.compile("\"([a-z]+\\.(?:[A-Za-z][A-Za-z.]*)?)\"");
    for (Path file : sources()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Matcher m = literal.matcher(text);
      while (m.find()) {
        String key = m.group(1);
        if (NAMESPACES.stream().noneMatch(key::startsWith)) {
          continue; // a setting, a JSON field or a file name, not a message
        }
        if (keys.contains(key)) {
          used.add(key);
        } else if (FAMILIES.containsKey(key)) {
          FAMILIES.get(key).forEach(name -> used.add(key + name));
        } else if (NAMESPACES.contains(key)) {
          continue; // code that looks at a kind of key, such as the date patterns
        } else if (keys.contains(key + ".title") && keys.contains(key + ".text")) {
          used.add(key + ".title"); // a plain page's title and text
          used.add(key + ".text");
        } else {
          undefined.add(key + " (in " + file.getFileName() + ")");
        }
      }
    }
    assertThat(undefined).as("messages used that no file defines").isEmpty();
    assertThat(new TreeSet<>(keys))
        .as("messages defined that nothing uses")
        .containsExactlyElementsOf(new TreeSet<>(used));
  }

  @Test
  void a_family_of_keys_covers_every_constant_of_its_enum() {
    FAMILIES.forEach(
        (prefix, names) ->
            names.forEach(name -> assertThat(english.keys()).as(prefix).contains(prefix + name)));
  }

  @Test
  void english_times_are_gregorian_and_persian_times_are_in_the_persian_calendar_with_its_digits() {
    Instant moment = Instant.parse("2026-11-24T06:00:00Z"); // 09:30 in Tehran

    assertThat(english.dateTime(moment)).isEqualTo("24 November 2026, 09:30 GMT+3:30");
    assertThat(persian.dateTime(moment)).isEqualTo("۳ آذر ۱۴۰۵، ۰۹:۳۰");
    assertThat(persian.gregorian(moment)).contains("۲۴ نوامبر ۲۰۲۶، ۰۹:۳۰");
    assertThat(english.gregorian(moment)).isEmpty();
  }

  @Test
  void numbers_plurals_and_page_counts_are_written_in_the_languages_own_digits() {
    assertThat(english.t("page.ofPages", "page", 2, "pages", 7)).isEqualTo("Page 2 of 7");
    assertThat(persian.t("page.ofPages", "page", 2, "pages", 7)).isEqualTo("صفحهٔ ۲ از ۷");
    assertThat(english.t("search.count", "total", 1)).isEqualTo("1 result");
    assertThat(english.t("search.count", "total", 1204)).isEqualTo("1,204 results");
    assertThat(persian.t("search.count", "total", 1204)).isEqualTo("۱٬۲۰۴ نتیجه");
    assertThat(english.t("item.corrections", "count", 2)).isEqualTo("Corrections");
    assertThat(persian.number(40000)).isEqualTo("۴۰٬۰۰۰");
  }

  @Test
  void an_english_edition_can_give_the_solar_hijri_day_beside_the_gregorian_one() {
    Messages both =
        Messages.load(
            Language.ENGLISH,
            "gregorian",
            Optional.of("persian"),
            TEHRAN,
            Optional.empty(),
            Map.of());

    assertThat(both.beside(Instant.parse("2026-11-24T06:00:00Z"))).contains("3 Azar 1405 AP");
    assertThat(english.beside(Instant.parse("2026-11-24T06:00:00Z"))).isEmpty();
  }

  @Test
  void a_days_example_is_written_in_the_editions_calendar_and_digits() {
    assertThat(english.dateExample()).isEqualTo("2026-11-24");
    assertThat(persian.dateExample()).isEqualTo("۱۴۰۵/۰۹/۰۳");
    assertThat(persian.day(LocalDate.of(2024, 12, 2), "persian")).isEqualTo("۱۲ آذر ۱۴۰۳");
  }

  @Test
  void an_outlets_own_file_adds_a_language_and_gives_english_for_what_it_lacks(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("ar.properties"),
        "language.name=العربية\nrail.more=المزيد\n",
        StandardCharsets.UTF_8);

    Messages arabic =
        Messages.load(
            new Language("ar"), "gregorian", Optional.empty(), TEHRAN, Optional.of(dir), Map.of());

    assertThat(arabic.t("rail.more")).isEqualTo("المزيد");
    assertThat(arabic.t("nav.skip")).isEqualTo("Skip to content");
    assertThat(arabic.fallenBack()).contains("nav.skip").doesNotContain("rail.more");
  }

  @Test
  void a_file_with_an_unknown_key_or_a_broken_pattern_is_refused_naming_both(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("ar.properties"), "rail.mroe=المزيد\n", StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                Messages.load(
                    new Language("ar"),
                    "gregorian",
                    Optional.empty(),
                    TEHRAN,
                    Optional.of(dir),
                    Map.of()))
        .isInstanceOf(Messages.InvalidMessages.class)
        .hasMessageContaining("ar.properties")
        .hasMessageContaining("\"rail.mroe\"");

    Files.writeString(
        dir.resolve("ar.properties"),
        "rail.sectionInBrief=موجز {section\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                Messages.load(
                    new Language("ar"),
                    "gregorian",
                    Optional.empty(),
                    TEHRAN,
                    Optional.of(dir),
                    Map.of()))
        .isInstanceOf(Messages.InvalidMessages.class)
        .hasMessageContaining("\"rail.sectionInBrief\"")
        .hasMessageContaining("ICU MessageFormat");
  }

  @Test
  void a_language_with_no_file_is_refused_naming_the_file_to_write(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                Messages.load(
                    new Language("ku"),
                    "gregorian",
                    Optional.empty(),
                    TEHRAN,
                    Optional.of(dir),
                    Map.of()))
        .isInstanceOf(Messages.InvalidMessages.class)
        .hasMessageContaining(dir.resolve("ku.properties").toString());
  }

  @Test
  void asking_for_a_message_no_file_defines_fails_loudly() {
    assertThatThrownBy(() -> english.t("rail.nothing"))
        .isInstanceOf(Messages.MissingMessage.class)
        .hasMessageContaining("rail.nothing");
  }

  @Test
  void many_renders_formatting_persian_times_at_once_each_get_their_own_right() throws Exception {
    List<Instant> moments =
        IntStream.range(0, 400)
            .mapToObj(i -> Instant.parse("2026-03-20T00:00:00Z").plusSeconds(i * 86_400L))
            .toList();
    List<String> alone = moments.stream().map(persian::dateTime).toList();

    try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<String>> together =
          moments.stream().map(m -> readers.submit(() -> persian.dateTime(m))).toList();
      for (int i = 0; i < moments.size(); i++) {
        assertThat(together.get(i).get()).as(moments.get(i).toString()).isEqualTo(alone.get(i));
      }
    }
  }

  /** The code and templates that show words to readers and staff; settings and commands are not. */
  private static List<Path> sources() throws IOException {
    List<Path> files = new java.util.ArrayList<>();
    for (String root : List.of("src/main/java", "src/main/jte")) {
      try (Stream<Path> walk = Files.walk(Path.of(root))) {
        walk.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".jte"))
            .filter(p -> !p.toString().contains("/app/") && !p.toString().contains("/cli/"))
            .forEach(files::add);
      }
    }
    return files;
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }
}
