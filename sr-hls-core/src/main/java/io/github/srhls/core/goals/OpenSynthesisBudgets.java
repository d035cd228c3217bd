package io.github.srhls.core.goals;

import io.github.srhls.core.toolchain.amd.reports.Budgets;
import io.github.srhls.core.toolchain.yosys.OpenSynthesisReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The synthesis budgets against Yosys's counts, for a build in which no vendor synthesis ran. The figures compared
 * are the closest to what the budgets mean in a Vivado report: LUTs of logic plus LUTs used as memory, flip-flops,
 * DSP slices, and block RAM in 18 Kb blocks. Yosys has no notion of latency: {@code maxLatencyCycles} is checked
 * against the latency the RTL's pipeline was planned with, when the generated project describes it.
 */
final class OpenSynthesisBudgets {
  private OpenSynthesisBudgets() {}

  /**
   * What exceeds its budget, one message each, naming whose numbers broke it; empty when all fit.
   *
   * @param latencyCycles the RTL's latency L in cycles, as its pipeline was planned; null when not known (then
   *     maxLatencyCycles is not checked here)
   */
  static List<String> violations(Budgets budgets, String model, OpenSynthesisReport r, Long latencyCycles) {
    List<String> found = new ArrayList<>();
    if (budgets.maxLatencyCycles() != null && latencyCycles != null && latencyCycles > budgets.maxLatencyCycles()) {
      found.add(model + ": over budget: the RTL's latency " + latencyCycles + " cycles (its pipeline as the RTL back"
          + " end planned it; no vendor synthesis ran) exceeds maxLatencyCycles " + budgets.maxLatencyCycles());
    }
    List<String> resources = new ArrayList<>();
    check(resources, "DSP", r.dsp(), budgets.maxDsp(), "maxDsp");
    check(resources, "LUT", r.lut() + r.lutram(), budgets.maxLut(), "maxLut");
    check(resources, "FF", r.ff(), budgets.maxFf(), "maxFf");
    check(resources, "BRAM_18K", r.bram18k(), budgets.maxBram(), "maxBram");
    String by = model + ": over budget by the numbers of " + r.describeTool() + " (open synthesis, family "
        + r.family() + "; no vendor synthesis ran): ";
    resources.forEach(v -> found.add(by + v));
    return found;
  }

  private static void check(List<String> found, String what, long used, Long limit, String parameter) {
    if (limit != null && used > limit) {
      found.add(what + " " + used + " exceeds " + parameter + " " + limit);
    }
  }
}
