package news.masthead.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import news.masthead.testing.HeldTurns;
import news.masthead.testing.RunningSite;
import news.masthead.web.Turns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real server whose turns at uncached work are all taken (as under a flood of slow requests), and
 * one being closed while it answers.
 */
class ServerUnderPressureTest {
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void api_reads_that_wait_too_long_for_a_turn_are_told_the_site_is_busy_not_a_500(
      @TempDir Path data) throws Exception {
    try (RunningSite site = RunningSite.withDemo(data)) {
      List<String> reads =
          List.of("/api/v1/items", "/api/v1/items/1", "/api/v1/sections", "/api/v1/tags");
      try (HeldTurns flood = HeldTurns.all(site.masthead().turns())) {
        for (String path : reads) {
          HttpResponse<String> busy = site.get(path);
          assertThat(busy.statusCode()).as(path).isEqualTo(503);
          assertThat(busy.headers().firstValue("Retry-After")).as(path).hasValue("5");
          assertThat(busy.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
          JsonNode error = JSON.readTree(busy.body()).get("error");
          assertThat(error.get("status").asInt()).isEqualTo(503);
          assertThat(error.get("message").asString()).contains("too many requests at once");
        }
      }
      for (String path : reads) {
        assertThat(site.get(path).statusCode()).as(path + " once the flood is over").isEqualTo(200);
      }
    }
  }

  @Test
  void an_api_read_that_cannot_be_read_gets_its_400_at_once_even_in_a_flood(@TempDir Path data)
      throws Exception {
    try (RunningSite site = RunningSite.withDemo(data)) {
      List<String> malformed =
          List.of(
              "/api/v1/items?limit=0",
              "/api/v1/items/abc",
              "/api/v1/items/1?format=xml",
              "/api/v1/sections?language=xx",
              "/api/v1/tags?cursor=%25%25");
      try (HeldTurns flood = HeldTurns.all(site.masthead().turns())) {
        for (String path : malformed) {
          HttpResponse<String> refused = site.get(path);
          assertThat(refused.statusCode()).as(path + ": not a 503 after waiting").isEqualTo(400);
          assertThat(JSON.readTree(refused.body()).get("error").get("status").asInt())
              .isEqualTo(400);
        }
      }
    }
  }

  @Test
  void closing_the_server_finishes_the_requests_in_flight_before_the_database_closes(
      @TempDir Path data) throws Exception {
    RunningSite site = RunningSite.withDemo(data);
    Turns turns = site.masthead().turns();
    HttpClient http = HttpClient.newHttpClient();
    URI noTurnNeeded = URI.create(site.url("/api/openapi.json"));
    CompletableFuture<HttpResponse<String>> inFlight;
    Thread closing;
    try (HeldTurns flood = HeldTurns.all(turns)) {
      inFlight =
          http.sendAsync(
              HttpRequest.newBuilder(URI.create(site.url("/api/v1/items?limit=3")))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      long deadline = System.currentTimeMillis() + 1_500;
      while (turns.waiting() == 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(5);
      }
      assertThat(turns.waiting()).as("the request is in the server, waiting for a turn").isOne();

      closing = Thread.ofPlatform().start(site::close);
      deadline = System.currentTimeMillis() + 1_000;
      while (accepts(http, noTurnNeeded) && System.currentTimeMillis() < deadline) {
        Thread.sleep(5);
      }
      assertThat(accepts(http, noTurnNeeded)).as("new requests refused while closing").isFalse();
      Thread.sleep(500); // the request still waits (for at most 2 s in all, Turns.WAIT_MS)
      assertThat(closing.isAlive()).as("close waits for the request in flight").isTrue();
    }

    HttpResponse<String> answered = inFlight.get(10, TimeUnit.SECONDS);
    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(answered.body()).get("items")).hasSize(3);
    closing.join(10_000);
    assertThat(closing.isAlive()).isFalse();
  }

  /** Whether the server still answers a new request that needs no turn. */
  private static boolean accepts(HttpClient http, URI address) {
    try {
      return http.send(
                  HttpRequest.newBuilder(address).timeout(Duration.ofMillis(200)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
