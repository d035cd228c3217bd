package io.github.srhls.core.design.units;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import java.util.List;

/**
 * log, log2 and log10 by mantissa and exponent: x = m 2^e with m in [1, 2), found by comparing x with the powers of
 * two its type can hold (a priority encoder), so log(x) = log(m) + e log(2), with log(m) from segments over one
 * octave (the position (m - 1) N picks the segment, its fraction is t). Every positive argument of the argument's
 * type is reduced this way, none is clamped; a non-positive one is taken as the smallest positive value of the type,
 * where PySR's safe_log would give NaN.
 *
 * @param segments log(m) for m in [1, 2), in {@link #valueType}
 * @param minExponent e of the smallest positive value of the argument type
 * @param powers 2^e for e from minExponent, exact in {@link #powerType()}
 * @param inversePowers 2^-e, exact in {@link #inverseType()}
 * @param logOfTwo log(2) in the function's base, in {@link #constantType()}
 */
public record LogTable(Builtin function, FixedType argType, FixedType resultType, Segments segments,
    int minExponent, List<Fixed> powers, List<Fixed> inversePowers, Fixed logOfTwo) implements TableUnit {

  public LogTable {
    powers = List.copyOf(powers);
    inversePowers = List.copyOf(inversePowers);
  }

  public static LogTable of(Builtin function, FixedType argType, FixedType resultType, int indexBits, int degree) {
    double base = function == Builtin.LOG2 ? 2 : function == Builtin.LOG10 ? 10 : Math.E;
    Segments segments = Segments.fit(Reduction.of(function, indexBits, resultType), indexBits, degree,
        valueType(resultType));
    int min = -argType.fracBits();
    // a type too narrow for any power of two but its LSB still has that one
    int max = Math.max(min, argType.intBits() - (argType.signed() ? 2 : 1));
    int count = max - min + 1;
    Fixed log2 = Fixed.fromDouble(Math.log(2) / Math.log(base), constantType(resultType, min, max));
    return new LogTable(function, argType, resultType, segments, min, PowersOfTwo.of(min, 1, count),
        PowersOfTwo.of(-min, -1, count), log2);
  }

  /**
   * log(m) in [0, log(2)) needs room of its own: the result's range follows log(x), which may not hold it. Same
   * LSB as the result, two integer bits, saturating.
   */
  public static FixedType valueType(FixedType resultType) {
    int frac = resultType.fracBits();
    return FixedType.fixed(Math.max(1, frac + 2), 2, Quantization.AP_TRN, Overflow.AP_SAT);
  }

  /**
   * log(2) with enough fraction bits that e times its rounding error stays under 1/32 of the result's LSB for
   * every exponent e of the argument type.
   */
  static FixedType constantType(FixedType resultType, int minExponent, int maxExponent) {
    int largest = Math.max(Math.abs(minExponent), Math.abs(maxExponent));
    int eBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, largest));
    int frac = Math.max(1, resultType.fracBits() + eBits + 4);
    return FixedType.ufixed(frac + 1, 1, Quantization.AP_RND, Overflow.AP_SAT);
  }

  public int maxExponent() {
    return minExponent + powers.size() - 1;
  }

  public FixedType powerType() {
    return powers.get(0).type();
  }

  public FixedType inverseType() {
    return inversePowers.get(0).type();
  }

  public FixedType constantType() {
    return logOfTwo.type();
  }

  /** m times N, wrapped to the index bits: (m - 1) N for m in [1, 2), truncated to t's bits. */
  public FixedType indexType() {
    return FixedType.ufixed(indexBits() + positionFractionBits(), indexBits(), Quantization.AP_TRN,
        Overflow.AP_WRAP);
  }

  /** N exactly, to scale the mantissa to the index. */
  public Fixed entries() {
    return Fixed.fromDouble(segments.size(), FixedType.ufixed(indexBits() + 1, indexBits() + 1));
  }

  @Override
  public Fixed evaluate(Fixed x) {
    int e = minExponent;
    Fixed position = Fixed.zero(indexType());
    if (x.signum() > 0) {
      e = PowersOfTwo.exponent(x, powers, minExponent);
      Fixed m = x.mul(inversePowers.get(e - minExponent));
      position = m.mul(entries()).cast(indexType());
    }
    Fixed v = segments.at(position);
    return v.add(Fixed.ofCInt(e).mul(logOfTwo)).cast(resultType);
  }
}
