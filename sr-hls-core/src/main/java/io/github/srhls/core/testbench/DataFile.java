package io.github.srhls.core.testbench;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.model.VectorFile;
import io.github.srhls.core.model.VectorFile.DatColumns;
import java.nio.file.Path;
import java.util.List;

/**
 * A testbench data file ({@code tb_data/*.dat}) as read: the {@code .dat} layout of users' vector files, read by
 * {@link VectorFile#readDat}, with values as {@code Double.toString} or C's {@code %.17g} write them, NaN and
 * infinities included.
 *
 * @param file where it was read from
 * @param vectors the values, one array per vector
 */
public record DataFile(Path file, List<double[]> vectors) {

  public DataFile {
    vectors = List.copyOf(vectors);
  }

  /**
   * Reads a file whose every vector has {@code width} values, each one model {@code input} or {@code output} (the
   * word messages use).
   *
   * @throws SrHlsException naming the file, line and column of the first bad value or vector of the wrong width
   */
  public static DataFile read(Path file, int width, String valueName) {
    return new DataFile(file, VectorFile.readDat(file, new DatColumns(width, valueName, true)));
  }

  public int size() {
    return vectors.size();
  }
}
