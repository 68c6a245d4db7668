package news.masthead.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Stream;
import news.masthead.api.NinjsExport;
import news.masthead.ingest.NinjsRestore;
import news.masthead.store.Database;
import news.masthead.workflow.Archive;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Backups and restores, as {@code masthead backup}, {@code export} and {@code restore} run them.
 *
 * <p>A backup is a folder: {@code masthead.db}, a consistent copy of a running SQLite site made by
 * SQLite's online backup, and {@code manifest.json} (when, schema version, counts, SHA-256). An
 * export is every revision of every item as ninjs JSON Lines, readable by any database. A restore
 * brings either into an empty data directory or database: a backup into SQLite by copying it back
 * whole, and into PostgreSQL through an export of it; an export into either. The search index is
 * never backed up: a node rebuilds it. Nothing already stored is ever overwritten.
 */
public final class Backups {
  static final String MANIFEST = "manifest.json";
  static final String DATABASE = "masthead.db";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Backups() {}

  /**
   * A backup, export or restore that cannot be done as asked; the message says why and what to do.
   */
  public static final class BackupRefused extends RuntimeException {
    BackupRefused(String message) {
      super(message);
    }
  }

  /** What a backup holds, from its manifest. */
  public record Made(Path folder, int items, long revisions, long bytes) {}

