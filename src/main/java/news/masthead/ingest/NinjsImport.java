package news.masthead.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import news.masthead.content.Language;
import news.masthead.ingest.ImportReport.Problem;
import news.masthead.ingest.NinjsEntry.Position;
import news.masthead.media.MediaLibrary;
import news.masthead.workflow.Publishing;
import news.masthead.workflow.Submission;

/**
 * Imports ninjs files. Items are saved in batches of {@value #BATCH} in one transaction each; an
 * item that is malformed, invalid or refused by the store is reported with its file and line and
 * changes nothing, and the rest are still imported. Re-importing a uri makes a new revision of that
 * item. Not thread-safe: run one import at a time per instance.
 */
public final class NinjsImport {
  static final int BATCH = 500;
  private static final int MAPPERS = Math.max(2, Runtime.getRuntime().availableProcessors());

  private final Publishing publishing;
  private final NinjsReader reader = new NinjsReader();
  private final NinjsItem mapping;
  private final Optional<MediaLibrary> media;
  private final Map<String, PictureFiles> pictures = new ConcurrentHashMap<>();

  /**
   * An import whose items' pictures (associations with a rendition inline or in a file beside the
   * file read) are brought into the media library.
   */
  public NinjsImport(Publishing publishing, Language defaultLanguage, MediaLibrary media) {
    this(publishing, defaultLanguage, Optional.of(media));
  }

  /** An import with no media library: items' picture associations are not read. */
  public NinjsImport(Publishing publishing, Language defaultLanguage) {
    this(publishing, defaultLanguage, Optional.empty());
  }

  private NinjsImport(
      Publishing publishing, Language defaultLanguage, Optional<MediaLibrary> media) {
    this.publishing = publishing;
    this.mapping = new NinjsItem(new BodyCleaner(), defaultLanguage);
    this.media = media;
  }

  /** Imports every file in order and reports what was done. */
  public ImportReport importFiles(List<Path> files, ImportProgress progress) {
    long expected = 0;
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new UncheckedIOException(
            "cannot read " + file + ": no such file", new NoSuchFileException(file.toString()));
      }
      media.ifPresent(
          library ->
              pictures.put(
                  file.toString(),
                  new PictureFiles(library, file, "import:" + file.getFileName())));
      try {
        long n = reader.estimateCount(file);
        expected = (n < 0 || expected < 0) ? -1 : expected + n;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    progress.started(expected);
    ExecutorService mappers =
        Executors.newFixedThreadPool(
            MAPPERS, r -> Thread.ofPlatform().daemon().name("ninjs-mapper").unstarted(r));
    Run run = new Run(progress, mappers);
    try {
      for (Path file : files) {
        try {
          reader.read(file, run::accept);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
      }
      run.flush();
    } finally {
      mappers.shutdownNow();
    }
    ImportReport report = new ImportReport(run.imported, run.updated, run.problems);
    progress.finished(report);
    return report;
  }

  /** One item's mapping: a submission ready to save, or why there is none. */
  private sealed interface Mapped {
    Position position();

    record Ready(Position position, Publishing.Ready submission) implements Mapped {}

    record Rejected(Position position, String reason) implements Mapped {}
  }

  /**
   * One import's running state. Entries wait in a batch; a full batch is mapped on every core
   * (parsing JSON, cleaning HTML, cutting teasers, serialising: all the pure work) and then saved
   * in one transaction, in file order, by the thread that reads the files.
   */
  private final class Run {
    private final ImportProgress progress;
    private List<NinjsEntry> pending = new ArrayList<>(BATCH);
    private CompletableFuture<List<Mapped>> inFlight = CompletableFuture.completedFuture(List.of());
    private final List<Problem> problems = new ArrayList<>();
    private int imported;
    private int updated;

    private final ExecutorService mappers;

    Run(ImportProgress progress, ExecutorService mappers) {
      this.progress = progress;
      this.mappers = mappers;
    }

    void accept(NinjsEntry entry) {
      pending.add(entry);
      if (pending.size() >= BATCH) {
        mapNextAndSavePrevious();
      }
    }

    /**
     * Starts mapping the pending batch on the other cores, and meanwhile saves the batch mapped
     * before it, so that cleaning HTML and writing to the database overlap.
     */
    private void mapNextAndSavePrevious() {
      List<NinjsEntry> batch = pending;
      pending = new ArrayList<>(BATCH);
      CompletableFuture<List<Mapped>> previous = inFlight;
      inFlight = mapOnEveryCore(batch);
      save(previous.join());
    }

    /** Maps a batch in one chunk per core, keeping its order. */
    private CompletableFuture<List<Mapped>> mapOnEveryCore(List<NinjsEntry> batch) {
      int chunks = MAPPERS;
      int size = (batch.size() + chunks - 1) / chunks;
      List<CompletableFuture<List<Mapped>>> parts = new ArrayList<>(chunks);
      for (int from = 0; from < batch.size(); from += size) {
        List<NinjsEntry> chunk = batch.subList(from, Math.min(batch.size(), from + size));
        parts.add(
            CompletableFuture.supplyAsync(() -> chunk.stream().map(this::map).toList(), mappers));
      }
      return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
          .thenApply(done -> parts.stream().flatMap(part -> part.join().stream()).toList());
    }

    /** Saves whatever is still pending; call once, after the last entry. */
    void flush() {
      mapNextAndSavePrevious();
      save(inFlight.join());
    }

    private Mapped map(NinjsEntry entry) {
      return switch (entry) {
        case NinjsEntry.Line line -> map(NinjsReader.parse(line));
        case NinjsEntry.Malformed m -> new Mapped.Rejected(m.position(), m.reason());
        case NinjsEntry.Json json -> {
          try {
            Submission submission =
                mapping.toSubmission(
                    json.node(),
                    "import:" + json.position().file(),
                    Optional.ofNullable(pictures.get(json.position().file())));
            yield new Mapped.Ready(json.position(), publishing.prepare(submission));
          } catch (InvalidNinjs e) {
            yield new Mapped.Rejected(json.position(), e.getMessage());
          }
        }
      };
    }

    private void save(List<Mapped> mapped) {
      List<Publishing.Ready> batch = new ArrayList<>(mapped.size());
      List<Position> positions = new ArrayList<>(mapped.size());
      for (Mapped m : mapped) {
        switch (m) {
          case Mapped.Ready ready -> {
            batch.add(ready.submission());
            positions.add(ready.position());
          }
          case Mapped.Rejected rejected -> reject(rejected.position(), rejected.reason());
        }
      }
      if (batch.isEmpty()) {
        return;
      }
      List<Publishing.Outcome> outcomes = publishing.saveReady(batch, o -> {});
      for (int i = 0; i < outcomes.size(); i++) {
        switch (outcomes.get(i)) {
          case Publishing.Outcome.Saved saved -> {
            if (saved.revision().created()) {
              imported++;
            } else {
              updated++;
            }
            progress.advanced(null);
          }
          case Publishing.Outcome.Refused refused ->
              reject(positions.get(i), "refused by the store: " + refused.reason());
        }
      }
    }

    private void reject(Position at, String reason) {
      Problem problem = new Problem(at.file(), at.line(), reason);
      problems.add(problem);
      progress.advanced(problem);
    }
  }
}
