package news.masthead.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.masthead.content.AuditEntry;
import news.masthead.content.Block;
import news.masthead.content.Body;
import news.masthead.content.Figure;
import news.masthead.content.InvalidContent;
import news.masthead.content.Language;
import news.masthead.content.Picture;
import news.masthead.media.MediaLibrary;
import news.masthead.media.PictureRefused;
import tools.jackson.databind.JsonNode;

/**
 * Brings the pictures a ninjs item or picture object names into the media library: a rendition
 * given inline ({@code data:} address) or as a file beside the file being read ({@code href}
 * relative to it, never outside its folder). A picture the library has already (by its uri) is not
 * read again. Addresses on other sites are not fetched. Thread-safe.
 */
final class PictureFiles {
  private static final Pattern RENDITION =
      Pattern.compile("/media/([A-Za-z0-9_-]{22})/[0-9]{1,9}/[a-z]+-[0-9]{2,4}\\.(?:jpg|webp)$");
  private final MediaLibrary media;
  private final Path folder;
  private final String who;

  /** Pictures beside {@code file}, added to the library as {@code who}. */
  PictureFiles(MediaLibrary media, Path file, String who) {
    this.media = media;
    this.folder = file.toAbsolutePath().normalize().getParent();
    this.who = who;
  }

  /**
   * The item's lead picture: its first picture association (a {@code featureimage} first), with its
   * text alternative and caption; empty when it has none this can read.
   *
   * @throws InvalidNinjs naming a file that is missing, unreadable or not a picture
   */
  Optional<Figure> lead(JsonNode item, Language language) {
    JsonNode chosen = null;
    for (JsonNode a : item.path("associations")) {
      if ("picture".equals(a.path("type").asString(""))) {
        if (chosen == null || "featureimage".equals(a.path("name").asString(""))) {
          chosen = a;
        }
      }
    }
    if (chosen == null) {
      return Optional.empty();
    }
    JsonNode association = chosen;
    return picture(association, language)
        .map(
            p ->
                new Figure(
                    p.id(),
                    described(association, "alt").orElse(""),
                    association.path("headlines").path(0).path("value").asString("")));
  }

  /**
   * The library picture a ninjs picture object (or association) stands for, added when the library
   * does not have it; empty when it names no file this can read.
   *
   * @throws InvalidNinjs naming a file that is missing, unreadable or not a picture
   */
  Optional<Picture> picture(JsonNode picture, Language language) {
    String uri = picture.path("uri").asString("");
    if (!uri.isEmpty()) {
      Optional<Picture> known = media.findByKey(MediaLibrary.keyFor(uri));
      if (known.isPresent()) {
        return known;
      }
    }
    Optional<byte[]> file = file(picture);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    String key =
        MediaLibrary.keyFor(uri.isEmpty() ? Base64.getEncoder().encodeToString(file.get()) : uri);
    Language spoken =
        picture.path("language").isString()
            ? Language.fromTag(picture.path("language").asString())
            : language;
    Picture.Words words;
    try {
      words =
          new Picture.Words(
              picture.path("headlines").path(0).path("value").asString(""),
              picture.path("by").asString(picture.path("copyrightHolder").asString("")),
              described(picture, "alt").orElse(""),
              picture.path("copyrightNotice").asString(picture.path("usageTerms").asString("")));
    } catch (InvalidContent e) {
      throw new InvalidNinjs("picture " + uri + ": " + e.getMessage());
    }
    double[] focal = focal(picture);
    try {
      return Optional.of(
          media.adopt(
              file.get(),
              key,
              words,
              spoken,
              focal[0],
              focal[1],
              who,
              AuditEntry.of(0, who, "media.import", uri, "", "")));
    } catch (PictureRefused e) {
      throw new InvalidNinjs("picture " + name(picture) + " was refused: " + e.getMessage());
    }
  }

