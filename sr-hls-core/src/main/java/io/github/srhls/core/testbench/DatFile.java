package io.github.srhls.core.testbench;

/**
 * hls4ml's .dat format: one vector a line, values separated by single spaces. Values are written with Java's
 * {@link Double#toString}, which C's strtod reads back to the same double.
 */
public final class DatFile {
  private DatFile() {}

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
}
