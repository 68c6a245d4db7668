package news.masthead.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.masthead.content.Art;
import news.masthead.content.AuditEntry;
import news.masthead.content.Language;
import news.masthead.content.Picture;
import news.masthead.store.PictureStore;

/**
 * The media library: adds uploads through the {@link Darkroom}, describes pictures, and gives out
 * their renditions, made once from the master and kept in this node's cache directory (any node
 * makes the same bytes from the same master, so nodes need not share it). Thread-safe.
 */
public final class MediaLibrary {
  /** A rendition's file name in its address: {@code wide-800.webp}. */
  private static final Pattern FILE = Pattern.compile("([a-z]+)-([0-9]{2,4})\\.(webp|jpg)");

  private static final SecureRandom RANDOM = new SecureRandom();
  private final PictureStore pictures;
  private final Darkroom darkroom;
  private final Path cache;

  public MediaLibrary(PictureStore pictures, Darkroom darkroom, Path cache) {
    this.pictures = pictures;
    this.darkroom = darkroom;
    this.cache = cache;
  }

  /**
   * Develops and stores an upload.
   *
   * @throws PictureRefused when the file cannot become a picture; nothing is stored then
   * @throws news.masthead.content.InvalidContent when a word field is too long or holds markup
   */
  public Picture add(
      byte[] upload, Picture.Words words, Language language, String createdBy, AuditEntry why) {
    Darkroom.Developed developed = darkroom.develop(upload);
    byte[] key = new byte[16];
    RANDOM.nextBytes(key);
    return pictures.add(
        new PictureStore.NewPicture(
            Base64.getUrlEncoder().withoutPadding().encodeToString(key),
            developed.master(),
            developed.width(),
            developed.height(),
            words,
            language,
            developed.removed(),
            createdBy),
        why);
  }

  /** Changes a picture's words and focal point. */
  public Picture describe(
      long id, Picture.Words words, double focalX, double focalY, AuditEntry why) {
    if (!(focalX >= 0 && focalX <= 1 && focalY >= 0 && focalY <= 1)) {
      throw new news.masthead.content.InvalidContent(
          "a focal point lies inside the picture: 0 to 1 across and down");
    }
    return pictures.describe(id, words, focalX, focalY, why);
  }

  public Optional<Picture> find(long id) {
    return pictures.find(id);
  }

  public List<Picture> list(String words, int limit) {
    return pictures.list(words, limit);
  }

  /** A rendition's address: {@code /media/KEY/VERSION/wide-800.webp}. */
  public static String path(Picture picture, Shape shape, int width, Darkroom.Format format) {
    return Renditions.path(Art.of(picture), shape, width, format);
  }

  /** The crop a shape takes of a picture, around its focal point. */
  public static Crop cropOf(Picture picture, Shape shape) {
    return Renditions.cropOf(Art.of(picture), shape);
  }

  /** A rendition's bytes and type. */
  public record Rendition(byte[] bytes, String mediaType) {}

  /**
   * The rendition at {@code /media/KEY/VERSION/FILE}, made on first asking; empty for a picture,
   * version, shape, width or format that does not exist. An earlier version (which a page cached
   * before the focal point moved may still name) is made with the picture as it is now.
   */
  public Optional<Rendition> rendition(String publicKey, String version, String file) {
    Matcher m = FILE.matcher(file);
    if (!m.matches() || !publicKey.matches("[A-Za-z0-9_-]{22}")) {
      return Optional.empty();
    }
    Optional<Shape> shape = Shape.fromWord(m.group(1));
    int width = Integer.parseInt(m.group(2));
    Darkroom.Format format =
        m.group(3).equals("webp") ? Darkroom.Format.WEBP : Darkroom.Format.JPEG;
    if (shape.isEmpty() || !shape.get().madeAt(width)) {
      return Optional.empty();
    }
    Optional<Picture> found =
        pictures
            .findByKey(publicKey)
            .filter(
                p ->
                    version.matches("[1-9][0-9]{0,8}") && Integer.parseInt(version) <= p.version());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Picture picture = found.get();
    Path kept = cache.resolve(publicKey).resolve(version).resolve(file);
    try {
      if (Files.isRegularFile(kept)) {
        return Optional.of(new Rendition(Files.readAllBytes(kept), format.mediaType()));
      }
      byte[] master = pictures.master(picture.id()).orElseThrow();
      byte[] made = darkroom.render(master, cropOf(picture, shape.get()), width, format);
      Files.createDirectories(kept.getParent());
      Path partial = Files.createTempFile(kept.getParent(), file, ".part");
      Files.write(partial, made);
      try {
        Files.move(partial, kept, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, kept, StandardCopyOption.REPLACE_EXISTING);
      }
      return Optional.of(new Rendition(made, format.mediaType()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not keep a rendition in " + cache, e);
    }
  }
}
