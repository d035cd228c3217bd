package io.github.srhls.core.simulation.host;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.testbench.BinaryVectors;
import io.github.srhls.core.testbench.TestbenchData;
import java.nio.file.Path;

/**
 * One data file's vectors, read in order one at a time, so that comparing does not hold them all: from an exact
 * binary file, or from a decimal one read into memory (projects without the binary files). Messages name the
 * decimal file either way, so a report says the same whichever form was read.
 */
interface VectorRows extends AutoCloseable {

  /** The decimal file these vectors are, named in messages. */
  Path file();

  /** How many vectors there are. */
  int size();

  /** Reads the next vector into {@code values}; false after the last. */
  boolean next(double[] values);

  @Override
  void close();

  static VectorRows of(TestbenchData data) {
    return new VectorRows() {
      private int next;

      @Override
      public Path file() {
        return data.file();
      }

      @Override
      public int size() {
        return data.size();
      }

      @Override
      public boolean next(double[] values) {
        if (next >= data.size()) {
          return false;
        }
        double[] row = data.vectors().get(next++);
        System.arraycopy(row, 0, values, 0, values.length);
        return true;
      }

      @Override
      public void close() {}
    };
  }

  /**
   * @param shownAs the decimal file the binary one copies
   * @throws SrHlsException when the file has more vectors than a report counts
   */
  static VectorRows of(BinaryVectors.Reader reader, Path shownAs) {
    if (reader.vectors() > Integer.MAX_VALUE) {
      reader.close();
      throw new SrHlsException(reader.file() + " has " + reader.vectors() + " vectors; at most "
          + Integer.MAX_VALUE + " are supported");
    }
    return new VectorRows() {
      @Override
      public Path file() {
        return shownAs;
      }

      @Override
      public int size() {
        return (int) reader.vectors();
      }

      @Override
      public boolean next(double[] values) {
        return reader.next(values);
      }

      @Override
      public void close() {
        reader.close();
      }
    };
  }
}
