package io.github.srhls.core.design.units;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import java.util.List;

/**
 * exp by exponent split: exp(x) = 2^u with u = x log2(e) = k + f, k an integer and f in [0, 1). One multiplication
 * gives the position u * N (N segments); its low integer bits pick a segment of 2^f over one octave (its fraction
 * is t), the rest is k, which selects a power of two from a second small table. Every argument of the argument's
 * type is reduced this way; none is clamped. Powers of two beyond what the result type can show are held at the
 * ends: above, the result overflows as the true value would; below, it is under a quarter of the result's LSB.
 *
 * @param scale N log2(e)
 * @param segments 2^f over one octave, in {@link #mantissaType(FixedType)}
 * @param minExponent the smallest k kept
 * @param powers 2^k for k from minExponent, in {@link #powerType()}
 */
public record ExpTable(FixedType argType, FixedType resultType, Fixed scale, Segments segments, int minExponent,
    List<Fixed> powers) implements TableUnit {

  public ExpTable {
    powers = List.copyOf(powers);
  }

  public static ExpTable of(FixedType argType, FixedType resultType, int indexBits, int degree) {
    int n = 1 << indexBits;
    double log2e = 1 / Math.log(2);
    Segments segments = Segments.fit(Reduction.of(Builtin.EXP, indexBits, resultType), indexBits, degree,
        mantissaType(resultType));
    Fixed scale = Fixed.fromDouble(n * log2e,
        Segments.scaleType(n * log2e, argType, TableUnit.positionFractionBits(segments)));
    // k beyond these changes nothing the result type can show
    int min = -resultType.fracBits() - 3;
    int max = resultType.intBits() + 1;
    return new ExpTable(argType, resultType, scale, segments, min, PowersOfTwo.of(min, 1, max - min + 1));
  }

  /** 2^f in [1, 2) with as many fraction bits as the result has bits: the largest power scales its error up. */
  public static FixedType mantissaType(FixedType resultType) {
    return FixedType.ufixed(resultType.width() + 1, 1, Quantization.AP_TRN, Overflow.AP_SAT);
  }

  @Override
  public Builtin function() {
    return Builtin.EXP;
  }

  public FixedType powerType() {
    return powers.get(0).type();
  }

  /** x * scale truncated to t's bits, saturated: wide enough for every argument of the argument type. */
  public FixedType positionType() {
    double largest = Math.max(Math.abs(Math.scalb(1.0, argType.intBits())), 1) * scale.toDouble();
    int bits = Math.getExponent(largest) + 3;
    return FixedType.fixed(bits + positionFractionBits(), bits, Quantization.AP_TRN, Overflow.AP_SAT);
  }

  /** The low integer bits of the position and its fraction: the wrap keeps the position mod N. */
  public FixedType indexType() {
    return FixedType.ufixed(indexBits() + positionFractionBits(), indexBits(), Quantization.AP_TRN,
        Overflow.AP_WRAP);
  }

  /** 2^-indexBits exactly, to take k = floor(t / N). */
  public Fixed octave() {
    return Fixed.fromDouble(Math.scalb(1.0, -indexBits()), FixedType.ufixed(1, 1 - indexBits()));
  }

  /**
   * The exponent k = floor(t / N), saturated to what the firmware's {@code to_int()} returns whole: a C int, 32
   * bits. Beyond the kept exponents either way, saturation changes nothing the clamp to them does not.
   */
  public FixedType exponentType() {
    int bits = Math.min(positionType().intBits() - indexBits() + 1, Integer.SIZE);
    return FixedType.fixed(bits, bits, Quantization.AP_TRN, Overflow.AP_SAT);
  }

  public int maxExponent() {
    return minExponent + powers.size() - 1;
  }

  @Override
  public Fixed evaluate(Fixed x) {
    Fixed position = x.mul(scale).cast(positionType());
    Fixed inOctave = position.cast(indexType());
    long k = position.mul(octave()).cast(exponentType()).toInt();
    int kept = (int) Math.max(minExponent, Math.min(maxExponent(), k));
    Fixed m = segments.at(inOctave);
    return m.mul(powers.get(kept - minExponent)).cast(resultType);
  }
}
