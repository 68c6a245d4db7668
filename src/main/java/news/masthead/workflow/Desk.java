package news.masthead.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import news.masthead.content.AuditEntry;
import news.masthead.content.ConflictDraft;
import news.masthead.content.Copy;
import news.masthead.content.CopyMerge;
import news.masthead.content.Correction;
import news.masthead.content.DeskItem;
import news.masthead.content.DeskLine;
import news.masthead.content.EditorialNote;
import news.masthead.content.Figure;
import news.masthead.content.Item;
import news.masthead.content.ItemId;
import news.masthead.content.PreviewLink;
import news.masthead.content.Role;
import news.masthead.content.SavedRevision;
import news.masthead.content.Slug;
import news.masthead.content.StaffMember;
import news.masthead.content.Status;
import news.masthead.store.ItemStore;

/**
 * The desk: where staff write items and move them through the workflow, draft → submitted for
 * review → published → corrected or retracted, or sent back with a note. Every step is checked
 * against the person's role and the item's section, and saved as a new revision with its audit
 * entry in one transaction. A published item's edit is saved as desk-only revisions, so readers
 * keep the published text until the edit is published. The newsroom's only way to items.
 * Thread-safe.
 */
public final class Desk {
  /** How many lines a list of the desk shows. */
  public static final int LIST_LIMIT = 50;

  private final ItemStore items;
  private final Publishing publishing;
  private final Clock clock;

  public Desk(ItemStore items, Publishing publishing, Clock clock) {
    this.items = items;
    this.publishing = publishing;
    this.clock = clock;
  }

  /** The person may not do this to this item (their role, or the item's section). */
  public static final class NotAllowed extends RuntimeException {
    public NotAllowed(String message) {
      super(message);
    }
  }

  /** The step does not apply to the item as it stands (publishing what is published, say). */
  public static final class WrongStep extends RuntimeException {
    public WrongStep(String message) {
      super(message);
    }
  }

  /** No item has this id, or the person may not see it: told the same way. */
  public static final class NotOnDesk extends RuntimeException {
    public NotOnDesk(ItemId id) {
      super("no item " + id + " on your desk");
    }
  }

  /** A step of the workflow, beyond saving. */
  public sealed interface Step {
    /** Hands the newest revision to an editor for review. */
    record Submit() implements Step {}

    /** Publishes the newest revision, with a correction when it corrects a published fact. */
    record Publish(Optional<String> correction) implements Step {}

    /** Sends a submitted item back to its writer as a draft, with a note saying why. */
    record SendBack(String note) implements Step {}

    /** Takes a published item down; its address then answers 410 with the notice. */
    record Retract(String notice) implements Step {}

    /** Publishes the newest revision at a time: until then it is on no public surface. */
    record Schedule(Instant at) implements Step {}

    /** Takes a scheduled item back to a draft. */
    record Unschedule() implements Step {}
  }

  // --- who may do what

  /** Whether {@code member} may see and write an item: their own, or one of their sections. */
  public boolean mayEdit(StaffMember member, DeskItem item) {
    return switch (member.role()) {
      case ADMIN -> true;
      case EDITOR -> item.createdBy().equals(member.email()) || inSections(member, sectionOf(item));
      case CONTRIBUTOR -> item.createdBy().equals(member.email()) && !item.isLive();
    };
  }

  /** Whether {@code member} may publish, send back, correct and retract in a section. */
  public boolean mayPublish(StaffMember member, Slug section) {
    return member.role() == Role.ADMIN
        || (member.role() == Role.EDITOR && inSections(member, section));
  }

  /** Whether {@code member} may write a new item in a section. */
  public boolean mayWriteIn(StaffMember member, Slug section) {
    return member.role() == Role.ADMIN || inSections(member, section);
  }