  /** Backs up the SQLite site the settings name, while it may be serving, into a new folder. */
  public static Made backup(Settings settings, Path folder) {
    if (settings.databaseUrl().filter(u -> u.startsWith("jdbc:postgresql:")).isPresent()) {
      throw new BackupRefused(
          "masthead backup copies a SQLite site; back up PostgreSQL with pg_dump (see the README's"
              + " \"Backups and restores\"), or write a portable copy with masthead export");
    }
    requireEmptyFolder(folder);
    Path copy = folder.resolve(DATABASE);
    try (Masthead site = Masthead.open(settings)) {
      site.database().backupTo(copy);
    }
    Archive.Counts counts;
    try (Database backup = Database.openSqlite(folder)) {
      counts = new Archive(new news.masthead.store.ItemStore(backup)).counts();
    }
    for (String leftover : new String[] {DATABASE + "-wal", DATABASE + "-shm"}) {
      deleteQuietly(folder.resolve(leftover));
    }
    long bytes = size(copy);
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("format", "masthead-backup-1");
    manifest.put("made", Instant.now().toString());
    manifest.put("from", settings.dataDirectory().toAbsolutePath().toString());
    manifest.put("schemaVersion", Database.SCHEMA_VERSION);
    manifest.put("database", DATABASE);
    manifest.put("bytes", bytes);
    manifest.put("sha256", sha256(copy));
    manifest.put("items", counts.items());
    manifest.put("revisions", counts.revisions());
    manifest.put("changeLogPosition", counts.changeLogPosition());
    try {
      Files.writeString(folder.resolve(MANIFEST), manifest.toPrettyString() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the backup's manifest: " + e.getMessage(), e);
    }
    return new Made(folder, counts.items(), counts.revisions(), bytes);
  }

  /** Writes every revision of every item as ninjs JSON Lines; returns how many revisions. */
  public static long export(Settings settings, OutputStream out) {
    try (Masthead site = Masthead.open(settings)) {
      return NinjsExport.write(
          new Archive(site.items()), site.media(), settings.publicLinks(), out);
    }
  }

  /**
   * Restores a backup folder or an export file into the empty database the settings name, and
   * returns how many revisions it holds.
   */
  public static long restore(Settings settings, Path source) {
    boolean postgres =
        settings.databaseUrl().filter(u -> u.startsWith("jdbc:postgresql:")).isPresent();
    if (Files.isDirectory(source)) {
      JsonNode manifest = manifestOf(source);
      requireEmptyDatabase(settings);
      if (!postgres) {
        return copyBack(settings, source, manifest);
      }
      return restoreThroughExport(settings, source);
    }
    if (!Files.isRegularFile(source)) {
      throw new BackupRefused(
          "cannot restore " + source + ": it is neither a backup folder nor an export file");
    }
    requireEmptyDatabase(settings);
    try (Masthead site = Masthead.open(settings)) {
      return new NinjsRestore(site.publishing(), site.media()).restore(source);
    }
  }

  private static JsonNode manifestOf(Path folder) {
    Path manifest = folder.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest) || !Files.isRegularFile(folder.resolve(DATABASE))) {
      throw new BackupRefused(
          folder
              + " is not a backup: it has no "
              + MANIFEST
              + " and "
              + DATABASE
              + " (made by"
              + " masthead backup)");
    }
    JsonNode read;
    try {
      read = JSON.readTree(manifest.toFile());
    } catch (RuntimeException e) {
      throw new BackupRefused("cannot read " + manifest + ": " + e.getMessage());
    }
    if (!read.path("format").asString("").equals("masthead-backup-1")) {
      throw new BackupRefused(manifest + " is not a Masthead backup manifest");
    }
    String sum = sha256(folder.resolve(DATABASE));
    if (!sum.equals(read.path("sha256").asString(""))) {
      throw new BackupRefused(
          "the backup in "
              + folder
              + " is damaged: "
              + DATABASE
              + " does not match the SHA-256 its manifest records; nothing was restored");
    }
    return read;
  }

  private static long copyBack(Settings settings, Path folder, JsonNode manifest) {
    Path target = settings.dataDirectory().resolve(DATABASE);
    try {
      Files.createDirectories(settings.dataDirectory());
      for (String empty : new String[] {DATABASE, DATABASE + "-wal", DATABASE + "-shm"}) {
        deleteQuietly(settings.dataDirectory().resolve(empty));
      }
      Path partial = settings.dataDirectory().resolve(DATABASE + ".restoring");
      Files.copy(folder.resolve(DATABASE), partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restore into " + target + ": " + e.getMessage(), e);
    }
    try (Masthead site = Masthead.open(settings)) {
      return site.items().countRevisions();
    }
  }

  private static long restoreThroughExport(Settings settings, Path folder) {
    Path scratch;
    try {
      scratch = Files.createTempDirectory("masthead-restore");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a scratch folder: " + e.getMessage(), e);
    }
    try {
      Files.copy(folder.resolve(DATABASE), scratch.resolve(DATABASE));
      Path export = scratch.resolve("export.ninjs.jsonl");
      try (OutputStream out = Files.newOutputStream(export)) {
        export(
            Settings.standalone(java.util.Map.of("data", scratch.toString(), "metrics", "off")),
            out);
      }
      try (Masthead site = Masthead.open(settings)) {
        return new NinjsRestore(site.publishing(), site.media()).restore(export);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restore " + folder + ": " + e.getMessage(), e);
    } finally {
      deleteTree(scratch);
    }
  }

  private static void requireEmptyDatabase(Settings settings) {
    try (Masthead site = Masthead.open(settings)) {
      int items = site.items().countAll();
      if (items > 0) {
        throw new BackupRefused(
            "a restore goes into an empty data directory or database, and "
                + site.database().description()
                + " already holds "
                + items
                + " items: nothing was changed. Point MASTHEAD_DATA or MASTHEAD_DB_URL at an"
                + " empty one");
      }
    }
  }

  private static void requireEmptyFolder(Path folder) {
    try {
      if (Files.exists(folder)) {
        try (Stream<Path> inside = Files.list(folder)) {
          if (inside.findAny().isPresent()) {
            throw new BackupRefused(
                folder + " is not empty: a backup goes into a new or empty folder");
          }
        }
      }
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot make the backup folder " + folder + ": " + e.getMessage(), e);
    }
  }

  static String sha256(Path file) {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> all = Files.walk(folder)) {
      all.sorted(java.util.Comparator.reverseOrder()).forEach(Backups::deleteQuietly);
    } catch (IOException | UncheckedIOException e) {
      // a scratch folder left behind in the temporary directory harms nothing
    }
  }
}
