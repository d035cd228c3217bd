package io.github.srhls.core.design.units;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedOp;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;

/**
 * tanh by symmetry: tanh(-x) = -tanh(x), so the table covers [0, end) only, and from {@link #end} on tanh is 1 to
 * within half an LSB of the result type, so every larger |x| is reduced to that limit rather than clamped to a
 * table entry. The segments are a power of two wide.
 *
 * @param scale N / end, a power of two
 * @param one 1, or the largest value below it that the result type holds
 */
public record TanhTable(FixedType argType, FixedType resultType, Fixed scale, Segments segments, Fixed one)
    implements TableUnit {

  /** The smallest power of two beyond which 1 - tanh(x) <= 2 e^(-2x) is under half an LSB of the type. */
  public static double end(FixedType resultType) {
    double halfLsb = Math.scalb(1.0, -resultType.fracBits() - 1);
    double x = 0.5 * Math.log(2 / halfLsb);
    // an LSB of 1 or more: tanh is its limit to within half of it from 1 on
    return x < 1 ? 1.0 : Math.scalb(1.0, Math.getExponent(x) + 1);
  }

  public static TanhTable of(FixedType argType, FixedType resultType, int indexBits, int degree) {
    int n = 1 << indexBits;
    double end = end(resultType);
    Fixed scale = Fixed.fromDouble(n / end, exactPowerOfTwo(n / end));
    Segments segments = Segments.fit(Reduction.of(Builtin.TANH, indexBits, resultType), indexBits, degree,
        resultType);
    return new TanhTable(argType, resultType, scale, segments, Tables.quantize(1.0, resultType));
  }

  private static FixedType exactPowerOfTwo(double v) {
    int e = Math.getExponent(v);
    return FixedType.ufixed(1, e + 1);
  }

  @Override
  public Builtin function() {
    return Builtin.TANH;
  }

  /** The type of |x|: negation widens by one bit. */
  public FixedType magnitudeType() {
    return FixedOp.negationType(argType);
  }

  /** |x| * N / end, truncated to t's bits; saturation keeps every |x| from end on at N or beyond. */
  public FixedType positionType() {
    int bits = indexBits() + 2;
    return FixedType.ufixed(bits + positionFractionBits(), bits, Quantization.AP_TRN, Overflow.AP_SAT);
  }

  @Override
  public Fixed evaluate(Fixed x) {
    boolean negative = x.signum() < 0;
    Fixed magnitude = (negative ? x.neg() : x).cast(magnitudeType());
    Fixed position = magnitude.mul(scale).cast(positionType());
    Fixed v = position.toInt() >= segments.size() ? one : segments.at(position);
    return negative ? v.neg().cast(resultType) : v;
  }
}
