package io.github.srhls.core.goals;

import io.github.srhls.core.toolchain.amd.reports.Budgets;
import io.github.srhls.core.toolchain.yosys.OpenSynthesisReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The synthesis budgets against Yosys's counts, for a build in which no vendor synthesis ran. The figures compared
 * are the closest to what the budgets mean in a Vivado report: LUTs of logic plus LUTs used as memory, flip-flops,
 * DSP slices, and block RAM in 18 Kb blocks. Yosys has no notion of latency: {@code maxLatencyCycles} is checked
 * against the RTL's pipeline latency when the caller knows it.
 */
final class OpenSynthesisBudgets {
  private OpenSynthesisBudgets() {}

  /**
   * What exceeds its budget, one message each, naming the tool whose numbers broke it; empty when all fit.
   *
   * @param latencyCycles the RTL's latency L in cycles; null when not known (then maxLatencyCycles is not checked
   *     here)
   */
  static List<String> violations(Budgets budgets, String model, OpenSynthesisReport r, Long latencyCycles) {
    List<String> found = new ArrayList<>();
    if (budgets.maxLatencyCycles() != null && latencyCycles != null && latencyCycles > budgets.maxLatencyCycles()) {
      found.add("latency " + latencyCycles + " cycles (the RTL's pipeline) exceeds maxLatencyCycles "
          + budgets.maxLatencyCycles());
    }
    check(found, "DSP", r.dsp(), budgets.maxDsp(), "maxDsp");
    check(found, "LUT", r.lut() + r.lutram(), budgets.maxLut(), "maxLut");
    check(found, "FF", r.ff(), budgets.maxFf(), "maxFf");
    check(found, "BRAM_18K", r.bram18k(), budgets.maxBram(), "maxBram");
    String by = model + ": over budget by the numbers of " + r.describeTool() + " (open synthesis, family "
        + r.family() + "; no vendor synthesis ran): ";
    return found.stream().map(v -> by + v).toList();
  }

  private static void check(List<String> found, String what, long used, Long limit, String parameter) {
    if (limit != null && used > limit) {
      found.add(what + " " + used + " exceeds " + parameter + " " + limit);
    }
  }
}
