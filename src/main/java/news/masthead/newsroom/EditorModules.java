package news.masthead.newsroom;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ES modules the desk's editor imports, from their WebJars (versions pinned in the build), and
 * the import map that names them: each package at {@code /newsroom/modules/<name>@<version>/…}, so
 * a module's address changes with its version and can be cached for good. The import map is an
 * inline script, allowed by the hash of its text in the page's Content Security Policy. Immutable;
 * reads the jar's resources once.
 */
final class EditorModules {
  /** The packages the editor and its dependencies import, by their npm names. */
  static final List<String> PACKAGES =
      List.of(
          "prosemirror-model",
          "prosemirror-state",
          "prosemirror-view",
          "prosemirror-transform",
          "prosemirror-commands",
          "prosemirror-keymap",
          "prosemirror-history",
          "prosemirror-schema-list",
          "prosemirror-collab",
          "orderedmap",
          "w3c-keyname",
          "rope-sequence");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, String> versions = new LinkedHashMap<>();
  private final String importMap;
  private final String policy;

  EditorModules() {
    Map<String, String> imports = new LinkedHashMap<>();
    for (String name : PACKAGES) {
      String version = version(name);
      versions.put(name, version);
      JsonNode manifest = JSON.readTree(resource(base(name, version) + "package.json"));
      String entry = manifest.path("module").asString(manifest.path("main").asString("index.js"));
      imports.put(name, "/newsroom/modules/" + name + "@" + version + "/" + strip(entry));
    }
    importMap = JSON.writeValueAsString(Map.of("imports", imports));
    String hash;
    try {
      hash =
          "'sha256-"
              + Base64.getEncoder()
                  .encodeToString(
                      MessageDigest.getInstance("SHA-256")
                          .digest(importMap.getBytes(StandardCharsets.UTF_8)))
              + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    policy = Newsroom.CSP.replace("script-src 'self'", "script-src 'self' " + hash);
  }

  /** The newsroom's Content Security Policy for a page that carries the import map. */
  String policy() {
    return policy;
  }

  /** The import map's JSON, for a {@code <script type="importmap">}. */
  String importMap() {
    return importMap;
  }

  /**
   * A file of a package, asked for as {@code <name>@<version>/<path>}; empty when the package, its
   * version or the file is not one of the editor's.
   */
  Optional<byte[]> file(String module, String path) {
    int at = module.lastIndexOf('@');
    if (at <= 0 || !path.matches("[A-Za-z0-9_./-]{1,200}") || path.contains("..")) {
      return Optional.empty();
    }
    String name = module.substring(0, at);
    String version = module.substring(at + 1);
    if (!version.equals(versions.get(name)) || !path.endsWith(".js")) {
      return Optional.empty();
    }
    try (InputStream in =
        EditorModules.class.getResourceAsStream("/" + base(name, version) + path)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String base(String name, String version) {
    return "META-INF/resources/webjars/" + name + "/" + version + "/";
  }

  private static String strip(String entry) {
    return entry.startsWith("./") ? entry.substring(2) : entry;
  }

  private static String version(String name) {
    Properties pom = new Properties();
    try (InputStream in =
        EditorModules.class.getResourceAsStream(
            "/META-INF/maven/org.webjars.npm/" + name + "/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the WebJar of " + name + " is missing from the build");
      }
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pom.getProperty("version");
  }

  private static String resource(String path) {
    try (InputStream in = EditorModules.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
