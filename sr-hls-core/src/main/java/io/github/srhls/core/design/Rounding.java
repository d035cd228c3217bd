package io.github.srhls.core.design;

import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Quantization;

/** What assigning a value to a fixed-point type adds to its error, by the type's quantization. */
final class Rounding {
  private Rounding() {}

  /** The largest error assigning to the type adds: one LSB when truncating, half when rounding to nearest. */
  static double error(FixedType t) {
    double lsb = Math.scalb(1.0, -t.fracBits());
    return truncates(t.quantization()) ? lsb : lsb / 2;
  }

  static boolean truncates(Quantization q) {
    return q == Quantization.AP_TRN || q == Quantization.AP_TRN_ZERO;
  }
}
