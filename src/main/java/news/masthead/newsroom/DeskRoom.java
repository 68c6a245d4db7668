package news.masthead.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;
import news.masthead.content.Body;
import news.masthead.content.Byline;
import news.masthead.content.Copy;
import news.masthead.content.CopyMerge;
import news.masthead.content.Credit;
import news.masthead.content.DeskItem;
import news.masthead.content.EditConflict;
import news.masthead.content.Genre;
import news.masthead.content.InvalidContent;
import news.masthead.content.Item;
import news.masthead.content.ItemId;
import news.masthead.content.Language;
import news.masthead.content.Picture;
import news.masthead.content.PreviewLink;
import news.masthead.content.Profile;
import news.masthead.content.Role;
import news.masthead.content.SavedRevision;
import news.masthead.content.Section;
import news.masthead.content.Slug;
import news.masthead.content.Source;
import news.masthead.content.Subject;
import news.masthead.content.SubjectKind;
import news.masthead.content.Teaser;
import news.masthead.media.MediaLibrary;
import news.masthead.together.Together;
import news.masthead.web.PublicLinks;
import news.masthead.web.RenderedPage;
import news.masthead.workflow.Desk;
import tools.jackson.databind.json.JsonMapper;

/**
 * The desk's pages: a new item, an item's page (its fields, its body in the editor, the steps the
 * person may take, its history and notes), saving, and taking workflow steps. Every change is a
 * form POST that the door checks; the desk checks role and section. Thread-safe.
 */
public final class DeskRoom {
  /** The most subjects of one kind an item may carry. */
  static final int MAX_SUBJECTS = 30;

  /** The most source rows an item may carry. */
  static final int MAX_SOURCES = 30;

  /** Library pictures the item form offers to choose from. */
  static final int PICTURE_CHOICES = 24;

