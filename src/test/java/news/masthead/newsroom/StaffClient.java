package news.masthead.newsroom;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import news.masthead.app.Masthead;
import news.masthead.content.AuditEntry;
import news.masthead.content.StaffMember;
import news.masthead.content.StaffSession;

/**
 * A member of staff signed in to a test's newsroom: a session made in the database (as a passkey
 * sign-in would make it, checked just now), and requests sent as their browser would send them.
 */
final class StaffClient {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String target;
  private final String origin;
  private final StaffMember member;
  private final String id;
  private final String csrf;

  private StaffClient(String origin, StaffMember member, String id, String csrf) {
    this(origin, origin, member, id, csrf);
  }

  private StaffClient(String origin, String target, StaffMember member, String id, String csrf) {
    this.target = target;
    this.origin = origin;
    this.member = member;
    this.id = id;
    this.csrf = csrf;
  }

  /** Adds a member with this role and sections and signs them in. */
  public static StaffClient add(
      Masthead masthead, String origin, String email, String role, List<String> sections) {
    return add(masthead, origin, email, role, sections, "en");
  }

  /**
   * As {@link #add(Masthead, String, String, String, List)}, their newsroom in {@code language}.
   */
  public static StaffClient add(
      Masthead masthead,
      String origin,
      String email,
      String role,
      List<String> sections,
      String language) {
    masthead.addStaff(email, email.split("@")[0], role, sections, language);
    StaffMember member = masthead.staff().findByEmail(email).orElseThrow();
    String id = Secrets.token();
    String csrf = Secrets.token();
    Instant now = Instant.now();
    masthead
        .staff()
        .startSession(
            new StaffSession(
                Secrets.hash(id), member.id(), csrf, now, now, now, "test", "127.0.0.1"),
            AuditEntry.of(member.id(), email, "sign-in", email, "test", "test"));
    return new StaffClient(origin, member, id, csrf);
  }

  /**
   * The same person in the same session, asking another node of the newsroom at {@code address}
   * (its pages still come from the newsroom's origin, as behind a load balancer).
   */
  public StaffClient onNode(String address) {
    return new StaffClient(origin, address, member, id, csrf);
  }

  /** The newest revision of an item, as its page's form gives it. */
  public int latest(long id) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("name=\"revision\" value=\"([0-9]+)\"")
            .matcher(get("/newsroom/items/" + id).body());
    if (!m.find()) {
      throw new IllegalStateException("item " + id + " has no revision on its page");
    }
    return Integer.parseInt(m.group(1));
  }

  /** The value of the session cookie, {@code newsroom}, for a browser to carry. */
  public String cookie() {
    return id;
  }

  public StaffMember member() {
    return member;
  }

  public HttpResponse<String> get(String path) {
    return run(
        HttpRequest.newBuilder(URI.create(target + path))
            .header("Cookie", "newsroom=" + id)
            .GET()
            .build());
  }

  /** A form POST from the newsroom's own page, with the form token. */
  public HttpResponse<String> post(String path, Map<String, String> form) {
    return post(path, form, "text/html");
  }

  /** As {@link #post(String, Map)}, asking for JSON, as the editor's autosave does. */
  public HttpResponse<String> postForJson(String path, Map<String, String> form) {
    return post(path, form, "application/json");
  }

  /** A form POST whose fields may repeat, such as the byline's rows. */
  public HttpResponse<String> postFields(String path, List<Map.Entry<String, String>> fields) {
    return post(path, fields, "text/html");
  }

  /** A JSON POST from the editor's script, with the form token in its header. */
  public HttpResponse<String> postJson(String path, String json) {
    return run(
        HttpRequest.newBuilder(URI.create(target + path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Cookie", "newsroom=" + id)
            .header("Origin", origin)
            .header("Sec-Fetch-Site", "same-origin")
            .header("X-CSRF-Token", csrf)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** A file to upload: its name and bytes. */
  public record Upload(String name, byte[] bytes) {}

  /**
   * A multipart POST as the media library's form sends it: the form token (unless {@code withToken}
   * is false), the fields, and each file as a {@code picture} part.
   */
  public HttpResponse<String> upload(
      String path, Map<String, String> fields, List<Upload> files, boolean withToken) {
    String boundary = "----masthead" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    java.util.function.Consumer<String> text =
        line -> body.writeBytes(line.getBytes(StandardCharsets.UTF_8));
    Map<String, String> all = new java.util.LinkedHashMap<>();
    if (withToken) {
      all.put("csrf", csrf);
    }
    all.putAll(fields);
    all.forEach(
        (name, value) ->
            text.accept(
                "--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + name
                    + "\"\r\n\r\n"
                    + value
                    + "\r\n"));
    for (Upload file : files) {
      text.accept(
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"picture\"; filename=\""
              + file.name()
              + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      body.writeBytes(file.bytes());
      text.accept("\r\n");
    }
    text.accept("--" + boundary + "--\r\n");
    return run(
        HttpRequest.newBuilder(URI.create(target + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Cookie", "newsroom=" + id)
            .header("Origin", origin)
            .header("Sec-Fetch-Site", "same-origin")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  /** A GET of bytes (a picture), with the session. */
  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(target + path)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError("GET " + path + " failed", e);
    }
  }

  private HttpResponse<String> post(String path, Map<String, String> form, String accept) {
    return post(path, List.copyOf(form.entrySet()), accept);
  }

  private HttpResponse<String> post(
      String path, List<Map.Entry<String, String>> fields, String accept) {
    StringBuilder body = new StringBuilder("csrf=" + csrf);
    fields.forEach(
        field ->
            body.append('&')
                .append(field.getKey())
                .append('=')
                .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)));
    return run(
        HttpRequest.newBuilder(URI.create(target + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", "newsroom=" + id)
            .header("Origin", origin)
            .header("Sec-Fetch-Site", "same-origin")
            .header("Accept", accept)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  private static HttpResponse<String> run(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(request.method() + " " + request.uri() + " failed", e);
    }
  }
}
