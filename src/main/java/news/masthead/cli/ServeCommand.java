package news.masthead.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import news.masthead.app.Logging;
import news.masthead.app.Masthead;
import news.masthead.app.Settings;
import news.masthead.ingest.ImportProgress;
import news.masthead.ingest.ImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code masthead serve}: runs the public site until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the public site on MASTHEAD_PORT (8080) with its data in MASTHEAD_DATA (./data).",
      "With --demo, first loads a small demo outlet (English and Persian) into that data."
    })
final class ServeCommand implements Callable<Integer> {
  private static volatile boolean serving;

  @Mixin Flags flags;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Port. Default: $MASTHEAD_PORT or 8080")
  Integer port;

  @Option(
      names = "--demo",
      description = "Load the demo outlet's stories and briefs before serving.")
  boolean demo;

  static boolean isServing() {
    return serving;
  }

  @Override
  public Integer call() {
    Map<String, String> more = new HashMap<>();
    if (port != null) {
      more.put("port", port.toString());
    }
    Settings settings = flags.settings(more);
    Logging.configure(settings.operations());
    settings.checkBeforeServing();
    Masthead masthead = Masthead.open(settings);
    if (demo) {
      loadDemo(masthead);
    }
    masthead.serve();
    Runtime.getRuntime().addShutdownHook(new Thread(masthead::close, "shutdown"));
    serving = true;
    return 0;
  }

  /** Imports the demo outlet shipped in the jar. */
  static void loadDemo(Masthead masthead) {
    try (InputStream in = ServeCommand.class.getResourceAsStream("/demo/demo.ninjs.jsonl")) {
      if (in == null) {
        throw new IllegalStateException("the demo content is missing from the jar");
      }
      Path file = Files.createTempFile("masthead-demo", ".ninjs.jsonl");
      try {
        Files.write(file, in.readAllBytes());
        ImportReport report = masthead.importer().importFiles(List.of(file), ImportProgress.SILENT);
        System.out.printf(
            "Demo outlet loaded: %d new items, %d updated.%n", report.imported(), report.updated());
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
