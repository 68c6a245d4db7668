package news.masthead.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import news.masthead.content.Language;
import news.masthead.ingest.ImportReport.Problem;
import news.masthead.ingest.NinjsEntry.Position;
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

  private final Publishing publishing;
  private final NinjsReader reader = new NinjsReader();
  private final NinjsItem mapping;

  public NinjsImport(Publishing publishing, Language defaultLanguage) {
    this.publishing = publishing;
    this.mapping = new NinjsItem(new BodyCleaner(), defaultLanguage);
  }

  /** Imports every file in order and reports what was done. */
  public ImportReport importFiles(List<Path> files, ImportProgress progress) {
    long expected = 0;
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new UncheckedIOException(
            "cannot read " + file + ": no such file", new NoSuchFileException(file.toString()));
      }
      try {
        long n = reader.estimateCount(file);
        expected = (n < 0 || expected < 0) ? -1 : expected + n;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    progress.started(expected);
    Run run = new Run(progress);
    for (Path file : files) {
      try {
        reader.read(file, run::accept);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    run.flush();
    ImportReport report = new ImportReport(run.imported, run.updated, run.problems);
    progress.finished(report);
    return report;
  }

  /** One import's running state: the pending batch and the counts. */
  private final class Run {
    private final ImportProgress progress;
    private final List<Submission> batch = new ArrayList<>(BATCH);
    private final List<Position> positions = new ArrayList<>(BATCH);
    private final List<Problem> problems = new ArrayList<>();
    private int imported;
    private int updated;

    Run(ImportProgress progress) {
      this.progress = progress;
    }

    void accept(NinjsEntry entry) {
      switch (entry) {
        case NinjsEntry.Malformed m -> reject(m.position(), m.reason());
        case NinjsEntry.Json json -> {
          try {
            batch.add(mapping.toSubmission(json.node(), "import:" + json.position().file()));
            positions.add(json.position());
          } catch (InvalidNinjs e) {
            reject(json.position(), e.getMessage());
          }
          if (batch.size() >= BATCH) {
            flush();
          }
        }
      }
    }

    void flush() {
      if (batch.isEmpty()) {
        return;
      }
      List<Publishing.Outcome> outcomes = publishing.saveAll(batch, o -> {});
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
      batch.clear();
      positions.clear();
    }

    private void reject(Position at, String reason) {
      Problem problem = new Problem(at.file(), at.line(), reason);
      problems.add(problem);
      progress.advanced(problem);
    }
  }
}
