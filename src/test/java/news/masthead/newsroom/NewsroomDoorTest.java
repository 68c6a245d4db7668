package news.masthead.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.masthead.app.Masthead;
import news.masthead.content.AuditEntry;
import news.masthead.content.StaffMember;
import news.masthead.content.StaffSession;
import news.masthead.testing.Newsrooms;
import news.masthead.workflow.Staff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newsroom's door over plain HTTP: every route with no session, with each role and with another
 * member's ids finds no success its role does not grant; every change without its form token or
 * from another origin is refused and changes nothing; sign-in failures all look alike; limits hold;
 * and ending someone's sessions signs them out at their next request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsroomDoorTest {
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private Masthead masthead;
  private Staff staff;
  private String origin;
  private final Map<String, Session> sessions = new LinkedHashMap<>();

  /** A signed-in member as a test holds them: the cookie's id and the form token. */
  record Session(StaffMember member, String id, String csrf) {}

  @BeforeAll
  void start(@TempDir Path data) throws IOException {
    int port = Newsrooms.freePort();
    origin = "http://localhost:" + port;
    masthead = Newsrooms.serve(data, port, origin, Map.of("geoip.db", countryDatabase()));
    staff = masthead.staff();
    for (String role : List.of("contributor", "editor", "admin")) {
      masthead.addStaff(role + "@example.org", "A " + role, role, List.of("iran"), "en");
      StaffMember member = staff.findByEmail(role + "@example.org").orElseThrow();
      sessions.put(role, signIn(member));
    }
  }

  @AfterAll
  void stop() {
    masthead.close();
  }

  /** Every newsroom address, and who may use it (the lowest role), or "anyone". */
  static final List<String[]> ROUTES =
      List.of(
          new String[] {"GET", "/newsroom/account", "contributor"},
          new String[] {"GET", "/newsroom/confirm", "contributor"},
          new String[] {"GET", "/newsroom/staff", "admin"},
          new String[] {"GET", "/newsroom/audit", "admin"},
          new String[] {"GET", "/newsroom/audit?format=jsonl", "admin"},
          new String[] {"POST", "/newsroom/sign-out", "contributor"},
          new String[] {"POST", "/newsroom/account/passkeys/options", "contributor"},
          new String[] {"POST", "/newsroom/confirm/options", "contributor"},
          new String[] {"POST", "/newsroom/staff", "admin"},
          new String[] {"POST", "/newsroom/staff/1/end-sessions", "admin"},
          new String[] {"POST", "/newsroom/staff/1/enrolment", "admin"});

  @Test
  void no_route_grants_what_the_role_does_not() {
    List<String> wrong = new ArrayList<>();
    for (String[] route : ROUTES) {
      int needed = rank(route[2]);
      for (String who : List.of("nobody", "contributor", "editor", "admin")) {
        Session session = who.equals("nobody") ? null : fresh(who);
        HttpResponse<String> response =
            route[0].equals("GET")
                ? get(route[1], session)
                : post(
                    route[1],
                    session,
                    Map.of("email", "x" + who + "@example.org", "name", "X", "role", "contributor"),
                    true);
        boolean allowed = rank(who) >= needed;
        boolean succeeded = response.statusCode() < 400;
        if (allowed != succeeded) {
          wrong.add(
              who
                  + " "
                  + route[0]
                  + " "
                  + route[1]
                  + " -> "
                  + response.statusCode()
                  + (allowed ? " (should succeed)" : " (should be refused)"));
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void a_change_without_its_form_token_or_from_another_origin_is_refused_and_changes_nothing() {
    Session admin = fresh("admin");
    int before = staff.list().size();
    Map<String, String> invite =
        Map.of("email", "forged@example.org", "name", "Forged", "role", "admin");

    HttpResponse<String> noToken = post("/newsroom/staff", admin, invite, false);
    HttpResponse<String> foreign =
        send("/newsroom/staff", admin, invite, true, "https://evil.example", "cross-site");
    HttpResponse<String> nullOrigin = send("/newsroom/staff", admin, invite, true, "null", null);
    HttpResponse<String> noOrigin = send("/newsroom/staff", admin, invite, true, null, null);

    assertThat(List.of(noToken, foreign, nullOrigin, noOrigin))
        .extracting(HttpResponse::statusCode)
        .containsOnly(403);
    assertThat(foreign.body()).contains("can only come from");
    assertThat(staff.list()).hasSize(before);
    assertThat(staff.findByEmail("forged@example.org")).isEmpty();
  }

  @Test
  void bad_input_gets_a_clear_error_and_changes_nothing() {
    Session admin = fresh("admin");
    int before = staff.list().size();

    HttpResponse<String> longName =
        post(
            "/newsroom/staff",
            admin,
            Map.of("email", "long@example.org", "name", "n".repeat(300), "role", "editor"),
            true);
    HttpResponse<String> forgedRole =
        post(
            "/newsroom/staff",
            admin,
            Map.of("email", "role@example.org", "name", "R", "role", "superuser"),
            true);
    HttpResponse<String> badSection =
        post(
            "/newsroom/staff",
            admin,
            Map.of(
                "email", "s@example.org", "name", "S", "role", "editor", "sections", "Not A Slug!"),
            true);
    HttpResponse<String> badEmail =
        post(
            "/newsroom/staff",
            admin,
            Map.of("email", "not-an-address", "name", "E", "role", "editor"),
            true);
    HttpResponse<String> unknownMember =
        post("/newsroom/staff/999999/disable", admin, Map.of(), true);
    HttpResponse<String> unknownAction = post("/newsroom/staff/1/promote", admin, Map.of(), true);

    assertThat(longName.statusCode()).isEqualTo(400);
    assertThat(longName.body()).contains("a name of 1 to 200 characters");
    assertThat(forgedRole.body())
        .contains("a role is admin, editor or contributor, not \"superuser\"");
    assertThat(badSection.statusCode()).isEqualTo(400);
    assertThat(badEmail.body()).contains("an email address such as");
    assertThat(unknownMember.body()).contains("no member of staff has the id 999999");
    assertThat(unknownAction.statusCode()).isEqualTo(400);
    assertThat(staff.list()).hasSize(before);
  }

  @Test
  void another_members_sessions_and_passkeys_cannot_be_touched_through_ones_own_account() {
    Session contributor = fresh("contributor");
    Session editor = fresh("editor");
    String editorsSession = Secrets.hash(editor.id()).substring(0, 16);

    HttpResponse<String> endTheirs =
        post(
            "/newsroom/account/sessions/end", contributor, Map.of("session", editorsSession), true);

    assertThat(endTheirs.statusCode()).isEqualTo(400);
    assertThat(get("/newsroom/account", editor).statusCode())
        .as("the editor is still signed in")
        .isEqualTo(200);
  }

  @Test
  void an_admin_ends_anothers_sessions_and_their_next_request_is_signed_out() {
    Session admin = fresh("admin");
    Session editor = fresh("editor");
    assertThat(get("/newsroom/account", editor).statusCode()).isEqualTo(200);

    HttpResponse<String> ended =
        post("/newsroom/staff/" + editor.member().id() + "/end-sessions", admin, Map.of(), true);

    assertThat(ended.statusCode()).isEqualTo(303);
    assertThat(get("/newsroom/account", editor).statusCode()).isEqualTo(403);
    assertThat(staff.auditLog("session.end", "editor@example.org", 10)).isNotEmpty();
  }

  @Test
  void an_unknown_account_a_wrong_password_and_a_disabled_account_see_the_same_page() {
    masthead.addStaff("gone@example.org", "Gone", "contributor", List.of(), "en");
    StaffMember gone = staff.findByEmail("gone@example.org").orElseThrow();
    staff.setPassword(
        gone.id(),
        new Passwords().hashNew("lantern orchard quietly tuesday"),
        Passwords.newTotpSecret(),
        AuditEntry.of(0, "test", "factor.add", "gone@example.org", "", "test"));
    staff.setDisabled(
        gone.id(), true, AuditEntry.of(0, "test", "staff.disable", "gone@example.org", "", "test"));

    List<String> pages = new ArrayList<>();
    List<Integer> statuses = new ArrayList<>();
    for (String email :
        List.of("nobody@example.org", "contributor@example.org", "gone@example.org")) {
      HttpResponse<String> page =
          send(
              "/newsroom/sign-in/password",
              null,
              Map.of(
                  "email", email, "password", "lantern orchard quietly tuesday", "code", "123456"),
              false,
              origin,
              "same-origin");
      statuses.add(page.statusCode());
      pages.add(page.body().replace(email, "EMAIL"));
    }

    assertThat(statuses).containsOnly(403);
    assertThat(pages.get(1)).isEqualTo(pages.get(0));
    assertThat(pages.get(2)).isEqualTo(pages.get(0));
  }

  @Test
  void a_one_time_code_works_once_and_a_password_change_ends_every_other_session() {
    masthead.addStaff("pat@example.org", "Pat", "contributor", List.of(), "en");
    StaffMember pat = staff.findByEmail("pat@example.org").orElseThrow();
    String secret = Passwords.newTotpSecret();
    String password = "lantern orchard quietly tuesday";
    staff.setPassword(
        pat.id(),
        new Passwords().hashNew(password),
        secret,
        AuditEntry.of(0, "test", "factor.add", "pat@example.org", "", "test"));
    Map<String, String> form =
        Map.of("email", "pat@example.org", "password", password, "code", Newsrooms.code(secret, 0));

    HttpResponse<String> first =
        send("/newsroom/sign-in/password", null, form, false, origin, "same-origin");
    HttpResponse<String> replayed =
        send("/newsroom/sign-in/password", null, form, false, origin, "same-origin");

    assertThat(first.statusCode()).isEqualTo(303);
    assertThat(first.headers().firstValue("Set-Cookie"))
        .get()
        .asString()
        .contains("HttpOnly")
        .contains("SameSite=Strict");
    assertThat(replayed.statusCode()).as("the same code a second time").isEqualTo(403);

    Session other = signIn(pat);
    Session mine = signIn(pat);
    HttpResponse<String> changed =
        post(
            "/newsroom/account/password",
            mine,
            Map.of(
                "current",
                password,
                "password",
                "copper meadow lantern sixty",
                "code",
                Newsrooms.code(secret, 30)),
            true);

    assertThat(changed.statusCode()).isEqualTo(303);
    assertThat(get("/newsroom/account", other).statusCode()).as("another session").isEqualTo(403);
    assertThat(
            send(
                    "/newsroom/sign-in/password",
                    null,
                    Map.of(
                        "email",
                        "pat@example.org",
                        "password",
                        "copper meadow lantern sixty",
                        "code",
                        Newsrooms.code(secret, -30)),
                    false,
                    origin,
                    "same-origin")
                .statusCode())
        .isEqualTo(303);
    assertThat(staff.auditLog("factor.change", "pat@example.org", 5)).hasSize(1);

    Session again = signIn(pat);
    HttpResponse<String> reused =
        post(
            "/newsroom/confirm/password",
            again,
            Map.of("password", "copper meadow lantern sixty", "code", Newsrooms.code(secret, 0)),
            true);
    assertThat(reused.statusCode()).as("confirming with a code used already").isEqualTo(400);

    masthead.addStaff("quinn@example.org", "Quinn", "contributor", List.of(), "en");
    StaffMember quinn = staff.findByEmail("quinn@example.org").orElseThrow();
    String quinnsSecret = Passwords.newTotpSecret();
    staff.setPassword(
        quinn.id(),
        new Passwords().hashNew(password),
        quinnsSecret,
        AuditEntry.of(0, "test", "factor.add", "quinn@example.org", "", "test"));
    HttpResponse<String> confirmed =
        post(
            "/newsroom/confirm/password",
            signIn(quinn),
            Map.of("password", password, "code", Newsrooms.code(quinnsSecret, 0)),
            true);
    assertThat(confirmed.statusCode())
        .as("confirming with the password and a fresh code")
        .isEqualTo(303);
  }

  @Test
  void password_attempts_on_one_account_are_limited_and_the_limit_is_kept_in_the_database() {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i <= Newsroom.ACCOUNT_ATTEMPTS; i++) {
      statuses.add(
          send(
                  "/newsroom/sign-in/password",
                  null,
                  Map.of(
                      "email",
                      "target@example.org",
                      "password",
                      "wrong wrong wrong",
                      "code",
                      "000000"),
                  false,
                  origin,
                  "same-origin")
              .statusCode());
    }

    assertThat(statuses.subList(0, Newsroom.ACCOUNT_ATTEMPTS)).containsOnly(403);
    assertThat(statuses.getLast()).isEqualTo(429);
    assertThat(
            staff.attempts(
                "account:" + Secrets.hash("target@example.org"), Newsroom.ATTEMPT_WINDOW))
        .as("every attempt is counted, the refused one too")
        .isEqualTo(Newsroom.ACCOUNT_ATTEMPTS + 1);
  }

  @Test
  void a_used_enrolment_link_and_a_made_up_passkey_answer_are_refused() {
    String link = masthead.addStaff("twice@example.org", "Twice", "contributor", List.of(), "en");
    String path = URI.create(link).getPath();
    assertThat(get(path, null).statusCode()).isEqualTo(200);
    StaffMember twice = staff.findByEmail("twice@example.org").orElseThrow();
    staff.enrolPassword(
        Secrets.hash(path.substring(path.lastIndexOf('/') + 1)),
        twice.id(),
        "hash",
        Passwords.newTotpSecret(),
        AuditEntry.of(0, "test", "enrolment.used", "twice@example.org", "", "test"));

    HttpResponse<String> again = get(path, null);
    HttpResponse<String> madeUp =
        sendJson(
            "/newsroom/sign-in",
            "{\"credential\":{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\","
                + "\"response\":{\"clientDataJSON\":\"eyJ0eXBlIjoid2ViYXV0aG4uZ2V0IiwiY2hhbGxlbmdlIjoiQUFBQSIsIm9yaWdpbiI6Imh0dHA6Ly9sb2NhbGhvc3QifQ\","
                + "\"authenticatorData\":\"AAAA\",\"signature\":\"AAAA\"}}}");
    HttpResponse<String> notJson = sendJson("/newsroom/sign-in", "{{{");

    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("used already");
    assertThat(madeUp.statusCode()).isIn(400, 403);
    assertThat(madeUp.body()).doesNotContain("Exception");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).contains("not JSON");
  }

  @Test
  void every_newsroom_answer_is_no_store_under_the_newsrooms_own_policy() {
    for (String path :
        List.of("/newsroom/sign-in", "/newsroom/account", "/newsroom/assets/passkey.js")) {
      HttpResponse<String> response = get(path, null);
      assertThat(response.headers().firstValue("Cache-Control")).as(path).contains("no-store");
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .get()
          .asString()
          .doesNotContain("unsafe");
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .get()
          .asString()
          .contains("script-src 'self'; style-src 'self'");
      assertThat(response.headers().firstValue("Cross-Origin-Opener-Policy"))
          .contains("same-origin");
      assertThat(response.headers().firstValue("Permissions-Policy"))
          .get()
          .asString()
          .contains("publickey-credentials-get=(self)");
      assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
    }
    assertThat(get("/", null).headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void ones_own_sessions_show_the_device_the_address_and_the_country_it_is_in() {
    StaffMember editor = sessions.get("editor").member();
    String id = Secrets.token();
    Instant now = Instant.now();
    staff.startSession(
        new StaffSession(
            Secrets.hash(id),
            editor.id(),
            Secrets.token(),
            now,
            now,
            now,
            "Phone browser",
            "81.2.69.142"),
        AuditEntry.of(editor.id(), editor.email(), "sign-in", editor.email(), "test", "test"));

    String page = get("/newsroom/account", new Session(editor, id, "")).body();

    assertThat(page).contains("Phone browser").contains("81.2.69.142").contains("United Kingdom");
  }

  @Test
  void a_session_whose_last_check_is_stale_must_confirm_before_inviting_or_adding_a_passkey() {
    StaffMember admin = sessions.get("admin").member();
    String id = Secrets.token();
    String csrf = Secrets.token();
    Instant signedIn = Instant.now().minus(java.time.Duration.ofMinutes(10));
    staff.startSession(
        new StaffSession(
            Secrets.hash(id),
            admin.id(),
            csrf,
            signedIn,
            Instant.now(),
            signedIn,
            "test",
            "127.0.0.1"),
        AuditEntry.of(admin.id(), admin.email(), "sign-in", admin.email(), "test", "test"));
    Session stale = new Session(admin, id, csrf);
    int before = staff.list().size();

    HttpResponse<String> invite =
        post(
            "/newsroom/staff",
            stale,
            Map.of("email", "late@example.org", "name", "Late", "role", "admin"),
            true);
    HttpResponse<String> link =
        post(
            "/newsroom/staff/" + sessions.get("editor").member().id() + "/enrolment",
            stale,
            Map.of(),
            true);
    HttpResponse<String> passkey =
        post("/newsroom/account/passkeys/options", stale, Map.of(), true);

    assertThat(List.of(invite, link, passkey))
        .extracting(HttpResponse::statusCode)
        .containsOnly(403);
    assertThat(invite.body()).contains("Confirm it is you");
    assertThat(staff.list()).hasSize(before);
    assertThat(
            post(
                    "/newsroom/staff/"
                        + sessions.get("contributor").member().id()
                        + "/end-sessions",
                    stale,
                    Map.of(),
                    true)
                .statusCode())
        .as("signing someone out only protects, so it needs no fresh check")
        .isEqualTo(303);
  }

  @Test
  void a_new_enrolment_link_stops_the_older_one() {
    String first = masthead.addStaff("relink@example.org", "Relink", "editor", List.of(), "en");
    StaffMember member = staff.findByEmail("relink@example.org").orElseThrow();
    Session admin = fresh("admin");
    HttpResponse<String> again =
        post("/newsroom/staff/" + member.id() + "/enrolment", admin, Map.of(), true);
    assertThat(again.statusCode()).isEqualTo(200);

    assertThat(get(URI.create(first).getPath(), null).body()).contains("used already");
  }

  @Test
  void limits_count_an_ipv6_client_by_its_network() {
    assertThat(Newsroom.network("2001:db8:1:2:3:4:5:6"))
        .isEqualTo(Newsroom.network("2001:db8:1:2:ffff::1"))
        .isEqualTo(Newsroom.network("[2001:0db8:0001:0002::9]"))
        .isNotEqualTo(Newsroom.network("2001:db8:1:3::1"));
    assertThat(Newsroom.network("192.0.2.7")).isEqualTo("192.0.2.7");
  }

  @Test
  void the_audit_filter_matches_its_text_literally_and_its_export_link_keeps_it() {
    masthead.addStaff("un_der@example.org", "Under", "contributor", List.of(), "en");

    assertThat(staff.auditLog("staff.add", "un_der@", 10)).isNotEmpty();
    assertThat(staff.auditLog("staff.add", "unXder@", 10)).as("_ is not a wildcard").isEmpty();
    assertThat(staff.auditLog("", "%", 10)).as("% is not a wildcard").isEmpty();
    assertThat(get("/newsroom/audit?who=a%2Bb%26c", fresh("admin")).body())
        .contains("href=\"/newsroom/audit?format=jsonl&amp;action=&amp;who=a%2Bb%26c\"");
  }

  // --- helpers

  private static String countryDatabase() {
    try {
      return Path.of(
              NewsroomDoorTest.class.getResource("/geoip/GeoLite2-Country-Test.mmdb").toURI())
          .toString();
    } catch (java.net.URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  private Session signIn(StaffMember member) {
    String id = Secrets.token();
    Instant now = Instant.now();
    String csrf = Secrets.token();
    staff.startSession(
        new StaffSession(Secrets.hash(id), member.id(), csrf, now, now, now, "test", "127.0.0.1"),
        AuditEntry.of(member.id(), member.email(), "sign-in", member.email(), "test", "test"));
    return new Session(member, id, csrf);
  }

  /** A new session for the role's member (tests that end sessions leave the others alone). */
  private Session fresh(String role) {
    return signIn(sessions.get(role).member());
  }

  private static int rank(String who) {
    return switch (who) {
      case "nobody" -> 0;
      case "contributor" -> 1;
      case "editor" -> 2;
      case "admin" -> 3;
      default -> throw new IllegalArgumentException(who);
    };
  }

  private HttpResponse<String> get(String path, Session session) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path));
    if (session != null) {
      request.header("Cookie", "newsroom=" + session.id());
    }
    return run(request.GET().build());
  }

  private HttpResponse<String> post(
      String path, Session session, Map<String, String> form, boolean withToken) {
    return send(path, session, form, withToken, origin, "same-origin");
  }

  private HttpResponse<String> send(
      String path,
      Session session,
      Map<String, String> form,
      boolean withToken,
      String from,
      String site) {
    Map<String, String> fields = new LinkedHashMap<>(form);
    if (withToken && session != null) {
      fields.put("csrf", session.csrf());
    }
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (k, v) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(origin + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (session != null) {
      request.header("Cookie", "newsroom=" + session.id());
    }
    if (from != null) {
      request.header("Origin", from);
    }
    if (site != null) {
      request.header("Sec-Fetch-Site", site);
    }
    return run(request.build());
  }

  private HttpResponse<String> sendJson(String path, String json) {
    return run(
        HttpRequest.newBuilder(URI.create(origin + path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Origin", origin)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private HttpResponse<String> run(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(request.method() + " " + request.uri() + " failed", e);
    }
  }
}
