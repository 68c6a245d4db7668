package news.masthead.newsroom;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import news.masthead.content.AuditEntry;
import news.masthead.content.InvalidContent;
import news.masthead.content.Item;
import news.masthead.content.Language;
import news.masthead.content.Passkey;
import news.masthead.content.Role;
import news.masthead.content.Section;
import news.masthead.content.Slug;
import news.masthead.content.StaffMember;
import news.masthead.web.ClientAddress;
import news.masthead.web.EditionSetup;
import news.masthead.web.Messages;
import news.masthead.web.PublicLinks;
import news.masthead.web.RenderedPage;
import news.masthead.workflow.Desk;
import news.masthead.workflow.Staff;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The newsroom's handlers, each thin: read the request, pass the door's checks, call the staff
 * store, render. Every response is {@code no-store} under the newsroom's own strict headers ({@link
 * #secure}). Thread-safe.
 */
public final class Newsroom {
  /** How long an enrolment link works. */
  public static final Duration ENROLMENT_LIFETIME = Duration.ofHours(24);

  /** The newsroom's Content Security Policy: scripts and styles from the site itself only. */
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self';"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_JSON = 64 * 1024;

  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final Staff staff;
  private final Door door;
  private final Passkeys passkeys;
  private final Passwords passwords = new Passwords();
  private final List<EditionSetup> editions;
  private final String baseUrl;
  private final Clock clock;
  private final boolean ownHost;
  private final String host;
  private final Places places;
  private final DeskRoom desk;
  private final MediaRoom media;
  private final TogetherRoom together;
  private final EditorModules modules = new EditorModules();

  /**
   * @param baseUrl where staff reach the newsroom (its scheme and host; pages are under {@code
   *     /newsroom/})
   * @param ownHost whether that is a host of the newsroom's own, apart from the public site's: then
   *     a newsroom address asked of another host is sent to it
   */
  public Newsroom(
      Staff staff,
      List<EditionSetup> editions,
      String baseUrl,
      boolean ownHost,
      ClientAddress addresses,
      Places places,
      Desk desk,
      news.masthead.media.MediaLibrary media,
      Function<Language, List<Section>> sections,
      PublicLinks links,
      Function<Item, RenderedPage> previews,
      news.masthead.together.Together together,
      Clock clock) {
    this.ownHost = ownHost;
    this.host = java.net.URI.create(baseUrl).getRawAuthority();
    this.places = places;
    this.staff = staff;
    this.editions = List.copyOf(editions);
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.clock = clock;
    this.door = new Door(staff, clock, addresses, this.baseUrl);
    this.passkeys = new Passkeys(staff, this.baseUrl, editions.getFirst().name());
    this.desk =
        new DeskRoom(this, door, desk, media, sections, links, previews, this.baseUrl, together);
    this.media = new MediaRoom(this, door, media);
    this.together = new TogetherRoom(door, desk, together);
  }

  /** Live co-editing of bodies. */
  public TogetherRoom together() {
    return together;
  }

  /** The media library's pages. */
  public MediaRoom media() {
    return media;
  }

  EditorModules modules() {
    return modules;
  }

  /** The desk's pages, which share this newsroom's door and layout. */
  public DeskRoom desk() {
    return desk;
  }

  /**
   * Makes a member of staff and an enrolment link for them, for {@code masthead user add}.
   *
   * @return the link, valid for {@link #ENROLMENT_LIFETIME} and usable once
   * @throws InvalidContent naming a bad email, role, section or language
   * @throws news.masthead.content.EmailTaken when the address is someone's already
   */
  public static String addFromCommandLine(
      Staff staff,
      String baseUrl,
      Clock clock,
      String email,
      String name,
      String role,
      List<String> sections,
      String language) {
    StaffMember member =
        staff.add(
            StaffMember.email(email),
            StaffMember.name(name.isBlank() ? email.split("@")[0] : name),
            Role.named(role),
            slugs(sections),
            Language.fromTag(language),
            AuditEntry.of(0, "command line", "staff.add", email, role, "local"));
    return enrolmentLink(
        staff,
        baseUrl,
        clock,
        member,
        AuditEntry.of(0, "command line", "enrolment.issue", member.email(), "", "local"));
  }

  private static String enrolmentLink(
      Staff staff, String baseUrl, Clock clock, StaffMember member, AuditEntry why) {
    String token = Secrets.token();
    staff.issueEnrolment(
        member.id(), Secrets.hash(token), clock.instant().plus(ENROLMENT_LIFETIME), why);
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return base + "/newsroom/enrol/" + token;
  }

