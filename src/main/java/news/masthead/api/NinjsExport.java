package news.masthead.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import news.masthead.content.Correction;
import news.masthead.content.Status;
import news.masthead.web.PublicLinks;
import news.masthead.workflow.Archive;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes every revision of every item as IPTC ninjs 3 JSON Lines, oldest revision first: the
 * portable, database-neutral backup, which {@code masthead restore} (and any ninjs reader) reads
 * back. Each line is a valid ninjs item whose {@code version} is its revision number and whose
 * {@code versionCreated} is when it was saved; {@code altIds} carry what ninjs has no field for:
 * the item's id ({@value #ID}, which a restore keeps, so addresses stay), who saved it ({@value
 * #SAVED_BY}), when each correction was made ({@value #CORRECTED_AT}, in order) and a draft's
 * status ({@value #STATUS}; ninjs knows only usable, withheld and canceled).
 */
public final class NinjsExport {
  public static final String SAVED_BY = "masthead:saved-by";
  public static final String STATUS = "masthead:status";
  public static final String ID = "masthead:id";
  public static final String CORRECTED_AT = "masthead:corrected-at";

  private NinjsExport() {}

  /** Writes the archive to {@code out} and returns how many revisions it wrote. */
  public static long write(Archive archive, PublicLinks links, OutputStream out) {
    long written =
        archive.forEachRevision(
            revision -> {
              ObjectNode ninjs =
                  NinjsWriter.write(revision.item(), links, archive.art(revision.item()));
              ArrayNode ids =
                  ninjs.has("altIds") ? (ArrayNode) ninjs.get("altIds") : ninjs.putArray("altIds");
              ids.addObject()
                  .put("role", ID)
                  .put("value", Long.toString(revision.item().id().value()));
              ids.addObject().put("role", SAVED_BY).put("value", revision.savedBy());
              for (Correction correction : revision.item().copy().corrections()) {
                ids.addObject().put("role", CORRECTED_AT).put("value", correction.at().toString());
              }
              if (revision.item().status().isDeskOnly()) {
                ids.addObject()
                    .put("role", STATUS)
                    .put("value", statusOf(revision.item().status()));
              }
              try {
                out.write(ninjs.toString().getBytes(StandardCharsets.UTF_8));
                out.write('\n');
              } catch (IOException e) {
                throw new UncheckedIOException("cannot write the export: " + e.getMessage(), e);
              }
            });
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export: " + e.getMessage(), e);
    }
    return written;
  }

  /** A desk-only status as the export keeps it: its code, and a schedule's time after a colon. */
  private static String statusOf(Status status) {
    return status instanceof Status.Scheduled s ? "scheduled:" + s.at() : status.code();
  }
}