  /** The steps {@code member} may take on the item as it stands, for the interface to offer. */
  public List<String> stepsFor(StaffMember member, DeskItem item) {
    List<String> steps = new ArrayList<>();
    Status desk = item.newest().status();
    boolean unpublished = !item.isLive() || item.hasUnpublishedEdit();
    if (mayEdit(member, item) && desk instanceof Status.Draft && unpublished) {
      steps.add("submit");
    }
    if (mayPublish(member, sectionOf(item))) {
      if (unpublished && desk.isDeskOnly()) {
        steps.add("publish");
        steps.add("schedule");
      }
      if (desk instanceof Status.Scheduled) {
        steps.add("unschedule");
      }
      if (item.liveStatus() instanceof Status.Published && item.hasUnpublishedEdit()) {
        steps.add("correct");
      }
      if (desk instanceof Status.Submitted) {
        steps.add("send-back");
      }
      if (item.liveStatus() instanceof Status.Published) {
        steps.add("retract");
      }
    }
    return steps;
  }

  // --- reading

  /**
   * The item as the desk sees it.
   *
   * @throws NotOnDesk when there is none, or {@code member} may not see it
   */
  public DeskItem open(StaffMember member, ItemId id) {
    DeskItem item = items.findOnDesk(id).orElseThrow(() -> new NotOnDesk(id));
    if (!mayEdit(member, item) && !mayPublish(member, sectionOf(item))) {
      throw new NotOnDesk(id);
    }
    return item;
  }

  /** An item at one of its revisions, for the history and previews. */
  public Optional<Item> revision(StaffMember member, ItemId id, int number) {
    open(member, id);
    return items.findRevision(id, number);
  }

  /** The item as readers see it, while it is published. */
  public Optional<Item> live(StaffMember member, ItemId id) {
    open(member, id);
    return items.find(id).filter(item -> item.status() instanceof Status.Published);
  }

  /** Every revision of an item, oldest first. */
  public List<ItemStore.RevisionEntry> history(StaffMember member, ItemId id) {
    open(member, id);
    return items.history(id);
  }

  public List<EditorialNote> notes(StaffMember member, ItemId id) {
    open(member, id);
    return items.notes(id);
  }

  /**
   * The translation links that item numbers name, for an item in {@code language}.
   *
   * @throws news.masthead.content.InvalidContent naming a number that is no item, or an item in the
   *     same language
   */
  public List<news.masthead.content.Translation> translations(
      List<Long> ids,
      news.masthead.content.Language language,
      List<news.masthead.content.Translation> current) {
    List<news.masthead.content.Translation> links = new ArrayList<>();
    // Links to items not in this newsroom (an import's, to items not imported yet) stay as they
    // are.
    for (news.masthead.content.Translation link : current) {
      if (items.findByUri(link.uri()).isEmpty()) {
        links.add(link);
      }
    }
    for (long id : ids) {
      Item other =
          items
              .findOnDesk(new ItemId(id))
              .map(DeskItem::newest)
              .orElseThrow(
                  () ->
                      new news.masthead.content.InvalidContent(
                          "no item has the number " + id + " to link as a translation"));
      if (other.copy().language().equals(language)) {
        throw new news.masthead.content.InvalidContent(
            "item " + id + " is in the same language: a translation is in another");
      }
      links.add(new news.masthead.content.Translation(other.uri(), other.copy().language()));
    }
    return links;
  }

  /** The item numbers of translation links, for the form (links to items no longer here drop). */
  public List<Long> translationNumbers(List<news.masthead.content.Translation> links) {
    List<Long> numbers = new ArrayList<>();
    for (news.masthead.content.Translation link : links) {
      items.findByUri(link.uri()).ifPresent(item -> numbers.add(item.id().value()));
    }
    return numbers;
  }

  /** Names of existing subjects of a kind that begin with {@code prefix}, the most used first. */
  public List<String> suggest(
      news.masthead.content.Language language,
      news.masthead.content.SubjectKind kind,
      String prefix) {
    return prefix.isBlank() ? List.of() : items.suggestSubjects(language, kind, prefix, 10);
  }

  /**
   * An editor given no sections: the lists that show a section's items show them none (an empty
   * list of sections would otherwise mean every section).
   */
  private static boolean sectionless(StaffMember member) {
    return member.role() == Role.EDITOR && member.sections().isEmpty();
  }

