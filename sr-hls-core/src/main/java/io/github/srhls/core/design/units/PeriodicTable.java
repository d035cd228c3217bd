package io.github.srhls.core.design.units;

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
 * @param scale N / period, rounded in {@link Segments#scaleType}
 */
public record PeriodicTable(Builtin function, FixedType argType, FixedType resultType, double period, Fixed scale,
    Segments segments) implements TableUnit {

  public static PeriodicTable of(Builtin function, FixedType argType, FixedType resultType, int indexBits,
      int degree) {
    return of(function, argType, resultType, indexBits, degree, Reduction.of(function, indexBits, resultType));
  }

  /**
   * tan with polynomial segments, for arguments at most {@code argReach} from 0: fitted only on the segments those
   * index ({@link Reduction#tan}); the others hold plain values.
   */
  public static PeriodicTable tan(FixedType argType, FixedType resultType, int indexBits, int degree,
      double argReach) {
    return of(Builtin.TAN, argType, resultType, indexBits, degree, Reduction.tan(indexBits, argReach));
  }

  private static PeriodicTable of(Builtin function, FixedType argType, FixedType resultType, int indexBits,
      int degree, Reduction reduction) {
    double period = function == Builtin.TAN ? Math.PI : 2 * Math.PI;
    Segments segments = Segments.fit(reduction, indexBits, degree, resultType);
    double n = (1 << indexBits) / period;
    Fixed scale = Fixed.fromDouble(n, Segments.scaleType(n, argType, TableUnit.positionFractionBits(segments)));
    return new PeriodicTable(function, argType, resultType, period, scale, segments);
  }

  /** The type the product is assigned to: its integer part is the table index, wrapped by the period. */
  public FixedType positionType() {
    return FixedType.ufixed(indexBits() + positionFractionBits(), indexBits(), Quantization.AP_TRN,
        Overflow.AP_WRAP);
  }

  @Override
  public Fixed evaluate(Fixed x) {
    Fixed pos = x.mul(scale).cast(positionType());
    return segments.at(pos);
  }
}
