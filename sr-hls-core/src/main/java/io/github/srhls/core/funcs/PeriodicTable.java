package io.github.srhls.core.funcs;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import java.util.List;

/**
 * A periodic function (sin, cos, tan) over one period. The argument is reduced exactly by the wrap of a
 * fixed-point assignment: {@code idx = x * (N / period)} into an unsigned integer type of indexBits bits with
 * AP_TRN/AP_WRAP keeps floor(x * N / period) mod N, so any argument maps into the table, none is clamped. Entries
 * are sampled at bin centres, which halves the worst-case table error.
 *
 * @param scale N / period, held in {@link #scaleType(int, double)}
 */
public record PeriodicTable(
    Builtin function, FixedType argType, FixedType resultType, double period, Fixed scale, List<Fixed> table)
    implements FunctionUnit {

  /** Bits of the scale constant: enough that its error moves the index by far less than a bin over the range. */
  static final int SCALE_WIDTH = 32;

  public PeriodicTable {
    table = List.copyOf(table);
  }

  public static PeriodicTable of(Builtin function, FixedType argType, FixedType resultType, int indexBits) {
    double period = function == Builtin.TAN ? Math.PI : 2 * Math.PI;
    int n = 1 << indexBits;
    FixedType scaleType = scaleType(indexBits, period);
    Fixed scale = Fixed.fromDouble(n / period, scaleType);
    Fixed[] values = new Fixed[n];
    for (int i = 0; i < n; i++) {
      double x = period * (i + 0.5) / n;
      values[i] = Tables.quantize(Tables.apply(function, x), resultType);
    }
    return new PeriodicTable(function, argType, resultType, period, scale, List.of(values));
  }

  /** An unsigned type holding N/period with {@link #SCALE_WIDTH} bits, rounded to nearest. */
  public static FixedType scaleType(int indexBits, double period) {
    double value = (1 << indexBits) / period;
    int intBits = Math.max(1, 64 - Long.numberOfLeadingZeros((long) Math.floor(value)));
    return FixedType.ufixed(SCALE_WIDTH, intBits, Quantization.AP_RND, Overflow.AP_SAT);
  }

  /** The type the product is assigned to: its value is the table index. */
  public FixedType indexType() {
    return FixedType.ufixed(indexBits(), indexBits(), Quantization.AP_TRN, Overflow.AP_WRAP);
  }

  @Override
  public Fixed evaluate(Fixed x) {
    int idx = (int) x.mul(scale).cast(indexType()).toInt();
    return table.get(idx);
  }
}