  /** Items {@code member} began that are not published yet, or have an edit waiting. */
  public List<DeskLine> mine(StaffMember member) {
    return items.listDesk(
        new ItemStore.DeskQuery(
            List.of(
                new Status.Draft(), new Status.Submitted(), new Status.Scheduled(Instant.EPOCH)),
            member.email(),
            List.of(),
            LIST_LIMIT));
  }

  /** Items submitted for review in the sections {@code member} publishes in. */
  public List<DeskLine> waitingForReview(StaffMember member) {
    if (member.role() == Role.CONTRIBUTOR || sectionless(member)) {
      return List.of();
    }
    return items.listDesk(
        new ItemStore.DeskQuery(
            List.of(new Status.Submitted()),
            "",
            member.role() == Role.ADMIN ? List.of() : member.sections(),
            LIST_LIMIT));
  }

  /**
   * The newsroom's search: items whose headline holds {@code text}, in any status (drafts included;
   * they never reach the public search), narrowed by status, section, who began them and language,
   * among the items {@code member} may see, newest saved first.
   */
  public List<DeskLine> find(
      StaffMember member,
      String text,
      Optional<Status> status,
      Optional<Slug> section,
      String author,
      Optional<news.masthead.content.Language> language) {
    List<Slug> sections =
        section.map(List::of).orElse(member.role() == Role.EDITOR ? member.sections() : List.of());
    if (member.role() == Role.EDITOR
        && section.isPresent()
        && !member.sections().contains(section.get())) {
      return List.of();
    }
    if (sectionless(member)) {
      return List.of();
    }
    String by = member.role() == Role.CONTRIBUTOR ? member.email() : author.strip();
    return items.listDesk(
        new ItemStore.DeskQuery(
            status.map(List::of).orElse(List.of()), by, sections, text, language, LIST_LIMIT));
  }

  /** Items scheduled for publication in the sections {@code member} works in. */
  public List<DeskLine> scheduled(StaffMember member) {
    if (sectionless(member)) {
      return List.of();
    }
    return items.listDesk(
        new ItemStore.DeskQuery(
            List.of(new Status.Scheduled(Instant.EPOCH)),
            member.role() == Role.CONTRIBUTOR ? member.email() : "",
            member.role() == Role.CONTRIBUTOR || member.role() == Role.ADMIN
                ? List.of()
                : member.sections(),
            LIST_LIMIT));
  }

  /** Items recently published, corrected or retracted in the sections {@code member} works in. */
  public List<DeskLine> recentlyPublished(StaffMember member) {
    if (sectionless(member)) {
      return List.of();
    }
    return items.listDesk(
        new ItemStore.DeskQuery(
            List.of(new Status.Published(), new Status.Retracted("")),
            "",
            member.role() == Role.ADMIN ? List.of() : member.sections(),
            LIST_LIMIT));
  }

  // --- writing

  /**
   * Saves what {@code member} wrote as a new revision: of a new item when {@code id} is empty, else
   * of that item, based on revision {@code basedOn}. A submitted item stays submitted; anything
   * else is saved as a draft, so a published item's readers keep what they see.
   *
   * @throws NotAllowed when the role or section does not allow it
   * @throws news.masthead.content.EditConflict when someone saved after {@code basedOn}
   */
  public SavedRevision write(
      StaffMember member, Optional<ItemId> id, OptionalInt basedOn, Copy copy, String address) {
    inLibrary(copy);
    if (id.isEmpty()) {
      if (!mayWriteIn(member, copy.section().slug())) {
        throw new NotAllowed(
            "you may write only in your sections, not in " + copy.section().slug());
      }
      String uri = "urn:masthead:" + UUID.randomUUID();
      return publishing.save(
          submission(uri, OptionalInt.empty(), copy, new Status.Draft(), member),
          entry(member, "desk.create", uri, copy.section().slug().value(), address));
    }
    return writeTo(member, open(member, id.get()), basedOn, copy, address);
  }

  /**
   * Checks that every picture the copy names is in the media library.
   *
   * @throws news.masthead.content.InvalidContent naming the first that is not
   */
  private void inLibrary(Copy copy) {
    List<Figure> figures = copy.figures();
    var found = items.art(figures.stream().map(Figure::picture).toList());
    for (Figure figure : figures) {
      if (!found.containsKey(figure.picture())) {
        throw new news.masthead.content.InvalidContent(
            "there is no picture number " + figure.picture() + " in the media library");
      }
    }
  }

