package io.github.srhls.core.toolchain.amd.reports;

import io.github.srhls.core.diag.SrHlsException;
import java.util.ArrayList;
import java.util.List;

/**
 * Limits on the synthesis estimates that fail the build when exceeded. Null means no limit.
 *
 * @param maxLatencyCycles on the worst-case latency in clock cycles; an {@code undef} latency exceeds any limit
 * @param maxDsp on DSP slices (DSP, or DSP48E in Vivado HLS reports)
 * @param maxLut on look-up tables
 * @param maxFf on flip-flops
 * @param maxBram on BRAM_18K blocks
 */
public record Budgets(Long maxLatencyCycles, Long maxDsp, Long maxLut, Long maxFf, Long maxBram) {

  public static final Budgets NONE = new Budgets(null, null, null, null, null);

  public Budgets {
    for (Long limit : new Long[] {maxLatencyCycles, maxDsp, maxLut, maxFf, maxBram}) {
      if (limit != null && limit < 0) {
        throw new SrHlsException("the budgets maxLatencyCycles, maxDsp, maxLut, maxFf and maxBram must not be"
            + " negative: a budget must not be negative, got " + limit);
      }
    }
  }

  /** Whether no budget is set. */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /** The budgets that are set, as the parameters name them: {@code maxDsp=1, maxLut=500}. */
  public String describe() {
    List<String> set = new ArrayList<>();
    add(set, "maxLatencyCycles", maxLatencyCycles);
    add(set, "maxDsp", maxDsp);
    add(set, "maxLut", maxLut);
    add(set, "maxFf", maxFf);
    add(set, "maxBram", maxBram);
    return String.join(", ", set);
  }

  private static void add(List<String> set, String name, Long limit) {
    if (limit != null) {
      set.add(name + "=" + limit);
    }
  }

  /** What exceeds its limit, one message each; empty when everything fits. */
  public List<String> violations(CsynthReport report) {
    List<String> found = new ArrayList<>();
    if (maxLatencyCycles != null) {
      Long worst = report.latency().worst();
      if (worst == null) {
        found.add("the worst-case latency is undef (not a fixed number of cycles) but maxLatencyCycles is "
            + maxLatencyCycles);
      } else if (worst > maxLatencyCycles) {
        found.add("worst-case latency " + worst + " cycles exceeds maxLatencyCycles " + maxLatencyCycles);
      }
    }
    CsynthReport.Resources used = report.used();
    check(found, "DSP", used.dsp(), maxDsp, "maxDsp");
    check(found, "LUT", used.lut(), maxLut, "maxLut");
    check(found, "FF", used.ff(), maxFf, "maxFf");
    check(found, "BRAM_18K", used.bram18k(), maxBram, "maxBram");
    return found;
  }

  private static void check(List<String> found, String what, long used, Long limit, String parameter) {
    if (limit != null && used > limit) {
      found.add(what + " " + used + " exceeds " + parameter + " " + limit);
    }
  }
}
