package news.masthead.site;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import news.masthead.media.Darkroom;
import news.masthead.web.HttpError;
import news.masthead.web.PublicResponses;
import news.masthead.web.RenderedPage;

/**
 * The site's icon in the sizes browsers and phones ask for ({@code /favicon.ico}, {@code
 * /apple-touch-icon.png}, {@code /icons/icon-192.png} and {@code -512}, {@code -32}) and the web
 * app manifest. The picture is {@code DATA/icon.png} (or {@code .jpg}) when the outlet put one
 * there, else Masthead's own; each size is made by the darkroom on first asking and kept.
 * Thread-safe.
 */
public final class SiteIcons {
  private static final Map<String, Integer> SIZES =
      Map.of(
          "favicon.ico", 32,
          "icon-32.png", 32,
          "apple-touch-icon.png", 180,
          "icon-192.png", 192,
          "icon-512.png", 512);

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();
  private final Darkroom darkroom;
  private final Outlet outlet;
  private final byte[] source;
  private final Map<String, RenderedPage> made = new ConcurrentHashMap<>();
  private volatile Optional<byte[]> master = Optional.empty();

  /** Icons from {@code DATA/icon.png} or {@code DATA/icon.jpg} when there, else the default. */
  public SiteIcons(Darkroom darkroom, Outlet outlet, Path dataDirectory) {
    this.darkroom = darkroom;
    this.outlet = outlet;
    this.source = sourceIn(dataDirectory);
  }

  private static byte[] sourceIn(Path dataDirectory) {
    try {
      for (String name : new String[] {"icon.png", "icon.jpg"}) {
        Path own = dataDirectory.resolve(name);
        if (Files.isRegularFile(own)) {
          return Files.readAllBytes(own);
        }
      }
      try (InputStream in = SiteIcons.class.getResourceAsStream("/site/icon.png")) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the site's icon", e);
    }
  }

  /** {@code /favicon.ico}, {@code /apple-touch-icon.png} and {@code /icons/{file}}. */
  public void icon(Context ctx) {
    String file = ctx.pathParamMap().getOrDefault("file", ctx.path().substring(1));
    Integer size = SIZES.get(file);
    if (size == null) {
      throw new HttpError.NotFound("no such icon");
    }
    RenderedPage page =
        made.computeIfAbsent(
            file,
            name ->
                RenderedPage.of(
                    200,
                    name.endsWith(".ico") ? "image/x-icon" : "image/png",
                    darkroom.icon(master(), size, name.endsWith(".ico"))));
    PublicResponses.send(ctx, page, "public, max-age=86400");
  }

  /** {@code /site.webmanifest}: the outlet's name and icons, for a phone's home screen. */
  public void manifest(Context ctx) {
    String name = outlet.nameIn(outlet.defaultLanguage());
    var manifest = JSON.createObjectNode();
    manifest.put("name", name).put("short_name", name).put("start_url", "/");
    manifest.put("display", "browser").put("background_color", "#ffffff");
    var icons = manifest.putArray("icons");
    for (int size : new int[] {192, 512}) {
      icons
          .addObject()
          .put("src", "/icons/icon-" + size + ".png")
          .put("sizes", size + "x" + size)
          .put("type", "image/png");
    }
    String json = JSON.writeValueAsString(manifest);
    PublicResponses.send(
        ctx, RenderedPage.text("application/manifest+json", json), "public, max-age=86400");
  }

  private byte[] master() {
    Optional<byte[]> known = master;
    if (known.isEmpty()) {
      known = Optional.of(darkroom.develop(source).master());
      master = known;
    }
    return known.get();
  }
}
