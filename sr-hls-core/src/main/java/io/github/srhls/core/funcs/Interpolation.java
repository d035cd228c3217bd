package io.github.srhls.core.funcs;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.FixedType;

/** Linear interpolation between table entries: which functions use it and how many fraction bits. */
public final class Interpolation {
  /** Functions whose tables interpolate: periodic ones with a bounded second derivative. */
  public static boolean supported(Builtin f) {
    return f == Builtin.SIN || f == Builtin.COS;
  }

  private static final int MAX_FRACTION_BITS = 20;

  private Interpolation() {}

  /**
   * Fraction bits so that truncating the position moves the result by at most half an LSB of the result type:
   * the step between neighbours is at most slope * bin.
   */
  public static int fractionBits(double slope, double bin, FixedType resultType) {
    double step = slope * bin;
    double halfLsb = Math.scalb(1.0, -resultType.fracBits() - 1);
    int bits = (int) Math.ceil(Math.log(step / halfLsb) / Math.log(2));
    return Math.max(1, Math.min(MAX_FRACTION_BITS, bits));
  }

}
