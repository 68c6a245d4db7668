package news.masthead.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import news.masthead.content.SavedRevision;
import news.masthead.content.Status;
import news.masthead.ingest.NinjsRestore;
import news.masthead.store.ItemStore;
import news.masthead.testing.Copies;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups an operator can trust: a backup taken while imports run restores every revision that was
 * acknowledged before it; an export restores into SQLite or PostgreSQL with every revision as it
 * was (number, time, who, status, copy, the item's id); a SQLite backup restores into PostgreSQL;
 * and nothing already stored is ever overwritten.
 */
class BackupsTest {
  @TempDir Path dir;

  private static Settings sqlite(Path data) {
    return Settings.standalone(Map.of("data", data.toString(), "metrics", "off"));
  }

  private static Settings postgres(Path data, String url) {
    return Settings.standalone(
        Map.of("data", data.toString(), "db.url", url, "mode", "development", "metrics", "off"));
  }

  /** A site with stories, briefs, several revisions, a draft, a withheld and a retracted item. */
  private static void fill(Masthead site, int items) {
    for (int i = 0; i < items; i++) {
      String uri = "urn:backup:" + i;
      site.publishing()
          .save(
              Copies.published(
                  uri,
                  Copies.story("Report " + i, i % 2 == 0 ? "Iran" : "Iraq"),
                  "2026-11-01T08:00:00Z"));
      if (i % 3 == 0) {
        site.publishing()
            .save(
                Copies.imported(
                    uri,
                    Copies.story("Report " + i + ", updated", "Iran"),
                    new Status.Published()));
      }
    }
    site.publishing()
        .save(
            Copies.imported(
                "urn:backup:draft", Copies.brief("Draft", "Iran", "Not yet."), new Status.Draft()));
    site.publishing()
        .save(
            Copies.imported(
                "urn:backup:held",
                Copies.brief("Held", "Iraq", "Held back."),
                new Status.Withheld()));
    site.publishing()
        .save(
            Copies.imported(
                "urn:backup:0",
                Copies.story("Report 0", "Iran"),
                new Status.Retracted("Withdrawn: the source recanted.")));
  }

  private static List<ItemStore.StoredRevision> everyRevision(Masthead site) {
    List<ItemStore.StoredRevision> all = new ArrayList<>();
    long afterItem = 0;
    int afterNumber = 0;
    while (true) {
      List<ItemStore.StoredRevision> page = site.items().listRevisions(afterItem, afterNumber, 100);
      all.addAll(page);
      if (page.size() < 100) {
        return all;
      }
      afterItem = page.getLast().item().id().value();
      afterNumber = page.getLast().item().revision();
    }
  }

  @Test
  void a_backup_taken_while_imports_run_restores_every_revision_acknowledged_before_it()
      throws Exception {
    List<SavedRevision> acknowledged = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean importing = new AtomicBoolean(true);
    List<SavedRevision> before;
    try (Masthead site = Masthead.open(sqlite(dir.resolve("site")))) {
      Thread importer =
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; importing.get(); i++) {
                      acknowledged.add(
                          site.publishing()
                              .save(
                                  Copies.published(
                                      "urn:live:" + (i % 150),
                                      Copies.story("Live " + i, "Iran"),
                                      "2026-11-01T08:00:00Z")));
                    }
                  });
      while (acknowledged.size() < 200) {
        Thread.sleep(5);
      }
      before = List.copyOf(acknowledged);
      Backups.Made made = Backups.backup(sqlite(dir.resolve("site")), dir.resolve("backup"));
      Thread.sleep(100);
      importing.set(false);
      importer.join(10_000);
      assertThat(made.revisions()).isGreaterThanOrEqualTo(before.size());
      assertThat(acknowledged.size())
          .as("imports went on during the backup")
          .isGreaterThan(before.size());
    }

    long restored = Backups.restore(sqlite(dir.resolve("restored")), dir.resolve("backup"));

    try (Masthead site = Masthead.open(sqlite(dir.resolve("restored")))) {
      assertThat(restored).isEqualTo(site.items().countRevisions());
      for (SavedRevision saved : before) {
        assertThat(site.items().history(saved.id()))
            .as("revision %d of item %s", saved.revision(), saved.id())
            .hasSizeGreaterThanOrEqualTo(saved.revision());
      }
    }
    String manifest = Files.readString(dir.resolve("backup/manifest.json"));
    assertThat(manifest).contains("\"format\" : \"masthead-backup-1\"").contains("\"sha256\"");
  }

  @Test
  void an_export_restores_into_postgresql_with_every_revision_as_it_was() throws Exception {
    String url = TestDatabases.createPostgres();
    try {
      List<ItemStore.StoredRevision> original;
      try (Masthead site = Masthead.open(sqlite(dir.resolve("site")))) {
        fill(site, 30);
        original = everyRevision(site);
      }
      Path export = dir.resolve("site.ninjs.jsonl");
      try (var out = Files.newOutputStream(export)) {
        assertThat(Backups.export(sqlite(dir.resolve("site")), out)).isEqualTo(original.size());
      }

      Backups.restore(postgres(dir.resolve("pg"), url), export);

      try (Masthead restored = Masthead.open(postgres(dir.resolve("pg"), url))) {
        assertThat(everyRevision(restored)).containsExactlyElementsOf(original);
        // a new item after the restore gets an id of its own
        SavedRevision next =
            restored
                .publishing()
                .save(
                    Copies.published(
                        "urn:after", Copies.story("After", "Iran"), "2026-12-01T08:00:00Z"));
        assertThat(next.id().value())
            .isGreaterThan(
                original.stream().mapToLong(r -> r.item().id().value()).max().orElseThrow());
      }
    } finally {
      TestDatabases.dropPostgres(url);
    }
  }

  @Test
  void a_sqlite_backup_restores_into_postgresql_through_the_export() {
    String url = TestDatabases.createPostgres();
    try {
      List<ItemStore.StoredRevision> original;
      try (Masthead site = Masthead.open(sqlite(dir.resolve("site")))) {
        fill(site, 12);
        original = everyRevision(site);
      }
      Backups.backup(sqlite(dir.resolve("site")), dir.resolve("backup"));

      Backups.restore(postgres(dir.resolve("pg"), url), dir.resolve("backup"));

      try (Masthead restored = Masthead.open(postgres(dir.resolve("pg"), url))) {
        assertThat(everyRevision(restored)).containsExactlyElementsOf(original);
      }
    } finally {
      TestDatabases.dropPostgres(url);
    }
  }

  @Test
  void nothing_stored_is_ever_overwritten_and_a_damaged_backup_is_refused() throws Exception {
    try (Masthead site = Masthead.open(sqlite(dir.resolve("site")))) {
      fill(site, 3);
    }
    Backups.backup(sqlite(dir.resolve("site")), dir.resolve("backup"));

    assertThatThrownBy(() -> Backups.backup(sqlite(dir.resolve("site")), dir.resolve("backup")))
        .isInstanceOf(Backups.BackupRefused.class)
        .hasMessageContaining("is not empty");
    assertThatThrownBy(() -> Backups.restore(sqlite(dir.resolve("site")), dir.resolve("backup")))
        .isInstanceOf(Backups.BackupRefused.class)
        .hasMessageContaining("already holds 5 items: nothing was changed");

    Path damaged = dir.resolve("damaged");
    Files.createDirectories(damaged);
    Files.copy(dir.resolve("backup/manifest.json"), damaged.resolve("manifest.json"));
    byte[] bytes = Files.readAllBytes(dir.resolve("backup/masthead.db"));
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(damaged.resolve("masthead.db"), bytes);
    assertThatThrownBy(() -> Backups.restore(sqlite(dir.resolve("empty")), damaged))
        .isInstanceOf(Backups.BackupRefused.class)
        .hasMessageContaining("is damaged");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Backups.export(sqlite(dir.resolve("site")), out);
    List<String> lines = new ArrayList<>(List.of(out.toString(StandardCharsets.UTF_8).split("\n")));
    Collections.swap(lines, 0, 1); // urn:backup:0's second revision before its first
    Path shuffled = Files.write(dir.resolve("shuffled.jsonl"), lines);
    assertThatThrownBy(() -> Backups.restore(sqlite(dir.resolve("other")), shuffled))
        .isInstanceOf(NinjsRestore.Unrestorable.class)
        .hasMessageContaining("shuffled.jsonl:1")
        .hasMessageContaining("has version \"2\" where revision 1 belongs");
  }
}
