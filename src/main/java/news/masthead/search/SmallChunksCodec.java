package news.masthead.search;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's default codec with its stored fields in chunks of about {@value #CHUNK_BYTES} bytes (one
 * or two items), each kept in {@code mode}: what every version of {@link MastheadCodec} is, under
 * its own name. Immutable.
 */
abstract class SmallChunksCodec extends FilterCodec {
  static final int CHUNK_BYTES = 4 * 1024;

  private final StoredFieldsFormat storedFields;

  /**
   * @param name the codec's name, written into every segment
   * @param format the stored-fields format's name, written into every stored-fields file
   */
  SmallChunksCodec(String name, String format, CompressionMode mode) {
    super(name, new Lucene104Codec());
    storedFields = new Lucene90CompressingStoredFieldsFormat(format, mode, CHUNK_BYTES, 128, 10);
  }

  @Override
  public final StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }
}
