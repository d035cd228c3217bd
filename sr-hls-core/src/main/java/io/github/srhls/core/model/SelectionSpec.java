package io.github.srhls.core.model;

import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.pysr.ResourceBudget;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The model-level {@code selection: {budget: {...}, objective: loss}}: the outputs written {@code select: budget}
 * take their rows jointly, so that the whole design fits the budget with the best objective.
 *
 * @param budget what the whole design (every output, after sharing) must fit
 * @param objective what the choice minimises
 * @param at where the {@code selection} mapping is written
 */
public record SelectionSpec(ResourceBudget budget, Objective objective, SourcePosition at) {

  /** What a joint choice minimises. */
  public enum Objective {
    /** The sum of PySR's losses of the chosen rows. */
    LOSS("loss");

    private final String word;

    Objective(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }

    public static List<String> words() {
      return Arrays.stream(values()).map(Objective::word).toList();
    }
  }

  public SelectionSpec {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(at, "at");
  }
}
