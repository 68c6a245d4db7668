package news.masthead.newsroom;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import news.masthead.content.AuditEntry;
import news.masthead.content.Role;
import news.masthead.content.StaffMember;
import news.masthead.content.StaffSession;
import news.masthead.web.ClientAddress;
import news.masthead.workflow.Staff;

/**
 * The newsroom's door: sessions in the database (so any node serves any signed-in person), read
 * from a cookie that is HttpOnly and SameSite=Strict (Secure and {@code __Host-} prefixed on an
 * https site); the form token and origin checks every state change passes; and the role checks.
 * Thread-safe.
 */
final class Door {
  /** A session ends after this long without a request. */
  static final Duration IDLE = Duration.ofHours(2);

  /** A session ends this long after sign-in, however busy. */
  static final Duration ABSOLUTE = Duration.ofHours(12);

  /** A factor checked longer ago than this is checked again before a sensitive change. */
  static final Duration RECENT = Duration.ofMinutes(5);

  private final Staff staff;
  private final Clock clock;
  private final ClientAddress addresses;
  private final String origin;
  private final boolean secure;
  private final String cookieName;

  /** Sessions found a moment ago, by their id's hash: see {@link #requireFormNow}. */
  private final Cache<String, Visit> justSeen =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(1)).maximumSize(10_000).build();

  Door(Staff staff, Clock clock, ClientAddress addresses, String baseUrl) {
    this.staff = staff;
    this.clock = clock;
    this.addresses = addresses;
    URI base = URI.create(baseUrl);
    this.origin = base.getScheme() + "://" + base.getRawAuthority();
    this.secure = "https".equals(base.getScheme());
    this.cookieName = secure ? "__Host-newsroom" : "newsroom";
  }

  /** The site's origin, which every state change must come from. */
  String origin() {
    return origin;
  }

  /** The signed-in person, if the request carries a live session of someone not disabled. */
  Optional<Visit> visit(Context ctx) {
    String id = ctx.cookie(cookieName);
    if (id == null || id.length() != 43) {
      return Optional.empty();
    }
    String hash = Secrets.hash(id);
    Optional<StaffSession> session = staff.session(hash);
    if (session.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    StaffSession s = session.get();
    if (s.lastSeenAt().plus(IDLE).isBefore(now) || s.createdAt().plus(ABSOLUTE).isBefore(now)) {
      staff.endSession(
          s.staffId(), hash, AuditEntry.of(s.staffId(), "system", "session.expired", "", "", ""));
      return Optional.empty();
    }
    Optional<StaffMember> member = staff.find(s.staffId()).filter(m -> !m.disabled());
    if (member.isEmpty()) {
      return Optional.empty();
    }
    if (s.lastSeenAt().plus(Duration.ofMinutes(1)).isBefore(now)) {
      staff.seen(hash, device(ctx), address(ctx));
    }
    return Optional.of(new Visit(member.get(), s));
  }

  /** The signed-in person, or a refusal that sends them to sign in. */
  Visit require(Context ctx) {
    return visit(ctx).orElseThrow(() -> Refusal.forbidden("sign in to the newsroom first"));
  }

  /** The signed-in person, who must hold {@code role} or a higher one. */
  Visit require(Context ctx, Role role) {
    return holding(ctx, require(ctx), role);
  }

  private Visit holding(Context ctx, Visit visit, Role role) {
    if (visit.member().role().ordinal() < role.ordinal()) {
      staff.audit(
          entry(
              ctx,
              visit.member(),
              "refused",
              ctx.method() + " " + ctx.path(),
              "needs " + role.word()));
      throw Refusal.forbidden("this needs the " + role.word() + " role");
    }
    return visit;
  }

  /**
   * Checks a state change from a signed-in person: it comes from the site itself, and carries the
   * session's form token (as the {@code csrf} field or the {@code X-CSRF-Token} header).
   */
  Visit requireForm(Context ctx, Role role) {
    checkOrigin(ctx);
    return withToken(ctx, require(ctx, role));
  }

  /**
   * As {@link #requireForm}, for the requests a co-editor makes many times a second (steps,
   * presence): the session may come from {@link #justSeen}, so a session ended or a member changed
   * on another node counts here within a second (one ended through this door, at once).
   */
  Visit requireFormNow(Context ctx, Role role) {
    checkOrigin(ctx);
    String id = ctx.cookie(cookieName);
    Visit visit = id == null ? null : justSeen.getIfPresent(Secrets.hash(id));
    if (visit == null) {
      visit = require(ctx);
      justSeen.put(visit.session().idHash(), visit);
    }
    return withToken(ctx, holding(ctx, visit, role));
  }

  private Visit withToken(Context ctx, Visit visit) {
    String token = ctx.header("X-CSRF-Token");
    if (token == null) {
      token = ctx.formParam("csrf");
    }
    if (token == null || !Secrets.same(token, visit.session().csrfToken())) {
      throw Refusal.forbidden(
          "the form's token is missing or stale: reload the page and try again");
    }
    return visit;
  }

  /** Refuses a state change that a browser says comes from another site. */
  void checkOrigin(Context ctx) {
    String site = ctx.header("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      throw Refusal.forbidden("a change to the newsroom can only come from its own pages");
    }
    String from = ctx.header("Origin");
    if (from != null && !from.equals(origin)) {
      throw Refusal.forbidden("a change to the newsroom can only come from " + origin);
    }
    if (from == null && site == null) {
      throw Refusal.forbidden("a change to the newsroom must say where it comes from (Origin)");
    }
  }

  /** Starts a session for a member who has just proved a factor, with a new id. */
  void signIn(Context ctx, StaffMember member, String how) {
    visit(ctx).ifPresent(old -> endOwn(ctx, old, "session.replaced"));
    String id = Secrets.token();
    Instant now = clock.instant();
    staff.startSession(
        new StaffSession(
            Secrets.hash(id),
            member.id(),
            Secrets.token(),
            now,
            now,
            now,
            device(ctx),
            address(ctx)),
        entry(ctx, member, "sign-in", member.email(), how));
    Cookie cookie = new Cookie(cookieName, id);
    cookie.setHttpOnly(true);
    cookie.setSecure(secure);
    cookie.setSameSite(SameSite.STRICT);
    cookie.setPath(secure ? "/" : "/newsroom");
    ctx.cookie(cookie);
  }

  /** Ends the request's own session and clears its cookie. */
  void signOut(Context ctx, Visit visit) {
    endOwn(ctx, visit, "sign-out");
  }

  private void endOwn(Context ctx, Visit visit, String action) {
    staff.endSession(
        visit.member().id(),
        visit.session().idHash(),
        entry(ctx, visit.member(), action, visit.member().email(), ""));
    justSeen.invalidate(visit.session().idHash());
    Cookie gone = new Cookie(cookieName, "");
    gone.setMaxAge(0);
    gone.setHttpOnly(true);
    gone.setSecure(secure);
    gone.setSameSite(SameSite.STRICT);
    gone.setPath(secure ? "/" : "/newsroom");
    ctx.cookie(gone);
  }

  /** Whether the session's holder proved a factor within the last few minutes. */
  boolean recentlyVerified(Visit visit) {
    return visit.session().verifiedAt().plus(RECENT).isAfter(clock.instant());
  }

  /** An audit entry for something a member did in this request. */
  AuditEntry entry(Context ctx, StaffMember actor, String action, String subject, String detail) {
    return AuditEntry.of(actor.id(), actor.email(), action, subject, detail, address(ctx));
  }

  /** An audit entry for an attempt by someone not signed in. */
  AuditEntry anonymous(Context ctx, String action, String subject, String detail) {
    return AuditEntry.of(0, "anonymous", action, subject, detail, address(ctx));
  }

  /** The client's address, believing X-Forwarded-For only from trusted proxies. */
  String address(Context ctx) {
    return addresses.of(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
  }

  private static String device(Context ctx) {
    String agent = ctx.userAgent();
    if (agent == null) {
      return "";
    }
    return agent.length() > 200 ? agent.substring(0, 200) : agent;
  }
}
