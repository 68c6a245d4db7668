package news.masthead.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import news.masthead.content.Credit;
import news.masthead.content.Genre;
import news.masthead.content.Item;
import news.masthead.content.Language;
import news.masthead.content.Profile;
import news.masthead.content.Source;
import news.masthead.content.Status;
import news.masthead.content.SubjectKind;
import news.masthead.store.Database;
import news.masthead.store.ItemStore;
import news.masthead.workflow.Publishing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NinjsImportTest {
  @TempDir Path dir;
  private Database database;
  private ItemStore items;
  private NinjsImport importer;

  static final String STORY =
      """
      {"uri":"urn:test:story:1","profile":"story","language":"en","pubStatus":"usable",\
      "firstCreated":"2026-11-20T08:00:00Z","versionCreated":"2026-11-20T09:00:00Z",\
      "headlines":[{"value":"Officials confirm the report"}],\
      "descriptions":[{"role":"summary","value":"The standfirst."},{"role":"correction","value":"An earlier version gave the wrong date."}],\
      "bodies":[{"contentType":"text/html","value":"<p>According to the wire, sources said.</p><script>x()</script>"}],\
      "by":"By Sara Example and Omid Sample","located":"BAGHDAD",\
      "subjects":[{"name":"Iraq","rel":"section"},{"name":"Elections"}],\
      "people":[{"name":"Noor Example"}],"organisations":[{"name":"Parliament"}],"places":[{"name":"Baghdad"}],\
      "infoSources":[{"name":"Example Wire","role":"wire"},{"name":"An official","role":"official confirmed"},{"name":"Spokesmen","role":"spokesperson yet-to-respond"}],\
      "genres":[{"name":"Analysis"}],\
      "associations":[{"name":"Persian","rel":"translation","uri":"urn:test:fa:1","language":"fa"}]}""";

  static String brief(int n) {
    return """
        {"uri":"urn:test:brief:%d","profile":"brief","headlines":[{"value":"Brief %d"}],\
        "bodies":[{"contentType":"text/plain","value":"Brief number %d text."}],\
        "subjects":[{"name":"Iran","rel":"section"}]}"""
        .formatted(n, n, n);
  }

  @BeforeEach
  void open() {
    database = Database.openSqlite(dir.resolve("data"));
    items = new ItemStore(database);
    importer = new NinjsImport(new Publishing(items, Clock.systemUTC()), Language.ENGLISH);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void an_item_is_mapped_field_by_field_as_design_says() throws IOException {
    ImportReport report =
        importer.importFiles(List.of(file("one.json", STORY)), ImportProgress.SILENT);

    assertThat(report).isEqualTo(new ImportReport(1, 0, List.of()));
    Item item = items.findByUri("urn:test:story:1").orElseThrow();
    var copy = item.copy();
    assertThat(copy.profile()).isEqualTo(Profile.STORY);
    assertThat(copy.headline()).isEqualTo("Officials confirm the report");
    assertThat(copy.standfirst()).isEqualTo("The standfirst.");
    assertThat(copy.body().plainText()).isEqualTo("According to the wire, sources said.");
    assertThat(copy.byline().credits())
        .extracting(Credit::name, Credit::role)
        .containsExactly(
            tuple("Sara Example", Credit.Role.REPORTING),
            tuple("Omid Sample", Credit.Role.REPORTING));
    assertThat(copy.authors())
        .extracting(a -> a.name())
        .containsExactly("Sara Example", "Omid Sample");
    assertThat(copy.dateline()).isEqualTo("BAGHDAD");
    assertThat(copy.section().name()).isEqualTo("Iraq");
    assertThat(copy.subjects(SubjectKind.TAG))
        .extracting(s -> s.name())
        .containsExactly("Elections");
    assertThat(copy.subjects(SubjectKind.PERSON))
        .extracting(s -> s.name())
        .containsExactly("Noor Example");
    assertThat(copy.subjects(SubjectKind.ORGANISATION))
        .extracting(s -> s.name())
        .containsExactly("Parliament");
    assertThat(copy.subjects(SubjectKind.PLACE))
        .extracting(s -> s.name())
        .containsExactly("Baghdad");
    assertThat(copy.sources())
        .containsExactly(
            new Source("Example Wire", Source.Kind.WIRE, Source.Role.REPORTED),
            new Source("An official", Source.Kind.OFFICIAL, Source.Role.CONFIRMED),
            new Source("Spokesmen", Source.Kind.SPOKESPERSON, Source.Role.YET_TO_RESPOND));
    assertThat(copy.genres()).containsExactly(Genre.ANALYSIS);
    assertThat(copy.corrections())
        .extracting(c -> c.text())
        .containsExactly("An earlier version gave the wrong date.");
    assertThat(copy.translations()).extracting(t -> t.uri()).containsExactly("urn:test:fa:1");
    assertThat(item.firstPublished()).contains(Instant.parse("2026-11-20T08:00:00Z"));
    assertThat(item.updated()).isEqualTo(Instant.parse("2026-11-20T09:00:00Z"));
  }

  @Test
  void a_json_array_and_json_lines_import_alike() throws IOException {
    Path array = file("array.json", "[\n" + brief(1) + ",\n" + brief(2) + "\n]");
    Path lines = file("lines.jsonl", brief(3) + "\n\n" + brief(4) + "\n");

    ImportReport report = importer.importFiles(List.of(array, lines), ImportProgress.SILENT);

    assertThat(report.imported()).isEqualTo(4);
    assertThat(report.problems()).isEmpty();
    assertThat(items.countAll()).isEqualTo(4);
  }

  @Test
  void importing_the_same_uri_again_makes_a_new_revision_never_a_duplicate() throws IOException {
    importer.importFiles(List.of(file("a.jsonl", STORY)), ImportProgress.SILENT);
    String changed = STORY.replace("Officials confirm the report", "Officials confirm it");

    ImportReport report =
        importer.importFiles(List.of(file("b.jsonl", changed)), ImportProgress.SILENT);

    assertThat(report).isEqualTo(new ImportReport(0, 1, List.of()));
    assertThat(items.countAll()).isEqualTo(1);
    Item item = items.findByUri("urn:test:story:1").orElseThrow();
    assertThat(item.revision()).isEqualTo(2);
    assertThat(item.copy().headline()).isEqualTo("Officials confirm it");
  }

  @Test
  void malformed_and_invalid_lines_are_reported_with_file_line_and_reason_and_the_rest_import()
      throws IOException {
    Path lines =
        file(
            "mixed.jsonl",
            String.join(
                "\n",
                brief(1),
                "{\"uri\": \"urn:broken\", \"headlines\": [",
                brief(2).replace("\"profile\":\"brief\"", "\"profile\":\"podcast\""),
                brief(3).replace("\"rel\":\"section\"", "\"rel\":\"about\""),
                "{\"profile\":\"brief\"}",
                brief(4)
                    .replace("2026", "x")
                    .replace("\"bodies\"", "\"firstCreated\":\"yesterday\",\"bodies\""),
                brief(5)));

    ImportReport report = importer.importFiles(List.of(lines), ImportProgress.SILENT);

    assertThat(report.imported()).isEqualTo(2);
    assertThat(report.problems())
        .extracting(p -> p.line() + " " + p.reason())
        .satisfiesExactly(
            p -> assertThat(p).startsWith("2 malformed JSON"),
            p ->
                assertThat(p)
                    .isEqualTo("3 profile must be \"story\" or \"brief\", not \"podcast\""),
            p -> assertThat(p).isEqualTo("4 no section: add a subject with \"rel\": \"section\""),
            p -> assertThat(p).isEqualTo("5 uri is missing"),
            p -> assertThat(p).startsWith("6 firstCreated must be an ISO 8601 date-time"));
    assertThat(report.problems()).allMatch(p -> p.file().endsWith("mixed.jsonl"));
  }

  @Test
  void a_rejected_update_changes_nothing_already_stored() throws IOException {
    importer.importFiles(List.of(file("a.jsonl", STORY)), ImportProgress.SILENT);
    String broken =
        STORY.replace(
            "\"headlines\":[{\"value\":\"Officials confirm the report\"}]", "\"headlines\":[]");

    ImportReport report =
        importer.importFiles(List.of(file("b.jsonl", broken)), ImportProgress.SILENT);

    assertThat(report.rejected()).isEqualTo(1);
    Item item = items.findByUri("urn:test:story:1").orElseThrow();
    assertThat(item.revision()).isEqualTo(1);
    assertThat(item.copy().headline()).isEqualTo("Officials confirm the report");
  }

  @Test
  void pub_status_withheld_and_canceled_are_not_public() throws IOException {
    String withheld = brief(1).replace("{\"uri\"", "{\"pubStatus\":\"withheld\",\"uri\"");
    String canceled =
        brief(2)
            .replace(
                "{\"uri\"",
                "{\"pubStatus\":\"canceled\",\"edNote\":\"Retracted: the source recanted.\",\"uri\"");

    importer.importFiles(
        List.of(file("s.jsonl", withheld + "\n" + canceled)), ImportProgress.SILENT);

    assertThat(items.findByUri("urn:test:brief:1").orElseThrow().status())
        .isEqualTo(new Status.Withheld());
    assertThat(items.findByUri("urn:test:brief:2").orElseThrow().status())
        .isEqualTo(new Status.Retracted("Retracted: the source recanted."));
  }

  @Test
  void a_broken_json_array_reports_where_it_broke_and_keeps_what_came_before() throws IOException {
    Path array = file("broken.json", "[\n" + brief(1) + ",\n{\"uri\": oops}\n]");

    ImportReport report = importer.importFiles(List.of(array), ImportProgress.SILENT);

    assertThat(report.imported()).isEqualTo(1);
    assertThat(report.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.reason())
                  .contains("malformed JSON")
                  .contains("the rest of the file was not read");
            });
  }

  @Test
  void the_demo_outlet_imports_without_a_single_rejection() throws IOException {
    Path demo = dir.resolve("demo.jsonl");
    try (var in = NinjsImportTest.class.getResourceAsStream("/demo/demo.ninjs.jsonl")) {
      Files.write(demo, in.readAllBytes());
    }

    ImportReport report = importer.importFiles(List.of(demo), ImportProgress.SILENT);

    assertThat(report.problems()).isEmpty();
    assertThat(report.imported()).isGreaterThanOrEqualTo(20);
  }
}
