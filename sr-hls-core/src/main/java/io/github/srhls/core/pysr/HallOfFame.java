package io.github.srhls.core.pysr;

import io.github.srhls.core.diag.FileSizeLimit;
import io.github.srhls.core.diag.SrHlsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The equations of one PySR hall-of-fame CSV, in file order (the order of PySR's {@code equations_}).
 *
 * @param file the CSV, as messages name it (see {@link #read(Path, Path)})
 * @param rows at least one row
 */
public record HallOfFame(Path file, List<Row> rows) {
  /** The largest hall-of-fame CSV read; PySR's hold a few dozen equations (a few kB). */
  public static final FileSizeLimit SIZE_LIMIT = new FileSizeLimit("a hall-of-fame CSV", 16L << 20,
      "point pysr.file at the hall_of_fame CSV PySR wrote");

  /**
   * One equation of the hall of fame.
   *
   * @param complexity PySR's complexity
   * @param loss the loss (called MSE in PySR 0.3-0.9 files)
   * @param equation the equation text, as written between the quotes
   * @param line the 1-based line of the row in the file
   * @param column the 1-based column where the equation text starts (after the opening quote)
   */
  public record Row(int complexity, double loss, String equation, int line, int column) {}

  public HallOfFame {
    Objects.requireNonNull(file, "file");
    rows = List.copyOf(rows);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("a hall of fame has at least one row");
    }
  }

  /**
   * Reads a hall-of-fame CSV of any PySR era: {@code Complexity|MSE|Equation} (0.3-0.9) or
   * {@code Complexity,Loss,Equation} (0.10 on).
   *
   * @throws SrHlsException naming file, line and column if the file is missing, empty or malformed
   */
  public static HallOfFame read(Path csv) {
    return HallOfFameCsv.read(csv, csv);
  }

  /** {@link #read(Path)}, naming the file {@code shownAs} in messages (relative to the project, say). */
  public static HallOfFame read(Path csv, Path shownAs) {
    return HallOfFameCsv.read(csv, shownAs);
  }

  /**
   * PySR's score of each row (same order as {@link #rows()}): with the rows sorted by complexity,
   * {@code score_i = -ln(loss_i / loss_{i-1}) / (complexity_i - complexity_{i-1})}, and 0 for the simplest row.
   *
   * <p>As in PySR's own {@code calculate_scores}, a row whose loss is zero or negative (a perfect fit, or a custom
   * loss below zero) scores positive infinity, so {@code score} and {@code best} pick the simplest such row; a
   * positive loss after a non-positive one scores negative infinity. PySR's files never hold two rows of one
   * complexity; should one, the second scores 0 rather than dividing by zero.
   */
  public List<Double> scores() {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt(i -> rows.get(i).complexity()));
    Double[] scores = new Double[rows.size()];
    Row previous = null;
    for (int i : order) {
      Row row = rows.get(i);
      scores[i] = previous == null ? 0.0 : score(previous, row);
      previous = row;
    }
    return List.of(scores);
  }

  private static double score(Row previous, Row row) {
    if (row.loss() <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    if (previous.loss() <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    int step = row.complexity() - previous.complexity();
    return step == 0 ? 0.0 : -Math.log(row.loss() / previous.loss()) / step;
  }
}