  /**
   * Checks that every picture the copy shows tells readers who cannot see it what it shows.
   *
   * @throws WrongStep naming the first that does not
   */
  private static void described(Copy copy) {
    for (Figure figure : copy.figures()) {
      if (!figure.isDescribed()) {
        throw new WrongStep(
            "picture number "
                + figure.picture()
                + " has no text alternative: say what it shows, in the item's language,"
                + " before it goes to readers");
      }
    }
  }

  private SavedRevision writeTo(
      StaffMember member, DeskItem item, OptionalInt basedOn, Copy copy, String address) {
    if (!mayEdit(member, item)) {
      throw new NotAllowed("you may not edit this item: it is published or not yours");
    }
    if (!copy.section().slug().equals(sectionOf(item))
        && !mayWriteIn(member, copy.section().slug())) {
      throw new NotAllowed("you may not move an item to " + copy.section().slug());
    }
    Status status = statusAfterEdit(member, item);
    if (status instanceof Status.Scheduled) {
      described(copy);
    }
    return publishing.save(
        submission(item.newest().uri(), basedOn, copy, status, member),
        entry(member, "desk.save", subject(item), "", address));
  }

  /**
   * The status an edit leaves an item in: a submitted item stays submitted; a scheduled one stays
   * scheduled only when the person may publish it (else an unreviewed edit would go out at the
   * scheduled time) and goes back to review otherwise; anything else is a draft.
   */
  private Status statusAfterEdit(StaffMember member, DeskItem item) {
    return switch (item.newest().status()) {
      case Status.Submitted s -> s;
      case Status.Scheduled s -> mayPublish(member, sectionOf(item)) ? s : new Status.Submitted();
      default -> new Status.Draft();
    };
  }

  /**
   * How many times a save merges again with saves made while its merge was being written: one of
   * any number of saves racing wins each round, so this many people saving at once all get through.
   */
  private static final int MERGE_TRIES = 10;

  /** What {@link #save} did: saved (merged with a save made meanwhile, or not), or kept aside. */
  public sealed interface Saving {
    record Saved(SavedRevision revision, boolean merged) implements Saving {}

    /** Someone changed the same fields meanwhile: what was sent is kept until they choose. */
    record Conflicted(ConflictDraft draft, List<CopyMerge.Conflict> conflicts) implements Saving {}
  }

  /**
   * Saves what {@code member} wrote to an item they {@link #open opened}, based on revision {@code
   * basedOn}, never overwriting what someone saved meanwhile: when {@code basedOn} is no longer the
   * newest, the changes on each side are merged field by field and paragraph by paragraph; changes
   * to the same field or paragraph on both sides keep what was sent as a conflict draft for {@code
   * member} to resolve.
   *
   * @throws NotAllowed when the role or section does not allow it
   */
  public Saving save(StaffMember member, DeskItem opened, int basedOn, Copy mine, String address) {
    return save(member, opened, basedOn, mine, address, false);
  }

  /**
   * As {@link #save(StaffMember, DeskItem, int, Copy, String)}; when {@code bodySettled} (the body
   * is live co-editing's checkpoint, which holds every confirmed change of everyone), the body is
   * never merged or in conflict: the one sent is the newest.
   */
  public Saving save(
      StaffMember member,
      DeskItem opened,
      int basedOn,
      Copy mine,
      String address,
      boolean bodySettled) {
    ItemId id = opened.newest().id();
    try {
      return new Saving.Saved(
          writeTo(member, opened, OptionalInt.of(basedOn), mine, address), false);
    } catch (news.masthead.content.EditConflict conflict) {
      // Someone saved meanwhile: merged with theirs, and merged again with whatever was saved
      // while the merge was written (several people's autosaves meet on a busy story), so a
      // conflict draft means the same field or paragraph really changed on both sides.
      Copy base = copyAt(id, basedOn);
      Item theirs = open(member, id).newest();
      for (int tries = 1; ; tries++) {
        CopyMerge.Merged merged =
            CopyMerge.merge(
                bodySettled ? base.withBody(theirs.copy().body()) : base,
                theirs.copy(),
                mine,
                java.util.Map.of());
        if (!merged.conflicts().isEmpty() || tries > MERGE_TRIES) {
          ConflictDraft draft =
              items.keepConflict(
                  new ConflictDraft(
                      0, id, member.id(), basedOn, theirs.revision(), mine, clock.instant()));
          return new Saving.Conflicted(draft, merged.conflicts());
        }
        try {
          return new Saving.Saved(
              write(
                  member,
                  Optional.of(id),
                  OptionalInt.of(theirs.revision()),
                  merged.copy(),
                  address),
              true);
        } catch (news.masthead.content.EditConflict again) {
          theirs = open(member, id).newest();
        }
      }
    }
  }

