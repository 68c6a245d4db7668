package news.masthead.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.masthead.content.Copy;
import news.masthead.content.Correction;
import news.masthead.content.ItemId;
import news.masthead.content.Language;
import news.masthead.content.Status;
import news.masthead.media.MediaLibrary;
import news.masthead.workflow.Publishing;
import news.masthead.workflow.Submission;
import tools.jackson.databind.JsonNode;

/**
 * Reads back what {@code masthead export} wrote (every revision of every item, as ninjs JSON Lines)
 * into an empty database: each revision keeps its number, its save time, who saved it and its
 * status, and each item keeps its id, so every address of the restored site is what it was.
 * Refuses, naming the line, an export whose revisions are out of order or missing, and saves
 * nothing of a batch with a revision it cannot restore. Not thread-safe; one restore at a time.
 */
public final class NinjsRestore {
  static final int BATCH = 500;
  private static final String ID = "masthead:id";
  private static final String SAVED_BY = "masthead:saved-by";
  private static final String STATUS = "masthead:status";
  private static final String CORRECTED_AT = "masthead:corrected-at";

  private final Publishing publishing;
  private final MediaLibrary media;
  private final NinjsItem mapping = new NinjsItem(new BodyCleaner(), Language.ENGLISH);
  private final NinjsReader reader = new NinjsReader();

  public NinjsRestore(Publishing publishing, MediaLibrary media) {
    this.publishing = publishing;
    this.media = media;
  }

  /** An export that cannot be restored; the message names the line and what is wrong. */
  public static final class Unrestorable extends RuntimeException {
    Unrestorable(String message) {
      super(message);
    }
  }

  /**
   * Restores every revision in {@code export}, in order, and returns how many.
   *
   * @throws Unrestorable at the first line that is not a revision this restore can take
   */
  public long restore(Path export) {
    Map<String, Integer> revisions = new HashMap<>();
    PictureFiles pictures = new PictureFiles(media, export, "restore");
    List<Submission> batch = new ArrayList<>(BATCH);
    long[] restored = {0};
    try {
      reader.read(
          export,
          entry -> {
            JsonNode node =
                switch (entry instanceof NinjsEntry.Line line ? NinjsReader.parse(line) : entry) {
                  case NinjsEntry.Json json -> json.node();
                  case NinjsEntry.Malformed bad ->
                      throw new Unrestorable(bad.position() + ": " + bad.reason());
                  case NinjsEntry.Line line -> throw new IllegalStateException("parsed already");
                };
            if ("picture".equals(node.path("type").asString(""))) {
              try {
                pictures.picture(node, Language.ENGLISH);
              } catch (InvalidNinjs e) {
                throw new Unrestorable(entry.position() + ": " + e.getMessage());
              }
              return;
            }
            batch.add(revisionOf(node, entry.position(), revisions, pictures));
            if (batch.size() == BATCH) {
              restored[0] += save(batch);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + export + ": " + e.getMessage(), e);
    }
    restored[0] += save(batch);
    publishing.restored();
    return restored[0];
  }

  private Submission revisionOf(
      JsonNode node,
      NinjsEntry.Position at,
      Map<String, Integer> revisions,
      PictureFiles pictures) {
    Submission submission;
    try {
      submission = mapping.toSubmission(node, "restore", Optional.of(pictures));
    } catch (InvalidNinjs e) {
      throw new Unrestorable(at + ": " + e.getMessage());
    }
    int expected = revisions.merge(submission.uri(), 1, Integer::sum);
    String version = node.path("version").asString("");
    if (!version.equals(Integer.toString(expected))) {
      throw new Unrestorable(
          at
              + ": "
              + submission.uri()
              + " has version \""
              + version
              + "\" where revision "
              + expected
              + " belongs: the export is incomplete or out of order");
    }
    Optional<String> id = altId(node, ID);
    if (id.isEmpty() || !id.get().matches("[1-9][0-9]{0,17}")) {
      throw new Unrestorable(
          at + ": " + submission.uri() + " has no " + ID + " altId: this is not a Masthead export");
    }
    Status status =
        switch (altId(node, STATUS).orElse("")) {
          case "draft" -> new Status.Draft();
          case "submitted" -> new Status.Submitted();
          case String s when s.startsWith("scheduled:") ->
              Status.fromCode("scheduled", s.substring("scheduled:".length()));
          default -> submission.status();
        };
    return withCorrectionTimes(submission, altIds(node, CORRECTED_AT), at)
        .restored(
            altId(node, SAVED_BY).orElse("restore"), status, new ItemId(Long.parseLong(id.get())));
  }

  /** The submission with each correction at the time the export recorded for it. */
  private static Submission withCorrectionTimes(
      Submission submission, List<String> times, NinjsEntry.Position at) {
    Copy copy = submission.copy();
    if (times.size() != copy.corrections().size()) {
      throw new Unrestorable(
          at
              + ": "
              + submission.uri()
              + " has "
              + copy.corrections().size()
              + " corrections but "
              + times.size()
              + " "
              + CORRECTED_AT
              + " altIds");
    }
    List<Correction> corrections = new ArrayList<>();
    for (int i = 0; i < times.size(); i++) {
      try {
        corrections.add(
            new Correction(Instant.parse(times.get(i)), copy.corrections().get(i).text()));
      } catch (DateTimeParseException e) {
        throw new Unrestorable(
            at + ": " + CORRECTED_AT + " \"" + times.get(i) + "\" is not a time");
      }
    }
    Copy timed = copy.withCorrections(corrections);
    return new Submission(
        submission.uri(),
        submission.basedOn(),
        timed,
        submission.status(),
        submission.firstPublished(),
        submission.versionCreated(),
        submission.savedBy());
  }

  private static List<String> altIds(JsonNode node, String role) {
    List<String> values = new ArrayList<>();
    for (JsonNode id : node.path("altIds")) {
      if (role.equals(id.path("role").asString(""))) {
        values.add(id.path("value").asString(""));
      }
    }
    return values;
  }

  private static Optional<String> altId(JsonNode node, String role) {
    for (JsonNode id : node.path("altIds")) {
      if (role.equals(id.path("role").asString(""))) {
        return Optional.of(id.path("value").asString(""));
      }
    }
    return Optional.empty();
  }

  private int save(List<Submission> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    for (Publishing.Outcome outcome : publishing.saveAll(List.copyOf(batch), o -> {})) {
      if (outcome instanceof Publishing.Outcome.Refused refused) {
        throw new Unrestorable("a revision could not be restored: " + refused.reason());
      }
    }
    int saved = batch.size();
    batch.clear();
    return saved;
  }
}
