package news.masthead.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Search index directories this version cannot read, as an earlier version or a crash leaves them.
 */
public final class ForeignIndexes {
  private ForeignIndexes() {}

  /**
   * Writes a one-document index in {@code dir} with a codec named {@code codecName} that this
   * version does not register, as an earlier version wrote with a codec since retired.
   */
  public static void writeWithCodecNamed(Path dir, String codecName) throws IOException {
    Codec retired = new FilterCodec(codecName, new Lucene104Codec()) {};
    try (var files = FSDirectory.open(dir);
        var writer = new IndexWriter(files, new IndexWriterConfig().setCodec(retired))) {
      Document doc = new Document();
      doc.add(new StringField("id", "1", Field.Store.YES));
      writer.addDocument(doc);
      writer.commit();
    }
  }

  /** Overwrites every commit point of the index in {@code dir} with bytes that are not an index. */
  public static void damage(Path dir) throws IOException {
    List<Path> commits;
    try (var files = Files.list(dir)) {
      commits = files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList();
    }
    if (commits.isEmpty()) {
      throw new IllegalStateException("no commit in " + dir + " to damage");
    }
    for (Path commit : commits) {
      Files.writeString(commit, "not an index");
    }
  }
}