  /**
   * Keeps what {@code member} wrote, based on revision {@code basedOn}, aside as a conflict draft
   * against the newest revision, whatever was saved meanwhile: a co-edited body's copy that can no
   * longer be rebased on the live text, which it must never replace.
   *
   * @throws NotAllowed when the role or section does not allow editing the item
   */
  public Saving.Conflicted keepAside(StaffMember member, ItemId id, int basedOn, Copy mine) {
    DeskItem item = open(member, id);
    if (!mayEdit(member, item)) {
      throw new NotAllowed("you may not edit this item: it is published or not yours");
    }
    Item theirs = item.newest();
    Copy base = copyAt(id, basedOn);
    ConflictDraft draft =
        items.keepConflict(
            new ConflictDraft(
                0, id, member.id(), basedOn, theirs.revision(), mine, clock.instant()));
    return new Saving.Conflicted(
        draft, CopyMerge.merge(base, theirs.copy(), mine, java.util.Map.of()).conflicts());
  }

  /** The copy of an item at one of its revisions. */
  private Copy copyAt(ItemId id, int revision) {
    return items
        .findRevision(id, revision)
        .map(Item::copy)
        .orElseThrow(() -> new WrongStep("this item has no revision " + revision));
  }

  /** {@code member}'s conflict drafts on an item, oldest first. */
  public List<ConflictDraft> conflicts(StaffMember member, ItemId id) {
    open(member, id);
    return items.conflictDrafts(id, member.id());
  }

  /** A conflict draft of {@code member}'s with what it conflicts on, as things stand. */
  public record ConflictView(
      ConflictDraft draft, Item theirs, List<CopyMerge.Conflict> conflicts) {}

  /** One of {@code member}'s conflict drafts, and its conflicts with the revision it met. */
  public ConflictView conflict(StaffMember member, ItemId id, long draftId) {
    ConflictDraft draft = draft(member, id, draftId);
    Item theirs = items.findRevision(id, draft.theirs()).orElseThrow(() -> new NotOnDesk(id));
    Copy base = items.findRevision(id, draft.base()).orElseThrow(() -> new NotOnDesk(id)).copy();
    return new ConflictView(
        draft,
        theirs,
        CopyMerge.merge(base, theirs.copy(), draft.copy(), java.util.Map.of()).conflicts());
  }

  /**
   * Saves a conflict draft with a side chosen for each of its conflicts, and drops it. Saved on the
   * revision it met, merged like any save with whatever was saved since: which may make a new
   * conflict draft.
   *
   * @throws WrongStep when a conflict has no side chosen
   */
  public Saving resolve(
      StaffMember member,
      ItemId id,
      long draftId,
      java.util.Map<String, CopyMerge.Choice> choices,
      String address) {
    ConflictDraft draft = draft(member, id, draftId);
    Copy base = items.findRevision(id, draft.base()).orElseThrow(() -> new NotOnDesk(id)).copy();
    Copy theirs =
        items.findRevision(id, draft.theirs()).orElseThrow(() -> new NotOnDesk(id)).copy();
    CopyMerge.Merged merged = CopyMerge.merge(base, theirs, draft.copy(), choices);
    if (!merged.conflicts().isEmpty()) {
      throw new WrongStep(
          "choose a side, or write the text, for each change made on both sides: "
              + merged.conflicts().stream().map(CopyMerge.Conflict::key).toList());
    }
    Saving saving = save(member, open(member, id), draft.theirs(), merged.copy(), address);
    items.dropConflict(draft.id());
    return saving;
  }

