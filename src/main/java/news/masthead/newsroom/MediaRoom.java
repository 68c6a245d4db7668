package news.masthead.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.masthead.content.AuditEntry;
import news.masthead.content.InvalidContent;
import news.masthead.content.Language;
import news.masthead.content.Picture;
import news.masthead.content.Role;
import news.masthead.content.StaffMember;
import news.masthead.media.Darkroom;
import news.masthead.media.MediaLibrary;
import news.masthead.media.PictureRefused;

/**
 * The media library's pages: upload pictures (several at once), find them by their words, and
 * describe each one (caption, credit, alt text, rights, focal point). Any member may upload; a
 * contributor describes their own pictures, an editor or admin any.
 */
public final class MediaRoom {
  static final int PAGE = 60;
  static final int MAX_FILES = 20;
  private final Newsroom room;
  private final Door door;
  private final MediaLibrary library;

  MediaRoom(Newsroom room, Door door, MediaLibrary library) {
    this.room = room;
    this.door = door;
    this.library = library;
  }

  /** What became of one file of an upload. */
  public record Outcome(String file, Optional<Picture> picture, String problem) {}

  /** {@code GET /newsroom/media}: the upload form and the newest pictures, or those found. */
  public void library(Context ctx) {
    Visit visit = door.require(ctx, Role.CONTRIBUTOR);
    show(ctx, 200, visit, List.of());
  }

  private void show(Context ctx, int status, Visit visit, List<Outcome> outcomes) {
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
    if (q.length() > 200) {
      throw Refusal.badInput("a search of the library has at most 200 characters");
    }
    room.render(
        ctx,
        status,
        "media",
        visit,
        "newsroom.media.title",
        Map.of(
            "q",
            q,
            "pictures",
            library.list(q, PAGE),
            "outcomes",
            outcomes,
            "maxMegabytes",
            Darkroom.MAX_BYTES / 1048576));
  }

