package io.github.srhls.core.funcs;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedOp;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import java.util.ArrayList;
import java.util.List;

/**
 * sqrt and cbrt by mantissa and exponent: |x| = m' 2^(kq) with m' in [1, 2^k) (k = 2 or 3), found with a priority
 * encoder over the powers of two the argument's type can hold, so root(x) = root(m') 2^q, root(m') from a table
 * over [0, 2^k). Every argument of the type is reduced this way, none is clamped. cbrt is odd; sqrt of a
 * non-positive argument is 0.
 *
 * @param minExponent the exponent e of the smallest positive value of the argument type (|x| = m 2^e, m in [1, 2))
 * @param powers 2^e for each e from minExponent, exact in {@link #powerType()}
 * @param minQuotient the smallest q = floor(e / k)
 * @param scales 2^(-kq) for each q from minQuotient, exact in {@link #scaleType()}
 * @param roots 2^q for each q from minQuotient, exact in {@link #rootType()}
 * @param entries N / 2^k, a power of two, to index the table with m'
 */
public record RootTable(Builtin function, FixedType argType, FixedType resultType, List<Fixed> table,
    int minExponent, List<Fixed> powers, int minQuotient, List<Fixed> scales, List<Fixed> roots, Fixed entries)
    implements FunctionUnit {

  public RootTable {
    table = List.copyOf(table);
    powers = List.copyOf(powers);
    scales = List.copyOf(scales);
    roots = List.copyOf(roots);
  }

  public static boolean handles(Builtin f) {
    return f == Builtin.SQRT || f == Builtin.CBRT;
  }

  public static RootTable of(Builtin function, FixedType argType, FixedType resultType, int indexBits) {
    int k = function == Builtin.SQRT ? 2 : 3;
    FixedType magnitude = FixedOp.negationType(argType);
    int min = -magnitude.fracBits();
    int max = magnitude.intBits() - 2;
    int n = 1 << indexBits;
    FixedType mantissa = FixedType.ufixed(resultType.width() + 2, 2);
    double span = Math.scalb(1.0, k);
    Fixed[] values = new Fixed[n];
    for (int i = 0; i < n; i++) {
      double m = span * (i + 0.5) / n;
      values[i] = Tables.quantize(k == 2 ? Math.sqrt(m) : Math.cbrt(m), mantissa);
    }
    FixedType powerType = FixedType.ufixed(max - min + 1, max + 1);
    List<Fixed> powers = new ArrayList<>();
    for (int e = min; e <= max; e++) {
      powers.add(Fixed.fromDouble(Math.scalb(1.0, e), powerType));
    }
    int qMin = Math.floorDiv(min, k);
    int qMax = Math.floorDiv(max, k);
    FixedType scaleType = FixedType.ufixed(k * (qMax - qMin) + 1, 1 - k * qMin);
    FixedType rootType = FixedType.ufixed(qMax - qMin + 1, qMax + 1);
    List<Fixed> scales = new ArrayList<>();
    List<Fixed> roots = new ArrayList<>();
    for (int q = qMin; q <= qMax; q++) {
      scales.add(Fixed.fromDouble(Math.scalb(1.0, -k * q), scaleType));
      roots.add(Fixed.fromDouble(Math.scalb(1.0, q), rootType));
    }
    Fixed entries = Fixed.fromDouble(n / span, FixedType.ufixed(1, Math.getExponent(n / span) + 1));
    return new RootTable(function, argType, resultType, List.of(values), min, powers, qMin, scales, roots,
        entries);
  }

  public int root() {
    return function == Builtin.SQRT ? 2 : 3;
  }

  public int maxExponent() {
    return minExponent + powers.size() - 1;
  }

  public FixedType magnitudeType() {
    return FixedOp.negationType(argType);
  }

  public FixedType powerType() {
    return powers.get(0).type();
  }

  public FixedType scaleType() {
    return scales.get(0).type();
  }

  public FixedType rootType() {
    return roots.get(0).type();
  }

  /** m' N / 2^k wrapped to the index bits (m' is below 2^k, so nothing wraps away). */
  public FixedType indexType() {
    return FixedType.ufixed(indexBits(), indexBits(), Quantization.AP_TRN, Overflow.AP_WRAP);
  }

  @Override
  public Fixed evaluate(Fixed x) {
    boolean negative = x.raw().signum() < 0;
    if (x.raw().signum() == 0 || negative && root() == 2) {
      return Fixed.zero(resultType);
    }
    Fixed a = (negative ? x.neg() : x).cast(magnitudeType());
    int e = minExponent;
    for (int j = minExponent + 1; j <= maxExponent(); j++) {
      if (a.compareTo(powers.get(j - minExponent)) >= 0) {
        e = j;
      }
    }
    int q = Math.floorDiv(e, root());
    int idx = (int) a.mul(scales.get(q - minQuotient)).mul(entries).cast(indexType()).toInt();
    Fixed v = table.get(idx).mul(roots.get(q - minQuotient));
    return (negative ? v.neg() : v).cast(resultType);
  }
}
