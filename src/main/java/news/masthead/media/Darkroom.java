package news.masthead.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Develops uploaded pictures with libvips's command-line tools ({@code vips}, {@code vipsheader},
 * Debian's {@code libvips-tools}), each run in a process of its own so that a hostile file can
 * crash or exhaust only that process. Checks what it is given before decoding it, turns it upright,
 * and keeps only pixels: the master it makes has passed through PPM, which holds no metadata, so no
 * rendition made from it can carry a location, a serial number or a thumbnail. Thread-safe; at most
 * two developments run at once.
 */
public final class Darkroom {
  /** The largest upload accepted. */
  public static final long MAX_BYTES = 25L * 1024 * 1024;

  /** The most pixels a picture may declare (a decompression bomb declares far more). */
  public static final long MAX_PIXELS = 60_000_000L;

  /** The longest side of a master; renditions are never wider. */
  public static final int MASTER_SIDE = 2560;

  private static final long TIMEOUT_SECONDS = 60;
  private final Semaphore turns = new Semaphore(2);
  private final Path vips;
  private final Path vipsheader;
  private final Path exiftool;

  /** A darkroom using the tools on the {@code PATH}'s usual place, {@code /usr/bin}. */
  public static Darkroom installed() {
    return new Darkroom(
        Path.of("/usr/bin/vips"), Path.of("/usr/bin/vipsheader"), Path.of("/usr/bin/exiftool"));
  }

  Darkroom(Path vips, Path vipsheader, Path exiftool) {
    this.vips = vips;
    this.vipsheader = vipsheader;
    this.exiftool = exiftool;
  }

  /** Whether exiftool, which writes an {@link Imprint}, is installed. */
  public boolean canImprint() {
    return Files.isExecutable(exiftool);
  }

  /**
   * A rendition with {@code imprint} written into it as XMP, and nothing else added; the rendition
   * itself when the imprint is empty.
   */
  public byte[] imprint(byte[] rendition, Format format, Imprint imprint) {
    if (imprint.isEmpty()) {
      return rendition;
    }
    if (!canImprint()) {
      throw new IllegalStateException(
          "exiftool is missing, and the outlet keeps credit or rights in its pictures: install"
              + " Debian's libimage-exiftool-perl (./masthead serve does)");
    }
    return inTurn(
        dir -> {
          Path file = dir.resolve("imprint." + format.suffix());
          Files.write(file, rendition);
          List<String> command = new ArrayList<>();
          command.add(exiftool.toString());
          command.addAll(List.of("-q", "-q", "-m", "-overwrite_original", "-charset", "UTF8"));
          imprint.credit().ifPresent(c -> command.add("-XMP-photoshop:Credit=" + oneLine(c)));
          imprint.rights().ifPresent(r -> command.add("-XMP-dc:Rights=" + oneLine(r)));
          command.add(file.toString());
          Result result = exec(dir, command, false);
          if (result.code() != 0) {
            throw new IllegalStateException(
                "exiftool could not write the credit into a rendition: "
                    + firstLine(result.output()));
          }
          return Files.readAllBytes(file);
        });
  }

  private static String oneLine(String words) {
    return words.replaceAll("\\s+", " ").strip();
  }

  /** Whether libvips's tools are installed. */
  public boolean isReady() {
    return Files.isExecutable(vips) && Files.isExecutable(vipsheader);
  }

  /** A picture ready to store: a metadata-free JPEG master, its size, and what was removed. */
  public record Developed(byte[] master, int width, int height, List<String> removed) {
    public Developed {
      removed = List.copyOf(removed);
    }
  }

  /** What a picture arrived as, by its first bytes. */
  enum Kind {
    JPEG("jpg"),
    PNG("png"),
    WEBP("webp");

    final String suffix;

    Kind(String suffix) {
      this.suffix = suffix;
    }
  }