  /**
   * {@code POST /newsroom/media}: develops and stores each file sent as {@code picture}, with the
   * words given for them all; answers with what became of each (one refused file does not stop the
   * others, and stores nothing of its own).
   */
  public void upload(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.CONTRIBUTOR);
    List<UploadedFile> files = ctx.uploadedFiles("picture");
    if (files.isEmpty()) {
      throw Refusal.badInput("choose at least one picture to upload");
    }
    if (files.size() > MAX_FILES) {
      throw Refusal.badInput("at most " + MAX_FILES + " pictures are uploaded at once");
    }
    Picture.Words words;
    try {
      words = words(ctx);
    } catch (InvalidContent e) {
      throw Refusal.badInput(e.getMessage());
    }
    Language language = room.languageOf(ctx.formParam("language"), visit.member().language());
    List<Outcome> outcomes = new ArrayList<>();
    for (UploadedFile file : files) {
      String name = file.filename() == null ? "" : file.filename();
      if (file.size() > Darkroom.MAX_BYTES) {
        outcomes.add(
            new Outcome(
                name,
                Optional.empty(),
                "the file is over the " + Darkroom.MAX_BYTES / 1048576 + " MB accepted"));
        continue;
      }
      try (InputStream in = file.content()) {
        Picture added =
            library.add(
                in.readAllBytes(),
                words,
                language,
                visit.member().email(),
                audit(visit.member(), "media.upload", "", name, ctx));
        outcomes.add(new Outcome(name, Optional.of(added), ""));
      } catch (PictureRefused e) {
        outcomes.add(new Outcome(name, Optional.empty(), e.getMessage()));
      } catch (IOException e) {
        outcomes.add(new Outcome(name, Optional.empty(), "the upload was cut off"));
      }
    }
    boolean allRefused = outcomes.stream().allMatch(o -> o.picture().isEmpty());
    if ("json".equals(ctx.queryParam("answer"))) {
      Newsroom.json(
          ctx,
          allRefused ? 400 : 200,
          outcomes.stream()
              .map(
                  o ->
                      Map.of(
                          "file", o.file(),
                          "picture", o.picture().map(p -> p.id()).orElse(0L),
                          "problem", o.problem()))
              .toList());
      return;
    }
    show(ctx, allRefused ? 400 : 200, visit, outcomes);
  }

  /** {@code GET /newsroom/media/{id}}: one picture, its renditions and its words. */
  public void picture(Context ctx) {
    Visit visit = door.require(ctx, Role.CONTRIBUTOR);
    Picture picture = open(ctx);
    render(ctx, 200, visit, picture, Optional.empty());
  }

  /** {@code POST /newsroom/media/{id}}: changes a picture's words and focal point. */
  public void describe(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.CONTRIBUTOR);
    Picture picture = open(ctx);
    if (visit.member().role() == Role.CONTRIBUTOR
        && !picture.createdBy().equals(visit.member().email())) {
      throw Refusal.forbidden("a contributor describes only the pictures they uploaded");
    }
    try {
      library.describe(
          picture.id(),
          words(ctx),
          fraction(ctx, "focal_x"),
          fraction(ctx, "focal_y"),
          audit(visit.member(), "media.describe", "picture " + picture.id(), "", ctx));
    } catch (InvalidContent e) {
      render(ctx, 400, visit, picture, Optional.of(e.getMessage()));
      return;
    }
    ctx.redirect("/newsroom/media/" + picture.id(), HttpStatus.SEE_OTHER);
  }

  /**
   * {@code GET /media/KEY/VERSION/FILE}: a rendition, public and immutable (its address changes
   * with its pixels); 404 for any address the library does not make.
   */
  public void rendition(Context ctx) {
    MediaLibrary.Rendition rendition =
        library
            .rendition(ctx.pathParam("key"), ctx.pathParam("version"), ctx.pathParam("file"))
            .orElseThrow(() -> new news.masthead.web.HttpError.NotFound("no such picture"));
    news.masthead.web.PublicResponses.send(
        ctx,
        news.masthead.web.RenderedPage.of(200, rendition.mediaType(), rendition.bytes()),
        news.masthead.web.PublicResponses.IMMUTABLE_CACHING);
  }

  private void render(
      Context ctx, int status, Visit visit, Picture picture, Optional<String> problem) {
    room.render(
        ctx,
        status,
        "picture",
        visit,
        "newsroom.media.picture",
        Map.of(
            "picture",
            picture,
            "problem",
            problem,
            "kept",
            library.kept(),
            "canDescribe",
            visit.member().role() != Role.CONTRIBUTOR
                || picture.createdBy().equals(visit.member().email())));
  }

  private Picture open(Context ctx) {
    String id = ctx.pathParam("id");
    if (!id.matches("[1-9][0-9]{0,17}")) {
      throw Refusal.badInput("a picture is named by its number");
    }
    return library
        .find(Long.parseLong(id))
        .orElseThrow(
            () -> new Refusal(404, "newsroom.media.missing", "no picture has the number " + id));
  }

  private static Picture.Words words(Context ctx) {
    return new Picture.Words(
        field(ctx, "caption"), field(ctx, "credit"), field(ctx, "alt"), field(ctx, "rights"));
  }

  private static String field(Context ctx, String name) {
    return Optional.ofNullable(ctx.formParam(name)).orElse("");
  }

  private static double fraction(Context ctx, String name) {
    String value = Optional.ofNullable(ctx.formParam(name)).orElse("0.5").strip();
    try {
      double d = Double.parseDouble(value);
      if (d >= 0 && d <= 1) {
        return d;
      }
    } catch (NumberFormatException e) {
      // explained below
    }
    throw new InvalidContent(
        "the focal point's " + name.substring(6) + " is a fraction from 0 to 1, not " + value);
  }

  private AuditEntry audit(
      StaffMember member, String action, String subject, String detail, Context ctx) {
    return AuditEntry.of(member.id(), member.email(), action, subject, detail, door.address(ctx));
  }
}