  /** Drops one of {@code member}'s conflict drafts unsaved. */
  public void discard(StaffMember member, ItemId id, long draftId) {
    items.dropConflict(draft(member, id, draftId).id());
  }

  private ConflictDraft draft(StaffMember member, ItemId id, long draftId) {
    open(member, id);
    return items.conflictDrafts(id, member.id()).stream()
        .filter(d -> d.id() == draftId)
        .findFirst()
        .orElseThrow(() -> new NotOnDesk(id));
  }

  /**
   * Takes a step of the workflow on the item's newest revision, which must be {@code basedOn}.
   *
   * @throws NotAllowed when the role or section does not allow it
   * @throws WrongStep when the step does not apply to the item as it stands
   * @throws news.masthead.content.EditConflict when someone saved after {@code basedOn}
   */
  public SavedRevision take(StaffMember member, ItemId id, int basedOn, Step step, String address) {
    DeskItem item = open(member, id);
    String name = stepName(step);
    if (!stepsFor(member, item).contains(name)) {
      if (!mayPublish(member, sectionOf(item)) && !name.equals("submit")) {
        throw new NotAllowed(
            "only an editor of " + sectionOf(item) + " may " + name + " this item");
      }
      throw new WrongStep("this item cannot be " + past(name) + " as it stands");
    }
    Item newest = item.newest();
    return switch (step) {
      case Step.Submit submit ->
          publishing.save(
              submission(newest.uri(), OptionalInt.of(basedOn), newest.copy(), submit(), member),
              entry(member, "desk.submit", subject(item), "", address));
      case Step.Publish publish -> {
        Copy copy = newest.copy();
        described(copy);
        if (publish.correction().isPresent()) {
          List<Correction> corrections = new ArrayList<>(copy.corrections());
          corrections.add(new Correction(clock.instant(), publish.correction().get()));
          copy = copy.withCorrections(corrections);
        }
        yield publishing.save(
            new Submission(
                newest.uri(),
                OptionalInt.of(basedOn),
                copy,
                new Status.Published(),
                newest.firstPublished(),
                Optional.empty(),
                member.email()),
            entry(
                member,
                publish.correction().isPresent() ? "desk.correct" : "desk.publish",
                subject(item),
                publish.correction().orElse(""),
                address));
      }
      case Step.SendBack back -> {
        EditorialNote note = new EditorialNote(0, Instant.EPOCH, member.name(), back.note());
        SavedRevision saved =
            publishing.save(
                submission(
                    newest.uri(),
                    OptionalInt.of(basedOn),
                    newest.copy(),
                    new Status.Draft(),
                    member),
                entry(member, "desk.send-back", subject(item), note.text(), address));
        items.addNote(
            id,
            member.name(),
            note.text(),
            entry(member, "desk.note", subject(item), "", address),
            clock.instant());
        yield saved;
      }
      case Step.Schedule schedule -> {
        if (!schedule.at().isAfter(clock.instant())) {
          throw new WrongStep("a schedule's time must be in the future; to publish now, publish");
        }
        described(newest.copy());
        yield publishing.save(
            submission(
                newest.uri(),
                OptionalInt.of(basedOn),
                newest.copy(),
                new Status.Scheduled(schedule.at()),
                member),
            entry(member, "desk.schedule", subject(item), schedule.at().toString(), address));
      }
      case Step.Unschedule unschedule ->
          publishing.save(
              submission(
                  newest.uri(), OptionalInt.of(basedOn), newest.copy(), new Status.Draft(), member),
              entry(member, "desk.unschedule", subject(item), "", address));
      case Step.Retract retract -> {
        if (retract.notice().isBlank()) {
          throw new WrongStep("a retraction needs a notice saying why, for readers");
        }
        Item live = items.find(id).orElseThrow(() -> new NotOnDesk(id));
        SavedRevision saved =
            publishing.save(
                new Submission(
                    newest.uri(),
                    OptionalInt.of(basedOn),
                    live.copy(),
                    new Status.Retracted(retract.notice()),
                    newest.firstPublished(),
                    Optional.empty(),
                    member.email()),
                entry(member, "desk.retract", subject(item), retract.notice(), address));
        if (item.hasUnpublishedEdit()) {
          items.addNote(
              id,
              member.name(),
              "Retracted while revision "
                  + newest.revision()
                  + " was waiting unpublished; it is kept in the history and can be restored.",
              entry(member, "desk.note", subject(item), "", address),
              clock.instant());
        }
        yield saved;
      }
    };
  }

