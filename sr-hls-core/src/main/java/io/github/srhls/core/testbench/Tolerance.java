package io.github.srhls.core.testbench;

import io.github.srhls.core.design.Design;
import io.github.srhls.core.model.TestbenchSpec;

/** How closely the testbench's outputs must match the expected ones. */
public final class Tolerance {
  /** Vendor math without a declared tolerance: this many LSBs of {@code result_t}. */
  static final double VENDOR_MATH_LSBS = 16.0;

  private Tolerance() {}

  /**
   * Bit for bit, unless the design calls the vendor's math library: then the expectation is the correctly rounded
   * function, and the testbench accepts testbench.tolerance, or 16 LSBs of result_t when none is set.
   *
   * @return 0 for a bit-accurate comparison, else the largest absolute difference accepted
   */
  public static double of(Design design, TestbenchSpec testbench) {
    if (!design.usesVendorMath()) {
      return 0;
    }
    Double tolerance = testbench.tolerance();
    return tolerance != null ? tolerance : Math.scalb(VENDOR_MATH_LSBS, -design.resultType().fracBits());
  }
}
