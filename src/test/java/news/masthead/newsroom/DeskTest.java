package news.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.masthead.app.Masthead;
import news.masthead.testing.Newsrooms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk through HTTP as staff use it: write, submit, publish, edit while the published text
 * stays live, correct, retract, and every refusal (another's item, a forged step, a stale revision,
 * markup in a field, a body the editor cannot make) changing nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeskTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Masthead masthead;
  private String origin;
  private StaffClient reporter;
  private StaffClient editor;
  private StaffClient iraqEditor;

  @BeforeAll
  void start(@TempDir Path data) throws IOException {
    int port = Newsrooms.freePort();
    origin = "http://localhost:" + port;
    masthead = Newsrooms.serve(data, port, origin, Map.of());
    Newsrooms.importDemo(masthead, data);
    reporter =
        StaffClient.add(masthead, origin, "reporter@example.org", "contributor", List.of("iran"));
    editor = StaffClient.add(masthead, origin, "editor@example.org", "editor", List.of("iran"));
    iraqEditor = StaffClient.add(masthead, origin, "iraq@example.org", "editor", List.of("iraq"));
  }

  @AfterAll
  void stop() {
    masthead.close();
  }

  static Map<String, String> story(String headline) {
    Map<String, String> form = new HashMap<>();
    form.put("profile", "story");
    form.put("language", "en");
    form.put("section", "iran");
    form.put("headline", headline);
    form.put("standfirst", "Officials gave few details.");
    form.put(
        "body_text",
        "The water utility of Tehran said on Monday it would cut supply at night.\n\n"
            + "The utility did not say how long the cuts would last.");
    form.put("credit_name", "Sara Example");
    form.put("credit_role", "REPORTING");
    form.put("subjects_tag", "water, Tehran");
    form.put("source_name", "Reuters");
    form.put("source_kind", "WIRE");
    form.put("source_role", "REPORTED");
    form.put("genre", "NEWS");
    form.put("revision", "0");
    return form;
  }

  /** Writes a story as the reporter; returns its id. */
  private long write(String headline) {
    HttpResponse<String> created = reporter.post("/newsroom/items", story(headline));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
    String location = created.headers().firstValue("Location").orElseThrow();
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  private int revision(StaffClient who, long id) {
    Matcher m =
        Pattern.compile("name=\"revision\" value=\"([0-9]+)\"")
            .matcher(who.get("/newsroom/items/" + id).body());
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private HttpResponse<String> step(StaffClient who, long id, String step, String text) {
    return who.post(
        "/newsroom/items/" + id + "/steps/" + step,
        Map.of("revision", Integer.toString(revision(who, id)), "text", text));
  }

  private String publicPage(long id) {
    return publicGet("/iran/" + id).body();
  }

  private HttpResponse<String> publicGet(String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(origin + path)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** Follows the public site's redirect from {@code /iran/<id>} to the canonical address. */
  private HttpResponse<String> publicItem(long id) {
    HttpResponse<String> first = publicGet("/iran/" + id);
    return first.statusCode() == 301
        ? publicGet(URI.create(first.headers().firstValue("Location").orElseThrow()).getRawPath())
        : first;
  }

  @Test
  void a_reporter_writes_and_submits_and_an_editor_publishes_it_to_readers() {
    long id = write("Night water cuts begin in Tehran");

    assertThat(publicItem(id).statusCode()).as("a draft is not public").isEqualTo(404);
    assertThat(publicGet("/api/v1/search?q=utility+cuts+supply").body())
        .doesNotContain("Night water cuts begin");
    assertThat(reporter.get("/newsroom/").body())
        .contains("Night water cuts begin in Tehran")
        .contains("My drafts");

    assertThat(step(reporter, id, "submit", "").statusCode()).isEqualTo(303);
    assertThat(editor.get("/newsroom/").body())
        .as("waiting for the editor's review")
        .containsPattern("id=\"waiting\"[\\s\\S]*Night water cuts begin in Tehran");
    HttpResponse<String> reporterPublishes = step(reporter, id, "publish", "");
    assertThat(reporterPublishes.statusCode()).isEqualTo(403);
    assertThat(publicItem(id).statusCode()).isEqualTo(404);

    assertThat(step(editor, id, "publish", "").statusCode()).isEqualTo(303);

    HttpResponse<String> page = publicItem(id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Night water cuts begin in Tehran")
        .contains("Reuters")
        .contains("The water utility of Tehran said on Monday");
    assertThat(publicGet("/iran/feed.xml").body()).contains("Night water cuts begin in Tehran");
    assertThat(masthead.staff().auditLog("desk.", "", 100))
        .extracting(e -> e.action())
        .contains("desk.create", "desk.submit", "desk.publish");
  }

  @Test
  void editing_a_published_story_keeps_the_published_text_live_until_the_edit_is_published() {
    long id = write("Bread prices rise in Tabriz");
    step(editor, id, "publish", "");
    Map<String, String> edit = story("Bread prices rise sharply in Tabriz");
    edit.put("revision", Integer.toString(revision(editor, id)));

    assertThat(editor.post("/newsroom/items/" + id, edit).statusCode()).isEqualTo(303);

    assertThat(publicItem(id).body())
        .contains("Bread prices rise in Tabriz")
        .doesNotContain("rise sharply");
    assertThat(editor.get("/newsroom/items/" + id).body())
        .contains("this edit is not published yet");

    assertThat(step(editor, id, "publish", "").statusCode()).isEqualTo(303);
    assertThat(publicItem(id).body()).contains("Bread prices rise sharply in Tabriz");
  }

  @Test
  void a_correction_shows_on_the_story_and_a_retraction_answers_410_with_its_notice() {
    long id = write("Port reopens after storm");
    step(editor, id, "publish", "");
    Map<String, String> edit = story("Port reopens after storm");
    edit.put("body_text", "The port reopened on Tuesday, two days after the storm.");
    edit.put("revision", Integer.toString(revision(editor, id)));
    editor.post("/newsroom/items/" + id, edit);

    HttpResponse<String> corrected =
        step(editor, id, "correct", "An earlier version said the port reopened on Monday.");

    assertThat(corrected.statusCode()).isEqualTo(303);
    assertThat(publicItem(id).body())
        .contains("An earlier version said the port reopened on Monday.")
        .contains("two days after the storm")
        .contains("\"correction\"");
    assertThat(publicGet("/iran/feed.xml").body())
        .as("the correction reaches the feed")
        .contains("An earlier version said the port reopened on Monday.");

    assertThat(step(editor, id, "retract", "This report could not be verified.").statusCode())
        .isEqualTo(303);
    HttpResponse<String> gone = publicItem(id);
    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(gone.body()).contains("This report could not be verified.");
    assertThat(step(editor, id, "retract", "again").statusCode())
        .as("a retracted story cannot be retracted again")
        .isEqualTo(400);
  }

  @Test
  void an_editor_schedules_a_story_for_a_time_and_can_take_the_schedule_back() {
    long id = write("Budget to be announced at noon");
    String inAnHour =
        java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
            .plusHours(1)
            .withSecond(0)
            .withNano(0)
            .toString();

    HttpResponse<String> scheduled =
        editor.post(
            "/newsroom/items/" + id + "/steps/schedule",
            Map.of("revision", Integer.toString(revision(editor, id)), "at", inAnHour));

    assertThat(scheduled.statusCode()).isEqualTo(303);
    assertThat(editor.get("/newsroom/items/" + id).body())
        .contains("It will be published on")
        .contains("Cancel the schedule");
    assertThat(publicItem(id).statusCode()).isEqualTo(404);
    assertThat(
            editor
                .post(
                    "/newsroom/items/" + id + "/steps/schedule",
                    Map.of(
                        "revision",
                        Integer.toString(revision(editor, id)),
                        "at",
                        "2020-01-01T09:00"))
                .statusCode())
        .as("a time in the past")
        .isEqualTo(400);
    assertThat(
            editor
                .post(
                    "/newsroom/items/" + id + "/steps/schedule",
                    Map.of("revision", Integer.toString(revision(editor, id)), "at", "tomorrow"))
                .body())
        .contains("a schedule needs a date and time such as 2026-12-05T09:30");

    assertThat(step(editor, id, "unschedule", "").statusCode()).isEqualTo(303);
    assertThat(editor.get("/newsroom/items/" + id).body()).contains("Status: draft");
  }

  @Test
  void
      a_draft_is_previewed_in_the_public_template_and_an_editor_shares_a_link_that_is_not_indexed() {
    long id = write("Preview of a draft story");

    HttpResponse<String> preview = reporter.get("/newsroom/items/" + id + "/preview");

    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body())
        .contains("<h1 id=\"headline\">Preview of a draft story</h1>")
        .contains("class=\"sources\"");
    assertThat(preview.headers().firstValue("X-Robots-Tag")).contains("noindex, nofollow");
    assertThat(preview.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(
            reporter
                .post(
                    "/newsroom/items/" + id + "/preview-links",
                    Map.of("revision", Integer.toString(revision(reporter, id))))
                .statusCode())
        .as("a contributor shares no links")
        .isEqualTo(403);

    HttpResponse<String> shared =
        editor.post(
            "/newsroom/items/" + id + "/preview-links",
            Map.of("revision", Integer.toString(revision(editor, id))));
    assertThat(shared.statusCode()).isEqualTo(200);
    Matcher link =
        Pattern.compile(Pattern.quote(origin) + "(/preview/[A-Za-z0-9_-]{43})")
            .matcher(shared.body());
    assertThat(link.find()).isTrue();

    HttpResponse<String> anyone = publicGet(link.group(1));
    assertThat(anyone.statusCode()).isEqualTo(200);
    assertThat(anyone.body()).contains("<h1 id=\"headline\">Preview of a draft story</h1>");
    assertThat(anyone.headers().firstValue("X-Robots-Tag")).contains("noindex, nofollow");
    assertThat(anyone.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(publicGet("/preview/" + "x".repeat(43)).statusCode()).isEqualTo(404);
    assertThat(publicItem(id).statusCode()).as("the draft itself stays unpublished").isEqualTo(404);
  }

  @Test
  void the_history_compares_two_revisions_word_by_word_and_restores_an_earlier_one() {
    long id = write("Rail line to Mashhad reopens");
    Map<String, String> edit = story("Rail line to Mashhad reopens after repairs");
    edit.put(
        "body_text",
        "The water utility of Tehran said on Tuesday it would cut supply at night.\n\n"
            + "The utility did not say how long the cuts would last.");
    edit.put("revision", Integer.toString(revision(reporter, id)));
    reporter.post("/newsroom/items/" + id, edit);

    HttpResponse<String> compared = reporter.get("/newsroom/items/" + id + "/compare?from=1&to=2");

    assertThat(compared.statusCode()).isEqualTo(200);
    assertThat(compared.body())
        .contains("<del>Rail line to Mashhad reopens</del>")
        .contains("<ins>Rail line to Mashhad reopens after repairs</ins>")
        .contains("<del>Monday</del><ins>Tuesday</ins>");

    HttpResponse<String> restored =
        reporter.post(
            "/newsroom/items/" + id + "/restore",
            Map.of("restore", "1", "revision", Integer.toString(revision(reporter, id))));
    assertThat(restored.statusCode()).isEqualTo(303);
    assertThat(reporter.get("/newsroom/items/" + id).body())
        .contains("value=\"Rail line to Mashhad reopens\"")
        .contains("revision 3");
    assertThat(
            reporter
                .post("/newsroom/items/" + id + "/restore", Map.of("restore", "1", "revision", "1"))
                .statusCode())
        .as("a restore based on an old revision")
        .isEqualTo(400);
  }

  @Test
  void changes_to_different_fields_by_two_people_merge_on_their_own() {
    long id = write("Cabinet meets on budget");
    int opened = revision(reporter, id);
    Map<String, String> mine = story("Cabinet meets on the budget");
    mine.put("revision", Integer.toString(opened));
    assertThat(reporter.post("/newsroom/items/" + id, mine).statusCode()).isEqualTo(303);

    Map<String, String> theirs = story("Cabinet meets on budget");
    theirs.put("credit_name", "Reza Example");
    theirs.put("credit_role", "TRANSLATION");
    theirs.put("revision", Integer.toString(opened));
    HttpResponse<String> merged = editor.postForJson("/newsroom/items/" + id, theirs);

    assertThat(merged.statusCode()).isEqualTo(200);
    assertThat(merged.body()).contains("\"merged\":true");
    assertThat(editor.get("/newsroom/items/" + id).body())
        .contains("value=\"Cabinet meets on the budget\"")
        .contains("value=\"Reza Example\"")
        .contains("<option value=\"TRANSLATION\" selected>");
  }

  @Test
  void autosaves_that_meet_at_once_on_one_revision_all_merge_without_a_conflict() throws Exception {
    long id = write("Cabinet meets on water");
    int opened = revision(reporter, id);
    List<java.util.concurrent.Callable<HttpResponse<String>>> saves = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Map<String, String> form =
          story(i == 0 ? "Cabinet meets on water rationing" : "Cabinet meets on water");
      form.put("revision", Integer.toString(opened));
      StaffClient who = i % 2 == 0 ? reporter : editor;
      saves.add(() -> who.postForJson("/newsroom/items/" + id, form));
    }
    var threads = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      for (var answer : threads.invokeAll(saves)) {
        assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(200);
      }
    } finally {
      threads.shutdown();
    }
    assertThat(editor.get("/newsroom/items/" + id).body())
        .contains("value=\"Cabinet meets on water rationing\"")
        .doesNotContain("that met someone else");
  }

  @Test
  void two_people_changing_one_headline_see_both_and_the_second_loses_nothing() {
    long id = write("Cabinet meets on oil");
    int opened = revision(reporter, id);
    Map<String, String> first = story("Cabinet meets on oil exports");
    first.put("revision", Integer.toString(opened));
    assertThat(reporter.post("/newsroom/items/" + id, first).statusCode()).isEqualTo(303);

    Map<String, String> second = story("Cabinet meets on oil prices");
    second.put("standfirst", "Ministers met for three hours.");
    second.put("revision", Integer.toString(opened));
    HttpResponse<String> conflicted = editor.post("/newsroom/items/" + id, second);

    assertThat(conflicted.statusCode()).isEqualTo(303);
    String where = conflicted.headers().firstValue("Location").orElseThrow();
    assertThat(where).contains("/conflicts/");
    HttpResponse<String> choice = editor.get(where);
    assertThat(choice.statusCode()).isEqualTo(200);
    assertThat(choice.body())
        .contains("Cabinet meets on oil exports")
        .contains("Cabinet meets on oil prices");
    assertThat(editor.get("/newsroom/items/" + id).body())
        .as("the conflict draft waits on the item page")
        .contains("that met someone else");
    assertThat(reporter.get("/newsroom/items/" + id).body())
        .contains("value=\"Cabinet meets on oil exports\"");

    HttpResponse<String> resolved = editor.post(where, Map.of("choose.headline", "theirs"));

    assertThat(resolved.statusCode()).isEqualTo(303);
    String page = editor.get("/newsroom/items/" + id).body();
    assertThat(page)
        .contains("value=\"Cabinet meets on oil exports\"")
        .as("their other change is kept")
        .contains("Ministers met for three hours.")
        .doesNotContain("that met someone else");
  }

  @Test
  void the_newsroom_search_finds_drafts_that_the_public_search_never_shows() {
    write("Rare heron seen in the Hamoun wetland");

    assertThat(reporter.get("/newsroom/?q=heron").body())
        .containsPattern("id=\"found\"[\\s\\S]*Rare heron seen in the Hamoun wetland");
    assertThat(editor.get("/newsroom/?q=HERON&status=draft&section=iran&language=en").body())
        .containsPattern("id=\"found\"[\\s\\S]*Rare heron seen");
    assertThat(iraqEditor.get("/newsroom/?q=heron").body())
        .as("another section's editor")
        .doesNotContain("Rare heron seen");
    assertThat(editor.get("/newsroom/?q=heron&status=published").body()).contains("Nothing found");
    assertThat(publicGet("/search?q=heron").body()).doesNotContain("Rare heron seen");
    assertThat(publicGet("/api/v1/search?q=heron").body()).doesNotContain("Rare heron seen");
    HttpResponse<String> bad = editor.get("/newsroom/?status=lost");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("a status is one of");
  }

  @Test
  void the_newsroom_search_finds_a_draft_by_a_word_of_its_body_or_byline() {
    Map<String, String> draft = story("Night cuts announced");
    draft.put("body_text", "Residents of Karaj queued for bottled water at dawn.");
    draft.put("credit_name", "Golnar Sample");
    assertThat(reporter.post("/newsroom/items", draft).statusCode()).isEqualTo(303);

    assertThat(reporter.get("/newsroom/?q=bottled+water").body())
        .containsPattern("id=\"found\"[\\s\\S]*Night cuts announced");
    assertThat(editor.get("/newsroom/?q=GOLNAR").body())
        .containsPattern("id=\"found\"[\\s\\S]*Night cuts announced");
    assertThat(publicGet("/search?q=bottled").body()).doesNotContain("Night cuts announced");
  }

  @Test
  void a_byline_names_several_people_each_with_what_they_did() {
    long id = write("Dams run low in the north");
    List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
    story("Dams run low in the north")
        .forEach(
            (k, v) -> {
              if (!k.startsWith("credit_") && !k.equals("revision")) {
                fields.add(Map.entry(k, v));
              }
            });
    fields.add(Map.entry("revision", Integer.toString(revision(reporter, id))));
    fields.addAll(
        List.of(
            Map.entry("credit_name", "Sara Example"),
            Map.entry("credit_role", "REPORTING"),
            Map.entry("credit_name", "Omid Sample"),
            Map.entry("credit_role", "ADDITIONAL_REPORTING"),
            Map.entry("credit_name", "Leila Example"),
            Map.entry("credit_role", "TRANSLATION")));
    HttpResponse<String> saved = reporter.postFields("/newsroom/items/" + id, fields);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    step(editor, id, "publish", "");

    String page = publicItem(id).body();
    assertThat(page)
        .contains("By <a rel=\"author\" href=\"/author/sara-example\"><bdi>Sara Example</bdi></a>")
        .contains("Additional reporting by <a href=\"/author/omid-sample\">")
        .contains("Translated by <a href=\"/author/leila-example\">")
        .contains("\"translator\":[{\"@type\":\"Person\",\"name\":\"Leila Example\"}]");
    String api = publicGet("/api/v1/items/" + id).body();
    assertThat(api)
        .contains("\"byline\":\"Sara Example\"")
        .contains("{\"name\":\"Leila Example\",\"role\":\"translation\"}");
    fields.removeIf(f -> f.getKey().equals("revision") || f.getKey().equals("credit_role"));
    fields.add(Map.entry("revision", Integer.toString(revision(editor, id))));
    fields.add(Map.entry("credit_role", "singing"));
    HttpResponse<String> bad = editor.postFields("/newsroom/items/" + id, fields);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("a byline's role is reporting, writing");
  }

  @Test
  void a_chosen_slug_makes_the_address_and_the_old_address_moves_to_it() {
    Map<String, String> form = story("Cabinet approves the water budget");
    form.put("slug", "water-budget");
    HttpResponse<String> created = reporter.post("/newsroom/items", form);
    String location = created.headers().firstValue("Location").orElseThrow();
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    step(editor, id, "publish", "");

    assertThat(publicGet("/iran/" + id + "/water-budget").statusCode()).isEqualTo(200);
    assertThat(publicGet("/iran/" + id + "/cabinet-approves-the-water-budget").statusCode())
        .isEqualTo(301);
    Map<String, String> bad = story("Cabinet approves the water budget");
    bad.put("slug", "Water Budget!");
    bad.put("revision", Integer.toString(revision(editor, id)));
    HttpResponse<String> refused = editor.post("/newsroom/items/" + id, bad);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("a slug holds only lower-case letters and digits");
    assertThat(publicGet("/iran/" + id + "/water-budget").statusCode()).isEqualTo(200);
  }

  @Test
  void a_conflicting_headline_can_be_written_anew_from_both_versions() {
    long id = write("Cabinet meets on oil");
    int opened = revision(reporter, id);
    Map<String, String> first = story("Cabinet meets on oil exports");
    first.put("revision", Integer.toString(opened));
    reporter.post("/newsroom/items/" + id, first);
    Map<String, String> second = story("Cabinet meets on oil prices");
    second.put("revision", Integer.toString(opened));
    String where =
        editor.post("/newsroom/items/" + id, second).headers().firstValue("Location").orElseThrow();
    assertThat(editor.get(where).body()).contains("name=\"written.headline\"");

    HttpResponse<String> resolved =
        editor.post(
            where,
            Map.of(
                "choose.headline", "written",
                "written.headline", "Cabinet meets on oil exports and prices"));

    assertThat(resolved.statusCode()).isEqualTo(303);
    assertThat(editor.get("/newsroom/items/" + id).body())
        .contains("value=\"Cabinet meets on oil exports and prices\"");
  }

  @Test
  void retracting_a_story_with_an_edit_waiting_warns_and_keeps_the_edit_in_the_history() {
    long id = write("Convoy reaches the border");
    step(editor, id, "publish", "");
    Map<String, String> edit = story("Convoy reaches the border at dawn");
    edit.put("revision", Integer.toString(revision(editor, id)));
    assertThat(editor.post("/newsroom/items/" + id, edit).statusCode()).isEqualTo(303);
    assertThat(editor.get("/newsroom/items/" + id).body())
        .contains("is an edit not yet published. Retracting takes down revision 2");

    assertThat(step(editor, id, "retract", "The convoy report was wrong.").statusCode())
        .isEqualTo(303);

    String page = editor.get("/newsroom/items/" + id).body();
    assertThat(page).contains("Retracted while revision 3 was waiting unpublished");
    assertThat(editor.get("/newsroom/items/" + id + "/compare?from=3&to=4").statusCode())
        .isEqualTo(200);
  }

  @Test
  void an_editor_stops_a_shared_preview_link_before_it_expires() {
    long id = write("Talks resume in Muscat");
    HttpResponse<String> shared =
        editor.post(
            "/newsroom/items/" + id + "/preview-links",
            Map.of("revision", Integer.toString(revision(editor, id))));
    Matcher link = Pattern.compile("/preview/([A-Za-z0-9_-]{43})").matcher(shared.body());
    assertThat(link.find()).isTrue();
    assertThat(publicGet("/preview/" + link.group(1)).statusCode()).isEqualTo(200);
    Matcher hash =
        Pattern.compile("name=\"link\" value=\"([^\"]+)\"")
            .matcher(editor.get("/newsroom/items/" + id).body());
    assertThat(hash.find()).as("the item page lists the working link").isTrue();
    assertThat(
            reporter
                .post(
                    "/newsroom/items/" + id + "/preview-links/revoke",
                    Map.of("link", hash.group(1)))
                .statusCode())
        .as("a reporter may not")
        .isEqualTo(403);

    HttpResponse<String> stopped =
        editor.post(
            "/newsroom/items/" + id + "/preview-links/revoke", Map.of("link", hash.group(1)));

    assertThat(stopped.statusCode()).isEqualTo(303);
    assertThat(publicGet("/preview/" + link.group(1)).statusCode()).isEqualTo(404);
    assertThat(editor.get("/newsroom/items/" + id).body()).doesNotContain("name=\"link\"");
  }

  @Test
  void saving_the_plain_text_form_keeps_the_formatting_of_paragraphs_left_unchanged() {
    Map<String, String> form = story("Rationing starts in Isfahan");
    form.put(
        "body_json",
        "{\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\","
            + "\"text\":\"Both marks\",\"marks\":[{\"type\":\"strong\"},{\"type\":\"em\"}]}]},"
            + "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Second.\"}]}]}");
    form.remove("body_text");
    HttpResponse<String> created = reporter.post("/newsroom/items", form);
    String location = created.headers().firstValue("Location").orElseThrow();
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

    Map<String, String> plain = story("Rationing starts in Isfahan");
    plain.put("body_text", "Both marks\n\nSecond, changed.");
    plain.put("revision", Integer.toString(revision(reporter, id)));
    assertThat(reporter.post("/newsroom/items/" + id, plain).statusCode()).isEqualTo(303);
    step(editor, id, "publish", "");

    assertThat(publicItem(id).body())
        .contains("<p><strong><em>Both marks</em></strong></p>")
        .contains("<p>Second, changed.</p>");
  }

  @Test
  void existing_tags_and_bylines_are_suggested_as_one_types() {
    write("Reservoirs at a record low");

    HttpResponse<String> suggested = reporter.get("/newsroom/subjects?kind=tag&language=en&q=WAT");

    assertThat(suggested.statusCode()).isEqualTo(200);
    assertThat(suggested.body()).startsWith("[").containsIgnoringCase("\"water\"");
    assertThat(reporter.get("/newsroom/subjects?kind=author&language=en&q=sar").body())
        .contains("\"Sara Example\"");
    assertThat(reporter.get("/newsroom/subjects?kind=dog&language=en&q=s").statusCode())
        .isEqualTo(400);
  }

  @Test
  void a_story_links_its_translation_by_item_number() {
    long english = write("Dam levels fall again");
    step(editor, english, "publish", "");
    Map<String, String> persian = story("سطح آب سدها دوباره پایین آمد");
    persian.put("language", "fa");
    persian.put("body_text", "شرکت آب منطقه‌ای گفت سطح ذخایر دوباره کاهش یافته است.");
    persian.put("translations", Long.toString(english));
    HttpResponse<String> created = reporter.post("/newsroom/items", persian);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
    String location = created.headers().firstValue("Location").orElseThrow();
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    assertThat(reporter.get(location).body()).contains("value=\"" + english + "\"");
    step(editor, id, "publish", "");

    HttpResponse<String> page = publicGet("/fa/iran/" + id);
    String body =
        page.statusCode() == 301
            ? publicGet(
                    URI.create(page.headers().firstValue("Location").orElseThrow()).getRawPath())
                .body()
            : page.body();
    assertThat(body).contains("hreflang=\"en\"").contains("/iran/" + english + "/");

    Map<String, String> same = story("Another English story");
    same.put("translations", Long.toString(english));
    HttpResponse<String> refused = reporter.post("/newsroom/items", same);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("is in the same language");
  }

  @Test
  void a_reporters_edit_of_a_scheduled_story_goes_back_to_review_instead_of_out_unseen() {
    long id = write("Ceasefire talks set for Friday");
    String inAnHour =
        java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusHours(1).withNano(0).toString();
    editor.post(
        "/newsroom/items/" + id + "/steps/schedule",
        Map.of("revision", Integer.toString(revision(editor, id)), "at", inAnHour));
    Map<String, String> edit = story("Ceasefire talks set for Friday, sources say");
    edit.put("revision", Integer.toString(revision(reporter, id)));

    assertThat(reporter.post("/newsroom/items/" + id, edit).statusCode()).isEqualTo(303);

    assertThat(editor.get("/newsroom/items/" + id).body())
        .contains("Status: submitted for review")
        .doesNotContain("It will be published on");
  }

  @Test
  void an_editor_given_no_sections_sees_no_sections_items_and_drafts_suggest_nothing() {
    write("Zebra finches nest in the Gilan lagoon");
    Map<String, String> tagged = story("A draft about a rare bird");
    tagged.put("subjects_tag", "zebrafinch");
    reporter.post("/newsroom/items", tagged);
    StaffClient nowhere =
        StaffClient.add(masthead, origin, "nowhere@example.org", "editor", List.of());

    assertThat(nowhere.get("/newsroom/").body()).doesNotContain("Zebra finches");
    assertThat(nowhere.get("/newsroom/?q=zebra").body())
        .doesNotContain("Zebra finches")
        .contains("Nothing found");
    assertThat(reporter.get("/newsroom/subjects?kind=tag&language=en&q=zebra").body())
        .as("a draft's tags are not suggested")
        .isEqualTo("[]");
  }

  @Test
  void bad_input_gets_a_clear_error_and_changes_nothing() {
    long id = write("Drought hits farms");
    int before = revision(reporter, id);
    Map<String, Map.Entry<String, String>> cases =
        Map.of(
            "script in the headline",
            Map.entry("headline", "<script>alert(1)</script>"),
            "an unknown section",
            Map.entry("section", "sport"),
            "a body the editor cannot make",
            Map.entry("body_json", "{\"type\":\"doc\",\"content\":[{\"type\":\"iframe\"}]}"),
            "a javascript link",
            Map.entry(
                "body_json",
                "{\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"x\",\"marks\":[{\"type\":\"link\",\"attrs\":{\"href\":\"javascript:alert(1)\"}}]}]}]}"),
            "an oversized body",
            Map.entry("body_text", "word ".repeat(50_000)));
    cases.forEach(
        (what, field) -> {
          Map<String, String> form = story("Drought hits farms");
          form.put(field.getKey(), field.getValue());
          form.put("revision", Integer.toString(before));
          HttpResponse<String> answer = reporter.post("/newsroom/items/" + id, form);
          assertThat(answer.statusCode()).as(what).isEqualTo(400);
          assertThat(answer.body()).as(what).contains("class=\"problem\"");
        });
    assertThat(revision(reporter, id)).as("nothing was saved").isEqualTo(before);
  }

  @Test
  void another_sections_editor_and_another_reporter_cannot_see_or_change_an_item() {
    long id = write("Inflation figures released");
    StaffClient otherReporter =
        StaffClient.add(masthead, origin, "other@example.org", "contributor", List.of("iran"));

    assertThat(iraqEditor.get("/newsroom/items/" + id).statusCode()).isEqualTo(404);
    assertThat(otherReporter.get("/newsroom/items/" + id).statusCode()).isEqualTo(404);
    assertThat(
            iraqEditor
                .post("/newsroom/items/" + id + "/steps/publish", Map.of("revision", "1"))
                .statusCode())
        .isEqualTo(404);
    Map<String, String> elsewhere = story("Oil output steady");
    elsewhere.put("section", "iraq");
    assertThat(reporter.post("/newsroom/items", elsewhere).statusCode())
        .as("a reporter of Iran writing in Iraq")
        .isEqualTo(403);
    assertThat(publicItem(id).statusCode()).isEqualTo(404);
  }

  @Test
  void the_item_page_loads_the_editor_through_an_import_map_its_policy_allows() {
    long id = write("Elections set for spring");
    HttpResponse<String> page = reporter.get("/newsroom/items/" + id);

    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).containsPattern("script-src 'self' 'sha256-[A-Za-z0-9+/=]+'");
    Matcher map =
        Pattern.compile("<script type=\"importmap\">([^<]+)</script>").matcher(page.body());
    assertThat(map.find()).isTrue();
    Matcher model =
        Pattern.compile("\"prosemirror-model\":\"(/newsroom/modules/[^\"]+)\"")
            .matcher(map.group(1));
    assertThat(model.find()).isTrue();
    HttpResponse<String> module = reporter.get(model.group(1));
    assertThat(module.statusCode()).isEqualTo(200);
    assertThat(module.headers().firstValue("Cache-Control"))
        .contains("public, max-age=31536000, immutable");
    assertThat(reporter.get("/newsroom/modules/prosemirror-model@0.0.1/dist/index.js").statusCode())
        .isEqualTo(404);
  }
}
