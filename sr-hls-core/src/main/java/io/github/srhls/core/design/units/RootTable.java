package io.github.srhls.core.design.units;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedOp;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import java.util.List;

/**
 * sqrt and cbrt by mantissa and exponent: |x| = m' 2^(kq) with m' in [1, 2^k) (k = 2 or 3), found with a priority
 * encoder over the powers of two the argument's type can hold, so root(x) = root(m') 2^q, root(m') from segments
 * over [0, 2^k) (only those from 1 on are used: the rest hold 0). Every argument of the type is reduced this way,
 * none is clamped. cbrt is odd; sqrt of a non-positive argument is 0.
 *
 * @param minExponent the exponent e of the smallest positive value of the argument type (|x| = m 2^e, m in [1, 2))
 * @param powers 2^e for each e from minExponent, exact in {@link #powerType()}
 * @param minQuotient the smallest q = floor(e / k)
 * @param scales 2^(-kq) for each q from minQuotient, exact in {@link #scaleType()}
 * @param roots 2^q for each q from minQuotient, exact in {@link #rootType()}
 * @param entries N / 2^k, a power of two, to index the table with m'
 */
public record RootTable(Builtin function, FixedType argType, FixedType resultType, Segments segments,
    int minExponent, List<Fixed> powers, int minQuotient, List<Fixed> scales, List<Fixed> roots, Fixed entries)
    implements TableUnit {

  public RootTable {
    powers = List.copyOf(powers);
    scales = List.copyOf(scales);
    roots = List.copyOf(roots);
  }

  public static RootTable of(Builtin function, FixedType argType, FixedType resultType, int indexBits,
      int degree) {
    int k = function == Builtin.SQRT ? 2 : 3;
    FixedType magnitude = FixedOp.negationType(argType);
    int min = -magnitude.fracBits();
    int max = Math.max(min, magnitude.intBits() - 2);
    int n = 1 << indexBits;
    double span = Math.scalb(1.0, k);
    Segments segments = Segments.fit(Reduction.of(function, indexBits, resultType), indexBits, degree,
        mantissaType(resultType));
    int qMin = Math.floorDiv(min, k);
    int quotients = Math.floorDiv(max, k) - qMin + 1;
    Fixed entries = Fixed.fromDouble(n / span, FixedType.ufixed(1, Math.getExponent(n / span) + 1));
    return new RootTable(function, argType, resultType, segments, min, PowersOfTwo.of(min, 1, max - min + 1),
        qMin, PowersOfTwo.of(-k * qMin, -k, quotients), PowersOfTwo.of(qMin, 1, quotients), entries);
  }

  /** root(m') in [1, 2) with as many fraction bits as the result has bits: 2^q scales its error up. */
  public static FixedType mantissaType(FixedType resultType) {
    return FixedType.ufixed(resultType.width() + 2, 2, Quantization.AP_TRN, Overflow.AP_SAT);
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

  /** m' N / 2^k wrapped to the index bits (m' is below 2^k, so nothing wraps away), truncated to t's bits. */
  public FixedType indexType() {
    return FixedType.ufixed(indexBits() + positionFractionBits(), indexBits(), Quantization.AP_TRN,
        Overflow.AP_WRAP);
  }

  @Override
  public Fixed evaluate(Fixed x) {
    boolean negative = x.signum() < 0;
    if (x.signum() == 0 || negative && root() == 2) {
      return Fixed.zero(resultType);
    }
    Fixed a = (negative ? x.neg() : x).cast(magnitudeType());
    int q = Math.floorDiv(PowersOfTwo.exponent(a, powers, minExponent), root());
    Fixed position = a.mul(scales.get(q - minQuotient)).mul(entries).cast(indexType());
    Fixed m = segments.at(position);
    Fixed v = m.mul(roots.get(q - minQuotient));
    return (negative ? v.neg() : v).cast(resultType);
  }
}
