package io.github.srhls.core.explore;

import io.github.srhls.core.pysr.ResourceBudget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pareto.json}: every candidate of the explored fronts and every combination the joint choice built, with
 * their figures, as agreed with the plots and the site report. Keys in this order; a figure that does not exist
 * (a failed row, a non-finite loss) is null. Keys beyond the agreed ones: {@code reason} in a combination (why it
 * could not be built, else null) and {@code search} (how the joint choice searched, null without one).
 *
 * @param model the model's name
 * @param clockNs target.clock-ns
 * @param costSource what the figures are: {@value #COST_SOURCE}
 * @param budget the model-level budget by its model-file keys, or null
 * @param outputs the explored outputs, in model order
 * @param combinations the combinations built for the joint choice (may be empty), by loss then rows
 * @param chosen the rows chosen, or null when nothing was chosen
 * @param search how the joint choice searched ({@code exhaustive: 48 of 48 combinations}), or null
 */
public record ParetoDocument(String model, double clockNs, String costSource, Map<String, Number> budget,
    List<Output> outputs, List<Combination> combinations, Chosen chosen, String search) {

  /** The RTL back end's estimate, {@link io.github.srhls.core.backend.rtl.RtlCost}. */
  public static final String COST_SOURCE = "estimate";
  /** Where explore writes it in the generated project's directory; generate with a budget writes it there too. */
  public static final String FILE = "explore/pareto.json";

  public record Output(String name, String file, Map<String, Number> budget, List<Entry> candidates) {}

  public record Entry(int row, int complexity, Double loss, String equation, String status, String reason,
      Double maxAbsError, Double rmsError, Long lut, Long ff, Long dsp, Long bram, Long latencyCycles,
      Double latencyNs, boolean chosen) {

    static Entry of(Candidate c, boolean chosen) {
      DesignCost k = c.cost();
      return new Entry(c.row(), c.complexity(), finite(c.loss()), c.equation(), c.ok() ? "ok" : "failed",
          c.failure(), c.maxAbsError(), c.rmsError(), k == null ? null : k.lut(), k == null ? null : k.ff(),
          k == null ? null : k.dsp(), k == null ? null : k.bram(), k == null ? null : k.latencyCycles(),
          k == null ? null : k.latencyNs(), chosen);
    }
  }

  public record Combination(Map<String, Integer> rows, Double loss, Long lut, Long ff, Long dsp, Long bram,
      Long latencyCycles, Double latencyNs, boolean fits, boolean chosen, String reason) {}

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
