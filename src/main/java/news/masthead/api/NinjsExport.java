package news.masthead.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import news.masthead.content.Correction;
import news.masthead.content.Picture;
import news.masthead.content.Status;
import news.masthead.media.MediaLibrary;
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

  /**
   * Writes the media library's pictures (each a ninjs picture object with its master inline), then
   * the archive, to {@code out}, and returns how many revisions it wrote.
   */
  public static long write(
      Archive archive, MediaLibrary media, PublicLinks links, OutputStream out) {
    media.forEach((picture, master) -> line(out, pictureOf(picture, master)));
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
              line(out, ninjs);
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

  private static void line(OutputStream out, ObjectNode ninjs) {
    try {
      out.write(ninjs.toString().getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export: " + e.getMessage(), e);
    }
  }

  /** A library picture as a ninjs picture object, its master inline as a {@code data:} address. */
  static ObjectNode pictureOf(Picture picture, byte[] master) {
    ObjectNode ninjs = ApiJson.JSON.createObjectNode();
    ninjs.put("uri", MediaLibrary.uriOf(picture.publicKey()));
    ninjs.put("type", "picture");
    ninjs.put("version", Integer.toString(picture.version()));
    ninjs.put("language", picture.language().code());
    ninjs.put("versionCreated", picture.createdAt().toString());
    if (!picture.caption().isEmpty()) {
      ninjs.putArray("headlines").addObject().put("value", picture.caption());
    }
    if (!picture.alt().isEmpty()) {
      ninjs.putArray("descriptions").addObject().put("role", "alt").put("value", picture.alt());
    }
    if (!picture.credit().isEmpty()) {
      ninjs.put("by", picture.credit());
    }
    if (!picture.rights().isEmpty()) {
      ninjs.put("copyrightNotice", picture.rights());
    }
    ninjs
        .putArray("renditions")
        .addObject()
        .put("name", "original")
        .put("href", "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(master))
        .put("contentType", "image/jpeg")
        .put("width", picture.width())
        .put("height", picture.height());
    ninjs
        .putArray("altIds")
        .addObject()
        .put("role", "masthead:focal")
        .put("value", picture.focalX() + " " + picture.focalY());
    return ninjs;
  }
}
