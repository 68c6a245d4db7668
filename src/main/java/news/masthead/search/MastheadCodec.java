package news.masthead.search;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's default codec, with stored fields compressed in small chunks. A page of results reads
 * the stored text of ten documents for its snippets; the default format compresses 80 KB chunks
 * with a shared dictionary, so each read decompresses the dictionary and a sub-block several times
 * the document's size. Here a chunk holds about {@value #CHUNK_BYTES} bytes (two or three items),
 * compressed with plain LZ4, and a read stops at the document it wants. The index grows by a few
 * per cent. Registered for Lucene's SPI (META-INF/services), as every codec must be to read its
 * segments back; segments written with the default codec stay readable.
 */
public final class MastheadCodec extends FilterCodec {
  /**
   * The codec's name, written into every segment it makes. Whenever the delegate codec or the
   * stored-fields settings change, make a new codec with a new name (Masthead2) and keep this class
   * registered so that indexes written with it stay readable. An index no version can read is
   * discarded and rebuilt ({@link SearchIndex#open}); after a rollback to a version without this
   * codec, delete {@code data/index} (the old version then rebuilds it).
   */
  public static final String NAME = "Masthead1";

  private static final int CHUNK_BYTES = 8 * 1024;

  private final StoredFieldsFormat storedFields =
      new Lucene90CompressingStoredFieldsFormat(
          "MastheadStoredFieldsSmallChunks", CompressionMode.FAST, CHUNK_BYTES, 128, 10);

  /** For Lucene's SPI, which makes codecs by name. */
  public MastheadCodec() {
    super(NAME, new Lucene104Codec());
  }

  @Override
  public StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }
}
