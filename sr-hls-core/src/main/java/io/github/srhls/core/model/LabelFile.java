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

/**
 * The labels of a testbench's vectors ({@code testbench.labels}): a CSV file with one row per vector of
 * {@code testbench.inputs}, in the same order, in one of two forms chosen by its number of columns:
 *
 * <ul>
 *   <li>one column (for a model of two or more outputs): the vector's class, an integer from 0 to the number of
 *       outputs − 1; output {@code k} is the score of class {@code k};
 *   <li>one column per output (and for a one-output model, its one column): a 0/1 target per output, e.g. one-hot
 *       classes; with a header, the columns are named by the outputs, in any order; without, they are in output
 *       order.
 * </ul>
 *
 * A header row is optional: the first row is one when a cell of it is not a number. Blank lines are ignored.
 */
public final class LabelFile {
  /** As large as a vector file may be: one label a vector is far smaller. */
  public static final FileSizeLimit SIZE_LIMIT = new FileSizeLimit("a labels file", 256L << 20,
      "label fewer vectors (testbench.inputs and testbench.labels go together)");

  private LabelFile() {}

  /**
   * Reads the labels of {@code vectors} vectors.
   *
   * @param shownAs the file as messages name it (relative to the project)
   * @param outputNames the model's outputs, in order
   * @param vectors how many vectors the testbench has: the labels file has as many rows
   * @param vectorsShownAs the vector file, for the message when the counts differ
   * @throws SrHlsException naming file, line and column of what is wrong
   */
  public static Labels read(Path file, Path shownAs, List<String> outputNames, int vectors, Path vectorsShownAs) {
    SIZE_LIMIT.check(file, shownAs);
    return CsvRows.read(file, shownAs, "labels file", in -> parse(in, shownAs, outputNames, vectors, vectorsShownAs));
  }

  private static Labels parse(BufferedReader in, Path shownAs, List<String> outputNames, int vectors,
      Path vectorsShownAs) throws IOException {
    int outputs = outputNames.size();
    List<List<Cell>> rows = new ArrayList<>();
    int lastLine = 0;
    try (CsvRows csv = CsvRows.of(in, shownAs)) {
      for (List<Cell> row = csv.next(); row != null; row = csv.next()) {
        rows.add(row);
        lastLine = row.get(0).at().line();
      }
    }
    List<Cell> header = !rows.isEmpty() && rows.get(0).stream().anyMatch(c -> !number(c)) ? rows.remove(0) : null;
    if (rows.isEmpty()) {
      throw new SrHlsException(shownAs + ": the labels file holds no labels; write one row per vector of "
          + vectorsShownAs);
    }
    int width = (header != null ? header : rows.get(0)).size();
    boolean classes = width == 1 && outputs > 1;
    if (!classes && width != outputs) {
      Cell first = (header != null ? header : rows.get(0)).get(0);
      throw SrHlsException.at(first.at(), "this row has " + width + " values, but a labels file has one column (the"
          + " class, 0 to " + (outputs - 1) + ") or one column per output (" + outputs + ": a 0/1 target each, "
          + String.join(", ", outputNames) + ")");
    }
    int[] column = header != null && width > 1 ? columns(header, outputNames) : identity(width);
    if (rows.size() != vectors) {
      SourcePosition at = rows.size() > vectors
          ? rows.get(vectors).get(0).at()
          : new SourcePosition(shownAs, lastLine + 1, 1);
      throw SrHlsException.at(at, "the labels file has " + rows.size() + " row" + (rows.size() == 1 ? "" : "s")
          + " of labels, but " + vectorsShownAs + " has " + vectors + " vector" + (vectors == 1 ? "" : "s")
          + "; write one row per vector, in the same order");
    }
    int[] classOf = classes ? new int[rows.size()] : null;
    boolean[][] targets = classes ? null : new boolean[rows.size()][outputs];
    for (int r = 0; r < rows.size(); r++) {
      List<Cell> row = rows.get(r);
      if (row.size() != width) {
        Cell where = row.size() > width ? row.get(width) : row.get(row.size() - 1);
        throw SrHlsException.at(where.at(), "this row has " + row.size() + " value" + (row.size() == 1 ? "" : "s")
            + ", but the labels file has " + width + " column" + (width == 1 ? "" : "s") + "; write "
            + (classes ? "one class a row" : "one 0/1 target per output on each row"));
      }
      if (classes) {
        Cell c = row.get(0);
        long k = integer(c, "a class: write an integer from 0 to " + (outputs - 1));
        if (k < 0 || k >= outputs) {
          throw SrHlsException.at(c.at(), "class " + k + " is out of range: the model has " + outputs + " outputs, so"
              + " the classes are 0 to " + (outputs - 1) + " (output k scores class k: "
              + outputList(outputNames) + ")");
        }
        classOf[r] = (int) k;
      } else {
        for (int c = 0; c < width; c++) {
          long t = integer(row.get(c), "a target: write 0 or 1");
          if (t != 0 && t != 1) {
            throw SrHlsException.at(row.get(c).at(), "target " + t + " is not 0 or 1: each column holds whether the"
                + " vector is a positive of output " + outputNames.get(column[c]) + "; write 0 or 1");
          }
          targets[r][column[c]] = t == 1;
        }
      }
    }
    return classes ? new Labels.Classes(classOf) : new Labels.Targets(targets, outputNames);
  }

  private static String outputList(List<String> outputNames) {
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < outputNames.size() && k < 8; k++) {
      parts.add(k + " = " + outputNames.get(k));
    }
    return String.join(", ", parts) + (outputNames.size() > 8 ? ", ..." : "");
  }

  private static int[] identity(int width) {
    int[] column = new int[width];
    for (int c = 0; c < width; c++) {
      column[c] = c;
    }
    return column;
  }

  private static boolean number(Cell c) {
    return NumberLiteral.isDecimal(c.text().strip());
  }

  /** An integer written as such or as an integral decimal ({@code 2}, {@code 2.0}, {@code 1e0}). */
  private static long integer(Cell c, String what) {
    String text = c.text().strip();
    if (NumberLiteral.isDecimal(text)) {
      double d = Double.parseDouble(text);
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return (long) d;
      }
    }
    throw SrHlsException.at(c.at(), "'" + Echo.of(text) + "' is not " + what);
  }

  /** For each column of the header, the index of the output it names. */
  private static int[] columns(List<Cell> header, List<String> outputNames) {
    return CsvRows.columns(header, outputNames, name -> "column '" + Echo.of(name) + "' is not an output of the"
        + " model; a labels file with one column per output names the outputs (" + String.join(", ", outputNames)
        + ")." + Nearest.hint(name, outputNames));
  }
}
