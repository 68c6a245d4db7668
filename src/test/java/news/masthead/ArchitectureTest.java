package news.masthead;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package arrows of DESIGN.md, and STYLE.md's banned patterns. A failure here names the class
 * and the dependency that broke the rule.
 */
class ArchitectureTest {
  static final JavaClasses MASTHEAD =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("news.masthead");

  @Test
  void packages_depend_only_downwards_as_design_draws_them() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("content")
        .definedBy("news.masthead.content..")
        .layer("store")
        .definedBy("news.masthead.store..")
        .layer("search")
        .definedBy("news.masthead.search..")
        .layer("workflow")
        .definedBy("news.masthead.workflow..")
        .layer("media")
        .definedBy("news.masthead.media..")
        .layer("together")
        .definedBy("news.masthead.together..")
        .layer("web")
        .definedBy("news.masthead.web..")
        .layer("site")
        .definedBy("news.masthead.site..")
        .layer("feeds")
        .definedBy("news.masthead.feeds..")
        .layer("newsroom")
        .definedBy("news.masthead.newsroom..")
        .layer("api")
        .definedBy("news.masthead.api..")
        .layer("ingest")
        .definedBy("news.masthead.ingest..")
        .layer("app")
        .definedBy("news.masthead.app..")
        .layer("cli")
        .definedBy("news.masthead.cli..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("app")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("ingest")
        .mayOnlyBeAccessedByLayers("app", "cli")
        .whereLayer("site")
        .mayOnlyBeAccessedByLayers("app")
        .whereLayer("feeds")
        .mayOnlyBeAccessedByLayers("app")
        .whereLayer("newsroom")
        .mayOnlyBeAccessedByLayers("app")
        .whereLayer("api")
        .mayOnlyBeAccessedByLayers("app")
        .whereLayer("web")
        .mayOnlyBeAccessedByLayers("site", "feeds", "newsroom", "api", "app")
        .whereLayer("workflow")
        .mayOnlyBeAccessedByLayers("site", "feeds", "newsroom", "api", "ingest", "app", "cli")
        .whereLayer("media")
        .mayOnlyBeAccessedByLayers("site", "feeds", "newsroom", "api", "ingest", "app", "cli")
        .whereLayer("together")
        .mayOnlyBeAccessedByLayers("newsroom", "app")
        .whereLayer("search")
        .mayOnlyBeAccessedByLayers("workflow", "app", "cli")
        .whereLayer("store")
        .mayOnlyBeAccessedByLayers("workflow", "media", "together", "app", "cli")
        .whereLayer("content")
        .mayOnlyBeAccessedByLayers(
            "store",
            "search",
            "workflow",
            "media",
            "together",
            "web",
            "site",
            "feeds",
            "newsroom",
            "api",
            "ingest",
            "app",
            "cli")
        .allowEmptyShould(true)
        .check(MASTHEAD);
  }

  @Test
  void the_public_site_reads_only_through_the_edition_facade() {
    noClasses()
        .that()
        .resideInAPackage("news.masthead.site..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "news.masthead.store..",
            "news.masthead.search..",
            "java.sql..",
            "org.jdbi..",
            "org.apache.lucene..")
        .check(MASTHEAD);
    noClasses()
        .that()
        .resideInAPackage("news.masthead.site..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("news.masthead.workflow.Publishing")
        .check(MASTHEAD);
  }

  @Test
  void sql_lives_only_in_the_store() {
    noClasses()
        .that()
        .resideOutsideOfPackage("news.masthead.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "org.jdbi..", "org.flywaydb..", "com.zaxxer..")
        .check(MASTHEAD);
  }

  @Test
  void the_content_model_does_no_io() {
    noClasses()
        .that()
        .resideInAPackage("news.masthead.content..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.io..",
            "java.nio..",
            "java.net.http..",
            "java.sql..",
            "tools.jackson..",
            "io.javalin..")
        .check(MASTHEAD);
  }

  @Test
  void only_the_command_line_writes_to_standard_output() {
    noClasses()
        .that()
        .resideOutsideOfPackage("news.masthead.cli..")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .check(MASTHEAD);
  }

  @Test
  void no_source_file_uses_a_wildcard_import() throws IOException {
    List<String> offenders;
    try (Stream<Path> files = Files.walk(Path.of("src"))) {
      offenders =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(
                  p -> {
                    try {
                      return Files.readAllLines(p).stream()
                          .anyMatch(line -> line.matches("^import (static )?[\\w.]+\\.\\*;"));
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .map(Path::toString)
              .toList();
    }
    assertThat(offenders).as("files with wildcard imports").isEmpty();
  }

  @Test
  void no_test_skips_itself() throws IOException {
    // Assumptions, @Disabled and the conditional @Enabled…/@Disabled… annotations turn a missing
    // PostgreSQL or browser into a skip that a green build hides; a test must fail instead.
    String skipping =
        "^import (static )?(org\\.junit\\.jupiter\\.api\\.(Assumptions|Disabled|condition)"
            + "|org\\.assertj\\.core\\.api\\.Assumptions"
            + "|org\\.opentest4j\\.TestAbortedException)\\b.*";
    List<String> offenders;
    try (Stream<Path> files = Files.walk(Path.of("src/test"))) {
      offenders =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(
                  p -> {
                    try {
                      return Files.readAllLines(p).stream()
                          .anyMatch(line -> line.matches(skipping));
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .map(Path::toString)
              .toList();
    }
    assertThat(offenders).as("test files that can skip a test").isEmpty();
  }

  @Test
  void every_package_states_its_contract_in_a_package_info() throws IOException {
    List<Path> packages;
    try (Stream<Path> dirs = Files.list(Path.of("src/main/java/news/masthead"))) {
      packages = dirs.filter(Files::isDirectory).toList();
    }
    assertThat(packages)
        .as("the packages found, among them those every Masthead has")
        .extracting(dir -> dir.getFileName().toString())
        .contains("app", "content", "store", "workflow", "site", "web");
    assertThat(packages).allSatisfy(dir -> assertThat(dir.resolve("package-info.java")).exists());
  }
}
