package io.github.srhls.core.simulation.rtl;

import io.github.srhls.core.diag.SrHlsException;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The files {@link VerilatorDriver}'s program reads and writes: no header, one record per vector, each port's raw
 * bits (masked to its width) as {@link #words} 32-bit words, least significant first, in the byte order of this
 * machine (the program runs on it), ports in order. Binary because parsing and printing hexadecimal text cost more
 * than the simulation itself.
 */
final class RawVectors {

  private static final int BUFFER_BYTES = 1 << 16;

  private final int[] offset;
  private final int[] width;
  private final int wordsPerVector;

  /** The layout of a record of {@code ports}. */
  RawVectors(List<Port> ports) {
    offset = new int[ports.size()];
    width = new int[ports.size()];
    int at = 0;
    for (int i = 0; i < ports.size(); i++) {
      offset[i] = at;
      width[i] = ports.get(i).width();
      at += words(width[i]);
    }
    wordsPerVector = at;
  }

  /** 32-bit words of a port of {@code width} bits. */
  static int words(int width) {
    return (width + 31) / 32;
  }

  /** The words of one vector's record. */
  int wordsPerVector() {
    return wordsPerVector;
  }

  /** A record's array, to fill with {@link #put} or read with {@link #bits}. */
  int[] record() {
    return new int[wordsPerVector];
  }

  int ports() {
    return offset.length;
  }

  /** Whether port {@code k}'s bits fit in a long, so that {@link #bits} and {@link #put(int[], int, long)} apply. */
  boolean narrow(int k) {
    return width[k] <= Long.SIZE;
  }

  /** Sets port {@code k} (at most 64 bits) of a record to the low bits of {@code pattern}. */
  void put(int[] record, int k, long pattern) {
    long p = width[k] == Long.SIZE ? pattern : pattern & (1L << width[k]) - 1;
    record[offset[k]] = (int) p;
    if (width[k] > Integer.SIZE) {
      record[offset[k] + 1] = (int) (p >>> Integer.SIZE);
    }
  }

  /** Sets port {@code k} of a record to the raw bits of a two's-complement or unsigned value. */
  void put(int[] record, int k, BigInteger value) {
    for (int i = 0; i < words(width[k]); i++) {
      int bit = Integer.SIZE * i;
      int n = Math.min(Integer.SIZE, width[k] - bit);
      record[offset[k] + i] = value.shiftRight(bit).intValue() & (int) ((1L << n) - 1);
    }
  }

  /** Port {@code k}'s bits (at most 64), masked to its width. */
  long bits(int[] record, int k) {
    long lo = record[offset[k]] & 0xFFFF_FFFFL;
    long p = width[k] > Integer.SIZE ? lo | (long) record[offset[k] + 1] << Integer.SIZE : lo;
    return width[k] == Long.SIZE ? p : p & (1L << width[k]) - 1;
  }

  /** Port {@code k}'s bits, masked to its width, as a non-negative number. */
  BigInteger big(int[] record, int k) {
    BigInteger v = BigInteger.ZERO;
    for (int i = words(width[k]) - 1; i >= 0; i--) {
      v = v.shiftLeft(Integer.SIZE).or(BigInteger.valueOf(record[offset[k] + i] & 0xFFFF_FFFFL));
    }
    return v.and(BigInteger.ONE.shiftLeft(width[k]).subtract(BigInteger.ONE));
  }

  /** Writes records to a file (replaced), buffered. */
  Writer writer(Path file) throws IOException {
    return new Writer(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE), wordsPerVector);
  }

  /** Reads records from a file, buffered. */
  Reader reader(Path file) throws IOException {
    return new Reader(file, FileChannel.open(file, StandardOpenOption.READ), wordsPerVector);
  }

  static final class Writer implements Closeable {
    private final FileChannel channel;
    private final ByteBuffer bytes;
    private final IntBuffer ints;

    private Writer(FileChannel channel, int words) {
      this.channel = channel;
      this.bytes = ByteBuffer.allocateDirect(Math.max(BUFFER_BYTES, 4 * words)).order(ByteOrder.nativeOrder());
      this.ints = bytes.asIntBuffer();
    }

    void write(int[] record) throws IOException {
      if (ints.remaining() < record.length) {
        flush();
      }
      ints.put(record);
    }

    private void flush() throws IOException {
      bytes.limit(4 * ints.position()).position(0);
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      bytes.clear();
      ints.clear();
    }

    @Override
    public void close() throws IOException {
      try {
        flush();
      } finally {
        channel.close();
      }
    }
  }

  static final class Reader implements Closeable {
    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer bytes;
    private final int recordBytes;

    private Reader(Path file, FileChannel channel, int words) {
      this.file = file;
      this.channel = channel;
      this.recordBytes = 4 * words;
      this.bytes = ByteBuffer.allocateDirect(Math.max(BUFFER_BYTES, recordBytes)).order(ByteOrder.nativeOrder());
      bytes.flip();
    }

    /** Reads the next record; false at the end of the file. */
    boolean next(int[] record) throws IOException {
      if (bytes.remaining() < recordBytes) {
        bytes.compact();
        while (bytes.position() < recordBytes && channel.read(bytes) >= 0) {
          // fills at least one record unless the file ends
        }
        while (bytes.hasRemaining() && channel.read(bytes) > 0) {
          // and as much more as is there
        }
        bytes.flip();
        if (bytes.remaining() < recordBytes) {
          if (bytes.hasRemaining()) {
            throw new SrHlsException(file + " ends inside a vector (" + bytes.remaining() + " of its " + recordBytes
                + " bytes); the RTL simulator was stopped while writing it");
          }
          return false;
        }
      }
      for (int i = 0; i < record.length; i++) {
        record[i] = bytes.getInt();
      }
      return true;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
