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
  private static final Pattern OWN_URI =
      Pattern.compile("urn:masthead:picture:([A-Za-z0-9_-]{22})");
  private final PictureStore pictures;

  /** Keys being adopted now, so that two imports naming one picture store it once. */
  private final java.util.concurrent.ConcurrentHashMap<String, Object> adopting =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final Darkroom darkroom;
  private final Path cache;
  private final java.util.Set<Imprint.Kept> kept;

  public MediaLibrary(PictureStore pictures, Darkroom darkroom, Path cache) {
    this(pictures, darkroom, cache, java.util.Set.of());
  }

  /**
   * A library whose renditions carry the picture's credit and rights where {@code kept} names them.
   *
   * @throws IllegalStateException when something is to be kept and exiftool is not installed
   */
  public MediaLibrary(
      PictureStore pictures, Darkroom darkroom, Path cache, java.util.Set<Imprint.Kept> kept) {
    if (!kept.isEmpty() && !darkroom.canImprint()) {
      throw new IllegalStateException(
          "MASTHEAD_PICTURES_KEEP asks for credit or rights in pictures, which needs exiftool:"
              + " install Debian's libimage-exiftool-perl (./masthead serve does)");
    }
    this.pictures = pictures;
    this.darkroom = darkroom;
    this.cache = cache;
    this.kept = java.util.Set.copyOf(kept);
  }

  /** What the outlet keeps in its pictures' renditions. */
  public java.util.Set<Imprint.Kept> kept() {
    return kept;
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

  /**
   * A picture brought in by an import or a restore under a known public key: the one the library
   * already has under that key, else the file developed as an upload is and stored under it, with
   * these words and focal point.
   *
   * @throws PictureRefused when the file cannot become a picture; nothing is stored then
   */
  public Picture adopt(
      byte[] file,
      String publicKey,
      Picture.Words words,
      Language language,
      double focalX,
      double focalY,
      String createdBy,
      AuditEntry why) {
    if (!publicKey.matches("[A-Za-z0-9_-]{22}")) {
      throw new IllegalArgumentException("a public key is 22 URL-safe base64 characters");
    }
    synchronized (adopting.computeIfAbsent(publicKey, k -> new Object())) {
      try {
        return adoptOnce(file, publicKey, words, language, focalX, focalY, createdBy, why);
      } finally {
        adopting.remove(publicKey);
      }
    }
  }

  private Picture adoptOnce(
      byte[] file,
      String publicKey,
      Picture.Words words,
      Language language,
      double focalX,
      double focalY,
      String createdBy,
      AuditEntry why) {
    Optional<Picture> known = pictures.findByKey(publicKey);
    if (known.isPresent()) {
      return known.get();
    }
    Darkroom.Developed developed = darkroom.develop(file);
    Picture added =
        pictures.add(
            new PictureStore.NewPicture(
                publicKey,
                developed.master(),
                developed.width(),
                developed.height(),
                words,
                language,
                developed.removed(),
                createdBy),
            why);
    return focalX == added.focalX() && focalY == added.focalY()
        ? added
        : describe(added.id(), words, focalX, focalY, why);
  }

  /**
   * The public key a picture known elsewhere by {@code uri} is given: the same for the same uri.
   */
  public static String keyFor(String uri) {
    java.util.regex.Matcher own = OWN_URI.matcher(uri);
    if (own.matches()) {
      return own.group(1);
    }
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(uri.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** The uri a library picture has in ninjs. */
  public static String uriOf(String publicKey) {
    return "urn:masthead:picture:" + publicKey;
  }

  /** Every picture with its master, oldest first, for an export. */
  public void forEach(java.util.function.BiConsumer<Picture, byte[]> sink) {
    for (Picture picture : pictures.all()) {
      sink.accept(picture, pictures.master(picture.id()).orElseThrow());
    }
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

  public Optional<Picture> findByKey(String publicKey) {
    return pictures.findByKey(publicKey);
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
    Imprint imprint = Imprint.of(picture, this.kept);
    Path folder = cache.resolve(publicKey).resolve(version);
    Path kept = (imprint.isEmpty() ? folder : folder.resolve(imprint.tag())).resolve(file);
    try {
      if (Files.isRegularFile(kept)) {
        return Optional.of(new Rendition(Files.readAllBytes(kept), format.mediaType()));
      }
      byte[] master = pictures.master(picture.id()).orElseThrow();
      byte[] made =
          darkroom.imprint(
              darkroom.render(master, cropOf(picture, shape.get()), width, format),
              format,
              imprint);
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
