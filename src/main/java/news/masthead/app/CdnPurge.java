package news.masthead.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import news.masthead.content.Item;
import news.masthead.store.ItemStore;
import news.masthead.web.SurrogateKeys;
import news.masthead.workflow.ChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a CDN which cached responses a change made stale: for every change in the database's log,
 * on whichever node it was made, a POST of {@code {"surrogate_keys": [...]}} (JSON) to {@code
 * MASTHEAD_CDN_PURGE_URL}, with {@code Authorization: Bearer} when a token is set. Purges are
 * idempotent, so several nodes sending the same one is harmless; one that fails is logged, and the
 * responses' {@code max-age} bounds how long the CDN shows the stale page. Sends on a thread of its
 * own, so following the change log never waits for the CDN. Close it at shutdown.
 */
final class CdnPurge implements ChangeListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CdnPurge.class);

  private final ItemStore items;
  private final URI target;
  private final Optional<String> token;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> Thread.ofPlatform().daemon().name("cdn-purge").unstarted(r));
  private long through;

  CdnPurge(ItemStore items, URI target, Optional<String> token) {
    this.items = items;
    this.target = target;
    this.token = token;
    this.through = items.latestChange();
  }

  @Override
  public void changed(long latestChange) {
    sender.execute(this::purgeNewChanges);
  }

  private void purgeNewChanges() {
    try {
      Set<String> keys = new LinkedHashSet<>();
      while (true) {
        ItemStore.ChangedItems changed = items.listChangedSince(through, 500);
        if (changed.through() == through) {
          break;
        }
        for (Item item : changed.items()) {
          keys.addAll(
              SurrogateKeys.touchedBy(
                  item.id(), item.copy().language(), item.copy().section().slug()));
        }
        through = changed.through();
      }
      if (!keys.isEmpty()) {
        send(List.copyOf(keys));
      }
    } catch (RuntimeException e) {
      LOG.warn("could not work out what to purge from the CDN: {}", e.getMessage());
    }
  }

  private void send(List<String> keys) {
    StringBuilder json = new StringBuilder("{\"surrogate_keys\":[");
    for (String key : keys) {
      json.append('"').append(key).append("\",");
    }
    json.setLength(json.length() - 1);
    json.append("]}");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.toString()));
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    try {
      HttpResponse<Void> response =
          http.send(request.build(), HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        LOG.warn("the CDN answered {} to a purge of {}", response.statusCode(), keys);
      }
    } catch (java.io.IOException e) {
      LOG.warn("could not reach the CDN at {} to purge {}: {}", target, keys, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    sender.shutdownNow();
    http.close();
  }
}
