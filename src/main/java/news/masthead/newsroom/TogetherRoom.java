package news.masthead.newsroom;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import news.masthead.content.DeskItem;
import news.masthead.content.ItemId;
import news.masthead.content.Role;
import news.masthead.content.StaffMember;
import news.masthead.together.Together;
import news.masthead.workflow.Desk;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * Live co-editing of an item's body, for the editor's script: the body at its newest version, steps
 * in (accepted, or answered with the ones missed), steps and presence out over server-sent events
 * or long polling. Only those who may edit the item may send; every change carries the session's
 * form token. Answers are JSON.
 */
public final class TogetherRoom {
  /** The longest a long poll waits for new steps. */
  static final long POLL_SECONDS = 25;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Door door;
  private final Desk desk;
  private final Together together;

  /**
   * Who was found a moment ago to be allowed to edit which item. Steps and presence come many times
   * a second from each editor; the check (which reads the whole item) is made again once a second
   * at most, and at once when anything about the person changes.
   */
  private final Cache<Map.Entry<StaffMember, ItemId>, Boolean> editingNow =
      Caffeine.newBuilder()
          .expireAfterWrite(java.time.Duration.ofSeconds(1))
          .maximumSize(10_000)
          .build();

  TogetherRoom(Door door, Desk desk, Together together) {
    this.door = door;
    this.desk = desk;
    this.together = together;
  }

