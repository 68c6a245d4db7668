package news.masthead.search;

import org.apache.lucene.codecs.compressing.CompressionMode;

/**
 * Lucene's default codec, with stored fields kept plain in small chunks. A page of results reads
 * the stored text of ten documents for its snippets; the default format compresses 80 KB chunks
 * with a shared dictionary, so each read decompresses the dictionary and a sub-block several times
 * the document's size. Here a chunk holds about {@value SmallChunksCodec#CHUNK_BYTES} bytes (one or
 * two items), not compressed ({@link PlainBlocks}), and a read copies only the document it wants.
 * The stored fields take about twice the disk. Registered for Lucene's SPI (META-INF/services), as
 * every codec must be to read its segments back; segments written with the default codec, {@link
 * Masthead1} or {@link Masthead2} stay readable, and merges rewrite them with this one.
 */
public final class MastheadCodec extends SmallChunksCodec {
  /**
   * The codec's name, written into every segment it makes. Whenever the delegate codec or the
   * stored-fields settings change, give this codec a new name (Masthead4) and keep the old settings
   * registered under the old name, as {@link Masthead1} and {@link Masthead2} are, so that indexes
   * written with them stay readable. An index a version cannot read (after a rollback to a version
   * without this codec) is discarded and rebuilt from the database ({@link SearchIndex#open}).
   */
  public static final String NAME = "Masthead3";

  /** For Lucene's SPI, which makes codecs by name. */
  public MastheadCodec() {
    super(NAME, "MastheadStoredFieldsPlain", PlainBlocks.MODE);
  }

  /**
   * The second version: the same chunks compressed with LZ4, decompressed on the heap ({@link
   * HeapLz4}). Kept registered so that indexes written with it stay readable; nothing new is
   * written with it.
   */
  public static final class Masthead2 extends SmallChunksCodec {
    /** For Lucene's SPI, which makes codecs by name. */
    public Masthead2() {
      super("Masthead2", "MastheadStoredFieldsHeapLz4", HeapLz4.MODE);
    }
  }

  /**
   * The first version: the same chunks decompressed by Lucene's own LZ4 mode. Kept registered so
   * that indexes written with it stay readable; nothing new is written with it.
   */
  public static final class Masthead1 extends SmallChunksCodec {
    /** For Lucene's SPI, which makes codecs by name. */
    public Masthead1() {
      super("Masthead1", "MastheadStoredFieldsSmallChunks", CompressionMode.FAST);
    }
  }
}
