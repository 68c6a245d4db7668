package news.masthead.together;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import news.masthead.content.ItemId;
import news.masthead.store.BodyStepStore;
import news.masthead.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The co-editing log behind revisions: who typed what between two revisions, read from the stored
 * steps; and trimming, which happens only behind a revision and only for steps older than the
 * margin, after which an editor on a trimmed version is told so and the body still opens.
 */
class TogetherLogTest {
  private static final String START =
      "{\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":"
          + "[{\"type\":\"text\",\"text\":\"Dam levels fall.\"}]}]}";
  private static final ItemId ITEM = new ItemId(41);
  private static final long REZA = 3;
  private static final long EDA = 4;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A clock the test moves forward. */
  private static final class Calendar extends Clock {
    Instant now = Instant.parse("2026-11-01T08:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final Calendar calendar = new Calendar();
  private Database database;
  private Together together;

  @BeforeEach
  void open(@TempDir Path data) {
    database = Database.openSqlite(data);
    together = new Together(new BodyStepStore(database, calendar), calendar);
  }

  @AfterEach
  void close() {
    together.close();
    database.close();
  }

  private static JsonNode insert(int at, String text) {
    return JSON.readTree(
        "[{\"stepType\":\"replace\",\"from\":"
            + at
            + ",\"to\":"
            + at
            + ",\"slice\":{\"content\":[{\"type\":\"text\",\"text\":\""
            + text
            + "\"}]}}]");
  }

  private static JsonNode delete(int from, int to) {
    return JSON.readTree("[{\"stepType\":\"replace\",\"from\":" + from + ",\"to\":" + to + "}]");
  }

  private int send(long member, int version, JsonNode steps) {
    Together.Received received =
        together.receive(ITEM, member, "editor-" + member + "-tab", version, steps);
    return ((Together.Accepted) received).version();
  }

  @Test
  void the_history_shows_who_typed_and_who_deleted_each_piece_between_two_revisions() {
    Together.Opened opened = together.open(ITEM, START);
    together.revisionMade(ITEM, 1, together.checkpoint(ITEM).version());
    // "Dam levels fall." → Reza adds " Sharply." at the end, Eda deletes "levels " and adds "Karun
    // ".
    int v = send(REZA, opened.version(), insert(17, " Sharply."));
    v = send(EDA, v, delete(5, 12));
    v = send(EDA, v, insert(5, "Karun "));
    together.revisionMade(ITEM, 2, together.checkpoint(ITEM).version());

    List<List<Together.Run>> body =
        together
            .authorship(ITEM, together.versionOfRevision(ITEM, 1).orElseThrow(), v)
            .orElseThrow();

    assertThat(body).hasSize(1);
    assertThat(body.getFirst())
        .containsExactly(
            new Together.Run("Dam ", 0, false),
            new Together.Run("levels", EDA, true),
            new Together.Run("Karun", EDA, false),
            new Together.Run(" fall.", 0, false),
            new Together.Run(" Sharply.", REZA, false));
  }

  @Test
  void the_log_is_trimmed_only_behind_a_revision_and_only_of_steps_older_than_the_margin() {
    Together.Opened opened = together.open(ITEM, START);
    int first = send(REZA, opened.version(), insert(17, " Rain"));
    int second = send(REZA, first, insert(22, " is due."));
    together.revisionMade(ITEM, 2, together.checkpoint(ITEM).version());
    assertThat(together.since(ITEM, 0).steps()).as("recent steps are kept").hasSize(2);

    calendar.now = calendar.now.plus(Together.KEEP_STEPS).plus(Duration.ofDays(1));
    int third = send(EDA, second, insert(1, "Update: "));
    together.revisionMade(ITEM, 3, together.checkpoint(ITEM).version());

    assertThatThrownBy(() -> together.since(ITEM, first))
        .isInstanceOf(Together.Trimmed.class)
        .hasMessageContaining("no longer kept");
    assertThat(together.receive(ITEM, EDA, "late-tab-1", first, insert(1, "x")))
        .as("steps this server still holds in memory are sent though the log has trimmed them")
        .isInstanceOfSatisfying(
            Together.Behind.class,
            behind -> {
              assertThat(behind.missed().version()).isEqualTo(third);
              assertThat(behind.missed().steps())
                  .extracting(Together.Sent::clientId)
                  .containsExactly("editor-" + REZA + "-tab", "editor-" + EDA + "-tab");
            });
    assertThat(together.since(ITEM, second).steps())
        .as("steps after the trimmed revision are still kept")
        .hasSize(1);
    assertThat(together.authorship(ITEM, 0, second)).isEmpty();
    assertThat(together.authorship(ITEM, second, third)).isPresent();

    together.close();
    together = new Together(new BodyStepStore(database, calendar), calendar);
    Together.Opened again = together.open(ITEM, START);
    assertThat(again.version()).isEqualTo(third);
    // a restarted server holds no recent steps in memory: the trimmed ones are gone for good
    assertThatThrownBy(() -> together.receive(ITEM, EDA, "late-tab-1", first, insert(1, "x")))
        .isInstanceOf(Together.InvalidSteps.class)
        .hasMessageContaining("conflict draft");
    assertThat(again.doc()).contains("Update: Dam levels fall. Rain is due.");
    assertThat(send(REZA, third, insert(1, "Live: "))).isEqualTo(third + 1);
  }
}