  /**
   * Publishes every scheduled item whose time has come, each once whichever nodes call this at
   * once: the publication is based on the scheduled revision, so a second node's attempt meets an
   * edit conflict and is dropped. An item published more than a minute after its time (the servers
   * were down) gets a note and an audit entry saying so.
   *
   * @return how many items this call published
   */
  public int publishDue() {
    Instant now = clock.instant();
    int published = 0;
    List<String> failures = new ArrayList<>();
    for (DeskLine line :
        items.listDesk(
            new ItemStore.DeskQuery(List.of(new Status.Scheduled(now)), "", List.of(), 1000))) {
      if (!(line.deskStatus() instanceof Status.Scheduled scheduled)
          || scheduled.at().isAfter(now)) {
        continue;
      }
      Optional<DeskItem> item = items.findOnDesk(line.id());
      if (item.isEmpty() || item.get().newest().revision() != line.revision()) {
        continue;
      }
      Item newest = item.get().newest();
      java.time.Duration late = java.time.Duration.between(scheduled.at(), now);
      String detail =
          "scheduled for "
              + scheduled.at()
              + (late.toMinutes() >= 1 ? "; late by " + late.toMinutes() + " min" : "");
      try {
        publishing.save(
            new Submission(
                newest.uri(),
                OptionalInt.of(line.revision()),
                newest.copy(),
                new Status.Published(),
                newest.firstPublished(),
                Optional.empty(),
                SCHEDULE),
            AuditEntry.of(
                0, SCHEDULE, "desk.publish", "item " + line.id().value(), detail, "local"));
      } catch (news.masthead.content.EditConflict e) {
        continue; // another node published it, or someone changed it just now
      } catch (RuntimeException e) {
        failures.add("item " + line.id().value() + ": " + e.getMessage());
        continue; // one item that cannot be published must not hold back the others
      }
      published++;
      if (late.toMinutes() >= 1) {
        items.addNote(
            line.id(),
            SCHEDULE,
            "Published late: " + detail + ".",
            AuditEntry.of(0, SCHEDULE, "desk.note", "item " + line.id().value(), "late", "local"),
            now);
      }
    }
    if (!failures.isEmpty()) {
      throw new WrongStep(
          "published " + published + " scheduled item(s); could not publish " + failures);
    }
    return published;
  }

  /** Who the schedule is in revisions, notes and the audit log. */
  public static final String SCHEDULE = "schedule";

  /**
   * Saves an earlier revision's copy as the item's newest revision, based on {@code basedOn}: as
   * any save, a draft of a published item until it is published.
   *
   * @throws NotAllowed when {@code member} may not edit the item
   * @throws news.masthead.content.EditConflict when someone saved after {@code basedOn}
   */
  public SavedRevision restore(
      StaffMember member, ItemId id, int number, int basedOn, String address) {
    DeskItem item = open(member, id);
    if (!mayEdit(member, item)) {
      throw new NotAllowed("you may not edit this item: it is published or not yours");
    }
    Item earlier =
        items
            .findRevision(id, number)
            .orElseThrow(() -> new WrongStep("this item has no revision " + number));
    Status status = statusAfterEdit(member, item);
    // Corrections and translation links are the item's as it stands, not the earlier revision's.
    Copy restored = earlier.copy().withRecordOf(item.newest().copy());
    return publishing.save(
        submission(item.newest().uri(), OptionalInt.of(basedOn), restored, status, member),
        entry(member, "desk.restore", subject(item), "revision " + number, address));
  }

  /** How long a shared preview link works. */
  public static final java.time.Duration PREVIEW_LIFETIME = java.time.Duration.ofHours(48);

