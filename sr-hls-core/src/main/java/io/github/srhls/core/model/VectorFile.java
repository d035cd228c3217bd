package io.github.srhls.core.model;

import io.github.srhls.core.diag.Echo;
import io.github.srhls.core.diag.FileSizeLimit;
import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.expr.NumberLiteral;
import io.github.srhls.core.model.CsvRows.Cell;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Test vectors from a file, one vector a line, in one of two formats chosen by the file name:
 *
 * <ul>
 *   <li>{@code *.csv}: a header row naming the model's inputs, in any order, then one row per vector;
 *   <li>anything else, e.g. hls4ml's {@code tb_input_features.dat}: the values of a vector separated by spaces or
 *       tabs, in input order; blank lines are ignored.
 * </ul>
 *
 * Values are decimal numbers ({@code -1.5}, {@code 2e-3}); NaN and infinities are rejected.
 *
 * <p>The testbench's own data files ({@code tb_data/*.dat}, whose format the testbench package owns) are the same
 * {@code .dat} layout and are parsed here too, with {@link #readDat}: the same messages, and NaN and infinities
 * allowed where a simulation may produce them.
 */
public final class VectorFile {
  /**
   * The largest vector file read: enough for millions of vectors, while the vectors (read whole, as doubles) still
   * fit a build's memory.
   */
  public static final FileSizeLimit SIZE_LIMIT = new FileSizeLimit("a vector file", 256L << 20,
      "use fewer vectors (split the file into several models' testbenches, or use random vectors:"
          + " testbench.vectors)");

  /** The file in messages. */
  private static final String WHAT = "vector file";

  private VectorFile() {}

  /**
   * What the values of a {@code .dat} file are.
   *
   * @param width how many values each vector has
   * @param name what one value is, for messages: {@code input} or {@code output}
   * @param nonFinite whether NaN and infinities may appear, in Java's or C's spelling ({@code NaN}, {@code -inf})
   */
  public record DatColumns(int width, String name, boolean nonFinite) {
    public DatColumns {
      if (width < 1) {
        throw new IllegalArgumentException("a vector has at least one value");
      }
    }
  }

  /**
   * Reads the vectors of {@code file}, naming it {@code shownAs} in messages (e.g. relative to the project).
   *
   * @param inputNames the model's inputs, in order: column {@code i} of the result is input {@code i}
   * @return one row per vector, in file order, each with {@code inputNames.size()} values
   * @throws SrHlsException naming file, line and column of what is wrong
   */
  public static double[][] read(Path file, Path shownAs, List<String> inputNames) {
    if (inputNames.isEmpty()) {
      throw new IllegalArgumentException("a model has at least one input");
    }
    boolean csv = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".csv");
    DatColumns columns = new DatColumns(inputNames.size(), "input", false);
    SIZE_LIMIT.check(file, shownAs);
    List<double[]> vectors = CsvRows.read(file, shownAs, WHAT,
        in -> csv ? readCsv(in, shownAs, inputNames) : readDat(in, shownAs, columns));
    if (vectors.isEmpty()) {
      throw new SrHlsException(shownAs + ": the vector file holds no vectors; write one vector a line");
    }
    return vectors.toArray(new double[0][]);
  }

  /**
   * Reads a file in the {@code .dat} layout whatever its name, naming it as given in messages.
   *
   * @return one array per vector, in file order; none for a file without vectors
   * @throws SrHlsException naming file, line and column of what is wrong
   */
  public static List<double[]> readDat(Path file, DatColumns columns) {
    return CsvRows.read(file, file, WHAT, in -> readDat(in, file, columns));
  }

  private static List<double[]> readDat(BufferedReader in, Path shownAs, DatColumns columns) throws IOException {
    int width = columns.width();
    List<double[]> vectors = new ArrayList<>();
    int lineNumber = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNumber++;
      double[] v = new double[width];
      int count = 0;
      int i = 0;
      while (true) {
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
          i++;
        }
        if (i == line.length()) {
          break;
        }
        int start = i;
        while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
          i++;
        }
        SourcePosition at = new SourcePosition(shownAs, lineNumber, start + 1);
        if (count == width) {
          throw wrongCount(at, countValues(line), columns);
        }
        v[count++] = number(line.substring(start, i), at, columns.nonFinite(),
            "; .dat files separate the values of a vector by spaces (name the file *.csv for comma-separated)");
      }
      if (count > 0 && count < width) {
        throw wrongCount(new SourcePosition(shownAs, lineNumber, line.length() + 1), count, columns);
      }
      if (count > 0) {
        vectors.add(v);
      }
    }
    return vectors;
  }

  private static int countValues(String line) {
    String t = line.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  private static SrHlsException wrongCount(SourcePosition at, int found, DatColumns columns) {
    int width = columns.width();
    return SrHlsException.at(at, "this vector has " + found + " value" + (found == 1 ? "" : "s") + ", but the model"
        + " has " + width + " " + columns.name() + (width == 1 ? "" : "s") + "; write one value per "
        + columns.name() + " on each line");
  }

  private static List<double[]> readCsv(BufferedReader in, Path shownAs, List<String> inputNames)
      throws IOException {
    try (CsvRows rows = CsvRows.of(in, shownAs)) {
      List<Cell> header = rows.next();
      if (header == null) {
        return List.of();
      }
      int[] column = columns(header, inputNames, shownAs);
      List<double[]> vectors = new ArrayList<>();
      for (List<Cell> row = rows.next(); row != null; row = rows.next()) {
        if (row.size() != header.size()) {
          // point at the first value too many, or after the last one there is
          Cell where = row.size() > header.size() ? row.get(header.size()) : row.get(row.size() - 1);
          throw SrHlsException.at(where.at(), "this row has " + row.size() + " values, but the header has "
              + header.size() + " columns; write one value per column");
        }
        double[] v = new double[inputNames.size()];
        for (int c = 0; c < row.size(); c++) {
          v[column[c]] = number(row.get(c).text().strip(), row.get(c).at(), false, "");
        }
        vectors.add(v);
      }
      return vectors;
    }
  }

  /** For each column of the header, the index of the input it names; every input has one. */
  private static int[] columns(List<Cell> header, List<String> inputNames, Path shownAs) {
    int[] column = CsvRows.columns(header, inputNames, name -> "column '" + name + "' is not an input of the model;"
        + " the header names the inputs (" + String.join(", ", inputNames) + ")." + Nearest.hint(name, inputNames));
    boolean[] named = new boolean[inputNames.size()];
    for (int i : column) {
      named[i] = true;
    }
    for (int i = 0; i < named.length; i++) {
      if (!named[i]) {
        throw SrHlsException.at(new SourcePosition(shownAs, header.get(0).at().line(), 1), "the header has no"
            + " column for input '" + inputNames.get(i) + "'; name every input of the model ("
            + String.join(", ", inputNames) + ")");
      }
    }
    return column;
  }

  private static double number(String text, SourcePosition at, boolean nonFinite, String hint) {
    if (nonFinite) {
      OptionalDouble special = special(text);
      if (special.isPresent()) {
        return special.getAsDouble();
      }
    }
    if (!NumberLiteral.isDecimal(text)) {
      throw SrHlsException.at(at, "'" + Echo.of(text) + "' is not a number; write decimal numbers such as -1.5 or"
          + " 2e-3" + hint);
    }
    double d = Double.parseDouble(text);
    if (!nonFinite && !Double.isFinite(d)) {
      throw SrHlsException.at(at, "'" + Echo.of(text) + "' is too large for a double");
    }
    return d;
  }

  /** NaN and the infinities as Java's {@code Double.toString} and C's {@code printf} spell them. */
  private static OptionalDouble special(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "nan", "-nan", "+nan" -> OptionalDouble.of(Double.NaN);
      case "inf", "+inf", "infinity", "+infinity" -> OptionalDouble.of(Double.POSITIVE_INFINITY);
      case "-inf", "-infinity" -> OptionalDouble.of(Double.NEGATIVE_INFINITY);
      default -> OptionalDouble.empty();
    };
  }
}
