package news.masthead.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import news.masthead.app.Masthead;
import news.masthead.app.Settings;
import news.masthead.content.Item;
import news.masthead.content.Status;
import news.masthead.ingest.ImportProgress;
import news.masthead.ingest.ImportReport;
import news.masthead.testing.Copies;
import news.masthead.testing.RunningSite;
import news.masthead.web.RenderedPage;
import news.masthead.workflow.Submission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The content API over HTTP, checked against its own OpenAPI description and the ninjs schema. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentApiTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Path NINJS_SCHEMA = Path.of("../shared/standards/ninjs/ninjs-schema_3.1.json");

  RunningSite site;
  JsonNode openApi;

  @BeforeAll
  void start(@TempDir Path data) {
    site = RunningSite.withDemo(data);
    site.masthead()
        .publishing()
        .save(
            Copies.published(
                "urn:test:gone", Copies.story("Retracted later", "Iran"), "2026-11-01T08:00:00Z"));
    site.masthead()
        .publishing()
        .save(
            Submission.imported(
                "urn:test:gone",
                Copies.story("Retracted later", "Iran"),
                new Status.Retracted("The main source recanted."),
                Optional.empty(),
                Optional.of(Instant.parse("2026-11-02T08:00:00Z")),
                "desk"));
    openApi = JSON.readTree(site.get("/api/openapi.json").body());
  }

  @AfterAll
  void stop() {
    site.close();
  }

  JsonNode json(String path) {
    HttpResponse<String> response = site.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .as(path)
        .hasValue("application/json;charset=utf-8");
    return JSON.readTree(response.body());
  }

  /** A validator for one of the OpenAPI document's component schemas. */
  Schema component(String name) {
    ObjectNode schema = JSON.createObjectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("$ref", "#/components/schemas/" + name);
    schema.set("components", openApi.get("components"));
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
  }

  @Test
  void the_openapi_description_is_openapi_3_1_and_names_every_route_the_server_answers() {
    List<String> described = new ArrayList<>();
    openApi.get("paths").propertyNames().forEach(described::add);
    List<String> routed =
        site.masthead().readablePaths().stream().filter(p -> p.startsWith("/api/v1/")).toList();

    assertThat(openApi.get("openapi").asString()).isEqualTo("3.1.0");
    assertThat(openApi.get("servers").get(0).get("url").asString())
        .isEqualTo("http://localhost:8080");
    assertThat(routed).as("the API's routes in the route table").isNotEmpty();
    assertThat(described)
        .as("the paths the OpenAPI description gives")
        .containsExactlyInAnyOrderElementsOf(routed);
    openApi
        .get("paths")
        .properties()
        .forEach(
            path ->
                assertThat(path.getValue().propertyNames())
                    .as("the operations of %s", path.getKey())
                    .containsExactly("get"));
  }

  @Test
  void every_answer_matches_the_schema_the_openapi_description_gives_for_it() {
    long id =
        site.masthead()
            .items()
            .findByUri("urn:masthead-demo:iran-water-rationing")
            .orElseThrow()
            .id()
            .value();
    Map<String, String> examples =
        Map.of(
            "/api/v1/items",
            "ItemList",
            "/api/v1/items?section=iran&profile=brief&limit=2",
            "ItemList",
            "/api/v1/items?language=fa",
            "ItemList",
            "/api/v1/items/" + id,
            "Item",
            "/api/v1/sections",
            "SectionList",
            "/api/v1/tags",
            "SubjectList",
            "/api/v1/people?language=fa",
            "SubjectList",
            "/api/v1/authors",
            "SubjectList",
            "/api/v1/organisations",
            "SubjectList",
            "/api/v1/places",
            "SubjectList");
    examples.forEach(
        (path, schema) -> assertThat(component(schema).validate(json(path))).as(path).isEmpty());
    assertThat(component("Error").validate(JSON.readTree(site.get("/api/v1/items?limit=0").body())))
        .isEmpty();
  }

  @Test
  void search_answers_with_marked_snippets_and_refuses_what_it_cannot_run() throws Exception {
    JsonNode results = null;
    for (int tries = 0; tries < 100; tries++) { // the index is built in the background at start
      HttpResponse<String> response = site.get("/api/v1/search?q=water");
      if (response.statusCode() == 200) {
        results = JSON.readTree(response.body());
        break;
      }
      assertThat(response.statusCode()).isEqualTo(503);
      Thread.sleep(100);
    }
    assertThat(results).isNotNull();
    assertThat(component("SearchResults").validate(results)).isEmpty();
    assertThat(results.get("total").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(results.get("items").get(0).get("snippet").toString()).contains("\"marked\":true");
    assertThat(
            component("SearchResults")
                .validate(json("/api/v1/search?q=%D8%A2%D8%A8&language=fa&sort=date")))
        .isEmpty();
    // a cursor past the last page (the results grew fewer since it was given) ends the list
    String pastTheLast =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("p99".getBytes(StandardCharsets.UTF_8));
    JsonNode beyond = json("/api/v1/search?q=water&cursor=" + pastTheLast);
    assertThat(beyond.get("items")).isEmpty();
    assertThat(beyond.has("next")).isFalse();
    assertThat(beyond.get("total").asLong()).isEqualTo(results.get("total").asLong());
    assertThat(error("/api/v1/search?q=*ater", 400)).isNotEmpty();
    assertThat(error("/api/v1/search", 400)).contains("q is missing");
    assertThat(error("/api/v1/search?q=water&sort=best", 400))
        .contains("sort must be relevance or date");
  }

  @Test
  void pages_follow_one_another_by_cursor_without_repeating_or_skipping() {
    Set<Long> seen = new HashSet<>();
    String path = "/api/v1/items?limit=4";
    int pages = 0;
    while (path != null) {
      JsonNode page = json(path);
      page.get("items").forEach(item -> assertThat(seen.add(item.get("id").asLong())).isTrue());
      path =
          page.has("next") ? "/api/v1/items?limit=4&cursor=" + page.get("next").asString() : null;
      pages++;
    }
    int english = json("/api/v1/items?limit=100").get("items").size();
    assertThat(seen).hasSize(english);
    assertThat(pages).isGreaterThan(3);
  }

  static List<String> headlines(JsonNode items) {
    List<String> headlines = new ArrayList<>();
    items.forEach(item -> headlines.add(item.get("headline").asString()));
    return headlines;
  }

  @Test
  void items_filter_by_section_profile_and_subject() {
    JsonNode iraq = json("/api/v1/items?section=iraq").get("items");
    JsonNode briefs = json("/api/v1/items?profile=brief").get("items");

    assertThat(headlines(iraq))
        .as("the English items in Iraq, newest first")
        .containsExactly(
            "Mosul's old bridge reopens to pedestrians after restoration",
            "Basra power cuts ease after emergency repairs to the main transmission line",
            "Date exporters report strongest season in a decade",
            "Parliament delays vote on election law amid dispute over district boundaries",
            "Schools in Basra shorten day as late heat persists",
            "The marshes cannot wait for another study");
    assertThat(iraq).allMatch(i -> i.get("section").get("slug").asString().equals("iraq"));
    assertThat(headlines(briefs))
        .as("the English briefs, newest first")
        .containsExactly(
            "Gold coin prices jump as savers seek a hedge",
            "Moderate earthquake shakes Kerman province; no casualties reported",
            "Flights resume at Mashhad airport after fog delays",
            "Mosul's old bridge reopens to pedestrians after restoration",
            "Date exporters report strongest season in a decade",
            "Bakers in Tabriz say flour quotas were cut without notice",
            "Baghdad trade fair draws exhibitors from 20 countries",
            "Metro extension to Tehran's western suburbs opens its first three stations",
            "Schools in Basra shorten day as late heat persists");
    assertThat(briefs).allMatch(i -> i.get("profile").asString().equals("brief"));
    assertThat(json("/api/v1/items?tag=water").get("items")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(json("/api/v1/items?author=leila-navabi").get("items")).hasSize(2);
  }

  @Test
  void an_item_reads_in_full() {
    long id =
        site.masthead()
            .items()
            .findByUri("urn:masthead-demo:iraq-basra-power")
            .orElseThrow()
            .id()
            .value();
    JsonNode item = json("/api/v1/items/" + id);

    assertThat(item.get("headline").asString()).startsWith("Basra power cuts ease");
    assertThat(item.get("sources")).hasSize(3);
    assertThat(item.get("sources").get(2).get("role").asString()).isEqualTo("declined_to_comment");
    assertThat(item.get("corrections")).hasSize(1);
    assertThat(item.get("bodyHtml").asString()).startsWith("<p>Electricity supply in Basra");
  }

  @Test
  void every_demo_item_as_ninjs_validates_against_the_iptc_schema() throws Exception {
    Schema ninjs =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(Files.readString(NINJS_SCHEMA));
    for (JsonNode summary : json("/api/v1/items?limit=100").get("items")) {
      long id = summary.get("id").asLong();
      HttpResponse<String> byAccept =
          site.get("/api/v1/items/" + id, "Accept", "application/ninjs+json");
      HttpResponse<String> byFormat = site.get("/api/v1/items/" + id + "?format=ninjs");
      assertThat(byAccept.headers().firstValue("Content-Type"))
          .hasValue("application/ninjs+json; charset=utf-8");
      assertThat(byAccept.body()).isEqualTo(byFormat.body());
      assertThat(byAccept.headers().firstValue("Vary")).hasValue("Accept, Accept-Encoding");
      assertThat(site.get("/api/v1/items/" + id).headers().firstValue("Content-Type"))
          .hasValue("application/json;charset=utf-8");
      assertThat(ninjs.validate(JSON.readTree(byAccept.body()))).as("item %d", id).isEmpty();
    }
  }

  @Test
  void exporting_every_item_as_ninjs_and_importing_it_elsewhere_gives_the_same_items(
      @TempDir Path other) throws Exception {
    List<Item> originals = new ArrayList<>();
    StringBuilder lines = new StringBuilder();
    for (String language : List.of("en", "fa")) {
      for (JsonNode summary : json("/api/v1/items?limit=100&language=" + language).get("items")) {
        long id = summary.get("id").asLong();
        originals.add(
            site.masthead().items().find(new news.masthead.content.ItemId(id)).orElseThrow());
        lines
            .append(
                JSON.writeValueAsString(
                    JSON.readTree(site.get("/api/v1/items/" + id + "?format=ninjs").body())))
            .append('\n');
      }
    }
    Path file = Files.writeString(other.resolve("export.jsonl"), lines);

    try (Masthead copy = Masthead.open(Settings.defaults(other.resolve("data"), 0))) {
      ImportReport report = copy.importer().importFiles(List.of(file), ImportProgress.SILENT);

      assertThat(report.problems()).isEmpty();
      for (Item original : originals) {
        Item imported = copy.items().findByUri(original.uri()).orElseThrow();
        assertThat(imported.copy()).as(original.uri()).isEqualTo(original.copy());
        assertThat(imported.status()).isEqualTo(original.status());
        assertThat(imported.firstPublished()).isEqualTo(original.firstPublished());
      }
    }
  }

  @Test
  void answers_carry_caching_headers_and_a_matching_if_none_match_gets_304() {
    HttpResponse<String> first = site.get("/api/v1/sections");
    String etag = first.headers().firstValue("ETag").orElseThrow();

    assertThat(first.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=60, stale-while-revalidate=600");
    assertThat(etag).isEqualTo(RenderedPage.etagOf(first.body().getBytes(StandardCharsets.UTF_8)));
    assertThat(first.headers().firstValue("Vary")).hasValue("Accept-Encoding");
    HttpResponse<String> again = site.get("/api/v1/sections", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(site.get("/api/v1/items?limit=0").headers().firstValue("Cache-Control"))
        .as("an error's")
        .hasValue("public, max-age=30");
  }

  @Test
  void errors_are_json_that_names_the_problem() {
    assertThat(error("/api/v1/items?limit=1000", 400))
        .isEqualTo("limit must be a whole number from 1 to 100, not \"1000\"");
    assertThat(error("/api/v1/items?language=de", 400))
        .contains("language must be one of [en, fa]");
    assertThat(error("/api/v1/items?cursor=nonsense", 400))
        .contains("cursor is not one this API gave out");
    assertThat(error("/api/v1/items?profile=podcast", 400))
        .contains("profile must be \"story\" or \"brief\"");
    assertThat(error("/api/v1/items?tag=a&author=b", 400)).contains("one of tag, person");
    assertThat(error("/api/v1/items/abc", 400)).contains("positive whole number");
    assertThat(error("/api/v1/items/999999", 404)).contains("no published item has the id 999999");
    assertThat(error("/api/v1/nothing-here", 404)).contains("/api/openapi.json lists them all");
    long gone = site.masthead().items().findByUri("urn:test:gone").orElseThrow().id().value();
    assertThat(error("/api/v1/items/" + gone, 410))
        .isEqualTo("this item was retracted: The main source recanted.");
    assertThat(
            JSON.readTree(site.get("/api/v1/items/" + gone + "?format=ninjs").body())
                .get("pubStatus")
                .asString())
        .isEqualTo("canceled");
  }

  String error(String path, int status) {
    HttpResponse<String> response = site.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .as(path)
        .hasValue("application/json;charset=utf-8");
    JsonNode error = JSON.readTree(response.body()).get("error");
    assertThat(error.get("status").asInt()).isEqualTo(status);
    return error.get("message").asString();
  }
}
