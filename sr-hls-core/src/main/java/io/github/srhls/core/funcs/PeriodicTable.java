package io.github.srhls.core.funcs;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;

/**
 * A periodic function (sin, cos, tan) over one period. The argument is reduced exactly by the wrap of a
 * fixed-point assignment: {@code pos = x * (N / period)} into an unsigned type with indexBits integer bits and
 * AP_TRN/AP_WRAP keeps (x * N / period) mod N, so any argument maps into the table, none is clamped. The integer
 * part of the position picks the segment, its fraction is t.
 *
 * @param scale N / period, held in {@link #scaleType(int, double)}
 */
public record PeriodicTable(Builtin function, FixedType argType, FixedType resultType, double period, Fixed scale,
    Segments segments) implements TableUnit {

  /** Bits of the scale constant: enough that its error moves the index by far less than a bin over the range. */
  static final int SCALE_WIDTH = 32;

  public static PeriodicTable of(Builtin function, FixedType argType, FixedType resultType, int indexBits,
      int degree) {
    double period = function == Builtin.TAN ? Math.PI : 2 * Math.PI;
    Fixed scale = Fixed.fromDouble((1 << indexBits) / period, scaleType(indexBits, period));
    Segments segments = Segments.fit(Reduction.of(function, indexBits, resultType), indexBits, degree, resultType);
    return new PeriodicTable(function, argType, resultType, period, scale, segments);
  }

  /** An unsigned type holding N/period with {@link #SCALE_WIDTH} bits, rounded to nearest. */
  public static FixedType scaleType(int indexBits, double period) {
    double value = (1 << indexBits) / period;
    int intBits = Math.max(1, 64 - Long.numberOfLeadingZeros((long) Math.floor(value)));
    return FixedType.ufixed(SCALE_WIDTH, intBits, Quantization.AP_RND, Overflow.AP_SAT);
  }

  /** The type the product is assigned to: its integer part is the table index, wrapped by the period. */
  public FixedType positionType() {
    return FixedType.ufixed(indexBits() + positionFractionBits(), indexBits(), Quantization.AP_TRN,
        Overflow.AP_WRAP);
  }

  @Override
  public Fixed evaluate(Fixed x) {
    Fixed pos = x.mul(scale).cast(positionType());
    return segments.evaluate((int) pos.toInt(), segments.degree() == 0 ? null : segments.fraction(pos));
  }
}