  /** {@code GET /newsroom/items/{id}/together}: the body now, to start co-editing from. */
  public void open(Context ctx) {
    Visit visit = door.require(ctx, Role.CONTRIBUTOR);
    DeskItem item = editable(visit, ctx);
    Together.Opened opened =
        together.open(item.newest().id(), EditorBody.write(item.newest().copy().body()).toString());
    if (opened.version() == 0) {
      together.revisionMade(item.newest().id(), item.newest().revision(), 0);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("version", opened.version());
    answer.put("doc", JSON.readTree(opened.doc()));
    answer.put("hash", opened.hash());
    answer.put("present", together.present(item.newest().id()));
    Newsroom.json(ctx, 200, answer);
  }

  /**
   * {@code POST /newsroom/items/{id}/together/steps}: a batch of steps, {@code {"version": N,
   * "clientID": "…", "steps": […]}}. 200 with the new version; 409 with the steps missed; 400
   * naming what is wrong with the batch.
   */
  public void steps(Context ctx) {
    Visit visit = door.requireFormNow(ctx, Role.CONTRIBUTOR);
    ItemId id = editableNow(visit, ctx);
    JsonNode batch = body(ctx);
    try {
      Together.Received received =
          together.receive(
              id,
              visit.member().id(),
              batch.path("clientID").asString(""),
              batch.path("version").isInt() ? batch.path("version").asInt() : -1,
              batch.path("steps"));
      switch (received) {
        case Together.Accepted accepted ->
            Newsroom.json(ctx, 200, Map.of("version", accepted.version()));
        case Together.Behind behind -> Newsroom.json(ctx, 409, stepsJson(behind.missed()));
      }
    } catch (Together.InvalidSteps e) {
      org.slf4j.LoggerFactory.getLogger(TogetherRoom.class)
          .info("refused a batch of steps for item {}: {}", id.value(), e.getMessage());
      Newsroom.json(ctx, 400, Map.of("error", e.getMessage()));
    }
  }

  /**
   * {@code GET /newsroom/items/{id}/together/steps?version=N}: the steps after version N, waiting
   * up to {@value #POLL_SECONDS} seconds for some when there are none yet (long polling), or not at
   * all with {@code &wait=no}.
   */
  public void poll(Context ctx) throws Exception {
    Visit visit = door.require(ctx, Role.CONTRIBUTOR);
    DeskItem item = editable(visit, ctx);
    int version = version(ctx);
    ItemId id = item.newest().id();
    Together.Since now;
    try {
      now = together.since(id, version);
    } catch (Together.Trimmed e) {
      throw Refusal.gone(e.getMessage());
    }
    if (!now.steps().isEmpty() || "no".equals(ctx.queryParam("wait"))) {
      Newsroom.json(ctx, 200, stepsJson(now));
      return;
    }
    CompletableFuture<Together.Since> next = new CompletableFuture<>();
    try (AutoCloseable following = together.follow(id, version, next::complete, p -> {})) {
      Newsroom.json(ctx, 200, stepsJson(next.get(POLL_SECONDS, TimeUnit.SECONDS)));
    } catch (TimeoutException e) {
      Newsroom.json(ctx, 200, stepsJson(new Together.Since(version, List.of())));
    }
  }

  /**
   * {@code GET /newsroom/items/{id}/together/events?version=N}: server-sent events, {@code steps}
   * after version N as they are accepted and {@code presence} whenever who is editing changes. The
   * person, the item and the version are checked before the stream starts, so a refusal is answered
   * with its own status.
   */
  public void events(Context ctx) throws Exception {
    Visit visit = door.require(ctx, Role.CONTRIBUTOR);
    ItemId item = editable(visit, ctx).newest().id();
    int version = version(ctx);
    try {
      together.requireKept(item, version);
    } catch (Together.Trimmed e) {
      throw Refusal.gone(e.getMessage());
    }
    ctx.header("X-Accel-Buffering", "no");
    new SseHandler(client -> stream(client, item, version)).handle(ctx);
  }

  private void stream(SseClient client, ItemId item, int version) {
    AutoCloseable following =
        together.follow(
            item,
            version,
            since -> send(client, "steps", stepsJson(since)),
            present -> send(client, "presence", present),
            client::close);
    client.onClose(
        () -> {
          try {
            following.close();
          } catch (Exception e) {
            // following ends with the connection either way
          }
        });
    client.keepAlive();
  }

  /**
   * {@code POST /newsroom/items/{id}/together/presence}: {@code {"clientID": "…", "place": "…"}},
   * where the editor is (a field's name, or the body's selection as {@code from:to}); with {@code
   * "gone": true} when the page closes.
   */
  public void presence(Context ctx) {
    Visit visit = door.requireFormNow(ctx, Role.CONTRIBUTOR);
    ItemId id = editableNow(visit, ctx);
    JsonNode body = body(ctx);
    String client = body.path("clientID").asString("");
    try {
      if (body.path("gone").asBoolean(false)) {
        together.leave(id, visit.member().id(), client);
      } else {
        String name =
            visit.member().name().isBlank() ? visit.member().email() : visit.member().name();
        together.here(id, visit.member().id(), name, client, body.path("place").asString(""));
      }
      Newsroom.json(ctx, 200, Map.of("present", together.present(id)));
    } catch (Together.InvalidSteps e) {
      Newsroom.json(ctx, 400, Map.of("error", e.getMessage()));
    }
  }

  private static void send(SseClient client, String event, Object data) {
    if (!client.terminated()) {
      client.sendEvent(event, JSON.writeValueAsString(data));
    }
  }

  /** The steps as the editor reads them; each step is the JSON the authority stored, as it is. */
  private static Map<String, Object> stepsJson(Together.Since since) {
    List<RawValue> steps = new ArrayList<>();
    List<String> clients = new ArrayList<>();
    for (Together.Sent sent : since.steps()) {
      steps.add(new RawValue(sent.step()));
      clients.add(sent.clientId());
    }
    return Map.of("version", since.version(), "steps", steps, "clientIDs", clients);
  }

  private static int version(Context ctx) {
    String version = ctx.queryParam("version");
    if (version == null || !version.matches("[0-9]{1,9}")) {
      throw Refusal.badInput("say which version of the body you have: ?version=N");
    }
    return Integer.parseInt(version);
  }

  private static JsonNode body(Context ctx) {
    if (ctx.body().length() > Together.MAX_BATCH_BYTES + 4096) {
      throw Refusal.badInput(
          "a batch of steps is at most " + Together.MAX_BATCH_BYTES + " bytes; send fewer");
    }
    try {
      JsonNode node = JSON.readTree(ctx.body());
      if (!node.isObject()) {
        throw Refusal.badInput("send a JSON object");
      }
      return node;
    } catch (tools.jackson.core.JacksonException e) {
      throw Refusal.badInput("the request is not JSON");
    }
  }

  /** As {@link #editable}, answering only the item's id, from {@link #editingNow} when it can. */
  private ItemId editableNow(Visit visit, Context ctx) {
    String id = ctx.pathParam("id");
    if (!id.matches("[1-9][0-9]{0,17}")) {
      throw Refusal.badInput("an item is named by its number");
    }
    Map.Entry<StaffMember, ItemId> key = Map.entry(visit.member(), new ItemId(Long.parseLong(id)));
    if (editingNow.getIfPresent(key) == null) {
      editable(visit, ctx);
      editingNow.put(key, Boolean.TRUE);
    }
    return key.getValue();
  }

  /** The item named in the address, which this person may edit. */
  private DeskItem editable(Visit visit, Context ctx) {
    String id = ctx.pathParam("id");
    if (!id.matches("[1-9][0-9]{0,17}")) {
      throw Refusal.badInput("an item is named by its number");
    }
    DeskItem item;
    try {
      item = desk.open(visit.member(), new ItemId(Long.parseLong(id)));
    } catch (Desk.NotOnDesk e) {
      throw new Refusal(404, "newsroom.item.missing", e.getMessage());
    }
    if (!desk.mayEdit(visit.member(), item)) {
      throw Refusal.forbidden("you may read this item but not edit it");
    }
    return item;
  }
}
