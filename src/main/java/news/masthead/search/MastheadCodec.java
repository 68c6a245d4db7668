package news.masthead.search;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's default codec, with stored fields kept plain in small chunks. A page of results reads
 * the stored text of ten documents for its snippets; the default format compresses 80 KB chunks
 * with a shared dictionary, so each read decompresses the dictionary and a sub-block several times
 * the document's size. Here a chunk holds about {@value #CHUNK_BYTES} bytes (one or two items), not
 * compressed ({@link PlainBlocks}), and a read copies only the document it wants. The stored fields
 * take about twice the disk. Registered for Lucene's SPI (META-INF/services), as every codec must
 * be to read its segments back; segments written with the default codec, {@link Masthead1} or
 * {@link Masthead2} stay readable, and merges rewrite them with this one.
 */
public final class MastheadCodec extends FilterCodec {
  /**
   * The codec's name, written into every segment it makes. Whenever the delegate codec or the
   * stored-fields settings change, give this codec a new name (Masthead4) and keep the old settings
   * registered under the old name, as {@link Masthead1} and {@link Masthead2} are, so that indexes
   * written with them stay readable. An index a version cannot read (after a rollback to a version
   * without this codec) is discarded and rebuilt from the database ({@link SearchIndex#open}).
   */
  public static final String NAME = "Masthead3";

  private static final int CHUNK_BYTES = 4 * 1024;

  private final StoredFieldsFormat storedFields =
      new Lucene90CompressingStoredFieldsFormat(
          "MastheadStoredFieldsPlain", PlainBlocks.MODE, CHUNK_BYTES, 128, 10);

  /** For Lucene's SPI, which makes codecs by name. */
  public MastheadCodec() {
    super(NAME, new Lucene104Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }

  /**
   * The second version: the same chunks compressed with LZ4, decompressed on the heap ({@link
   * HeapLz4}). Kept registered so that indexes written with it stay readable; nothing new is
   * written with it.
   */
  public static final class Masthead2 extends FilterCodec {
    private final StoredFieldsFormat storedFields =
        new Lucene90CompressingStoredFieldsFormat(
            "MastheadStoredFieldsHeapLz4", HeapLz4.MODE, CHUNK_BYTES, 128, 10);

    /** For Lucene's SPI, which makes codecs by name. */
    public Masthead2() {
      super("Masthead2", new Lucene104Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
      return storedFields;
    }
  }

  /**
   * The first version: the same chunks decompressed by Lucene's own LZ4 mode. Kept registered so
   * that indexes written with it stay readable; nothing new is written with it.
   */
  public static final class Masthead1 extends FilterCodec {
    private final StoredFieldsFormat storedFields =
        new Lucene90CompressingStoredFieldsFormat(
            "MastheadStoredFieldsSmallChunks", CompressionMode.FAST, CHUNK_BYTES, 128, 10);

    /** For Lucene's SPI, which makes codecs by name. */
    public Masthead1() {
      super("Masthead1", new Lucene104Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
      return storedFields;
    }
  }
}
