package io.github.srhls.core.simulation.host;

import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the testbench found when it compared its outputs itself (compiled with {@code SRHLS_BINARY_IO}; see
 * {@code srhls_csim_io.h}): the same tally {@link OutputComparison} makes over the decimal files, with every double
 * as its bits, so nothing is rounded between the two.
 *
 * @param vectors vectors the testbench simulated
 * @param compared vectors compared (fewer when the float64 reference ends first)
 * @param mismatches per output, values not bit-identical to the expectation
 * @param maxError per output, the largest absolute error against the float64 reference
 * @param sumError per output, the sum of the absolute errors, in vector order
 * @param agree vectors whose largest output is the reference's largest
 * @param first the first mismatches of each output, in file order
 */
record CsimSummary(int vectors, int compared, int[] mismatches, double[] maxError, double[] sumError, int agree,
    List<Shown> first) {

  /** File name in the model's work directory. */
  static final String FILE = "csim_comparison.txt";

  /** A shown mismatch: vector, output index, expected and simulated value. */
  record Shown(int vector, int output, double expected, double actual) {}

  /**
   * @throws SrHlsException naming the file and line when it is not what the testbench writes
   */
  static CsimSummary read(Path file, int width) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new SrHlsException("cannot read " + file + ": " + e.getMessage(), e);
    }
    int vectors = -1;
    int compared = -1;
    int agree = -1;
    int[] mismatches = new int[width];
    double[] max = new double[width];
    double[] sum = new double[width];
    boolean[] seen = new boolean[width];
    List<Shown> first = new ArrayList<>();
    boolean end = false;
    for (int i = 0; i < lines.size(); i++) {
      String[] f = lines.get(i).split(" ");
      try {
        switch (f[0]) {
          case "mismatch" -> first.add(new Shown(Integer.parseInt(f[1]), index(f[2], width),
              bits(f[3]), bits(f[4])));
          case "vectors" -> {
            vectors = Integer.parseInt(f[1]);
            compared = Integer.parseInt(f[2]);
          }
          case "output" -> {
            int k = index(f[1], width);
            mismatches[k] = Integer.parseInt(f[2]);
            max[k] = bits(f[3]);
            sum[k] = bits(f[4]);
            seen[k] = true;
          }
          case "agree" -> agree = Integer.parseInt(f[1]);
          case "end" -> end = true;
          default -> throw new NumberFormatException("unknown line");
        }
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
        throw new SrHlsException(file + ":" + (i + 1) + ": '" + lines.get(i) + "' is not what the sr-hls testbench "
            + "writes; compile it again (run sr-hls:test)", e);
      }
    }
    for (boolean s : seen) {
      end &= s;
    }
    if (!end || vectors < 0 || agree < 0) {
      throw new SrHlsException(file + ": incomplete (the testbench stopped before it finished writing it)");
    }
    return new CsimSummary(vectors, compared, mismatches, max, sum, agree, first);
  }

  private static int index(String text, int width) {
    int k = Integer.parseInt(text);
    if (k < 0 || k >= width) {
      throw new NumberFormatException("output " + k);
    }
    return k;
  }

  private static double bits(String hex) {
    if (hex.length() != 16) {
      throw new NumberFormatException(hex);
    }
    return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
  }
}
