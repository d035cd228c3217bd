package io.github.srhls.core.pysr;

import io.github.srhls.core.diag.SrHlsException;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;

/**
 * How to pick one equation from a hall of fame: PySR's three {@code model_selection} strategies, or a row named
 * by complexity or by index. Ties go to the first row in file order, as pandas' {@code idxmin}/{@code idxmax} do
 * in PySR. A model's {@code pysr: select:} is read straight into one of these.
 */
public sealed interface Selection
    permits Selection.Accuracy, Selection.Score, Selection.Best, Selection.Complexity, Selection.Row,
    Selection.Budget, Selection.ModelBudget {

  /**
   * The chosen row.
   *
   * @throws SrHlsException if the requested complexity or index does not exist, listing what does
   */
  HallOfFame.Row select(HallOfFame hallOfFame);

  /** The row with the lowest loss. */
  record Accuracy() implements Selection {
    @Override
    public HallOfFame.Row select(HallOfFame hallOfFame) {
      List<HallOfFame.Row> rows = hallOfFame.rows();
      return rows.get(argMax(rows.size(), i -> true, i -> -rows.get(i).loss()));
    }
  }

  /** The row with the highest score (see {@link HallOfFame#scores()}). */
  record Score() implements Selection {
    @Override
    public HallOfFame.Row select(HallOfFame hallOfFame) {
      List<Double> scores = hallOfFame.scores();
      return hallOfFame.rows().get(argMax(scores.size(), i -> true, scores::get));
    }
  }

  /**
   * The row with the highest score among those whose loss is at most 1.5 times the lowest. For a negative lowest
   * loss (custom losses) "1.5 times" would exclude everything, so the bound is the lowest loss plus half its
   * magnitude, which is the same for positive losses.
   */
  record Best() implements Selection {
    @Override
    public HallOfFame.Row select(HallOfFame hallOfFame) {
      List<HallOfFame.Row> rows = hallOfFame.rows();
      double lowest = new Accuracy().select(hallOfFame).loss();
      double bound = lowest + 0.5 * Math.abs(lowest);
      List<Double> scores = hallOfFame.scores();
      return rows.get(argMax(rows.size(), i -> rows.get(i).loss() <= bound, scores::get));
    }
  }

  /**
   * The row of the given complexity.
   *
   * @param complexity PySR's complexity of the wanted equation
   */
  record Complexity(int complexity) implements Selection {
    @Override
    public HallOfFame.Row select(HallOfFame hallOfFame) {
      return hallOfFame.rows().stream()
          .filter(r -> r.complexity() == complexity)
          .findFirst()
          .orElseThrow(() -> new SrHlsException(hallOfFame.file() + ": no equation has complexity " + complexity
              + "; the complexities in this file are " + hallOfFame.rows().stream()
                  .map(r -> String.valueOf(r.complexity())).collect(Collectors.joining(", "))));
    }
  }

  /**
   * The row at a 0-based index in file order, the index of PySR's {@code equations_} table.
   *
   * @param index 0-based row index
   */
  record Row(int index) implements Selection {
    @Override
    public HallOfFame.Row select(HallOfFame hallOfFame) {
      int size = hallOfFame.rows().size();
      if (index < 0 || index >= size) {
        throw new SrHlsException(hallOfFame.file() + ": there is no equation at index " + index + "; this file has "
            + size + (size == 1 ? " equation, index 0" : " equations, indices 0 to " + (size - 1)));
      }
      return hallOfFame.rows().get(index);
    }
  }

  /**
   * The row with the lowest loss whose design fits a budget of its own ({@code select: {budget: {...}}}). Which rows
   * fit is known only once every row has been built and costed, which the {@code explore} package does before the
   * model is compiled: it replaces this selection by the {@link Row} it chose, so {@link #select} is never reached.
   */
  record Budget(ResourceBudget budget) implements Selection {
    @Override
    public HallOfFame.Row select(HallOfFame hallOfFame) {
      throw new IllegalStateException(hallOfFame.file() + ": a budget selection is resolved by costing every row"
          + " (explore.BudgetedSelection) before the model is compiled");
    }
  }

  /**
   * {@code select: budget}: the row is chosen jointly with the other outputs that say so, to fit the model's
   * {@code selection: {budget: ...}}; resolved before compiling, as {@link Budget} is.
   */
  record ModelBudget() implements Selection {
    @Override
    public HallOfFame.Row select(HallOfFame hallOfFame) {
      throw new IllegalStateException(hallOfFame.file() + ": a joint budget selection is resolved by costing the"
          + " combinations (explore.BudgetedSelection) before the model is compiled");
    }
  }

  /** Whether the row is chosen by costing candidates against a budget, not from the file alone. */
  default boolean byBudget() {
    return this instanceof Budget || this instanceof ModelBudget;
  }

  /** The first index (among those {@code eligible}) with the greatest key; ties keep the earliest. */
  private static int argMax(int size, IntPredicate eligible, IntToDoubleFunction key) {
    int best = -1;
    for (int i = 0; i < size; i++) {
      if (eligible.test(i) && (best < 0 || key.applyAsDouble(i) > key.applyAsDouble(best))) {
        best = i;
      }
    }
    return best;
  }
}
