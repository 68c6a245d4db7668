package news.masthead.search;

import java.io.IOException;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Stored-field blocks written as they are, not compressed: a read skips to the document it wants
 * and copies only its bytes, because the snippets of a page of results read the whole stored text
 * of each result. Costs about twice the disk of LZ4 for the stored fields; the figures are in
 * {@code bench/RESULTS.md} ("Stored fields"). Format of a block: its bytes. Stateless; thread-safe.
 */
final class PlainBlocks extends CompressionMode {
  static final PlainBlocks MODE = new PlainBlocks();

  private PlainBlocks() {}

  @Override
  public Compressor newCompressor() {
    return new Writer();
  }

  @Override
  public Decompressor newDecompressor() {
    return new Reader();
  }

  @Override
  public String toString() {
    return "PlainBlocks";
  }

  private static final class Writer extends Compressor {
    @Override
    public void compress(ByteBuffersDataInput in, DataOutput out) throws IOException {
      out.copyBytes(in, in.length());
    }

    @Override
    public void close() {}
  }

  /**
   * Reads {@code length} bytes at {@code offset} of a block of {@code originalLength}, and leaves
   * the input after the block, where a document split over several blocks goes on.
   */
  private static final class Reader extends Decompressor {
    @Override
    public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes)
        throws IOException {
      bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, length);
      in.skipBytes(offset);
      in.readBytes(bytes.bytes, 0, length);
      in.skipBytes(originalLength - offset - length);
      bytes.offset = 0;
      bytes.length = length;
    }

    @Override
    public Decompressor clone() {
      return this; // keeps nothing between reads
    }
  }
}
