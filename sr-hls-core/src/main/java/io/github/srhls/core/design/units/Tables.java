package io.github.srhls.core.design.units;

import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;

/** Quantizing values that are computed offline: table entries and constants. */
public final class Tables {
  private Tables() {}

  /** Round to nearest and saturate: table entries are computed offline, so they can always be the best value. */
  public static Fixed quantize(double v, FixedType type) {
    FixedType nearest = type.withModes(Quantization.AP_RND_CONV, Overflow.AP_SAT, 0);
    double clamped = Double.isNaN(v) ? 0.0 : v;
    Fixed q = Fixed.fromDouble(clamped, nearest);
    return Fixed.ofRaw(q.raw(), type);
  }
}
