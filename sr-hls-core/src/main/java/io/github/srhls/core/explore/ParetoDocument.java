package io.github.srhls.core.explore;

import io.github.srhls.core.pysr.ResourceBudget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pareto.json}: every candidate of the explored fronts and every combination the joint choice built, with
 * their figures, as agreed with the plots and the site report. Keys in this order; a figure that does not exist
 * (a failed row, a non-finite loss) is null. Keys beyond the agreed ones: {@code reason} in a combination (why it
 * could not be built, else null) and {@code search} (how the joint choice searched, null without one). With
 * {@code testbench.labels}, the labels file ({@code labels}), each candidate's and each combination's figures against
 * the labels ({@code labels}: {@link CandidateLabels}, {@link CombinationLabels}); without, these keys are null.
 *
 * @param model the model's name
 * @param clockNs target.clock-ns
 * @param costSource what the figures are: {@value #COST_SOURCE}
 * @param budget the model-level budget by its model-file keys, or null
 * @param labels {@code testbench.labels} as the project names it; null without
 * @param outputs the explored outputs, in model order
 * @param combinations the combinations built for the joint choice (may be empty), by loss then rows
 * @param chosen the rows chosen, or null when nothing was chosen
 * @param search how the joint choice searched ({@code exhaustive: 48 of 48 combinations}), or null
 */
public record ParetoDocument(String model, double clockNs, String costSource, Map<String, Number> budget,
    String labels, List<Output> outputs, List<Combination> combinations, Chosen chosen, String search) {

  /** The RTL back end's estimate, {@link io.github.srhls.core.backend.rtl.RtlCost}. */
  public static final String COST_SOURCE = "estimate";
  /** Where explore writes it in the generated project's directory; generate with a budget writes it there too. */
  public static final String FILE = "explore/pareto.json";

  public record Output(String name, String file, Map<String, Number> budget, List<Entry> candidates) {}

  public record Entry(int row, int complexity, Double loss, String equation, String status, String reason,
      Double maxAbsError, Double rmsError, Long lut, Long ff, Long dsp, Long bram, Long latencyCycles,
      Double latencyNs, boolean chosen, CandidateLabels labels) {

    static Entry of(Candidate c, boolean chosen) {
      DesignCost k = c.cost();
      return new Entry(c.row(), c.complexity(), finite(c.loss()), c.equation(), c.ok() ? "ok" : "failed",
          c.failure(), c.maxAbsError(), c.rmsError(), k == null ? null : k.lut(), k == null ? null : k.ff(),
          k == null ? null : k.dsp(), k == null ? null : k.bram(), k == null ? null : k.latencyCycles(),
          k == null ? null : k.latencyNs(), chosen, c.labels());
    }
  }

  public record Combination(Map<String, Integer> rows, Double loss, Long lut, Long ff, Long dsp, Long bram,
      Long latencyCycles, Double latencyNs, boolean fits, boolean chosen, String reason,
      CombinationLabels labels) {}

  /**
   * A candidate's figures against {@code testbench.labels}: its output, built alone, as the score of that output's
   * class (one against the rest), as {@link io.github.srhls.core.testbench.LabelReport} computes it. A figure is
   * null where the labels give it none (no positive or no negative vector, a NaN output), and both are null for a
   * failed row.
   *
   * @param auc the ROC AUC of the firmware's output (the Java bit-accurate model)
   * @param float64Auc the ROC AUC of the float64 expression
   */
  public record CandidateLabels(Double auc, Double float64Auc) {}

  /**
   * A combination's figures against {@code testbench.labels}: the argmax accuracy of the merged design over every
   * output, as {@link io.github.srhls.core.testbench.LabelReport} computes it. A figure is null where the labels
   * give none (not one class a vector, a one-output model), and both are null when the design could not be built.
   *
   * @param accuracy the share of vectors whose largest firmware output (the Java bit-accurate model) is their class
   * @param float64Accuracy the same for the float64 expressions
   */
  public record CombinationLabels(Double accuracy, Double float64Accuracy) {}

  /**
   * @param bindingConstraint the budget key that ruled out the better choices most often; null when no better
   *     choice was over budget (or there is no budget)
   */
  public record Chosen(Map<String, Integer> rows, String bindingConstraint) {}

  /** A budget by its model-file keys, whole figures as whole numbers. */
  static Map<String, Number> budget(ResourceBudget b) {
    if (b == null) {
      return null;
    }
    Map<String, Number> m = new LinkedHashMap<>();
    b.limits().forEach((r, v) -> m.put(r.key(), r.whole() ? (Number) v.longValue() : (Number) v));
    return m;
  }

  static Double finite(double d) {
    return Double.isFinite(d) ? d : null;
  }
}
