package news.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search index's codec: stored fields come back byte for byte, and Lucene finds it by name. An
 * index in any other format is rebuilt, not read ({@code SearchIndexTest}, {@code
 * SearchIndexingTest}).
 */
class MastheadCodecTest {
  private static final String WORDS = "the oil ministry said نفت وزارت گفت، «خبر» 1405 … ";

  /** Texts of every size: empty, a few words, several chunks long, and one of 100,000 chars. */
  private static List<String> texts(int count, long seed) {
    Random random = new Random(seed);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int length = i == 7 ? 100_000 : random.nextInt(i % 10 == 0 ? 20_000 : 3_000);
      StringBuilder text = new StringBuilder(length);
      while (text.length() < length) {
        text.append(WORDS.charAt(random.nextInt(WORDS.length())));
      }
      texts.add(text.toString());
    }
    return texts;
  }

  private static void write(Directory dir, Codec codec, List<String> texts, int firstId)
      throws IOException {
    try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setCodec(codec))) {
      for (int i = 0; i < texts.size(); i++) {
        Document doc = new Document();
        doc.add(new StringField("id", Integer.toString(firstId + i), Field.Store.YES));
        doc.add(new StoredField("text", texts.get(i)));
        doc.add(new StoredField("number", firstId + i));
        writer.addDocument(doc);
      }
      writer.commit();
    }
  }

  /** Every stored document by id, read in an order that jumps about the file. */
  private static List<String> readBack(Directory dir, int count) throws IOException {
    String[] found = new String[count];
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      StoredFields stored = reader.storedFields();
      for (int doc = reader.maxDoc() - 1; doc >= 0; doc -= 2) {
        Document d = stored.document(doc);
        found[Integer.parseInt(d.get("id"))] = d.get("text");
        assertThat(d.getField("number").numericValue().intValue())
            .isEqualTo(Integer.parseInt(d.get("id")));
      }
      for (int doc = reader.maxDoc() - 2; doc >= 0; doc -= 2) {
        Document d = stored.document(doc);
        found[Integer.parseInt(d.get("id"))] = d.get("text");
      }
    }
    return List.of(found);
  }

  /** Merges every segment into one, written with the current codec. */
  private static void mergeIntoOne(Directory dir) throws IOException {
    try (IndexWriter writer =
        new IndexWriter(dir, new IndexWriterConfig().setCodec(new MastheadCodec()))) {
      writer.forceMerge(1);
    }
  }

  private static List<String> codecsOfSegments(Directory dir) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      List<String> names = new ArrayList<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        names.add(((SegmentReader) leaf.reader()).getSegmentInfo().info.getCodec().getName());
      }
      return names;
    }
  }

  @Test
  void stored_texts_of_every_size_read_back_exactly_before_and_after_a_merge(@TempDir Path path)
      throws IOException {
    List<String> texts = texts(300, 1);
    try (Directory dir = FSDirectory.open(path)) {
      write(dir, new MastheadCodec(), texts.subList(0, 150), 0);
      write(dir, new MastheadCodec(), texts.subList(150, 300), 150);
      assertThat(readBack(dir, 300)).isEqualTo(texts);

      mergeIntoOne(dir);

      assertThat(codecsOfSegments(dir)).containsExactly(MastheadCodec.NAME);
      assertThat(readBack(dir, 300)).isEqualTo(texts);
    }
  }

  @Test
  void lucene_finds_the_codec_by_its_name_and_knows_no_other_masthead_codec() {
    assertThat(Codec.forName(MastheadCodec.NAME)).isInstanceOf(MastheadCodec.class);
    assertThat(Codec.availableCodecs())
        .filteredOn(name -> name.startsWith("Masthead"))
        .containsExactly(MastheadCodec.NAME);
  }
}