  /**
   * The newsroom's headers, on every newsroom response before its handler runs; a request for the
   * newsroom on another host than its own (the public site's, when the newsroom has a host of its
   * own) is sent there.
   */
  public void secure(Context ctx) {
    String asked = ctx.header("Host");
    if (ownHost && asked != null && !asked.equalsIgnoreCase(host) && !isLoopback(asked)) {
      String query = ctx.queryString();
      ctx.redirect(
          baseUrl + ctx.path() + (query == null ? "" : "?" + query),
          io.javalin.http.HttpStatus.PERMANENT_REDIRECT);
      ctx.skipRemainingHandlers();
      return;
    }
    ctx.header("Cache-Control", "no-store");
    if (baseUrl.startsWith("https://")) {
      ctx.header("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    }
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    ctx.header(
        "Permissions-Policy",
        "publickey-credentials-create=(self), publickey-credentials-get=(self), camera=(),"
            + " microphone=(), geolocation=(), payment=(), usb=()");
    ctx.header("X-Frame-Options", "DENY");
    // same-origin, not the public site's no-referrer: with no-referrer a browser sends a form's
    // POST with "Origin: null", and the door could not tell the newsroom's own forms from others.
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("X-Robots-Tag", "noindex, nofollow");
  }

  // --- pages

  /** {@code /newsroom/}: the signed-in person's start page, or the way to sign in. */
  public void home(Context ctx) {
    Optional<Visit> visit = door.visit(ctx);
    if (visit.isEmpty()) {
      ctx.redirect("/newsroom/sign-in", io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    Visit v = visit.get();
    Map<String, Object> model;
    try {
      model = new HashMap<>(desk.lists(ctx, v));
    } catch (InvalidContent e) {
      throw Refusal.badInput(e.getMessage());
    }
    model.put("passkeys", staff.passkeys(v.member().id()));
    model.put("languages", languages());
    render(ctx, 200, "home", v, "newsroom.home.title", model);
  }

  /** {@code GET /newsroom/sign-in}. */
  public void signInPage(Context ctx) {
    if (door.visit(ctx).isPresent()) {
      ctx.redirect("/newsroom/", io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    render(
        ctx,
        200,
        "sign-in",
        Optional.empty(),
        "newsroom.signIn.title",
        Map.of("problem", "", "email", ""));
  }

  /** {@code POST /newsroom/sign-in/options}: a challenge for any of the site's passkeys. */
  public void signInOptions(Context ctx) {
    door.checkOrigin(ctx);
    json(ctx, 200, passkeys.requestOptions("sign-in", 0));
  }

  /** {@code POST /newsroom/sign-in}: verifies a passkey and starts a session. */
  public void signIn(Context ctx) {
    door.checkOrigin(ctx);
    JsonNode body = body(ctx);
    Passkey used;
    try {
      used = passkeys.verifySignIn(credential(body), "sign-in", 0);
    } catch (Refusal refusal) {
      staff.audit(door.anonymous(ctx, "sign-in.failed", "", refusal.getMessage()));
      throw refusal.status() == 400 ? refusal : Refusal.signInFailed();
    }
    StaffMember member = staff.find(used.staffId()).orElseThrow(Refusal::signInFailed);
    if (member.disabled()) {
      staff.audit(door.anonymous(ctx, "sign-in.failed", member.email(), "disabled"));
      throw Refusal.signInFailed();
    }
    door.signIn(ctx, member, "passkey " + used.name());
    json(ctx, 200, Map.of("next", "/newsroom/"));
  }

  /** {@code POST /newsroom/sign-out}. */
  public void signOut(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.CONTRIBUTOR);
    door.signOut(ctx, visit);
    ctx.redirect("/newsroom/sign-in", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** {@code GET /newsroom/enrol/{token}}: the page that registers a first factor. */
  public void enrolPage(Context ctx) {
    StaffMember member = enrolling(ctx);
    render(
        ctx,
        200,
        "enrol",
        Optional.empty(),
        member.language(),
        "newsroom.enrol.title",
        enrolModel(member, ctx.pathParam("token"), ""));
  }

  private Map<String, Object> enrolModel(StaffMember member, String token, String problem) {
    Map<String, Object> model = new HashMap<>();
    model.put("member", member);
    model.put("token", token);
    String secret = Passwords.newTotpSecret();
    model.put("totpSecret", secret);
    model.put(
        "totpAddress", Passwords.totpAddress(secret, editions.getFirst().name(), member.email()));
    model.put("problem", problem);
    return model;
  }

  /**
   * {@code POST /newsroom/enrol/{token}/password}: a contributor's password and one-time-code
   * secret, confirmed by a code from their app; signs them in.
   */
  public void enrolPassword(Context ctx) {
    door.checkOrigin(ctx);
    StaffMember member = enrolling(ctx);
    if (member.role() != Role.CONTRIBUTOR) {
      throw Refusal.forbidden("editors and admins sign in with passkeys only");
    }
    String secret = String.valueOf(ctx.formParam("totp"));
    Messages words = setup(member.language()).messages();
    String problem = "";
    String hash = "";
    if (!secret.matches("[A-Z2-7]{32}")) {
      throw Refusal.badInput("the one-time-code secret was changed; open the link again");
    }
    if (!passwords.codeMatches(secret, ctx.formParam("code"), clock.instant())) {
      problem = words.t("newsroom.password.wrongCode");
    } else {
      try {
        hash =
            passwords.hashNew(
                ctx.formParam("password"), member.email().split("@")[0], member.name());
      } catch (Passwords.Weak weak) {
        problem = words.t("newsroom.password.weak") + " " + weak.getMessage();
      }
    }
    if (!problem.isEmpty()) {
      Map<String, Object> model = enrolModel(member, ctx.pathParam("token"), problem);
      model.put("totpSecret", secret);
      model.put(
          "totpAddress", Passwords.totpAddress(secret, editions.getFirst().name(), member.email()));
      render(ctx, 400, "enrol", Optional.empty(), member.language(), "newsroom.enrol.title", model);
      return;
    }
    try {
      staff.enrolPassword(
          Secrets.hash(ctx.pathParam("token")),
          member.id(),
          hash,
          secret,
          door.anonymous(ctx, "enrolment.used", member.email(), "password and one-time codes"));
    } catch (news.masthead.content.EnrolmentUnusable e) {
      throw Refusal.badInput(e.getMessage());
    }
    door.signIn(ctx, member, "enrolment");
    ctx.redirect("/newsroom/", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** Attempts a minute may bring from one account before it waits. */
  static final int ACCOUNT_ATTEMPTS = 10;

  /** Attempts from one client address before it waits. */
  static final int ADDRESS_ATTEMPTS = 50;

  static final Duration ATTEMPT_WINDOW = Duration.ofMinutes(15);

  /**
   * {@code POST /newsroom/sign-in/password}: a contributor's email, password and one-time code. An
   * unknown address, a wrong password or code, a disabled account and an editor's account all get
   * the same page, after the same Argon2 work; attempts are limited per account and per client
   * address, counted in the database so every node holds the same limits. Passkey sign-in is never
   * limited per account, so nobody can lock an editor out by failing on purpose.
   */
  public void signInWithPassword(Context ctx) {
    door.checkOrigin(ctx);
    String typedEmail = Optional.ofNullable(ctx.formParam("email")).orElse("");
    String email;
    try {
      email = StaffMember.email(typedEmail);
    } catch (InvalidContent e) {
      email = typedEmail.strip().toLowerCase(Locale.ROOT);
    }
    String address = door.address(ctx);
    String accountKey = "account:" + Secrets.hash(email);
    String addressKey = "address:" + network(address);
    // Counted before it is compared, so that a burst of parallel attempts cannot all pass.
    staff.countAttempt(List.of(accountKey, addressKey));
    if (staff.attempts(accountKey, ATTEMPT_WINDOW) > ACCOUNT_ATTEMPTS
        || staff.attempts(addressKey, ATTEMPT_WINDOW) > ADDRESS_ATTEMPTS) {
      staff.audit(door.anonymous(ctx, "sign-in.limited", email, "too many attempts"));
      throw Refusal.tooMany();
    }
    Optional<StaffMember> member = staff.findByEmail(email);
    news.masthead.content.PasswordFactor factor =
        member
            .map(m -> staff.passwordFactor(m.id()))
            .orElse(new news.masthead.content.PasswordFactor(Optional.empty(), Optional.empty()));
    Passwords.Checked checked = passwords.check(ctx.formParam("password"), factor.hash());
    java.util.OptionalLong step =
        factor
            .totpSecret()
            .map(secret -> passwords.codeStep(secret, ctx.formParam("code"), clock.instant()))
            .orElse(java.util.OptionalLong.empty());
    // A code is good once: one already used (seen in the last few minutes) is refused.
    String usedKey = "code:" + member.map(StaffMember::id).orElse(0L) + ":" + step.orElse(-1);
    boolean codeOk = step.isPresent() && claimCode(usedKey);
    boolean ok =
        checked.matches()
            && codeOk
            && member.isPresent()
            && !member.get().disabled()
            && member.get().role() == Role.CONTRIBUTOR;
    if (!ok) {
      staff.audit(door.anonymous(ctx, "sign-in.failed", email, "password"));
      Map<String, Object> model = new HashMap<>();
      model.put("problem", messages(ctx, Optional.empty()).t("newsroom.refused.signIn"));
      model.put("email", email.length() > 200 ? "" : email);
      render(ctx, 403, "sign-in", Optional.empty(), "newsroom.signIn.title", model);
      return;
    }
    checked.rehashed().ifPresent(hash -> staff.rehashPassword(member.get().id(), hash));
    door.signIn(ctx, member.get(), "password and one-time code");
    ctx.redirect("/newsroom/", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /**
   * {@code POST /newsroom/account/password}: a contributor changes their password, proving the
   * current one and a fresh code; every session of theirs ends, and this one starts anew.
   */
  public void changePassword(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.CONTRIBUTOR);
    StaffMember member = visit.member();
    news.masthead.content.PasswordFactor factor = staff.passwordFactor(member.id());
    if (factor.hash().isEmpty() || factor.totpSecret().isEmpty()) {
      throw Refusal.badInput("you sign in with passkeys only: there is no password to change");
    }
    java.util.OptionalLong step =
        passwords.codeStep(factor.totpSecret().get(), ctx.formParam("code"), clock.instant());
    String usedKey = "code:" + member.id() + ":" + step.orElse(-1);
    limitAttempts(ctx, member);
    if (!passwords.check(ctx.formParam("current"), factor.hash()).matches()
        || step.isEmpty()
        || !claimCode(usedKey)) {
      staff.audit(door.entry(ctx, member, "factor.change.failed", member.email(), "password"));
      throw Refusal.badInput("the current password or the one-time code is not right");
    }
    String hash;
    try {
      hash =
          passwords.hashNew(ctx.formParam("password"), member.email().split("@")[0], member.name());
    } catch (Passwords.Weak weak) {
      throw Refusal.badInput(weak.getMessage());
    }
    staff.setPassword(
        member.id(),
        hash,
        factor.totpSecret().get(),
        door.entry(ctx, member, "factor.change", member.email(), "password"));
    door.signIn(ctx, member, "password change");
    ctx.redirect("/newsroom/account", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** {@code GET /newsroom/confirm}: asks for the passkey again before a sensitive change. */
  public void confirmPage(Context ctx) {
    Visit visit = door.require(ctx);
    render(ctx, 200, "confirm", visit, "newsroom.confirm.title", Map.of());
  }

  /** {@code POST /newsroom/confirm/options}: a challenge for one of one's own passkeys. */
  public void confirmOptions(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.CONTRIBUTOR);
    json(ctx, 200, passkeys.requestOptions("confirm", visit.member().id()));
  }

  /** {@code POST /newsroom/confirm}: verifies the passkey and notes the check in the session. */
  public void confirm(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.CONTRIBUTOR);
    passkeys.verifySignIn(credential(body(ctx)), "confirm", visit.member().id());
    staff.verified(visit.session().idHash());
    json(ctx, 200, Map.of("next", "/newsroom/account"));
  }

  /**
   * {@code POST /newsroom/confirm/password}: a contributor without a passkey confirms with their
   * password and a fresh one-time code instead.
   */
  public void confirmWithPassword(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.CONTRIBUTOR);
    StaffMember member = visit.member();
    news.masthead.content.PasswordFactor factor = staff.passwordFactor(member.id());
    java.util.OptionalLong step =
        factor
            .totpSecret()
            .map(secret -> passwords.codeStep(secret, ctx.formParam("code"), clock.instant()))
            .orElse(java.util.OptionalLong.empty());
    String usedKey = "code:" + member.id() + ":" + step.orElse(-1);
    limitAttempts(ctx, member);
    if (member.role().needsPasskey()
        || !passwords.check(ctx.formParam("password"), factor.hash()).matches()
        || step.isEmpty()
        || !claimCode(usedKey)) {
      staff.audit(door.entry(ctx, member, "confirm.failed", member.email(), "password"));
      throw Refusal.badInput("the password or the one-time code is not right");
    }
    staff.verified(visit.session().idHash());
    ctx.redirect("/newsroom/account", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /**
   * Uses up a one-time code's time step: true for the first request to claim it, false for any
   * later or concurrent one (recorded first, then counted, so two at once cannot both win).
   */
  private boolean claimCode(String usedKey) {
    staff.countAttempt(List.of(usedKey));
    return staff.attempts(usedKey, Duration.ofMinutes(3)) == 1;
  }

  /** Limits password and code checks by a signed-in member, as sign-in limits them. */
  private void limitAttempts(Context ctx, StaffMember member) {
    String key = "account:" + Secrets.hash(member.email());
    staff.countAttempt(List.of(key));
    if (staff.attempts(key, ATTEMPT_WINDOW) > ACCOUNT_ATTEMPTS) {
      staff.audit(door.entry(ctx, member, "check.limited", member.email(), "too many attempts"));
      throw Refusal.tooMany();
    }
  }

  /** A sensitive change needs a passkey check from the last few minutes. */
  void requireRecentCheck(Visit visit) {
    if (!door.recentlyVerified(visit)) {
      throw new Refusal(
          403,
          "newsroom.confirm.needed",
          "confirm it is you with your passkey first: this change needs a check from the last "
              + Door.RECENT.toMinutes()
              + " minutes");
    }
  }

  /** {@code POST /newsroom/account/passkeys/{id}/remove}: removes one of one's passkeys. */
  public void removePasskey(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.CONTRIBUTOR);
    requireRecentCheck(visit);
    String id = ctx.pathParam("id");
    List<Passkey> own = staff.passkeys(visit.member().id());
    Optional<Passkey> removed =
        own.stream().filter(p -> String.valueOf(p.id()).equals(id)).findFirst();
    if (removed.isEmpty()) {
      throw Refusal.badInput("that is not one of your passkeys");
    }
    if (own.size() == 1
        && (visit.member().role().needsPasskey()
            || staff.passwordFactor(visit.member().id()).hash().isEmpty())) {
      throw Refusal.badInput("this is your only passkey: add another before removing it");
    }
    staff.removePasskey(
        visit.member().id(),
        removed.get().id(),
        door.entry(
            ctx,
            visit.member(),
            "factor.remove",
            visit.member().email(),
            "passkey " + removed.get().name()));
    ctx.redirect("/newsroom/sign-in", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** {@code POST /newsroom/enrol/{token}/options}. */
  public void enrolOptions(Context ctx) {
    door.checkOrigin(ctx);
    StaffMember member = enrolling(ctx);
    json(ctx, 200, passkeys.creationOptions(member, "enrol"));
  }

  /** {@code POST /newsroom/enrol/{token}}: stores the first passkey and signs the person in. */
  public void enrol(Context ctx) {
    door.checkOrigin(ctx);
    StaffMember member = enrolling(ctx);
    JsonNode body = body(ctx);
    Passkeys.NewPasskey made = passkeys.verifyRegistration(credential(body), member, "enrol");
    String name = passkeyName(body);
    try {
      staff.addPasskey(
          member.id(),
          made.credentialId(),
          name,
          made.credential(),
          made.signCount(),
          made.hardware(),
          Optional.of(Secrets.hash(ctx.pathParam("token"))),
          door.anonymous(ctx, "enrolment.used", member.email(), "passkey " + name));
    } catch (news.masthead.content.EnrolmentUnusable e) {
      throw Refusal.badInput(e.getMessage());
    }
    door.signIn(ctx, member, "enrolment");
    json(ctx, 200, Map.of("next", "/newsroom/account"));
  }

  /** {@code GET /newsroom/account}: one's own passkeys and sessions. */
  public void account(Context ctx) {
    Visit visit = door.require(ctx);
    Map<String, Object> model = new HashMap<>();
    List<Passkey> keys = staff.passkeys(visit.member().id());
    model.put("passkeys", keys);
    List<news.masthead.content.StaffSession> sessions = staff.sessions(visit.member().id());
    model.put("sessions", sessions);
    Map<String, String> where = new HashMap<>();
    for (var session : sessions) {
      where.put(
          session.idHash(), places.of(session.address(), visit.member().language()).orElse(""));
    }
    model.put("places", where);
    model.put("hasHardwareKey", keys.stream().anyMatch(Passkey::hardware));
    render(ctx, 200, "account", visit, "newsroom.account.title", model);
  }

  /** {@code POST /newsroom/account/passkeys/options}: a challenge to add another passkey. */
  public void addPasskeyOptions(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.CONTRIBUTOR);
    requireRecentCheck(visit);
    json(ctx, 200, passkeys.creationOptions(visit.member(), "add-passkey"));
  }

  /** {@code POST /newsroom/account/passkeys}: stores another passkey of one's own. */
  public void addPasskey(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.CONTRIBUTOR);
    requireRecentCheck(visit);
    JsonNode body = body(ctx);
    Passkeys.NewPasskey made =
        passkeys.verifyRegistration(credential(body), visit.member(), "add-passkey");
    String name = passkeyName(body);
    staff.addPasskey(
        visit.member().id(),
        made.credentialId(),
        name,
        made.credential(),
        made.signCount(),
        made.hardware(),
        Optional.empty(),
        door.entry(ctx, visit.member(), "factor.add", visit.member().email(), "passkey " + name));
    json(ctx, 200, Map.of("next", "/newsroom/account"));
  }

  /** {@code POST /newsroom/account/sessions/end}: ends one of one's own sessions. */
  public void endOwnSession(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.CONTRIBUTOR);
    String which = ctx.formParam("session");
    Optional<String> hash =
        staff.sessions(visit.member().id()).stream()
            .map(s -> s.idHash())
            .filter(h -> which != null && which.length() == 16 && h.startsWith(which))
            .findFirst();
    if (hash.isEmpty()) {
      throw Refusal.badInput("that is not one of your open sessions");
    }
    staff.endSession(
        visit.member().id(),
        hash.get(),
        door.entry(ctx, visit.member(), "session.end", visit.member().email(), "own"));
    ctx.redirect("/newsroom/account", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** {@code GET /newsroom/staff}: everyone on the staff, for admins. */
  public void staffPage(Context ctx) {
    Visit visit = door.require(ctx, Role.ADMIN);
    render(
        ctx,
        200,
        "staff",
        visit,
        "newsroom.staff.title",
        Map.of("staff", staff.list(), "link", Optional.empty()));
  }

  /** {@code POST /newsroom/staff}: invites someone, showing their enrolment link once. */
  public void invite(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.ADMIN);
    requireRecentCheck(visit);
    StaffMember member;
    try {
      member =
          staff.add(
              StaffMember.email(ctx.formParam("email")),
              StaffMember.name(ctx.formParam("name")),
              Role.named(ctx.formParam("role")),
              slugs(sectionsParam(ctx)),
              language(ctx.formParam("language")),
              door.entry(
                  ctx,
                  visit.member(),
                  "staff.add",
                  String.valueOf(ctx.formParam("email")),
                  String.valueOf(ctx.formParam("role"))));
    } catch (InvalidContent | news.masthead.content.EmailTaken e) {
      throw Refusal.badInput(e.getMessage());
    }
    String link =
        enrolmentLink(
            staff,
            baseUrl,
            clock,
            member,
            door.entry(ctx, visit.member(), "enrolment.issue", member.email(), ""));
    render(
        ctx,
        200,
        "staff",
        visit,
        "newsroom.staff.title",
        Map.of("staff", staff.list(), "link", Optional.of(new IssuedLink(member, link))));
  }

  /** An enrolment link just made, shown once to the admin who made it. */
  public record IssuedLink(StaffMember member, String link) {}

  /**
   * {@code POST /newsroom/staff/{id}/{action}}: disable, enable, end-sessions, enrolment (a new
   * link for someone who lost their factors) or role.
   */
  public void changeStaff(Context ctx) {
    Visit visit = door.requireForm(ctx, Role.ADMIN);
    StaffMember member = member(ctx);
    String action = ctx.pathParam("action");
    if (!action.equals("disable") && !action.equals("end-sessions")) {
      requireRecentCheck(visit); // what only protects (disabling, signing out) needs no check
    }
    switch (action) {
      case "disable" -> {
        if (member.id() == visit.member().id()) {
          throw Refusal.badInput("you cannot disable yourself; ask another admin");
        }
        staff.setDisabled(
            member.id(),
            true,
            door.entry(ctx, visit.member(), "staff.disable", member.email(), ""));
      }
      case "enable" ->
          staff.setDisabled(
              member.id(),
              false,
              door.entry(ctx, visit.member(), "staff.enable", member.email(), ""));
      case "end-sessions" ->
          staff.endSessions(
              member.id(),
              door.entry(ctx, visit.member(), "session.end", member.email(), "by an admin"));
      case "role" -> {
        requireRecentCheck(visit);
        Role role;
        List<Slug> sections;
        try {
          role = Role.named(ctx.formParam("role"));
          sections = slugs(sectionsParam(ctx));
        } catch (InvalidContent e) {
          throw Refusal.badInput(e.getMessage());
        }
        if (member.id() == visit.member().id() && role != Role.ADMIN) {
          throw Refusal.badInput("you cannot give up your own admin role; ask another admin");
        }
        staff.changeRole(
            member.id(),
            role,
            sections,
            door.entry(
                ctx,
                visit.member(),
                "staff.role",
                member.email(),
                role.word() + " " + sections.stream().map(Slug::value).toList()));
      }
      case "enrolment" -> {
        String link =
            enrolmentLink(
                staff,
                baseUrl,
                clock,
                member,
                door.entry(ctx, visit.member(), "enrolment.issue", member.email(), "recovery"));
        render(
            ctx,
            200,
            "staff",
            visit,
            "newsroom.staff.title",
            Map.of("staff", staff.list(), "link", Optional.of(new IssuedLink(member, link))));
        return;
      }
      default -> throw Refusal.badInput("no such change to a member of staff: " + action);
    }
    ctx.redirect("/newsroom/staff", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /**
   * {@code GET /newsroom/audit}: the audit log for admins, filtered; {@code ?format=jsonl} exports
   * it.
   */
  public void auditLog(Context ctx) {
    Visit visit = door.require(ctx, Role.ADMIN);
    String action = Optional.ofNullable(ctx.queryParam("action")).orElse("").strip();
    String who = Optional.ofNullable(ctx.queryParam("who")).orElse("").strip();
    if (action.length() > 100 || who.length() > 200) {
      throw Refusal.badInput("a filter is at most 100 characters (action) or 200 (who)");
    }
    if ("jsonl".equals(ctx.queryParam("format"))) {
      StringBuilder out = new StringBuilder();
      for (AuditEntry entry : staff.auditLog(action, who, 100_000)) {
        Map<String, Object> line = new java.util.LinkedHashMap<>();
        line.put("id", entry.id());
        line.put("at", entry.at().toString());
        line.put("actor", entry.actor());
        line.put("action", entry.action());
        line.put("subject", entry.subject());
        line.put("detail", entry.detail());
        line.put("address", entry.address());
        out.append(JSON.writeValueAsString(line)).append('\n');
      }
      ctx.contentType("application/x-ndjson; charset=utf-8");
      ctx.header("Content-Disposition", "attachment; filename=\"audit.jsonl\"");
      ctx.result(out.toString());
      return;
    }
    render(
        ctx,
        200,
        "audit",
        visit,
        "newsroom.audit.title",
        Map.of("entries", staff.auditLog(action, who, 500), "action", action, "who", who));
  }

  /** {@code GET /newsroom/assets/{file}}: the newsroom's stylesheet and scripts. */
  public void asset(Context ctx) {
    String file = ctx.pathParam("file");
    if (!file.matches("[a-z-]+\\.(css|js|woff2)")) {
      throw Refusal.badInput("no such file");
    }
    // The Persian typeface is the public site's own file.
    String resource = file.endsWith(".woff2") ? "/site/fonts/" + file : "/newsroom/" + file;
    try (InputStream in = Newsroom.class.getResourceAsStream(resource)) {
      if (in == null) {
        ctx.status(404).result("no such file");
        return;
      }
      ctx.contentType(
          file.endsWith(".css")
              ? "text/css; charset=utf-8"
              : file.endsWith(".js") ? "text/javascript; charset=utf-8" : "font/woff2");
      ctx.result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Answers a refusal: JSON for the passkey scripts (which ask with {@code Accept:
   * application/json}), else a page in the person's language.
   */
  public void refuse(Context ctx, Refusal refusal) {
    Optional<Visit> visit = Optional.empty();
    try {
      visit = door.visit(ctx);
    } catch (RuntimeException e) {
      // the refusal is told anyway
    }
    Messages words = messages(ctx, visit.map(v -> v.member().language()));
    String said = words.t(refusal.messageKey());
    if (String.valueOf(ctx.header("Accept")).contains("application/json")
        || String.valueOf(ctx.header("Content-Type")).startsWith("application/json")) {
      json(ctx, refusal.status(), Map.of("error", said, "detail", refusal.getMessage()));
      return;
    }
    Map<String, Object> model = new HashMap<>();
    model.put("said", said);
    model.put("detail", refusal.getMessage());
    model.put("signIn", visit.isEmpty());
    model.put("confirm", refusal.messageKey().equals("newsroom.confirm.needed"));
    render(
        ctx,
        refusal.status(),
        "refused",
        visit,
        visit.map(v -> v.member().language()).orElse(language(ctx)),
        "newsroom.refused.title",
        model);
  }

  // --- helpers

  /** An address's network for limits: an IPv6 address by its /64, which one client holds whole. */
  static String network(String address) {
    if (!address.contains(":")) {
      return address;
    }
    try {
      byte[] bytes =
          java.net.InetAddress.getByName(address.replace("[", "").replace("]", "")).getAddress();
      return bytes.length == 16
          ? java.util.HexFormat.of().formatHex(bytes, 0, 8) + "::/64"
          : address;
    } catch (java.net.UnknownHostException e) {
      return address; // not an address literal: counted as written
    }
  }

  /** A request to the node's own address (a health check, an operator on the machine). */
  private static boolean isLoopback(String host) {
    return host.startsWith("127.") || host.startsWith("[::1]");
  }

  private StaffMember enrolling(Context ctx) {
    String token = ctx.pathParam("token");
    if (token.length() != 43) {
      throw Refusal.badInput("this enrolment link is not one we issued");
    }
    try {
      news.masthead.content.Enrolment enrolment = staff.enrolment(Secrets.hash(token));
      return staff
          .find(enrolment.staffId())
          .filter(m -> !m.disabled())
          .orElseThrow(() -> Refusal.badInput("this account is disabled"));
    } catch (news.masthead.content.EnrolmentUnusable e) {
      throw Refusal.badInput(e.getMessage());
    }
  }

  private StaffMember member(Context ctx) {
    String id = ctx.pathParam("id");
    if (!id.matches("[0-9]{1,18}")) {
      throw Refusal.badInput("no member of staff has the id " + id);
    }
    return staff
        .find(Long.parseLong(id))
        .orElseThrow(() -> Refusal.badInput("no member of staff has the id " + id));
  }

  private static JsonNode body(Context ctx) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > MAX_JSON) {
      throw Refusal.badInput(
          "the request is larger than the " + MAX_JSON / 1024 + " KB a passkey answer needs");
    }
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw Refusal.badInput("the request must be a JSON object");
      }
      return node;
    } catch (JacksonException e) {
      throw Refusal.badInput("the request is not JSON: " + e.getOriginalMessage());
    }
  }

  private static String credential(JsonNode body) {
    JsonNode credential = body.get("credential");
    if (credential == null || !credential.isObject()) {
      throw Refusal.badInput("the request has no passkey answer (\"credential\")");
    }
    return JSON.writeValueAsString(credential);
  }

  private static String passkeyName(JsonNode body) {
    JsonNode name = body.get("name");
    String text = name == null || !name.isString() ? "" : name.asString().strip();
    if (text.length() > 60) {
      throw Refusal.badInput("a passkey's name is at most 60 characters");
    }
    return text.isEmpty() ? "Passkey" : text;
  }

  private static List<String> sectionsParam(Context ctx) {
    List<String> sections = new ArrayList<>();
    for (String value : ctx.formParams("sections")) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          sections.add(part.strip());
        }
      }
    }
    return sections;
  }

  private static List<Slug> slugs(List<String> sections) {
    List<Slug> slugs = new ArrayList<>();
    for (String section : sections) {
      if (section.length() > Slug.MAX_LENGTH) {
        throw new InvalidContent("a section is named by its address word, such as iran");
      }
      slugs.add(new Slug(section.toLowerCase(Locale.ROOT)));
    }
    if (slugs.size() > 100) {
      throw new InvalidContent("at most 100 sections");
    }
    return List.copyOf(slugs);
  }

  private Language language(String code) {
    if (code == null || code.isBlank()) {
      return editions.getFirst().language();
    }
    for (EditionSetup edition : editions) {
      if (edition.language().code().equals(code)) {
        return edition.language();
      }
    }
    throw new InvalidContent(
        "the newsroom's language is one of "
            + editions.stream().map(e -> e.language().code()).toList()
            + ", not \""
            + code
            + "\"");
  }

  /** The language of a page for someone not signed in: {@code ?lang=}, else the browser's. */
  private Language language(Context ctx) {
    String asked = ctx.queryParam("lang");
    if (asked != null) {
      for (EditionSetup edition : editions) {
        if (edition.language().code().equals(asked)) {
          return edition.language();
        }
      }
    }
    String accept = Optional.ofNullable(ctx.header("Accept-Language")).orElse("");
    for (String part : accept.split(",")) {
      String code = part.split(";")[0].strip().split("-")[0].toLowerCase(Locale.ROOT);
      for (EditionSetup edition : editions) {
        if (edition.language().code().equals(code)) {
          return edition.language();
        }
      }
    }
    return editions.getFirst().language();
  }

  private Messages messages(Context ctx, Optional<Language> language) {
    Language chosen = language.orElseGet(() -> language(ctx));
    return setup(chosen).messages();
  }

  private EditionSetup setup(Language language) {
    return editions.stream()
        .filter(e -> e.language().equals(language))
        .findFirst()
        .orElse(editions.getFirst());
  }

  void render(
      Context ctx,
      int status,
      String template,
      Visit visit,
      String titleKey,
      Map<String, Object> model) {
    render(ctx, status, template, Optional.of(visit), visit.member().language(), titleKey, model);
  }

  private void render(
      Context ctx,
      int status,
      String template,
      Optional<Visit> visit,
      String titleKey,
      Map<String, Object> model) {
    render(
        ctx,
        status,
        template,
        visit,
        visit.map(v -> v.member().language()).orElse(language(ctx)),
        titleKey,
        model);
  }

  private void render(
      Context ctx,
      int status,
      String template,
      Optional<Visit> visit,
      Language language,
      String titleKey,
      Map<String, Object> model) {
    EditionSetup setup = setup(language);
    Map<String, Object> all = new HashMap<>(model);
    all.put(
        "room",
        new Room(
            setup.messages(),
            setup.direction(),
            setup.messages().t(titleKey),
            visit.map(Visit::member),
            visit.map(v -> v.session().csrfToken()).orElse(""),
            editions.stream().map(EditionSetup::language).toList()));
    Utf8ByteOutput out = new Utf8ByteOutput();
    templates.render("newsroom/" + template + ".jte", all, out);
    ctx.status(status);
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(out.toByteArray());
  }

  /** The words of the signed-in person's language. */
  /** A member's name as the newsroom shows it, or their number when they are no longer kept. */
  String nameOf(long memberId) {
    return staff.find(memberId).map(StaffMember::name).orElse("#" + memberId);
  }

  Messages words(Visit visit) {
    return setup(visit.member().language()).messages();
  }

  /** The words of an edition's language. */
  Messages wordsOf(Language language) {
    return setup(language).messages();
  }

  /** The languages the newsroom writes in: the outlet's editions. */
  List<Language> languages() {
    return editions.stream().map(EditionSetup::language).toList();
  }

  /** The edition language {@code code} names, or {@code otherwise} when it names none. */
  Language languageOf(String code, Language otherwise) {
    for (EditionSetup edition : editions) {
      if (edition.language().code().equals(code)) {
        return edition.language();
      }
    }
    return languages().contains(otherwise) ? otherwise : editions.getFirst().language();
  }

  static void json(Context ctx, int status, Object value) {
    ctx.status(status);
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8));
  }
}
