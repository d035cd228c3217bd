package io.github.srhls.core.fixed;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact fixed-point value: {@code raw * 2^-F} of a {@link FixedType} with F = W - I fractional bits, as the
 * vendor's {@code ap_fixed} family holds it. Arithmetic is full precision ({@link FixedOp#resultType}); rounding and
 * overflow happen only in {@link #cast}, exactly as an assignment in C++ does.
 *
 * <p>A raw code that fits in a {@code long} is held as one and computed on with overflow-checked {@code long}
 * arithmetic; a code that does not, or an operation whose exact result would not fit, goes through
 * {@link BigInteger}. Both give the same bits; the long path only exists because the bit-accurate model evaluates
 * millions of operations.
 *
 * <p>{@link #compareTo} compares values, so it is not consistent with {@link #equals}, which also compares types.
 */
public final class Fixed implements Comparable<Fixed> {

  private static final FixedType C_INT = FixedType.apInt(32);

  /** The raw code, when {@link #wide} is null. */
  private final long small;
  /** The raw code when it does not fit in a long (or when {@link #ofRawWide} asked for it); else null. */
  private final BigInteger wide;
  private final FixedType type;

  /**
   * @param raw the integer code, within the type's range
   * @param type the type
   */
  public Fixed(BigInteger raw, FixedType type) {
    this(raw, type, false);
  }

  private Fixed(BigInteger raw, FixedType type, boolean keepWide) {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(type, "type");
    if (!Conversion.fits(raw, type)) {
      throw new IllegalArgumentException("raw value " + raw + " does not fit " + type);
    }
    boolean asLong = !keepWide && raw.bitLength() < Long.SIZE;
    this.small = asLong ? raw.longValue() : 0;
    this.wide = asLong ? null : raw;
    this.type = type;
  }

  private Fixed(long raw, FixedType type) {
    Objects.requireNonNull(type, "type");
    if (!Conversion.fits(raw, type)) {
      throw new IllegalArgumentException("raw value " + raw + " does not fit " + type);
    }
    this.small = raw;
    this.wide = null;
    this.type = type;
  }

  public static Fixed ofRaw(BigInteger raw, FixedType type) {
    return new Fixed(raw, type);
  }

  static Fixed ofRaw(long raw, FixedType type) {
    return new Fixed(raw, type);
  }

  /**
   * A value held as a BigInteger whatever its size, so every operation on it takes the BigInteger path: tests
   * compare that path with the long one.
   */
  static Fixed ofRawWide(BigInteger raw, FixedType type) {
    return new Fixed(raw, type, true);
  }

  public static Fixed zero(FixedType type) {
    return new Fixed(0L, type);
  }

  /** The largest value of the type. */
  public static Fixed max(FixedType type) {
    return new Fixed(Conversion.maxRaw(type), type);
  }

  /** The smallest value of the type. */
  public static Fixed min(FixedType type) {
    return new Fixed(Conversion.minRaw(type), type);
  }

  /** A C {@code int} operand: it acts as {@code ap_fixed<32,32>} and, like {@code ap_int<32>}, is an integer. */
  public static Fixed ofCInt(int v) {
    return new Fixed(v, C_INT);
  }

  /** The integer code: the value is {@code raw * 2^-F}. */
  public BigInteger raw() {
    return wide != null ? wide : BigInteger.valueOf(small);
  }

  public FixedType type() {
    return type;
  }

  /**
   * The code's W-bit two's-complement pattern, unsigned, as a long (the raw bits a port of the type carries), for a
   * type of at most 64 bits: what {@code raw()} masked to W gives, without a BigInteger.
   *
   * @throws IllegalStateException for a wider type
   */
  public long bits() {
    int w = type.width();
    if (w > Long.SIZE) {
      throw new IllegalStateException(type + " has more than 64 bits");
    }
    long code = wide == null ? small : wide.longValue();
    return w == Long.SIZE ? code : code & LongBits.mask(w);
  }

  /** The value whose W-bit pattern is {@code bits} (only its low W bits count), for a type of at most 64 bits. */
  public static Fixed ofBits(long bits, FixedType type) {
    int w = type.width();
    if (w > Long.SIZE) {
      throw new IllegalArgumentException(type + " has more than 64 bits");
    }
    if (w == Long.SIZE) {
      return type.signed() || bits >= 0 ? new Fixed(bits, type)
          : new Fixed(new BigInteger(Long.toUnsignedString(bits)), type);
    }
    long p = bits & LongBits.mask(w);
    return new Fixed(type.signed() && LongBits.testBit(p, w - 1) ? p - (1L << w) : p, type);
  }

  /** -1, 0 or 1 as the value is negative, zero or positive. */
  public int signum() {
    return wide != null ? wide.signum() : Long.signum(small);
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
    return Conversion.convert(bits < 0 ? -m : m, -exponent, target);
  }

  /** This value assigned to {@code target}: quantization, then overflow, with the target's modes. */
  public Fixed cast(FixedType target) {
    return castReporting(target).value();
  }

  /** {@link #cast}, also telling whether the overflow mode acted. */
  public CastResult castReporting(FixedType target) {
    if (target.integer() && !type.integer() && type.intBits() <= 0 && signum() < 0) {
      // the vendor takes the integer part of a type without integer bits as -1 when negative (see toInt)
      return Conversion.convert(-1L, 0, target);
    }
    return wide == null
        ? Conversion.convert(small, type.fracBits(), target)
        : Conversion.convert(wide, type.fracBits(), target);
  }

  public Fixed add(Fixed other) {
    return sum(other, false);
  }

  public Fixed sub(Fixed other) {
    return sum(other, true);
  }

  /** This plus or minus other, both codes aligned to the result's fractional bits. */
  private Fixed sum(Fixed other, boolean subtract) {
    FixedType t = (subtract ? FixedOp.SUB : FixedOp.ADD).resultType(type, other.type);
    int sa = t.fracBits() - type.fracBits();
    int sb = t.fracBits() - other.type.fracBits();
    if (wide == null && other.wide == null && LongBits.shiftFits(small, sa) && LongBits.shiftFits(other.small, sb)) {
      long x = small << sa;
      long y = other.small << sb;
      long r = subtract ? x - y : x + y;
      // the sign of r is wrong exactly when the operation overflowed
      boolean overflowed = (subtract ? (x ^ y) & (x ^ r) : (x ^ r) & (y ^ r)) < 0;
      if (!overflowed) {
        return new Fixed(r, t);
      }
    }
    BigInteger x = aligned(t);
    BigInteger y = other.aligned(t);
    return new Fixed(subtract ? x.subtract(y) : x.add(y), t);
  }

  public Fixed mul(Fixed other) {
    FixedType t = FixedOp.MUL.resultType(type, other.type);
    if (wide == null && other.wide == null) {
      long lo = small * other.small;
      if (Math.multiplyHigh(small, other.small) == lo >> 63) { // the 128-bit product is lo, sign-extended
        return new Fixed(lo, t);
      }
    }
    return new Fixed(raw().multiply(other.raw()), t);
  }

  /**
   * The vendor's division: the quotient {@code trunc(A * 2^max(F2,0) / B)} in the result type's LSBs, computed in
   * {@link FixedOp#divisionWidth} bits, so that the most negative value divided by -1 LSB wraps to itself
   * ({@link FixedOp#divisionCanWrap}).
   *
   * @throws ArithmeticException when {@code other} is zero (the C++ program traps there)
   */
  public Fixed div(Fixed other) {
    if (other.signum() == 0) {
      throw new ArithmeticException("fixed-point division by zero: " + this + " / " + other);
    }
    FixedType t = FixedOp.DIV.resultType(type, other.type);
    int shift = Math.max(other.type.fracBits(), 0);
    if (FixedOp.divisionCanWrap(type, other.type) && other.raw().equals(BigInteger.ONE.negate())
        && raw().equals(Conversion.minRaw(type))) {
      // the vendor divides in FixedOp.divisionWidth bits: +2^(W-1) wraps to the dividend itself
      return new Fixed(raw().shiftLeft(shift), t);
    }
    // Long.MIN_VALUE / -1 is the one quotient that overflows a long
    if (wide == null && other.wide == null && LongBits.shiftFits(small, shift)
        && (small << shift != Long.MIN_VALUE || other.small != -1)) {
      return new Fixed((small << shift) / other.small, t); // long division truncates toward zero, as C does
    }
    BigInteger dividend = raw().shiftLeft(shift);
    return new Fixed(dividend.divide(other.raw()), t); // BigInteger.divide truncates toward zero too
  }

  public Fixed neg() {
    FixedType t = FixedOp.negationType(type);
    return wide == null && small != Long.MIN_VALUE ? new Fixed(-small, t) : new Fixed(raw().negate(), t);
  }

  /** The raw code scaled to the (not smaller) number of fractional bits of {@code t}. */
  private BigInteger aligned(FixedType t) {
    return raw().shiftLeft(t.fracBits() - type.fracBits());
  }

  /** The nearest double, ties to even, as {@code to_double()}. */
  public double toDouble() {
    return wide == null
        ? BinaryRounding.round(small, type.fracBits(), BinaryRounding.DOUBLE)
        : BinaryRounding.round(wide, type.fracBits(), BinaryRounding.DOUBLE);
  }

  /** The nearest float, ties to even, as {@code to_float()}. */
  public float toFloat() {
    return (float) (wide == null
        ? BinaryRounding.round(small, type.fracBits(), BinaryRounding.FLOAT)
        : BinaryRounding.round(wide, type.fracBits(), BinaryRounding.FLOAT));
  }

  /**
   * The value truncated toward zero, in its low 64 bits, as {@code to_int64()}. A signed type with I <= 0 is the
   * exception, as in the vendor's headers: its negative values give -1.
   */
  public long toInt() {
    if (type.signed() && type.intBits() <= 0 && signum() < 0) {
      return -1;
    }
    int f = type.fracBits();
    if (wide == null) {
      if (f <= 0) {
        return f > -Long.SIZE ? small << -f : 0;
      }
      // the magnitude as an unsigned long: -Long.MIN_VALUE reads as 2^63
      long magnitude = f < Long.SIZE ? Math.abs(small) >>> f : 0;
      return small < 0 ? -magnitude : magnitude;
    }
    if (f <= 0) {
      return wide.shiftLeft(-f).longValue();
    }
    BigInteger magnitude = wide.abs().shiftRight(f);
    return (wide.signum() < 0 ? magnitude.negate() : magnitude).longValue();
  }

  /** The exact value. */
  public BigDecimal toBigDecimal() {
    int f = type.fracBits();
    if (f <= 0) {
      return new BigDecimal(raw().shiftLeft(-f));
    }
    // 2^-f = 5^f * 10^-f
    return new BigDecimal(raw().multiply(BigInteger.valueOf(5).pow(f)), f);
  }

  @Override
  public int compareTo(Fixed other) {
    int f = Math.max(type.fracBits(), other.type.fracBits());
    int sa = f - type.fracBits();
    int sb = f - other.type.fracBits();
    if (wide == null && other.wide == null && LongBits.shiftFits(small, sa) && LongBits.shiftFits(other.small, sb)) {
      return Long.compare(small << sa, other.small << sb);
    }
    return raw().shiftLeft(sa).compareTo(other.raw().shiftLeft(sb));
  }

  /** Same type and same code. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Fixed f && type.equals(f.type)
        && (wide == null && f.wide == null ? small == f.small : raw().equals(f.raw()));
  }

  @Override
  public int hashCode() {
    return 31 * raw().hashCode() + type.hashCode();
  }

  @Override
  public String toString() {
    return type.cpp() + "(" + toBigDecimal().stripTrailingZeros().toPlainString() + ")";
  }
}