  private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z/!?]");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Newsroom room;
  private final Door door;
  private final Desk desk;
  private final MediaLibrary media;
  private final Function<Language, List<Section>> sections;
  private final PublicLinks links;
  private final Function<Item, RenderedPage> previews;
  private final String newsroomUrl;

  private final Together together;

  DeskRoom(
      Newsroom room,
      Door door,
      Desk desk,
      MediaLibrary media,
      Function<Language, List<Section>> sections,
      PublicLinks links,
      Function<Item, RenderedPage> previews,
      String newsroomUrl,
      Together together) {
    this.together = together;
    this.previews = previews;
    this.newsroomUrl = newsroomUrl;
    this.room = room;
    this.door = door;
    this.desk = desk;
    this.media = media;
    this.sections = sections;
    this.links = links;
  }

  /**
   * The desk's lists for the newsroom's home page, and the results of its search when the page asks
   * for one ({@code q}, {@code status}, {@code section}, {@code author}, {@code language}).
   */
  Map<String, Object> lists(Context ctx, Visit visit) {
    Map<String, Object> model = new HashMap<>();
    model.put("mine", desk.mine(visit.member()));
    model.put("waiting", desk.waitingForReview(visit.member()));
    model.put("scheduled", desk.scheduled(visit.member()));
    model.put("recent", desk.recentlyPublished(visit.member()));
    Search search = Search.of(ctx, room.languages());
    model.put("search", search);
    model.put(
        "found",
        search.asked()
            ? Optional.of(
                desk.find(
                    visit.member(),
                    search.q(),
                    search.status(),
                    search.section(),
                    search.author(),
                    search.language()))
            : Optional.empty());
    return model;
  }

  /** {@code GET /newsroom/items/new?profile=story&language=en}: an empty item to write. */
  public void newItem(Context ctx) {
    Visit visit = door.require(ctx, Role.CONTRIBUTOR);
    Profile profile =
        Profile.fromCode(Optional.ofNullable(ctx.queryParam("profile")).orElse("story"));
    Language language = room.languageOf(ctx.queryParam("language"), visit.member().language());
    Form form = Form.blank(profile, language);
    render(ctx, 200, visit, Optional.empty(), form, Optional.empty());
  }

  /** {@code POST /newsroom/items}: saves a new item as its first draft. */
  public void create(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.CONTRIBUTOR);
    Form form = form(ctx);
    try {
      Copy copy = copyOf(form, Optional.empty(), visit);
      SavedRevision saved =
          desk.write(
              visit.member(), Optional.empty(), OptionalInt.empty(), copy, door.address(ctx));
      ctx.redirect("/newsroom/items/" + saved.id().value(), HttpStatus.SEE_OTHER);
    } catch (InvalidContent | Desk.NotAllowed e) {
      int status = e instanceof Desk.NotAllowed ? 403 : 400;
      render(ctx, status, visit, Optional.empty(), form, Optional.of(e.getMessage()));
    }
  }

  /** {@code GET /newsroom/items/{id}}: the item's page. */
  public void item(Context ctx) {
    Visit visit = door.require(ctx, Role.CONTRIBUTOR);
    DeskItem item = open(visit, ctx);
    Form form = Form.of(item, desk.translationNumbers(item.newest().copy().translations()));
    if (together.isCoEdited(item.newest().id())) {
      // the body as co-editing has it, which may be ahead of the newest revision
      Together.Opened now = together.open(item.newest().id(), form.bodyJson());
      form = form.withBody(now.doc(), bodyOf(now).plainText());
    }
    render(ctx, 200, visit, Optional.of(item), form, Optional.empty());
  }

  /**
   * {@code POST /newsroom/items/{id}}: saves what was written as a new revision based on the one
   * the form was opened at. From the editor's autosave ({@code Accept: application/json}) the
   * answer is JSON: the new revision, or why not.
   */
  public void save(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.CONTRIBUTOR);
    DeskItem item = open(visit, ctx);
    Form form = form(ctx);
    boolean json = String.valueOf(ctx.header("Accept")).contains("application/json");
    try {
      Copy copy = copyOf(form, Optional.of(item.newest().copy()), visit);
      if (ctx.formParam("together_draft") != null && together.isCoEdited(item.newest().id())) {
        keepAside(ctx, visit, item, form, copy);
        return;
      }
      Optional<Together.Opened> checkpoint = checkpointFor(ctx, item);
      if (checkpoint.isPresent()) {
        copy = copy.withBody(bodyOf(checkpoint.get()));
      }
      Desk.Saving saving =
          desk.save(
              visit.member(),
              item,
              form.basedOn(),
              copy,
              door.address(ctx),
              checkpoint.isPresent());
      if (checkpoint.isEmpty() && saving instanceof Desk.Saving.Saved) {
        followBody(visit, item.newest().id());
      }
      if (checkpoint.isPresent() && saving instanceof Desk.Saving.Saved saved) {
        together.revisionMade(
            item.newest().id(), saved.revision().revision(), checkpoint.get().version());
      }
      switch (saving) {
        case Desk.Saving.Saved saved -> {
          if (json) {
            Newsroom.json(
                ctx,
                200,
                Map.of("revision", saved.revision().revision(), "merged", saved.merged()));
          } else {
            ctx.redirect("/newsroom/items/" + item.newest().id().value(), HttpStatus.SEE_OTHER);
          }
        }
        case Desk.Saving.Conflicted conflicted -> {
          String where =
              "/newsroom/items/"
                  + item.newest().id().value()
                  + "/conflicts/"
                  + conflicted.draft().id();
          if (json) {
            Newsroom.json(
                ctx,
                409,
                Map.of(
                    "error", room.words(visit).t("newsroom.editor.conflict"), "conflict", where));
          } else {
            ctx.redirect(where, HttpStatus.SEE_OTHER);
          }
        }
      }
    } catch (InvalidContent | Desk.NotAllowed | Desk.WrongStep | Desk.NotOnDesk e) {
      // NotOnDesk: the item left this person's desk meanwhile (a contributor's was published); what
      // they sent is shown back (and kept in their browser by the editor) rather than lost.
      int status = e instanceof InvalidContent || e instanceof Desk.WrongStep ? 400 : 403;
      if (json) {
        Newsroom.json(ctx, status, Map.of("error", e.getMessage()));
      } else {
        render(ctx, status, visit, Optional.of(item), form, Optional.of(e.getMessage()));
      }
    }
  }

  /**
   * The editor's copy of a co-edited body that can no longer join the live text (its steps were
   * refused or are no longer kept): first a revision of the live text as it stands, then the copy
   * kept beside it as a conflict draft, never replacing what others typed. Answers 409 with the
   * draft's page.
   */
  private void keepAside(Context ctx, Visit visit, DeskItem item, Form form, Copy copy) {
    ItemId id = item.newest().id();
    Together.Opened live = together.checkpoint(id);
    Body liveBody = bodyOf(live);
    if (!liveBody.equals(item.newest().copy().body())
        && desk.save(
                visit.member(),
                item,
                item.newest().revision(),
                item.newest().copy().withBody(liveBody),
                door.address(ctx),
                true)
            instanceof Desk.Saving.Saved saved) {
      together.revisionMade(id, saved.revision().revision(), live.version());
    }
    Desk.Saving.Conflicted kept = desk.keepAside(visit.member(), id, form.basedOn(), copy);
    String where = "/newsroom/items/" + id.value() + "/conflicts/" + kept.draft().id();
    if (String.valueOf(ctx.header("Accept")).contains("application/json")) {
      Newsroom.json(
          ctx,
          409,
          Map.of("error", room.words(visit).t("newsroom.editor.conflict"), "conflict", where));
    } else {
      ctx.redirect(where, HttpStatus.SEE_OTHER);
    }
  }

  /** {@code GET /newsroom/items/{id}/conflicts/{draft}}: both sides of each conflict, to choose. */
  public void conflict(Context ctx) {
    Visit visit = door.require(ctx, Role.CONTRIBUTOR);
    DeskItem item = open(visit, ctx);
    Desk.ConflictView view;
    try {
      view = desk.conflict(visit.member(), item.newest().id(), draftId(ctx));
    } catch (Desk.NotOnDesk e) {
      throw new Refusal(404, "newsroom.item.missing", "no such conflict draft of yours");
    }
    room.render(
        ctx,
        200,
        "conflict",
        visit,
        "newsroom.conflict.title",
        Map.of(
            "view", view,
            "item", item,
            "dir", item.newest().copy().language().direction()));
  }

  /** {@code POST /newsroom/items/{id}/conflicts/{draft}}: saves the sides chosen. */
  public void resolve(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.CONTRIBUTOR);
    DeskItem item = open(visit, ctx);
    Map<String, CopyMerge.Choice> choices = new HashMap<>();
    ctx.formParamMap()
        .forEach(
            (name, values) -> {
              if (name.startsWith("choose.") && !values.isEmpty()) {
                String key = name.substring("choose.".length());
                choices.put(
                    key,
                    switch (values.getFirst()) {
                      case "theirs" -> CopyMerge.Choice.of(CopyMerge.Side.THEIRS);
                      case "written" ->
                          CopyMerge.Choice.writing(
                              Optional.ofNullable(ctx.formParam("written." + key)).orElse(""));
                      default -> CopyMerge.Choice.of(CopyMerge.Side.MINE);
                    });
              }
            });
    Desk.Saving saving;
    try {
      saving =
          desk.resolve(
              visit.member(), item.newest().id(), draftId(ctx), choices, door.address(ctx));
    } catch (Desk.NotOnDesk e) {
      throw new Refusal(404, "newsroom.item.missing", "no such conflict draft of yours");
    } catch (Desk.WrongStep | InvalidContent e) {
      throw Refusal.badInput(e.getMessage());
    } catch (Desk.NotAllowed e) {
      throw Refusal.forbidden(e.getMessage());
    }
    followBody(visit, item.newest().id());
    ctx.redirect(
        saving instanceof Desk.Saving.Conflicted again
            ? "/newsroom/items/" + item.newest().id().value() + "/conflicts/" + again.draft().id()
            : "/newsroom/items/" + item.newest().id().value(),
        HttpStatus.SEE_OTHER);
  }

  /** {@code POST /newsroom/items/{id}/conflicts/{draft}/discard}: drops a conflict draft. */
  public void discard(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.CONTRIBUTOR);
    DeskItem item = open(visit, ctx);
    try {
      desk.discard(visit.member(), item.newest().id(), draftId(ctx));
    } catch (Desk.NotOnDesk e) {
      throw new Refusal(404, "newsroom.item.missing", "no such conflict draft of yours");
    }
    ctx.redirect("/newsroom/items/" + item.newest().id().value(), HttpStatus.SEE_OTHER);
  }

  private static long draftId(Context ctx) {
    String id = ctx.pathParam("draft");
    if (!id.matches("[1-9][0-9]{0,17}")) {
      throw Refusal.badInput("a conflict draft is named by its number");
    }
    return Long.parseLong(id);
  }

  /**
   * {@code POST /newsroom/items/{id}/steps/{step}}: submit, publish, correct, send back or retract.
   * Publishing, correcting and retracting change what readers see, so they need a fresh check.
   */
  public void step(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.CONTRIBUTOR);
    DeskItem item = open(visit, ctx);
    String name = ctx.pathParam("step");
    String text = Optional.ofNullable(ctx.formParam("text")).orElse("").strip();
    if (text.length() > 4000) {
      throw Refusal.badInput("a note, correction or notice is at most 4000 characters");
    }
    Desk.Step step =
        switch (name) {
          case "submit" -> new Desk.Step.Submit();
          case "publish" -> new Desk.Step.Publish(Optional.empty());
          case "correct" -> {
            if (text.isEmpty()) {
              throw Refusal.badInput("a correction must say what was wrong and what is right");
            }
            yield new Desk.Step.Publish(Optional.of(text));
          }
          case "send-back" -> {
            if (text.isEmpty()) {
              throw Refusal.badInput("sending back needs a note saying what to change");
            }
            yield new Desk.Step.SendBack(text);
          }
          case "retract" -> new Desk.Step.Retract(text);
          case "schedule" -> new Desk.Step.Schedule(when(ctx, visit));
          case "unschedule" -> new Desk.Step.Unschedule();
          default -> throw Refusal.badInput("no such step: " + name);
        };
    if (!(step instanceof Desk.Step.Submit)
        && !(step instanceof Desk.Step.SendBack)
        && !(step instanceof Desk.Step.Unschedule)) {
      room.requireRecentCheck(visit);
    }
    int basedOn = Form.number(ctx.formParam("revision"));
    try {
      basedOn = saveCheckpoint(ctx, visit, item, basedOn);
      desk.take(visit.member(), item.newest().id(), basedOn, step, door.address(ctx));
    } catch (Desk.NotAllowed e) {
      throw Refusal.forbidden(e.getMessage());
    } catch (Desk.WrongStep e) {
      throw Refusal.badInput(e.getMessage());
    } catch (EditConflict e) {
      throw Refusal.badInput(
          room.words(visit).t("newsroom.item.conflict", "revision", item.newest().revision()));
    } catch (InvalidContent e) {
      throw Refusal.badInput(e.getMessage());
    }
    ctx.redirect("/newsroom/items/" + item.newest().id().value(), HttpStatus.SEE_OTHER);
  }

  /**
   * {@code GET /newsroom/items/{id}/preview?revision=N}: a revision (the newest by default) in the
   * public template, as readers would get it once published.
   */
  public void preview(Context ctx) {
    Visit visit = door.require(ctx, Role.CONTRIBUTOR);
    DeskItem item = open(visit, ctx);
    String asked = ctx.queryParam("revision");
    int number = asked == null ? item.newest().revision() : Form.number(asked);
    Item revision =
        desk.revision(visit.member(), item.newest().id(), number)
            .orElseThrow(() -> Refusal.badInput("this item has no revision " + number));
    sendPreview(ctx, revision);
  }

  /** {@code POST /newsroom/items/{id}/preview-links}: a link that shows the preview to anyone. */
  public void sharePreview(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.EDITOR);
    DeskItem item = open(visit, ctx);
    int number = Form.number(ctx.formParam("revision"));
    String token = Secrets.token();
    PreviewLink link;
    try {
      link =
          desk.sharePreview(
              visit.member(), item.newest().id(), number, Secrets.hash(token), door.address(ctx));
    } catch (Desk.NotAllowed e) {
      throw Refusal.forbidden(e.getMessage());
    }
    room.render(
        ctx,
        200,
        "shared",
        visit,
        "newsroom.preview.shared",
        Map.of(
            "link", newsroomUrl + "/preview/" + token,
            "expires", link.expiresAt(),
            "item", item.newest().id().value()));
  }

  /** {@code POST /newsroom/items/{id}/preview-links/revoke}: stops a shared preview link. */
  public void revokePreview(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.EDITOR);
    DeskItem item = open(visit, ctx);
    String link = Optional.ofNullable(ctx.formParam("link")).orElse("");
    try {
      desk.revokePreview(visit.member(), item.newest().id(), link, door.address(ctx));
    } catch (Desk.NotAllowed e) {
      throw Refusal.forbidden(e.getMessage());
    } catch (Desk.NotOnDesk e) {
      throw new Refusal(
          404, "newsroom.preview.expired", "this preview link has expired or was stopped");
    }
    ctx.redirect("/newsroom/items/" + item.newest().id().value() + "#shared", HttpStatus.SEE_OTHER);
  }

  /** {@code GET /preview/{token}}: a shared preview, while its link works; never indexed. */
  public void sharedPreview(Context ctx) {
    String token = ctx.pathParam("token");
    Optional<Item> revision =
        token.length() == 43 ? desk.sharedPreview(Secrets.hash(token)) : Optional.empty();
    if (revision.isEmpty()) {
      ctx.header("Cache-Control", "no-store");
      ctx.header("X-Robots-Tag", "noindex, nofollow");
      throw new Refusal(
          404, "newsroom.preview.expired", "this preview link has expired or never was");
    }
    ctx.header("Referrer-Policy", "no-referrer");
    sendPreview(ctx, revision.get());
  }

  private void sendPreview(Context ctx, Item revision) {
    RenderedPage page = previews.apply(revision);
    ctx.header("Cache-Control", "no-store");
    ctx.header("X-Robots-Tag", "noindex, nofollow");
    ctx.status(page.status());
    ctx.contentType(page.contentType());
    ctx.result(page.body());
  }

  /** {@code GET /newsroom/modules/{module}/<path>}: a file of one of the editor's modules. */
  public void module(Context ctx) {
    Optional<byte[]> file = room.modules().file(ctx.pathParam("module"), ctx.pathParam("path"));
    if (file.isEmpty()) {
      ctx.status(404).result("no such module");
      return;
    }
    ctx.header("Cache-Control", "public, max-age=31536000, immutable");
    ctx.contentType("text/javascript; charset=utf-8");
    ctx.result(file.get());
  }

  /** The time a schedule form names, read in the zone of the person's newsroom language. */
  private Instant when(Context ctx, Visit visit) {
    String at = Optional.ofNullable(ctx.formParam("at")).orElse("").strip();
    try {
      return LocalDateTime.parse(at).atZone(room.words(visit).zone()).toInstant();
    } catch (DateTimeParseException e) {
      throw Refusal.badInput(
          "a schedule needs a date and time such as 2026-12-05T09:30, not \""
              + abbreviate(at)
              + "\"");
    }
  }

  /**
   * {@code POST /newsroom/teaser}: a brief's teaser as the in-brief rail will cut it, from the
   * editor's document, with the rail's ellipsis and "More" in the item's language: the site's own
   * rule ({@link Teaser#of}), asked while the writer types.
   */
  public void teaser(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.CONTRIBUTOR);
    Body body;
    try {
      body =
          EditorBody.read(
              JSON.readTree(Optional.ofNullable(ctx.formParam("body_json")).orElse("{}")));
    } catch (InvalidContent | tools.jackson.core.JacksonException e) {
      throw Refusal.badInput(e.getMessage());
    }
    Language language = room.languageOf(ctx.formParam("language"), visit.member().language());
    Teaser teaser = Teaser.of(body);
    var words = room.wordsOf(language);
    Newsroom.json(
        ctx,
        200,
        Map.of(
            "text", teaser.text(),
            "shortened", teaser.shortened(),
            "ellipsis", words.t("rail.ellipsis"),
            "more", words.t("rail.more")));
  }

  /** {@code GET /newsroom/items/{id}/compare?from=A&to=B}: what changed between two revisions. */
  public void compare(Context ctx) {
    Visit visit = door.require(ctx, Role.CONTRIBUTOR);
    DeskItem item = open(visit, ctx);
    int from = Form.number(ctx.queryParam("from"));
    int to = Form.number(ctx.queryParam("to"));
    Item before =
        desk.revision(visit.member(), item.newest().id(), from)
            .orElseThrow(() -> Refusal.badInput("this item has no revision " + from));
    Item after =
        desk.revision(visit.member(), item.newest().id(), to)
            .orElseThrow(() -> Refusal.badInput("this item has no revision " + to));
    room.render(
        ctx,
        200,
        "compare",
        visit,
        "newsroom.compare.title",
        Map.of(
            "comparison", Comparison.of(before, after, room.words(visit)),
            "item", item,
            "dir", item.newest().copy().language().direction(),
            "typed", whoTyped(item.newest().id(), from, to)));
  }

  /**
   * Who typed what in the body between two revisions made from co-editing's body, from the stored
   * steps: its paragraphs as runs, each with the typist's name and colour; empty when either
   * revision was not made from co-editing or the steps are no longer kept.
   */
  private Optional<WhoTyped> whoTyped(ItemId id, int from, int to) {
    Optional<Integer> start = together.versionOfRevision(id, from);
    Optional<Integer> end = together.versionOfRevision(id, to);
    if (start.isEmpty() || end.isEmpty()) {
      return Optional.empty();
    }
    return together
        .authorship(id, start.get(), end.get())
        .map(blocks -> WhoTyped.of(blocks, room::nameOf));
  }

  /** {@code POST /newsroom/items/{id}/restore}: an earlier revision's copy as the newest. */
  public void restore(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.CONTRIBUTOR);
    DeskItem item = open(visit, ctx);
    int number = Form.number(ctx.formParam("restore"));
    try {
      desk.restore(
          visit.member(),
          item.newest().id(),
          number,
          Form.number(ctx.formParam("revision")),
          door.address(ctx));
    } catch (Desk.NotAllowed e) {
      throw Refusal.forbidden(e.getMessage());
    } catch (Desk.WrongStep e) {
      throw Refusal.badInput(e.getMessage());
    } catch (EditConflict e) {
      throw Refusal.badInput(
          room.words(visit).t("newsroom.item.conflict", "revision", item.newest().revision()));
    }
    followBody(visit, item.newest().id());
    ctx.redirect("/newsroom/items/" + item.newest().id().value(), HttpStatus.SEE_OTHER);
  }

  /**
   * {@code GET /newsroom/subjects?kind=tag&language=en&q=wa}: names of existing tags, people,
   * organisations, places or authors that begin so, for suggestions as one types (JSON).
   */
  public void subjects(Context ctx) {
    Visit visit = door.require(ctx, Role.CONTRIBUTOR);
    String kindWord = Optional.ofNullable(ctx.queryParam("kind")).orElse("");
    SubjectKind kind =
        java.util.Arrays.stream(SubjectKind.values())
            .filter(k -> k.pathWord().equals(kindWord))
            .findFirst()
            .orElseThrow(
                () -> Refusal.badInput("no such kind of subject: " + abbreviate(kindWord)));
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
    if (q.length() > 100) {
      throw Refusal.badInput("suggestions are asked for with at most 100 characters");
    }
    Language language = room.languageOf(ctx.queryParam("language"), visit.member().language());
    Newsroom.json(ctx, 200, desk.suggest(language, kind, q));
  }

  /** {@code POST /newsroom/items/{id}/notes}: adds an editorial note. */
  public void note(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.CONTRIBUTOR);
    DeskItem item = open(visit, ctx);
    try {
      desk.note(
          visit.member(),
          item.newest().id(),
          Optional.ofNullable(ctx.formParam("text")).orElse(""),
          door.address(ctx));
    } catch (InvalidContent e) {
      throw Refusal.badInput(e.getMessage());
    }
    ctx.redirect("/newsroom/items/" + item.newest().id().value() + "#notes", HttpStatus.SEE_OTHER);
  }

  private static Form form(Context ctx) {
    try {
      return Form.of(ctx);
    } catch (InvalidContent e) {
      throw Refusal.badInput(e.getMessage());
    }
  }

  /**
   * The body as live co-editing has it now, kept as a checkpoint, when the page co-edits the item
   * ({@code together_version}); the page's copy must hash the same at the same version.
   *
   * @throws Desk.WrongStep when the page's copy of the body differs from the server's
   */
  private Optional<Together.Opened> checkpointFor(Context ctx, DeskItem item) {
    String version = ctx.formParam("together_version");
    if (version == null || !together.isCoEdited(item.newest().id())) {
      return Optional.empty();
    }
    Together.Opened now = together.checkpoint(item.newest().id());
    String hash = Optional.ofNullable(ctx.formParam("together_hash")).orElse("");
    if (version.equals(Integer.toString(now.version()))
        && !hash.isEmpty()
        && !hash.equals(now.hash())) {
      throw new Desk.WrongStep(
          "this page's copy of the body differs from the server's at version "
              + now.version()
              + ", so nothing was saved or published: reload the item, and your text is kept"
              + " beside it");
    }
    return Optional.of(now);
  }

  /**
   * After the form, a restore or a resolved conflict saved a body, makes co-editing's body the
   * newest revision's, so that everyone editing it live sees what was saved.
   */
  private void followBody(Visit visit, ItemId id) {
    if (!together.isCoEdited(id)) {
      return;
    }
    DeskItem now = desk.open(visit.member(), id);
    together
        .replaceWith(
            id, visit.member().id(), EditorBody.write(now.newest().copy().body()).toString())
        .ifPresent(version -> together.revisionMade(id, now.newest().revision(), version));
  }

  private static Body bodyOf(Together.Opened opened) {
    return EditorBody.read(JSON.readTree(opened.doc()));
  }

  /**
   * Before a workflow step on a co-edited item, makes a revision of the body as co-editing has it,
   * when it differs from the newest revision's; answers the revision the step is then based on.
   */
  private int saveCheckpoint(Context ctx, Visit visit, DeskItem item, int basedOn) {
    Optional<Together.Opened> checkpoint = checkpointFor(ctx, item);
    if (checkpoint.isEmpty() || basedOn != item.newest().revision()) {
      return basedOn;
    }
    Body body = bodyOf(checkpoint.get());
    if (body.equals(item.newest().copy().body())) {
      return basedOn;
    }
    Desk.Saving saving =
        desk.save(
            visit.member(),
            item,
            basedOn,
            item.newest().copy().withBody(body),
            door.address(ctx),
            true);
    if (saving instanceof Desk.Saving.Saved saved) {
      together.revisionMade(
          item.newest().id(), saved.revision().revision(), checkpoint.get().version());
      return saved.revision().revision();
    }
    return basedOn;
  }

  private DeskItem open(Visit visit, Context ctx) {
    String id = ctx.pathParam("id");
    if (!id.matches("[1-9][0-9]{0,17}")) {
      throw Refusal.badInput("an item is named by its number, not \"" + abbreviate(id) + "\"");
    }
    try {
      return desk.open(visit.member(), new ItemId(Long.parseLong(id)));
    } catch (Desk.NotOnDesk e) {
      throw new Refusal(404, "newsroom.item.missing", e.getMessage());
    }
  }

  private void render(
      Context ctx,
      int status,
      Visit visit,
      Optional<DeskItem> item,
      Form form,
      Optional<String> problem) {
    Map<String, Object> model = new HashMap<>();
    model.put("form", form);
    model.put("problem", problem);
    model.put("item", item);
    model.put("sections", sections.apply(form.language()));
    model.put("languages", room.languages());
    model.put("steps", item.map(i -> desk.stepsFor(visit.member(), i)).orElse(List.of()));
    model.put(
        "history", item.map(i -> desk.history(visit.member(), i.newest().id())).orElse(List.of()));
    model.put(
        "notes", item.map(i -> desk.notes(visit.member(), i.newest().id())).orElse(List.of()));
    model.put(
        "conflicts",
        item.map(i -> desk.conflicts(visit.member(), i.newest().id())).orElse(List.of()));
    model.put(
        "publicUrl",
        item.filter(DeskItem::isLive)
            .flatMap(i -> desk.live(visit.member(), i.newest().id()))
            .map(links::url));
    model.put(
        "shared",
        item.map(i -> desk.previewLinks(visit.member(), i.newest().id())).orElse(List.of()));
    model.put("pictures", pictureChoices(form));
    model.put("importMap", room.modules().importMap());
    ctx.header("Content-Security-Policy", room.modules().policy());
    room.render(
        ctx,
        status,
        "item",
        visit,
        item.isEmpty() ? "newsroom.item.new" : "newsroom.item.title",
        model);
  }

  /** The pictures the form offers as its lead: the newest in the library, and the one chosen. */
  private List<Picture> pictureChoices(Form form) {
    List<Picture> choices = new ArrayList<>(media.list("", PICTURE_CHOICES));
    if (form.leadPicture().matches("[0-9]{1,12}")) {
      long chosen = Long.parseLong(form.leadPicture());
      if (choices.stream().noneMatch(p -> p.id() == chosen)) {
        media.find(chosen).ifPresent(p -> choices.addFirst(p));
      }
    }
    return choices;
  }

  /** The copy a form describes, keeping what the form does not carry from {@code current}. */
  private Copy copyOf(Form form, Optional<Copy> current, Visit visit) {
    Language language = form.language();
    if (!form.newSection().isEmpty()) {
      if (visit.member().role() != Role.ADMIN) {
        throw new InvalidContent("only an admin may open a new section");
      }
      plain("a section's name", form.newSection(), 100);
      return copyIn(
          form,
          current,
          new Section(Slug.of(form.newSection(), "section"), form.newSection(), language));
    }
    Section section =
        sections.apply(language).stream()
            .filter(s -> s.slug().value().equals(form.section()))
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidContent(
                        "there is no section \""
                            + abbreviate(form.section())
                            + "\" in the "
                            + language
                            + " edition: choose one of the list"));
    return copyIn(form, current, section);
  }

  private Copy copyIn(Form form, Optional<Copy> current, Section section) {
    Language language = form.language();
    plain("the headline", form.headline(), Copy.MAX_HEADLINE);
    plain("the standfirst", form.standfirst(), 1000);
    plain("the dateline", form.dateline(), 100);
    Body body =
        form.bodyJson().isBlank()
            ? EditorBody.fromText(
                form.bodyText(), current.map(Copy::body).orElseGet(() -> new Body(List.of())))
            : EditorBody.read(JSON.readTree(form.bodyJson()));
    List<Subject> subjects = new ArrayList<>();
    for (SubjectKind kind : SubjectKind.values()) {
      if (kind == SubjectKind.AUTHOR) {
        continue;
      }
      List<String> names = splitNames(form.subjects().getOrDefault(kind, ""));
      if (names.size() > MAX_SUBJECTS) {
        throw new InvalidContent(
            "at most " + MAX_SUBJECTS + " " + kind.pathWord() + " names, not " + names.size());
      }
      for (String name : names) {
        plain("a " + kind.pathWord(), name, 100);
        subjects.add(Subject.named(kind, name));
      }
    }
    List<Credit> credits = new ArrayList<>();
    for (Form.CreditRow row : form.credits()) {
      if (row.name().isBlank()) {
        continue;
      }
      plain("a byline's name", row.name(), Credit.MAX_NAME);
      credits.add(new Credit(row.name(), Credit.Role.fromCode(row.role())));
    }
    plain("the slug", form.slug(), Slug.MAX_LENGTH);
    List<Source> sources = new ArrayList<>();
    for (Form.SourceRow row : form.sources()) {
      if (row.name().isBlank()) {
        continue;
      }
      plain("a source's name", row.name(), 200);
      sources.add(new Source(row.name(), kind(row.kind()), role(row.role())));
    }
    if (sources.size() > MAX_SOURCES) {
      throw new InvalidContent("at most " + MAX_SOURCES + " sources, not " + sources.size());
    }
    return new Copy(
        form.profile(),
        language,
        form.headline(),
        form.standfirst(),
        body,
        new Byline(credits),
        form.dateline(),
        section,
        subjects,
        sources,
        List.of(Genre.fromName(form.genre())),
        current.map(Copy::corrections).orElse(List.of()),
        desk.translations(
            numbers(form.translations()),
            language,
            current.map(Copy::translations).orElse(List.of())),
        form.slug(),
        form.lead());
  }

  /** Item numbers separated by commas (or Persian commas), as typed. */
  private static List<Long> numbers(String text) {
    List<Long> numbers = new ArrayList<>();
    for (String part : text.split("[,،\\s]+")) {
      String n = part.strip().replaceAll("^#", "");
      if (n.isEmpty()) {
        continue;
      }
      if (!n.matches("[1-9][0-9]{0,17}")) {
        throw new InvalidContent(
            "translations are named by item numbers such as 42, not \"" + abbreviate(n) + "\"");
      }
      numbers.add(Long.parseLong(n));
    }
    if (numbers.size() > 10) {
      throw new InvalidContent("at most 10 translations");
    }
    return numbers;
  }

  private static Source.Kind kind(String name) {
    try {
      return Source.Kind.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidContent(
          "a source's kind is one of the list, not \"" + abbreviate(name) + "\"");
    }
  }

  private static Source.Role role(String name) {
    try {
      return Source.Role.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidContent(
          "what a source did is one of the list, not \"" + abbreviate(name) + "\"");
    }
  }

  /** Refuses markup and over-long text in a plain-text field, naming the field. */
  private static void plain(String field, String text, int max) {
    if (text.length() > max) {
      throw new InvalidContent(field + " is at most " + max + " characters, not " + text.length());
    }
    if (MARKUP.matcher(text).find()) {
      throw new InvalidContent(
          field
              + " is plain text: it holds markup (\""
              + abbreviate(text)
              + "\"); leave out the <…>");
    }
  }

  private static List<String> splitNames(String text) {
    List<String> names = new ArrayList<>();
    for (String name : text.split("[,،]")) {
      if (!name.isBlank()) {
        names.add(name.strip());
      }
    }
    return names;
  }

  static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
