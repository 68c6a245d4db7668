package news.masthead.search;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * The search index's codec: Lucene's default, with stored fields in chunks of about {@value
 * #CHUNK_BYTES} bytes (one or two items) kept plain ({@link PlainBlocks}), so that reading the
 * stored text of a page of results copies only those documents' bytes instead of decompressing
 * whole chunks around them. The reason, measured, is in {@code bench/RESULTS.md} ("Stored fields").
 *
 * <p>Registered for Lucene's SPI ({@code META-INF/services}), as a codec must be for its segments
 * to be read back. It is the only codec this version reads besides Lucene's own: an index written
 * by any other (an earlier version's, under another name) is discarded and rebuilt from the
 * database ({@link SearchIndex#open}). Immutable.
 */
public final class MastheadCodec extends FilterCodec {
  /**
   * The codec's name, written into every segment it makes. Give it a new name (Masthead4) whenever
   * the delegate codec or the stored-fields settings change, so that indexes written with the old
   * settings are known as foreign and rebuilt rather than misread; never keep the old settings
   * registered.
   */
  public static final String NAME = "Masthead3";

  static final int CHUNK_BYTES = 4 * 1024;

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
}
