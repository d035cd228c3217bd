package io.github.srhls.core.goals;

import io.github.srhls.core.explore.ParetoDocument;
import io.github.srhls.core.project.JsonFiles;
import io.github.srhls.core.toolchain.yosys.OpenSynthesisReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The budget a model's rows were chosen for, held against Yosys's counts of the generated RTL: the choice was made
 * on the estimate, and open synthesis confirms it or reports the miss. The budget comes from the
 * {@code explore/pareto.json} generate wrote beside the model's work; a per-output budget is held against the design
 * only when that output is the model's only one (with others beside it, it budgeted the output alone). These are
 * the model file's budgets; the synthesis budgets of the test goal's parameters (maxLut, ...) are checked by
 * {@link OpenSynthesisBudgets}.
 */
final class SelectionBudgetCheck {
  private SelectionBudgetCheck() {}

  /** The pareto.json of a model's budgeted generation, when there is one. */
  static Optional<ParetoDocument> read(Path work) {
    return JsonFiles.readIfValid(work.resolve(ParetoDocument.FILE), ParetoDocument.class);
  }

  /**
   * What exceeds the model file's budget by Yosys's figures, one message each; empty when all fit.
   *
   * @param outputs how many outputs the model has
   * @param latencyCycles the RTL's planned latency, null when not known
   * @param confirmed receives one line when there is a budget and Yosys's counts fit it
   */
  static List<String> violations(ParetoDocument pareto, int outputs, String model, OpenSynthesisReport r,
      Long latencyCycles, List<String> confirmed) {
    Map<String, Number> budget = new LinkedHashMap<>();
    String whose = "selection.budget";
    if (pareto.budget() != null) {
      budget.putAll(pareto.budget());
    } else if (outputs == 1 && pareto.outputs().size() == 1 && pareto.outputs().get(0).budget() != null) {
      budget.putAll(pareto.outputs().get(0).budget());
      whose = "the budget of output " + pareto.outputs().get(0).name();
    }
    if (budget.isEmpty()) {
      return List.of();
    }
    Map<String, Double> measured = new LinkedHashMap<>();
    measured.put("lut", (double) (r.lut() + r.lutram()));
    measured.put("ff", (double) r.ff());
    measured.put("dsp", (double) r.dsp());
    measured.put("bram", (double) r.bram18k());
    if (latencyCycles != null) {
      measured.put("latency-cycles", (double) latencyCycles);
      measured.put("latency-ns", latencyCycles * pareto.clockNs());
    }
    List<String> over = new ArrayList<>();
    List<String> within = new ArrayList<>();
    budget.forEach((key, limit) -> {
      Double used = measured.get(key);
      if (used == null) {
        return;
      }
      String figure = key + " " + number(used) + (used > limit.doubleValue() ? " > " : " <= ") + number(limit.doubleValue());
      (used > limit.doubleValue() ? over : within).add(figure);
    });
    if (over.isEmpty()) {
      confirmed.add(model + ": " + r.describeTool() + " confirms the rows chosen for " + whose + ": "
          + String.join(", ", within));
      return List.of();
    }
    return List.of(model + ": over " + whose + " by the numbers of " + r.describeTool() + " (open synthesis, family "
        + r.family() + "): " + String.join(", ", over) + "; the rows " + pareto.chosen().rows()
        + " were chosen on sr-hls's estimate, which Yosys does not confirm: lower the budget there to leave room,"
        + " or see the estimate's calibration on the site's RTL page");
  }

  private static String number(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
  }
}
