package io.github.srhls.core.testbench;

import io.github.srhls.core.diag.SrHlsException;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The exact, fast form of the testbench's data files, beside the decimal {@code .dat} ones ({@link TestbenchData}):
 * the same doubles as IEEE-754 binary64, so that the host simulation neither parses nor prints decimal text for
 * them. A file is a 16-byte header, the ASCII bytes {@code SRHLSF64}, the number of values per vector as a
 * little-endian 32-bit integer and four zero bytes, then each vector's values, little-endian. The number of vectors
 * follows from the size, so a file can be written as vectors come. The testbench's C++ side is
 * {@code srhls_csim_io.h} among the fixed-point headers.
 *
 * <p>Raw fixed-point codes would be smaller, but the test vectors are doubles before the testbench converts them
 * into the input type (that conversion is part of what the simulation checks), and the expected outputs are compared
 * as the doubles the decimal files hold: doubles carry exactly what the decimal files carry.
 */
public final class BinaryVectors {
  static final byte[] MAGIC = "SRHLSF64".getBytes(StandardCharsets.US_ASCII);
  static final int HEADER = 16;

  private BinaryVectors() {}

  /** The file's bytes for {@code rows}, each of {@code width} values. */
  public static byte[] encode(double[][] rows, int width) {
    ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(HEADER + 8L * width * rows.length))
        .order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).putInt(width).putInt(0);
    for (double[] row : rows) {
      if (row.length != width) {
        throw new IllegalArgumentException("a vector of " + row.length + " values in a file of " + width);
      }
      for (double v : row) {
        b.putDouble(v);
      }
    }
    return b.array();
  }

  /** Writes a file vector by vector, for files too large to hold in memory. */
  public static final class Writer implements Closeable {
    private final OutputStream out;
    private final int width;
    private final ByteBuffer row;

    /** Creates (or replaces) {@code file} and writes its header. */
    public Writer(Path file, int width) throws IOException {
      this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      this.width = width;
      this.row = ByteBuffer.allocate(Math.max(HEADER, 8 * width)).order(ByteOrder.LITTLE_ENDIAN);
      row.put(MAGIC).putInt(width).putInt(0);
      out.write(row.array(), 0, HEADER);
    }

    public void write(double[] values) throws IOException {
      if (values.length != width) {
        throw new IllegalArgumentException("a vector of " + values.length + " values in a file of " + width);
      }
      row.clear();
      for (double v : values) {
        row.putDouble(v);
      }
      out.write(row.array(), 0, 8 * width);
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /**
   * Reads a file vector by vector, holding one buffer however many vectors it has; also by index
   * ({@link #vector(long)}).
   */
  public static final class Reader implements Closeable {
    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final FileChannel channel;
    private final int width;
    private final long vectors;
    private final ByteBuffer buffer;
    private long next;
    private long position = HEADER;

    private Reader(Path file, FileChannel channel, int width, long vectors) {
      this.file = file;
      this.channel = channel;
      this.width = width;
      this.vectors = vectors;
      this.buffer = ByteBuffer.allocate(Math.max(BUFFER, 8 * width)).order(ByteOrder.LITTLE_ENDIAN);
      buffer.flip();
    }

    /**
     * Opens {@code file}, whose vectors must have {@code width} values each.
     *
     * @param valueName "input" or "output", for messages
     * @throws SrHlsException naming the file when it is missing, is no such file, has another width or ends inside
     *     a vector
     */
    public static Reader open(Path file, int width, String valueName) {
      FileChannel channel = null;
      try {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        while (header.hasRemaining() && channel.read(header) >= 0) {
          // reads the whole header unless the file is shorter
        }
        header.flip();
        byte[] magic = new byte[MAGIC.length];
        if (header.remaining() == HEADER) {
          header.get(magic);
        }
        if (!Arrays.equals(magic, MAGIC)) {
          throw new SrHlsException(file + ": not an sr-hls binary vector file (it does not start with "
              + "SRHLSF64); run sr-hls:generate again");
        }
        int declared = header.getInt(MAGIC.length);
        if (declared != width) {
          throw new SrHlsException(file + ": has " + declared + " values per vector but the model has " + width
              + " " + valueName + "s; run sr-hls:generate again");
        }
        long data = channel.size() - HEADER;
        long row = 8L * width;
        if (data % row != 0) {
          throw new SrHlsException(file + ": ends inside vector " + data / row + " (" + data % row + " of its " + row
              + " bytes); run sr-hls:generate again");
        }
        Reader reader = new Reader(file, channel, width, data / row);
        channel = null;
        return reader;
      } catch (NoSuchFileException e) {
        throw new SrHlsException(file + ": no such file; run sr-hls:generate again", e);
      } catch (IOException e) {
        throw new SrHlsException("cannot read " + file + ": " + e.getMessage(), e);
      } finally {
        if (channel != null) {
          try {
            channel.close();
          } catch (IOException ignored) {
            // the error above is the one to report
          }
        }
      }
    }

    public Path file() {
      return file;
    }

    /** How many vectors the file holds. */
    public long vectors() {
      return vectors;
    }

    /** Reads the next vector into {@code values}; false at the end. */
    public boolean next(double[] values) {
      if (next >= vectors) {
        return false;
      }
      try {
        if (buffer.remaining() < 8 * width) {
          buffer.compact();
          int read;
          while (buffer.hasRemaining() && (read = channel.read(buffer, position)) > 0) {
            position += read;
          }
          buffer.flip();
          if (buffer.remaining() < 8 * width) {
            throw new SrHlsException(file + ": shorter than its size said; was it changed while being read?");
          }
        }
        for (int i = 0; i < width; i++) {
          values[i] = buffer.getDouble();
        }
        next++;
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }

    /** Vector {@code index}, read directly; the sequential position is not moved. */
    public double[] vector(long index) {
      if (index < 0 || index >= vectors) {
        throw new IndexOutOfBoundsException("vector " + index + " of " + vectors + " in " + file);
      }
      ByteBuffer one = ByteBuffer.allocate(8 * width).order(ByteOrder.LITTLE_ENDIAN);
      try {
        while (one.hasRemaining()) {
          if (channel.read(one, HEADER + index * 8L * width + one.position()) < 0) {
            throw new SrHlsException(file + ": shorter than its size said; was it changed while being read?");
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
      one.flip();
      double[] values = new double[width];
      for (int i = 0; i < width; i++) {
        values[i] = one.getDouble();
      }
      return values;
    }

    @Override
    public void close() {
      try {
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close " + file, e);
      }
    }
  }
}
