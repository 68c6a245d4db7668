package news.masthead.together;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;

/**
 * ProseMirror's own model and transform code (from their WebJars, the versions the browser runs)
 * with the body's schema (the editor's {@code newsroom/schema.js}), run in GraalJS to check and
 * apply co-editors' steps. One JavaScript context, used by one thread at a time: callers hold the
 * engine's lock. Modules are read from the jar into a private folder; the script can read nothing
 * else and reach no host object.
 */
final class BodyEngine implements AutoCloseable {
  private static final String[] PACKAGES = {
    "orderedmap", "prosemirror-model", "prosemirror-transform", "prosemirror-changeset"
  };

  private final Path folder;
  private final Context context;
  private final Value authority;

  BodyEngine() {
    try {
      folder = Files.createTempDirectory("masthead-body-engine");
      for (String name : PACKAGES) {
        String version = webjarVersion(name);
        copy("META-INF/resources/webjars/" + name + "/" + version + "/dist/index.js", name + ".js");
      }
      Files.createDirectories(folder.resolve("newsroom"));
      copy("newsroom/schema.js", "newsroom/schema.js");
      copy("together/authority.js", "authority.js");
    } catch (IOException e) {
      throw new UncheckedIOException("could not unpack the editor's modules", e);
    }
    Engine engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
    org.slf4j.LoggerFactory.getLogger(BodyEngine.class)
        .info(
            "co-editing's body engine runs on {}",
            engine.getImplementationName().equals("Interpreted")
                ? "GraalJS interpreted (no Graal compiler on the upgrade module path)"
                : "GraalJS compiled by " + engine.getImplementationName());
    context =
        Context.newBuilder("js")
            .engine(engine)
            .allowIO(IOAccess.newBuilder().fileSystem(new Modules(folder)).build())
            .option("js.esm-eval-returns-exports", "true")
            .build();
    try {
      authority =
          context.eval(
              Source.newBuilder("js", folder.resolve("authority.js").toFile())
                  .mimeType("application/javascript+module")
                  .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Calls one of {@code authority.js}'s functions; a script error becomes an exception. */
  Value call(String function, Object... arguments) {
    try {
      return authority.getMember(function).execute(arguments);
    } catch (PolyglotException e) {
      throw new IllegalStateException(
          "the body engine failed in " + function + ": " + e.getMessage(), e);
    }
  }

  String text(String function, Object... arguments) {
    return call(function, arguments).asString();
  }

  @Override
  public void close() {
    context.close(true);
  }

  private void copy(String resource, String file) throws IOException {
    try (InputStream in = BodyEngine.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the build");
      }
      Files.write(folder.resolve(file), in.readAllBytes());
    }
  }

  private static String webjarVersion(String name) throws IOException {
    Properties pom = new Properties();
    try (InputStream in =
        BodyEngine.class.getResourceAsStream(
            "/META-INF/maven/org.webjars.npm/" + name + "/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the WebJar of " + name + " is missing from the build");
      }
      pom.load(in);
    }
    return pom.getProperty("version");
  }

  /**
   * The unpacked folder as the script's whole file system, read only: a package's bare name ({@code
   * prosemirror-model}) is its file there, and {@code /newsroom/schema.js} the schema.
   */
  private record Modules(Path folder) implements FileSystem {
    private Path inside(Path path) throws IOException {
      Path real = path.toAbsolutePath().normalize();
      if (!real.startsWith(folder)) {
        throw new NoSuchFileException(path.toString());
      }
      return real;
    }

    @Override
    public Path parsePath(URI uri) {
      return parsePath(uri.getPath());
    }

    @Override
    public Path parsePath(String path) {
      for (String name : PACKAGES) {
        if (path.equals(name)) {
          return folder.resolve(name + ".js");
        }
      }
      if (path.startsWith("/newsroom/")) {
        return folder.resolve(path.substring(1));
      }
      return Path.of(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... options)
        throws IOException {
      if (modes.contains(AccessMode.WRITE) || !Files.exists(inside(path))) {
        throw new NoSuchFileException(path.toString());
      }
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
      throw new IOException("read only");
    }

    @Override
    public void delete(Path path) throws IOException {
      throw new IOException("read only");
    }

    @Override
    public SeekableByteChannel newByteChannel(
        Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
        throws IOException {
      return Files.newByteChannel(inside(path), StandardOpenOption.READ);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(
        Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
      return Files.newDirectoryStream(inside(dir), filter);
    }

    @Override
    public Path toAbsolutePath(Path path) {
      return path.isAbsolute() ? path : folder.resolve(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... options) throws IOException {
      return inside(path).toRealPath(options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
        throws IOException {
      return Files.readAttributes(inside(path), attributes, options);
    }
  }
}
