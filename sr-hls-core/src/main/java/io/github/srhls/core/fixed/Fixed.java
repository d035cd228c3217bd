package io.github.srhls.core.fixed;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact fixed-point value: {@code raw * 2^-F} of a {@link FixedType} with F = W - I fractional bits, as the
 * vendor's {@code ap_fixed} family holds it. Arithmetic is full precision ({@link FixedOp#resultType}); rounding and
 * overflow happen only in {@link #cast}, exactly as an assignment in C++ does.
 *
 * <p>{@link #compareTo} compares values, so it is not consistent with {@link #equals}, which also compares types.
 *
 * @param raw the integer code, within the type's range
 * @param type the type
 */
public record Fixed(BigInteger raw, FixedType type) implements Comparable<Fixed> {

  private static final FixedType C_INT = FixedType.apInt(32);
  private static final FixedType C_LONG_LONG = FixedType.apInt(64);

  public Fixed {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(type, "type");
    if (!Conversion.fits(raw, type)) {
      throw new IllegalArgumentException("raw value " + raw + " does not fit " + type);
    }
  }

  public static Fixed ofRaw(BigInteger raw, FixedType type) {
    return new Fixed(raw, type);
  }

  public static Fixed zero(FixedType type) {
    return new Fixed(BigInteger.ZERO, type);
  }

  /** A C {@code int} operand: it acts as {@code ap_fixed<32,32>} and, like {@code ap_int<32>}, is an integer. */
  public static Fixed ofCInt(int v) {
    return new Fixed(BigInteger.valueOf(v), C_INT);
  }

  /** A C {@code long long} operand ({@code ap_int<64>}). */
  public static Fixed ofInt(long v) {
    return new Fixed(BigInteger.valueOf(v), C_LONG_LONG);
  }

  /**
   * The exact binary value of {@code v} assigned to {@code target} with its modes. ±Infinity counts as ±2^1024, as
   * in the vendor's headers: it saturates under the SAT modes.
   *
   * @throws IllegalArgumentException for NaN, which has no fixed-point value
   */
  public static Fixed fromDouble(double v, FixedType target) {
    return fromDoubleReporting(v, target).value();
  }

  /** {@link #fromDouble}, also telling whether the conversion overflowed. */
  public static CastResult fromDoubleReporting(double v, FixedType target) {
    if (Double.isNaN(v)) {
      throw new IllegalArgumentException("NaN cannot be converted to " + target);
    }
    long bits = Double.doubleToRawLongBits(v);
    int biased = (int) (bits >>> 52) & 0x7ff;
    long mantissa = bits & ((1L << 52) - 1);
    // subnormals have no hidden bit; infinity reads as mantissa 1.0 with exponent 1024
    long m = biased == 0 ? mantissa : mantissa | (1L << 52);
    int exponent = Math.max(biased, 1) - 1075;
    return Conversion.convert(BigInteger.valueOf(bits < 0 ? -m : m), -exponent, target);
  }

  /** This value assigned to {@code target}: quantization, then overflow, with the target's modes. */
  public Fixed cast(FixedType target) {
    return castReporting(target).value();
  }

  /** {@link #cast}, also telling whether the overflow mode acted. */
  public CastResult castReporting(FixedType target) {
    return Conversion.convert(raw, type.fracBits(), target);
  }

  /** Whether assigning this value to {@code target} overflows (see {@link CastResult#overflowed}). */
  public boolean overflows(FixedType target) {
    return castReporting(target).overflowed();
  }

  public Fixed add(Fixed other) {
    FixedType t = FixedOp.ADD.resultType(type, other.type);
    return new Fixed(aligned(t).add(other.aligned(t)), t);
  }

  public Fixed sub(Fixed other) {
    FixedType t = FixedOp.SUB.resultType(type, other.type);
    return new Fixed(aligned(t).subtract(other.aligned(t)), t);
  }

  public Fixed mul(Fixed other) {
    return new Fixed(raw.multiply(other.raw), FixedOp.MUL.resultType(type, other.type));
  }

  /**
   * The vendor's division: the quotient {@code trunc(A * 2^max(F2,0) / B)} in the result type's LSBs.
   *
   * @throws ArithmeticException when {@code other} is zero (the C++ program traps there)
   */
  public Fixed div(Fixed other) {
    if (other.raw.signum() == 0) {
      throw new ArithmeticException("fixed-point division by zero: " + this + " / " + other);
    }
    FixedType t = FixedOp.DIV.resultType(type, other.type);
    BigInteger dividend = raw.shiftLeft(Math.max(other.type.fracBits(), 0));
    return new Fixed(dividend.divide(other.raw), t); // BigInteger.divide truncates toward zero, as C does
  }

  public Fixed neg() {
    return new Fixed(raw.negate(), FixedOp.negationType(type));
  }

  /** {@code a op b} at full precision. */
  public static Fixed apply(FixedOp op, Fixed a, Fixed b) {
    return switch (op) {
      case ADD -> a.add(b);
      case SUB -> a.sub(b);
      case MUL -> a.mul(b);
      case DIV -> a.div(b);
    };
  }

  /** {@code op} applied to operands of these types gives this type. */
  public static FixedType resultType(FixedOp op, FixedType a, FixedType b) {
    return op.resultType(a, b);
  }

  /** The raw code scaled to the (not smaller) number of fractional bits of {@code t}. */
  private BigInteger aligned(FixedType t) {
    return raw.shiftLeft(t.fracBits() - type.fracBits());
  }

  /** The nearest double, ties to even, as {@code to_double()}. */
  public double toDouble() {
    return BinaryRounding.round(raw, type.fracBits(), BinaryRounding.DOUBLE);
  }

  /** The nearest float, ties to even, as {@code to_float()}. */
  public float toFloat() {
    return (float) BinaryRounding.round(raw, type.fracBits(), BinaryRounding.FLOAT);
  }

  /** The value truncated toward zero, in its low 64 bits, as {@code to_int64()}. */
  public long toInt() {
    int f = type.fracBits();
    if (f <= 0) {
      return raw.shiftLeft(-f).longValue();
    }
    BigInteger magnitude = raw.abs().shiftRight(f);
    return (raw.signum() < 0 ? magnitude.negate() : magnitude).longValue();
  }

  /** The exact value. */
  public BigDecimal toBigDecimal() {
    int f = type.fracBits();
    if (f <= 0) {
      return new BigDecimal(raw.shiftLeft(-f));
    }
    // 2^-f = 5^f * 10^-f
    return new BigDecimal(raw.multiply(BigInteger.valueOf(5).pow(f)), f);
  }

  @Override
  public int compareTo(Fixed other) {
    int f = Math.max(type.fracBits(), other.type.fracBits());
    return raw.shiftLeft(f - type.fracBits()).compareTo(other.raw.shiftLeft(f - other.type.fracBits()));
  }

  @Override
  public String toString() {
    return type.cpp() + "(" + toBigDecimal().stripTrailingZeros().toPlainString() + ")";
  }
}