  /**
   * Develops an upload into a master no wider or taller than {@link #MASTER_SIDE}.
   *
   * @throws PictureRefused naming the problem: empty, too large, not a JPEG, PNG or WebP (an SVG
   *     says so), too many pixels, truncated or unreadable
   */
  public Developed develop(byte[] upload) {
    Kind kind = kindOf(upload);
    List<String> removed = metadataOf(upload);
    return inTurn(
        dir -> {
          Path in = dir.resolve("upload." + kind.suffix);
          Files.write(in, upload);
          long width = Long.parseLong(header(dir, "width", in));
          long height = Long.parseLong(header(dir, "height", in));
          if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
            throw new PictureRefused(
                String.format(
                    Locale.ROOT,
                    "the picture declares %d × %d pixels, more than the %d million accepted"
                        + " (a picture that small on disk and that large in pixels is a"
                        + " decompression bomb)",
                    width,
                    height,
                    MAX_PIXELS / 1_000_000));
          }
          Path upright = dir.resolve("upright.v");
          runOrRefuse(
              dir,
              "the picture is truncated or damaged and cannot be read whole",
              vips.toString(),
              "autorot",
              in + "[fail_on=truncated]",
              upright.toString());
          Path small = dir.resolve("small.v");
          run(
              dir,
              vips,
              "thumbnail",
              upright.toString(),
              small.toString(),
              Integer.toString(MASTER_SIDE),
              "--height",
              Integer.toString(MASTER_SIDE),
              "--size",
              "down",
              "--no-rotate");
          Path srgb = dir.resolve("srgb.v");
          run(dir, vips, "colourspace", small.toString(), srgb.toString(), "srgb");
          Path opaque = srgb;
          if (run(dir, vipsheader, "-f", "bands", srgb.toString()).strip().equals("4")) {
            opaque = dir.resolve("opaque.v"); // transparency becomes white, as on the page
            run(
                dir,
                vips,
                "flatten",
                srgb.toString(),
                opaque.toString(),
                "--background",
                "255 255 255");
          }
          Path pixels = dir.resolve("pixels.ppm");
          run(dir, vips, "cast", opaque.toString(), pixels.toString(), "uchar");
          Path master = dir.resolve("master.jpg");
          run(dir, vips, "jpegsave", pixels.toString(), master.toString(), "--Q", "90", "--strip");
          int w = Integer.parseInt(run(dir, vipsheader, "-f", "width", master.toString()).strip());
          int h = Integer.parseInt(run(dir, vipsheader, "-f", "height", master.toString()).strip());
          return new Developed(Files.readAllBytes(master), w, h, removed);
        });
  }

  /** A file format renditions are made in. */
  public enum Format {
    WEBP("webp", "image/webp"),
    JPEG("jpg", "image/jpeg");

    private final String suffix;
    private final String mediaType;

    Format(String suffix, String mediaType) {
      this.suffix = suffix;
      this.mediaType = mediaType;
    }

    public String suffix() {
      return suffix;
    }

    public String mediaType() {
      return mediaType;
    }
  }

  /**
   * A rendition of a master: the {@code crop} of it, {@code width} pixels wide (never wider than
   * the crop), as {@code format}, with no metadata.
   */
  public byte[] render(byte[] master, Crop crop, int width, Format format) {
    return inTurn(
        dir -> {
          Path in = dir.resolve("master.jpg");
          Files.write(in, master);
          Path cut = dir.resolve("cut.v");
          run(
              dir,
              vips,
              "extract_area",
              in.toString(),
              cut.toString(),
              Integer.toString(crop.left()),
              Integer.toString(crop.top()),
              Integer.toString(crop.width()),
              Integer.toString(crop.height()));
          Path sized = dir.resolve("sized.v");
          run(
              dir,
              vips,
              "thumbnail",
              cut.toString(),
              sized.toString(),
              Integer.toString(width),
              "--size",
              "down",
              "--no-rotate");
          Path out = dir.resolve("out." + format.suffix());
          switch (format) {
            case WEBP ->
                run(
                    dir,
                    vips,
                    "webpsave",
                    sized.toString(),
                    out.toString(),
                    "--Q",
                    "78",
                    "--strip");
            case JPEG ->
                run(
                    dir,
                    vips,
                    "jpegsave",
                    sized.toString(),
                    out.toString(),
                    "--Q",
                    "82",
                    "--strip",
                    "--interlace",
                    "--optimize-coding");
          }
          return Files.readAllBytes(out);
        });
  }

  /**
   * A square icon of a master, {@code size} pixels a side (cropped to its middle), as PNG, or as a
   * Windows icon ({@code .ico}, through libvips's ImageMagick saver) when {@code ico}.
   */
  public byte[] icon(byte[] master, int size, boolean ico) {
    return inTurn(
        dir -> {
          Path in = dir.resolve("master.jpg");
          Files.write(in, master);
          Path png = dir.resolve("icon.png");
          run(
              dir,
              vips,
              "thumbnail",
              in.toString(),
              png + "[strip]",
              Integer.toString(size),
              "--height",
              Integer.toString(size),
              "--crop",
              "centre",
              "--no-rotate");
          if (!ico) {
            return Files.readAllBytes(png);
          }
          Path out = dir.resolve("icon.ico");
          run(dir, vips, "magicksave", png.toString(), out.toString(), "--format", "ico");
          return Files.readAllBytes(out);
        });
  }

  /** The size of a rendition of {@code crop} asked for at {@code width}. */
  public static Size sizeOf(Crop crop, int width) {
    int w = Math.min(width, crop.width());
    return new Size(w, Math.max(1, Math.round((float) crop.height() * w / crop.width())));
  }

  /** A width and height in pixels. */
  public record Size(int width, int height) {}

  /** What the upload is, by its first bytes; refuses anything else with what it looks like. */
  static Kind kindOf(byte[] upload) {
    if (upload.length == 0) {
      throw new PictureRefused("the file is empty");
    }
    if (upload.length > MAX_BYTES) {
      throw new PictureRefused(
          String.format(
              Locale.ROOT,
              "the file is %.1f MB; pictures of at most %d MB are accepted",
              upload.length / 1048576.0,
              MAX_BYTES / 1048576));
    }
    if (startsWith(upload, 0, 0xFF, 0xD8, 0xFF)) {
      return Kind.JPEG;
    }
    if (startsWith(upload, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Kind.PNG;
    }
    if (startsWith(upload, 0, 'R', 'I', 'F', 'F') && startsWith(upload, 8, 'W', 'E', 'B', 'P')) {
      return Kind.WEBP;
    }
    String head =
        new String(upload, 0, Math.min(upload.length, 1024), StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    if (head.contains("<svg") || head.startsWith("<?xml")) {
      throw new PictureRefused(
          "SVG drawings are not accepted: they can carry scripts and links; upload a JPEG, PNG or"
              + " WebP picture");
    }
    throw new PictureRefused("the file is not a picture Masthead takes: a JPEG, PNG or WebP");
  }

  private static boolean startsWith(byte[] bytes, int at, int... expected) {
    if (bytes.length < at + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((bytes[at + i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The metadata an upload carries, as "group: field" lines (GPS, camera serials, thumbnails, XMP,
   * IPTC…), for the newsroom to show what was removed. The file structure's own facts (its size,
   * its compression) are not listed.
   */
  static List<String> metadataOf(byte[] upload) {
    Metadata metadata;
    try {
      metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(upload), upload.length);
    } catch (ImageProcessingException | IOException e) {
      return List.of();
    }
    Set<String> found = new LinkedHashSet<>();
    for (Directory directory : metadata.getDirectories()) {
      String group = directory.getName();
      if (STRUCTURE.stream().anyMatch(group::startsWith)) {
        continue;
      }
      for (Tag tag : directory.getTags()) {
        found.add(group + ": " + tag.getTagName());
      }
    }
    return List.copyOf(found);
  }

  private static final List<String> STRUCTURE =
      List.of(
          "JPEG",
          "JFIF",
          "PNG-IHDR",
          "PNG-pHYs",
          "PNG-sRGB",
          "PNG-gAMA",
          "WebP",
          "Huffman",
          "File Type",
          "File");

  @FunctionalInterface
  private interface Work<T> {
    T in(Path directory) throws IOException, InterruptedException;
  }

  private <T> T inTurn(Work<T> work) {
    if (!isReady()) {
      throw new IllegalStateException(
          "libvips's tools are missing: install Debian's libvips-tools (./masthead serve does)");
    }
    Path dir = null;
    try {
      turns.acquire();
      dir = Files.createTempDirectory("masthead-darkroom");
      return work.in(dir);
    } catch (IOException e) {
      throw new IllegalStateException("the darkroom could not use its working files", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while developing a picture", e);
    } finally {
      turns.release();
      if (dir != null) {
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        } catch (IOException ignored) {
          // a temporary directory left behind is removed with the system's temporary files
        }
      }
    }
  }

  /** A field of the upload's header, read without decoding its pixels, by the trusted loaders. */
  private String header(Path dir, String field, Path upload)
      throws IOException, InterruptedException {
    Result result = exec(dir, List.of(vipsheader.toString(), "-f", field, upload.toString()), true);
    if (result.code() != 0) {
      throw new PictureRefused("the picture cannot be read: " + firstLine(result.output()));
    }
    return result.output().strip();
  }

  /** Decodes the upload itself: only libvips's trusted loaders may. */
  private String runOrRefuse(Path dir, String refusal, String... command)
      throws IOException, InterruptedException {
    Result result = exec(dir, List.of(command), true);
    if (result.code() != 0) {
      throw new PictureRefused(refusal);
    }
    return result.output();
  }

  private String run(Path dir, Path tool, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(tool.toString());
    command.addAll(List.of(args));
    Result result = exec(dir, command, false);
    if (result.code() != 0) {
      throw new PictureRefused("the picture cannot be read: " + firstLine(result.output()));
    }
    return result.output();
  }

  private record Result(int code, String output) {}

  /**
   * Runs a tool; {@code upload} when its input is the upload, so that libvips's untrusted loaders
   * (SVG, PDF, ImageMagick…) stay off for it. Later steps read the darkroom's own files.
   */
  private static Result exec(Path dir, List<String> command, boolean upload)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.redirectErrorStream(true);
    builder.environment().put("VIPS_WARNING", "0");
    builder.environment().put("VIPS_CONCURRENCY", "1");
    if (upload) {
      builder.environment().put("VIPS_BLOCK_UNTRUSTED", "1");
    }
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new PictureRefused("the picture took too long to develop");
    }
    return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private static String firstLine(String output) {
    String line = output.strip().lines().findFirst().orElse("no reason given");
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
