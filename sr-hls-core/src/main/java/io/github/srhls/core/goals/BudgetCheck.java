package io.github.srhls.core.goals;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.toolchain.amd.reports.Budgets;

/**
 * The end of a goal for the synthesis budgets: they were measured, or the goal says once, as a warning, which
 * budgets could not be checked and why, or fails when {@link BudgetScope#enforce()} asks for it. Budgets are never
 * skipped silently.
 *
 * <p>What measures them is named by the goal: the vendor's synthesis, or, in sr-hls:test when none ran, open
 * synthesis (Yosys's counts, checked by {@link OpenSynthesisBudgets}).
 */
final class BudgetCheck {

  /** Why nothing measured the budgets, with what would measure them. */
  enum Unmeasured {
    NO_TOOL("no vendor HLS tool was found, so nothing was synthesised",
        "make an AMD HLS tool findable (hlsTool, a toolchain, XILINX_HLS or the PATH), or set"
            + " sr-hls.openSynthesis=true to count the RTL's resources with Yosys"),
    VENDOR_SKIPPED("the vendor tools are skipped (sr-hls.vendor.skip)", "do not skip them"),
    TEST_WITHOUT_SYNTHESIS("sr-hls:test runs no synthesis (sr-hls.synthesis and sr-hls.cosim are off) and no"
        + " sr-hls:package follows in this build",
        "set sr-hls.synthesis=true, or run sr-hls:package, which synthesises before the IP export"),
    EXPORT_SKIPPED("sr-hls:package exports no IP (sr-hls.export.skip), and only the export synthesises there",
        "do not skip the export, or set sr-hls.synthesis=true for sr-hls:test");

    private final String why;
    private final String remedy;

    Unmeasured(String why, String remedy) {
      this.why = why;
      this.remedy = remedy;
    }
  }

  private BudgetCheck() {}

  /** The budgets were measured (by {@code measuredBy}, e.g. "the vendor's synthesis"), or none were set. */
  static boolean measured(Budgets budgets, String measuredBy, BuildLog log) {
    if (!budgets.isEmpty()) {
      log.debug("the synthesis budgets " + budgets.describe() + " were checked against " + measuredBy);
    }
    return true;
  }

  /**
   * Nothing in this goal measured the budgets: says so (unless an earlier goal settled them, or a later one will
   * measure them), or fails when they must be enforced.
   *
   * @param goal the goal, for the message
   * @return whether the budgets are settled for the rest of the build (checked, or said to be unchecked)
   * @throws SrHlsException when budgets are set, unmeasured, and enforced
   */
  static boolean unmeasured(Budgets budgets, Unmeasured why, String goal, BudgetScope scope, BuildLog log) {
    if (budgets.isEmpty() || scope.settledEarlier()) {
      return true;
    }
    if (scope.laterGoalMeasures() && why == Unmeasured.TEST_WITHOUT_SYNTHESIS) {
      log.info(goal + " runs no synthesis: the budgets " + budgets.describe() + " are left to sr-hls:package,"
          + " which synthesises before the IP export");
      return false;
    }
    String message = "the synthesis budgets " + budgets.describe() + " could not be checked: " + why.why;
    if (scope.enforce()) {
      throw new SrHlsException(message + "; sr-hls.enforceBudgets is set, so the build fails: " + why.remedy
          + ", or remove the budgets");
    }
    log.warn(message + ". To check them, " + why.remedy + "; set sr-hls.enforceBudgets=true to fail the build"
        + " when they cannot be checked");
    return true;
  }
}
