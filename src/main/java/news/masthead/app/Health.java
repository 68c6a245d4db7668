package news.masthead.app;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import news.masthead.store.Database;
import news.masthead.workflow.Edition;

/**
 * {@code /healthz} and {@code /readyz}, for load balancers and orchestrators. Alive means the
 * process answers; ready means it can serve every page: the database answers, its schema is the one
 * this node knows, and the search index is open and caught up. Neither is ever cached. Thread-safe.
 */
final class Health {
  private final Database database;
  private final Edition edition;

  Health(Database database, Edition edition) {
    this.database = database;
    this.edition = edition;
  }

  /** 200 while the process serves at all. */
  void alive(Context ctx) {
    answer(ctx, 200, "{\"alive\":true}\n");
  }

  /** 200 when every check passes, else 503 naming the ones that failed. */
  void ready(Context ctx) {
    Map<String, String> checks = new LinkedHashMap<>();
    boolean answers = database.answers(2);
    checks.put("database", answers ? "ok" : "not reachable");
    checks.put(
        "schema",
        !answers
            ? "unknown"
            : database.schemaIsCurrent() ? "ok" : "not at the version this node knows");
    checks.put("search", edition.searchIsReady() ? "ok" : "index being opened or built");
    boolean ready = checks.values().stream().allMatch("ok"::equals);
    StringBuilder json = new StringBuilder("{\"ready\":").append(ready).append(",\"checks\":{");
    checks.forEach(
        (name, state) -> json.append('"').append(name).append("\":\"").append(state).append("\","));
    json.setLength(json.length() - 1);
    json.append("}}\n");
    answer(ctx, ready ? 200 : 503, json.toString());
  }

  private static void answer(Context ctx, int status, String json) {
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(json.getBytes(StandardCharsets.UTF_8));
  }
}
