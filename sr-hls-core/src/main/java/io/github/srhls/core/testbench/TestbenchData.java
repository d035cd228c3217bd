package io.github.srhls.core.testbench;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.model.VectorFile;
import io.github.srhls.core.model.VectorFile.DatColumns;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The testbench's data files, one format under one name: where they are, how they are written, and one file as
 * read back.
 *
 * <p>The format is hls4ml's {@code .dat}: one vector a line, values separated by single spaces. Java writes values
 * with {@link Double#toString}, which C's {@code strtod} reads back to the same double; the testbench writes its
 * results with {@code %.17g}, NaN and infinities included. Reading uses the {@code .dat} layout of users' vector
 * files ({@link VectorFile#readDat}), so both kinds of file get the same messages.
 *
 * @param file where it was read from
 * @param vectors the values, one array per vector
 */
public record TestbenchData(Path file, List<double[]> vectors) {

  /** The directory of the data files in a generated project, which the vendor scripts hand to the tools. */
  public static final String DIRECTORY = "tb_data";
  /** The test vectors' inputs in a generated project. */
  public static final String INPUTS = DIRECTORY + "/tb_input_features.dat";
  /** The bit-accurate expected outputs in a generated project, which the testbench compares with. */
  public static final String EXPECTED = DIRECTORY + "/tb_output_predictions.dat";
  /** The float64 reference outputs in a generated project. */
  public static final String FLOAT64 = DIRECTORY + "/tb_output_float64.dat";
  /** The outputs the testbench computed, in the directory it runs in unless it is given another file. */
  public static final String RESULTS = "csim_results.dat";
  /** {@link #INPUTS}' values in the exact binary form ({@link BinaryVectors}) that sr-hls's host simulation reads. */
  public static final String INPUTS_BINARY = DIRECTORY + "/tb_input_features.bin";
  /** {@link #EXPECTED}'s values in the exact binary form. */
  public static final String EXPECTED_BINARY = DIRECTORY + "/tb_output_predictions.bin";
  /** {@link #FLOAT64}'s values in the exact binary form. */
  public static final String FLOAT64_BINARY = DIRECTORY + "/tb_output_float64.bin";


  public TestbenchData {
    vectors = List.copyOf(vectors);
  }

  /** The {@code .dat} text of {@code rows}, one line each. */
  public static String format(double[][] rows) {
    StringBuilder b = new StringBuilder(rows.length * 16 * (rows.length == 0 ? 1 : rows[0].length + 1));
    for (double[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          b.append(' ');
        }
        b.append(row[i]);
      }
      b.append('\n');
    }
    return b.toString();
  }

  /**
   * Writes the three data files of a generated project ({@link #INPUTS}, {@link #EXPECTED}, {@link #FLOAT64}) one
   * vector at a time, in the text {@link #format} gives: as many vectors as wanted in little memory.
   *
   * @param project the generated project's directory; {@link #DIRECTORY} is created in it
   */
  public static Writer writer(Path project) throws IOException {
    Files.createDirectories(project.resolve(DIRECTORY));
    return new Writer(open(project.resolve(INPUTS)), open(project.resolve(EXPECTED)),
        open(project.resolve(FLOAT64)));
  }

  private static java.io.Writer open(Path file) throws IOException {
    return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  /** Appends vectors to the data files; {@link #close} completes them. I/O errors are unchecked. */
  public static final class Writer implements ExpectedOutputs.Sink, Closeable {
    private final java.io.Writer inputs;
    private final java.io.Writer expected;
    private final java.io.Writer float64;
    private final StringBuilder line = new StringBuilder(256);

    private Writer(java.io.Writer inputs, java.io.Writer expected, java.io.Writer float64) {
      this.inputs = inputs;
      this.expected = expected;
      this.float64 = float64;
    }

    @Override
    public void accept(double[] in, double[] bitAccurate, double[] reference) {
      try {
        write(inputs, in);
        write(expected, bitAccurate);
        write(float64, reference);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** One line as {@link #format} writes it. */
    private void write(java.io.Writer to, double[] row) throws IOException {
      line.setLength(0);
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          line.append(' ');
        }
        line.append(row[i]);
      }
      line.append('\n');
      to.append(line);
    }

    @Override
    public void close() throws IOException {
      try (inputs; expected; float64) {
        // closes all three, the first failure thrown
      }
    }
  }

  /**
   * Reads a file whose every vector has {@code width} values, each one model {@code input} or {@code output} (the
   * word messages use).
   *
   * @throws SrHlsException naming the file, line and column of the first bad value or vector of the wrong width
   */
  public static TestbenchData read(Path file, int width, String valueName) {
    return new TestbenchData(file, VectorFile.readDat(file, new DatColumns(width, valueName, true)));
  }

  public int size() {
    return vectors.size();
  }
}
