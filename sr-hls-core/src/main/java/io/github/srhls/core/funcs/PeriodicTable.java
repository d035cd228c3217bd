package io.github.srhls.core.funcs;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import io.github.srhls.core.ir.FloatSemantics;
import java.util.List;

/**
 * A periodic function (sin, cos, tan) over one period. The argument is reduced exactly by the wrap of a
 * fixed-point assignment: {@code pos = x * (N / period)} into an unsigned type with indexBits integer bits and
 * AP_TRN/AP_WRAP keeps (x * N / period) mod N, so any argument maps into the table, none is clamped.
 *
 * <p>Without interpolation the entries are sampled at bin centres, which halves the worst-case table error. With
 * it ({@code fractionBits > 0}) they are sampled at bin edges and the unit returns
 * {@code t[i] + (t[i+1] - t[i]) * frac}, where frac is the position's next fractionBits bits: the error then
 * falls with the square of the bin width, so a small table does what a large one would.
 *
 * @param scale N / period, held in {@link #scaleType(int, double)}
 * @param fractionBits bits of the position below the index used to interpolate; 0 for none
 */
public record PeriodicTable(
    Builtin function, FixedType argType, FixedType resultType, double period, Fixed scale, List<Fixed> table,
    int fractionBits) implements FunctionUnit {

  /** Bits of the scale constant: enough that its error moves the index by far less than a bin over the range. */
  static final int SCALE_WIDTH = 32;

  public PeriodicTable {
    table = List.copyOf(table);
  }

  public static PeriodicTable of(Builtin function, FixedType argType, FixedType resultType, int indexBits,
      int fractionBits) {
    double period = function == Builtin.TAN ? Math.PI : 2 * Math.PI;
    int n = 1 << indexBits;
    FixedType scaleType = scaleType(indexBits, period);
    Fixed scale = Fixed.fromDouble(n / period, scaleType);
    double offset = fractionBits > 0 ? 0.0 : 0.5;
    Fixed[] values = new Fixed[n];
    for (int i = 0; i < n; i++) {
      double x = period * (i + offset) / n;
      values[i] = Tables.quantize(FloatSemantics.apply(function, x), resultType);
    }
    return new PeriodicTable(function, argType, resultType, period, scale, List.of(values), fractionBits);
  }

  /** An unsigned type holding N/period with {@link #SCALE_WIDTH} bits, rounded to nearest. */
  public static FixedType scaleType(int indexBits, double period) {
    double value = (1 << indexBits) / period;
    int intBits = Math.max(1, 64 - Long.numberOfLeadingZeros((long) Math.floor(value)));
    return FixedType.ufixed(SCALE_WIDTH, intBits, Quantization.AP_RND, Overflow.AP_SAT);
  }

  /** The type the product is assigned to: its integer part is the table index, wrapped by the period. */
  public FixedType positionType() {
    return FixedType.ufixed(indexBits() + fractionBits, indexBits(), Quantization.AP_TRN, Overflow.AP_WRAP);
  }

  /** The position's fraction, for interpolation. */
  public FixedType fractionType() {
    return FixedType.ufixed(fractionBits, 0, Quantization.AP_TRN, Overflow.AP_WRAP);
  }

  @Override
  public Fixed evaluate(Fixed x) {
    Fixed pos = x.mul(scale).cast(positionType());
    int idx = (int) pos.toInt();
    Fixed t0 = table.get(idx);
    if (fractionBits == 0) {
      return t0;
    }
    Fixed t1 = table.get((idx + 1) & (table.size() - 1));
    return t1.sub(t0).mul(pos.cast(fractionType())).add(t0).cast(resultType);
  }
}