  /**
   * The body with each image that shows a picture this library has (a Masthead export's body names
   * its pictures by their renditions' addresses) turned back into that library picture.
   */
  Body withLibraryPictures(Body body) {
    List<Block> blocks = new ArrayList<>();
    for (Block block : body.blocks()) {
      if (block instanceof Block.Image image) {
        Matcher m = RENDITION.matcher(image.source().value());
        Optional<Picture> known =
            m.find() ? media.findByKey(m.group(1)) : Optional.<Picture>empty();
        if (known.isPresent()) {
          blocks.add(
              new Block.LibraryPicture(
                  new Figure(known.get().id(), image.alt(), image.caption().orElse(""))));
          continue;
        }
      }
      blocks.add(block);
    }
    return new Body(blocks);
  }

  private static Optional<String> described(JsonNode node, String role) {
    for (JsonNode d : node.path("descriptions")) {
      if (role.equals(d.path("role").asString(""))) {
        return Optional.of(d.path("value").asString(""));
      }
    }
    return Optional.empty();
  }

  /** The focal point a Masthead export records ({@code masthead:focal} altId, "x y"). */
  private static double[] focal(JsonNode picture) {
    for (JsonNode id : picture.path("altIds")) {
      if ("masthead:focal".equals(id.path("role").asString(""))) {
        String[] xy = id.path("value").asString("").split(" ");
        try {
          double x = Double.parseDouble(xy[0]);
          double y = Double.parseDouble(xy[1]);
          if (x >= 0 && x <= 1 && y >= 0 && y <= 1) {
            return new double[] {x, y};
          }
        } catch (RuntimeException e) {
          throw new InvalidNinjs("masthead:focal must be two numbers from 0 to 1, as \"0.5 0.3\"");
        }
        throw new InvalidNinjs("masthead:focal must be two numbers from 0 to 1, as \"0.5 0.3\"");
      }
    }
    return new double[] {0.5, 0.5};
  }

  private static String name(JsonNode picture) {
    String href = href(picture).orElse("");
    return href.startsWith("data:") || href.isEmpty() ? picture.path("uri").asString("") : href;
  }

  /** The rendition to read: the one named {@code original}, else the widest. */
  private static Optional<String> href(JsonNode picture) {
    JsonNode best = null;
    for (JsonNode r : picture.path("renditions")) {
      if (!r.path("href").isString()) {
        continue;
      }
      if ("original".equals(r.path("name").asString(""))) {
        return Optional.of(r.path("href").asString());
      }
      if (best == null || r.path("width").asInt(0) > best.path("width").asInt(0)) {
        best = r;
      }
    }
    return Optional.ofNullable(best).map(r -> r.path("href").asString());
  }

  private Optional<byte[]> file(JsonNode picture) {
    Optional<String> found = href(picture);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String href = found.get();
    if (href.startsWith("data:")) {
      int comma = href.indexOf(',');
      if (comma < 0 || !href.substring(0, comma).endsWith(";base64")) {
        throw new InvalidNinjs("a picture's data: address must be base64");
      }
      try {
        return Optional.of(Base64.getDecoder().decode(href.substring(comma + 1)));
      } catch (IllegalArgumentException e) {
        throw new InvalidNinjs("a picture's data: address is not valid base64");
      }
    }
    if (href.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || href.startsWith("/")) {
      return Optional.empty(); // on another site, or an absolute path: not read
    }
    Path path = folder.resolve(href).normalize();
    if (!path.startsWith(folder)) {
      throw new InvalidNinjs(
          "the picture " + href + " is outside the folder of the file being imported");
    }
    try {
      return Optional.of(Files.readAllBytes(path));
    } catch (NoSuchFileException e) {
      throw new InvalidNinjs(
          "the picture " + href + " is not there: no file " + path + " beside the import");
    } catch (IOException e) {
      throw new InvalidNinjs("the picture " + href + " cannot be read: " + e.getMessage());
    }
  }
}