  /**
   * Shares a preview of one revision by a link whose token hashes to {@code tokenHash}, for {@link
   * #PREVIEW_LIFETIME}.
   *
   * @throws NotAllowed unless {@code member} may publish in the item's section
   */
  public PreviewLink sharePreview(
      StaffMember member, ItemId id, int revision, String tokenHash, String address) {
    DeskItem item = open(member, id);
    if (!mayPublish(member, sectionOf(item))) {
      throw new NotAllowed("only an editor of " + sectionOf(item) + " may share a preview");
    }
    items.findRevision(id, revision).orElseThrow(() -> new NotOnDesk(id));
    Instant now = clock.instant();
    PreviewLink link = new PreviewLink(id, revision, member.email(), now.plus(PREVIEW_LIFETIME));
    items.addPreviewLink(
        tokenHash,
        link,
        entry(member, "desk.share-preview", subject(item), "revision " + revision, address),
        now);
    return link;
  }

  /** The item's shared preview links that still work, for its editors to see and stop. */
  public List<ItemStore.SharedPreview> previewLinks(StaffMember member, ItemId id) {
    DeskItem item = open(member, id);
    if (!mayPublish(member, sectionOf(item))) {
      return List.of();
    }
    return items.previewLinks(id, clock.instant());
  }

  /**
   * Stops a shared preview link working before it expires.
   *
   * @throws NotAllowed unless {@code member} may publish in the item's section
   * @throws NotOnDesk when the item has no such working link
   */
  public void revokePreview(StaffMember member, ItemId id, String tokenHash, String address) {
    DeskItem item = open(member, id);
    if (!mayPublish(member, sectionOf(item))) {
      throw new NotAllowed("only an editor of " + sectionOf(item) + " may stop a shared preview");
    }
    if (!items.revokePreviewLink(
        id,
        tokenHash,
        entry(member, "desk.revoke-preview", subject(item), "", address),
        clock.instant())) {
      throw new NotOnDesk(id);
    }
  }

  /** The revision a shared preview link shows, while the link works. */
  public Optional<Item> sharedPreview(String tokenHash) {
    return items
        .findPreviewLink(tokenHash, clock.instant())
        .filter(
            link ->
                items
                    .find(link.item())
                    .map(item -> !(item.status() instanceof Status.Retracted))
                    .orElse(false))
        .flatMap(link -> items.findRevision(link.item(), link.revision()));
  }

  /** Adds an editorial note to an item. */
  public EditorialNote note(StaffMember member, ItemId id, String text, String address) {
    DeskItem item = open(member, id);
    return items.addNote(
        id,
        member.name(),
        text,
        entry(member, "desk.note", subject(item), "", address),
        clock.instant());
  }

  private static Status submit() {
    return new Status.Submitted();
  }

  private static String stepName(Step step) {
    return switch (step) {
      case Step.Submit s -> "submit";
      case Step.Publish p -> p.correction().isPresent() ? "correct" : "publish";
      case Step.SendBack b -> "send-back";
      case Step.Retract r -> "retract";
      case Step.Schedule s -> "schedule";
      case Step.Unschedule u -> "unschedule";
    };
  }

  private static String past(String step) {
    return switch (step) {
      case "submit" -> "submitted";
      case "send-back" -> "sent back";
      case "publish" -> "published";
      case "correct" -> "corrected";
      case "schedule" -> "scheduled";
      case "unschedule" -> "unscheduled";
      default -> "retracted";
    };
  }

  private Submission submission(
      String uri, OptionalInt basedOn, Copy copy, Status status, StaffMember member) {
    return new Submission(
        uri, basedOn, copy, status, Optional.empty(), Optional.empty(), member.email());
  }

  private static AuditEntry entry(
      StaffMember member, String action, String subject, String detail, String address) {
    return AuditEntry.of(member.id(), member.email(), action, subject, detail, address);
  }

  private static String subject(DeskItem item) {
    return "item " + item.newest().id().value();
  }

  private static Slug sectionOf(DeskItem item) {
    return item.newest().copy().section().slug();
  }

  private static boolean inSections(StaffMember member, Slug section) {
    return member.sections().contains(section);
  }
}
