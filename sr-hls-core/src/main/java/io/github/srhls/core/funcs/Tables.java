package io.github.srhls.core.funcs;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.ir.FloatSemantics;

/** Helpers shared by the table units: evaluating, domain-guarding and quantizing entries. */
final class Tables {
  private Tables() {}

  static double apply(Builtin f, double x) {
    return FloatSemantics.apply(f, x);
  }

  /**
   * Moves a sample point into the function's domain: log of a non-positive value is taken at the smallest
   * positive argument step, sqrt of a negative at 0 (PySR's safe operators would give NaN, which fixed point
   * cannot hold).
   */
  static double intoDomain(Builtin f, double x, int argLsb) {
    return switch (f) {
      case LOG, LOG2, LOG10 -> Math.max(x, Math.scalb(1.0, argLsb));
      case SQRT -> Math.max(x, 0.0);
      default -> x;
    };
  }

  /** Round to nearest and saturate: table entries are computed offline, so they can always be the best value. */
  static Fixed quantize(double v, FixedType type) {
    FixedType nearest = type.withModes(
        io.github.srhls.core.fixed.Quantization.AP_RND_CONV, io.github.srhls.core.fixed.Overflow.AP_SAT, 0);
    double clamped = Double.isNaN(v) ? 0.0 : v;
    Fixed q = Fixed.fromDouble(clamped, nearest);
    return Fixed.ofRaw(q.raw(), type);
  }
}
