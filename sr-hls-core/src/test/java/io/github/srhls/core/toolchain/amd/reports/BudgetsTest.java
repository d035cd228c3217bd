package io.github.srhls.core.toolchain.amd.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetsTest {
  private static CsynthReport report(Long worst) {
    return new CsynthReport("2023.1", "xcvu9p-flga2577-2-e", "top", 5.0, 4.3,
        new CsynthReport.Latency(worst, worst, worst), new CsynthReport.Interval(1L, 1L),
        new CsynthReport.Resources(34, 74, 14475, 25651, 0L),
        new CsynthReport.Resources(4320, 6840, 2364480, 1182240, 960L));
  }

  @Test
  void reportsEachExceededLimitAndNothingAtTheLimit() {
    assertEquals(List.of(), new Budgets(8L, 74L, 25651L, 14475L, 34L).violations(report(8L)));
    assertEquals(List.of("worst-case latency 9 cycles exceeds maxLatencyCycles 8", "DSP 74 exceeds maxDsp 73",
        "LUT 25651 exceeds maxLut 25000", "FF 14475 exceeds maxFf 0", "BRAM_18K 34 exceeds maxBram 33"),
        new Budgets(8L, 73L, 25000L, 0L, 33L).violations(report(9L)));
    assertEquals(List.of(), Budgets.NONE.violations(report(null)));
  }

  @Test
  void anUndefLatencyExceedsAnyLatencyBudget() {
    assertEquals(List.of("the worst-case latency is undef (not a fixed number of cycles) but maxLatencyCycles is "
        + "1000"), new Budgets(1000L, null, null, null, null).violations(report(null)));
  }

  @Test
  void negativeBudgetsAreRefused() {
    SrHlsException e = assertThrows(SrHlsException.class, () -> new Budgets(null, -1L, null, null, null));
    assertTrue(e.getMessage().contains("must not be negative"), e.getMessage());
  }
}
