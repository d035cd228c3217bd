package io.github.srhls.core.funcs;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import io.github.srhls.core.ir.FloatSemantics;

/** Helpers shared by the table units: evaluating and quantizing entries. */
final class Tables {
  private Tables() {}

  static double apply(Builtin f, double x) {
    return FloatSemantics.apply(f, x);
  }

  /** Round to nearest and saturate: table entries are computed offline, so they can always be the best value. */
  static Fixed quantize(double v, FixedType type) {
    FixedType nearest = type.withModes(Quantization.AP_RND_CONV, Overflow.AP_SAT, 0);
    double clamped = Double.isNaN(v) ? 0.0 : v;
    Fixed q = Fixed.fromDouble(clamped, nearest);
    return Fixed.ofRaw(q.raw(), type);
  }
}
