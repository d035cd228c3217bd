package io.github.srhls.core.model;

/**
 * Which equation of a hall of fame to take ({@code select:}), as written; the PySR reader applies it.
 * {@code accuracy}, {@code score} and {@code best} mean what PySR's {@code model_selection} means.
 */
public sealed interface SelectionSpec {

  /** {@code select: accuracy}: the lowest loss. */
  record Accuracy() implements SelectionSpec {}

  /** {@code select: score}: the highest score, −Δln(loss)/Δcomplexity between consecutive rows. */
  record Score() implements SelectionSpec {}

  /** {@code select: best} (the default): the highest score among rows with loss at most 1.5 × the lowest. */
  record Best() implements SelectionSpec {}

  /** {@code select: {complexity: n}}: the row with that complexity (at least 1). */
  record Complexity(int complexity) implements SelectionSpec {}

  /**
   * {@code select: {row: i}}: the i-th equation of the file, counted from 0 after the header, as PySR's
   * {@code model.sympy(index=i)} counts.
   */
  record Row(int index) implements SelectionSpec {}
}
