package news.masthead.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.masthead.content.AuditEntry;
import news.masthead.content.Block;
import news.masthead.content.Body;
import news.masthead.content.Copy;
import news.masthead.content.Figure;
import news.masthead.content.Inline;
import news.masthead.content.Item;
import news.masthead.content.Language;
import news.masthead.content.Picture;
import news.masthead.ingest.ImportProgress;
import news.masthead.ingest.ImportReport;
import news.masthead.testing.Copies;
import news.masthead.testing.Photos;
import news.masthead.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pictures travel with everything else: an export carries the media library and restores it, with
 * every item's lead and body pictures, into PostgreSQL; an import reads the pictures an archive
 * keeps beside its file, and names any it cannot read.
 */
class PicturesInBackupsTest {
  @TempDir Path dir;

  private static Settings sqlite(Path data) {
    return Settings.standalone(Map.of("data", data.toString(), "metrics", "off"));
  }

  private static Settings postgres(Path data, String url) {
    return Settings.standalone(
        Map.of("data", data.toString(), "db.url", url, "mode", "development", "metrics", "off"));
  }

  private Picture add(Masthead site, String caption, int width, int height) throws Exception {
    return site.media()
        .add(
            Photos.phonePhoto(dir, width, height),
            new Picture.Words(caption, "Staff photographer", "Boats at a quay.", "Ours"),
            Language.ENGLISH,
            "test",
            AuditEntry.of(0, "test", "media.upload", "", "", ""));
  }

  @Test
  void an_export_restores_the_library_and_every_items_pictures_into_postgresql() throws Exception {
    String url = TestDatabases.createPostgres();
    try {
      Picture lead;
      Picture inBody;
      Picture unused;
      try (Masthead site = Masthead.open(sqlite(dir.resolve("site")))) {
        lead = add(site, "The harbour at dawn.", 1200, 800);
        lead =
            site.media()
                .describe(
                    lead.id(),
                    new Picture.Words("The harbour at dawn.", "Staff", "Boats.", "Ours"),
                    0.25,
                    0.75,
                    AuditEntry.of(0, "test", "media.describe", "", "", ""));
        inBody = add(site, "Nets drying.", 800, 600);
        unused = add(site, "Never used.", 640, 480);
        Copy story = Copies.story("Storm keeps boats in port", "Iran");
        Body body =
            new Body(
                List.of(
                    new Block.Paragraph(List.of(Inline.Text.plain("Boats stayed in port."))),
                    new Block.LibraryPicture(new Figure(inBody.id(), "Green nets.", "Nets."))));
        site.publishing()
            .save(
                Copies.published(
                    "urn:pictures:1",
                    new Copy(
                            story.profile(),
                            story.language(),
                            story.headline(),
                            story.standfirst(),
                            body,
                            story.byline(),
                            story.dateline(),
                            story.section(),
                            story.subjects(),
                            story.sources(),
                            story.genres(),
                            story.corrections(),
                            story.translations())
                        .withLead(Optional.of(new Figure(lead.id(), "Boats tied up.", "At dawn."))),
                    "2026-11-01T08:00:00Z"));
      }
      Path export = dir.resolve("site.ninjs.jsonl");
      try (var out = Files.newOutputStream(export)) {
        Backups.export(sqlite(dir.resolve("site")), out);
      }

      Backups.restore(postgres(dir.resolve("pg"), url), export);

      try (Masthead restored = Masthead.open(postgres(dir.resolve("pg"), url))) {
        List<String> keys = new ArrayList<>();
        restored.media().list("", 10).forEach(p -> keys.add(p.publicKey()));
        assertThat(keys)
            .containsExactlyInAnyOrder(lead.publicKey(), inBody.publicKey(), unused.publicKey());
        Picture back = restored.media().findByKey(lead.publicKey()).orElseThrow();
        assertThat(back.focalX()).isEqualTo(0.25);
        assertThat(back.focalY()).isEqualTo(0.75);
        assertThat(back.caption()).isEqualTo("The harbour at dawn.");
        assertThat(back.credit()).isEqualTo("Staff");
        assertThat(back.width()).isEqualTo(lead.width());
        Item item = restored.items().findByUri("urn:pictures:1").orElseThrow();
        assertThat(item.copy().lead())
            .hasValue(new Figure(back.id(), "Boats tied up.", "At dawn."));
        assertThat(item.copy().body().figures())
            .containsExactly(
                new Figure(
                    restored.media().findByKey(inBody.publicKey()).orElseThrow().id(),
                    "Green nets.",
                    "Nets."));
      }
    } finally {
      TestDatabases.dropPostgres(url);
    }
  }

  private static String item(int n, String href) {
    return """
        {"uri":"urn:archive:%d","headlines":[{"value":"Harbour story %d"}],\
        "bodies":[{"contentType":"text/plain","value":"Boats stayed in port on day %d."}],\
        "subjects":[{"name":"Iran","rel":"section"}],\
        "associations":[{"name":"featureimage","type":"picture","uri":"urn:archive:picture:%s",\
        "headlines":[{"value":"The quay."}],"descriptions":[{"role":"alt","value":"Boats at a quay."}],\
        "renditions":[{"name":"original","href":"%s"}]}]}"""
        .formatted(n, n, n, href, href);
  }

  @Test
  void an_import_reads_the_pictures_beside_its_file_and_names_those_it_cannot() throws Exception {
    Path archive = Files.createDirectories(dir.resolve("archive"));
    Files.createDirectories(archive.resolve("pictures"));
    Files.write(archive.resolve("pictures/quay.jpg"), Photos.phonePhoto(dir, 900, 600));
    Files.writeString(archive.resolve("pictures/notes.jpg"), "not a picture at all");
    Files.write(dir.resolve("outside.jpg"), Photos.phonePhoto(dir, 300, 200));
    Path file =
        Files.writeString(
            archive.resolve("archive.ninjs.jsonl"),
            String.join(
                    "\n",
                    item(1, "pictures/quay.jpg"),
                    item(2, "pictures/missing.jpg"),
                    item(3, "pictures/notes.jpg"),
                    item(4, "../outside.jpg"),
                    item(5, "pictures/quay.jpg"))
                + "\n");

    try (Masthead site = Masthead.open(sqlite(dir.resolve("site")))) {
      ImportReport report = site.importer().importFiles(List.of(file), ImportProgress.SILENT);
      ImportReport again = site.importer().importFiles(List.of(file), ImportProgress.SILENT);

      assertThat(report.imported()).isEqualTo(2);
      assertThat(report.problems())
          .extracting(p -> p.line() + " " + p.reason())
          .containsExactly(
              "2 the picture pictures/missing.jpg is not there: no file "
                  + archive.toRealPath().resolve("pictures/missing.jpg")
                  + " beside the import",
              "3 picture pictures/notes.jpg was refused: the file is not a picture Masthead"
                  + " takes: a JPEG, PNG or WebP",
              "4 the picture ../outside.jpg is outside the folder of the file being imported");
      assertThat(again.problems()).hasSize(3);
      assertThat(site.media().list("", 10)).as("one picture, however often it is named").hasSize(1);
      Picture quay = site.media().list("", 10).getFirst();
      assertThat(quay.alt()).isEqualTo("Boats at a quay.");
      assertThat(site.items().findByUri("urn:archive:1").orElseThrow().copy().lead())
          .hasValue(new Figure(quay.id(), "Boats at a quay.", "The quay."));
      assertThat(site.items().findByUri("urn:archive:5").orElseThrow().copy().lead())
          .hasValue(new Figure(quay.id(), "Boats at a quay.", "The quay."));
    }
  }
}
