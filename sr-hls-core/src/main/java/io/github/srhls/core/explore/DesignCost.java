package io.github.srhls.core.explore;

import io.github.srhls.core.backend.rtl.RtlModule;
import io.github.srhls.core.pysr.ResourceBudget;
import io.github.srhls.core.pysr.ResourceBudget.Resource;
import java.util.Locale;

/**
 * What a design costs by the RTL back end's estimate ({@link io.github.srhls.core.backend.rtl.RtlCost}, calibrated
 * against Yosys), in the budget's terms.
 *
 * @param lut LUTs of logic plus LUTs used as shift registers, as Vivado counts LUTs
 * @param ff flip-flops
 * @param dsp DSP slices
 * @param bram block RAM in 18 Kb halves
 * @param latencyCycles the pipeline's latency in cycles
 * @param latencyNs the latency in nanoseconds at target.clock-ns
 */
public record DesignCost(long lut, long ff, long dsp, long bram, long latencyCycles, double latencyNs) {

  /** The estimate of an emitted module. */
  public static DesignCost of(RtlModule rtl) {
    return new DesignCost(rtl.cost().lut() + rtl.cost().lutram(), rtl.cost().ff(), rtl.cost().dsp(),
        rtl.cost().bram18k(), rtl.latencyCycles(), rtl.latencyNs());
  }

  public double amount(Resource r) {
    return switch (r) {
      case LUT -> lut;
      case FF -> ff;
      case DSP -> dsp;
      case BRAM -> bram;
      case LATENCY_CYCLES -> latencyCycles;
      case LATENCY_NS -> latencyNs;
    };
  }

  public boolean fits(ResourceBudget budget) {
    return budget.limits().entrySet().stream().allMatch(e -> amount(e.getKey()) <= e.getValue());
  }

  /**
   * How full the budget is: the largest share of a limit used (1 is exactly full). A limit of 0 counts anything
   * used as 1 + the amount, so that less is still better.
   */
  public double pressure(ResourceBudget budget) {
    double worst = 0;
    for (var e : budget.limits().entrySet()) {
      double used = amount(e.getKey());
      double share = e.getValue() > 0 ? used / e.getValue() : used == 0 ? 0 : 1 + used;
      worst = Math.max(worst, share);
    }
    return worst;
  }

  /**
   * What two designs built side by side would cost without sharing anything: resources add up, the latency is
   * the longer one (outputs are computed in parallel and leave together).
   */
  public DesignCost beside(DesignCost other) {
    return new DesignCost(lut + other.lut, ff + other.ff, dsp + other.dsp, bram + other.bram,
        Math.max(latencyCycles, other.latencyCycles), Math.max(latencyNs, other.latencyNs));
  }

  /** The resources over their limits, {@code 9100 LUT > 8000, 22 DSP > 20}; empty when it fits. */
  public String overruns(ResourceBudget budget) {
    StringBuilder b = new StringBuilder();
    budget.limits().forEach((r, limit) -> {
      if (amount(r) > limit) {
        b.append(b.length() == 0 ? "" : ", ").append(figure(r)).append(" > ").append(number(r, limit));
      }
    });
    return b.toString();
  }

  /** {@code 900 LUT, 700 FF, 4 DSP, 0 BRAM_18K, 5 cycles (25 ns)}. */
  public String describe() {
    return String.format(Locale.ROOT, "%d LUT, %d FF, %d DSP, %d BRAM_18K, %d %s (%s ns)", lut, ff, dsp, bram,
        latencyCycles, latencyCycles == 1 ? "cycle" : "cycles", number(Resource.LATENCY_NS, latencyNs));
  }

  private String figure(Resource r) {
    return switch (r) {
      case LUT -> lut + " LUT";
      case FF -> ff + " FF";
      case DSP -> dsp + " DSP";
      case BRAM -> bram + " BRAM_18K";
      case LATENCY_CYCLES -> latencyCycles + " cycles";
      case LATENCY_NS -> number(r, latencyNs) + " ns";
    };
  }

  static String number(Resource r, double v) {
    return r.whole() || v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
