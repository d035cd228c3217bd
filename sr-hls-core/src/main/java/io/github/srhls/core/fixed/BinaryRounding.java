package io.github.srhls.core.fixed;

import java.math.BigInteger;

/**
 * Correct rounding (to nearest, ties to even) of {@code v * 2^-f} to an IEEE binary format, subnormals included.
 * Rounding happens once, in integers, so wide values never suffer double rounding.
 */
final class BinaryRounding {

  /** Significand bits and the exponent of the smallest normal number. */
  record Format(int precision, int minExponent) {
  }

  static final Format DOUBLE = new Format(53, -1022);
  static final Format FLOAT = new Format(24, -126);

  private BinaryRounding() {
  }

  /**
   * {@link #round(BigInteger, int, Format)} for a long v. Java's long-to-double and long-to-float conversions
   * round to nearest, ties to even, and scaling a normal result by a power of two is exact; so when f keeps every
   * nonzero result normal (|v| is in [1, 2^63]) one conversion is the correctly rounded answer.
   */
  static double round(long v, int f, Format format) {
    if (format == DOUBLE && f >= -900 && f <= 900) {
      return Math.scalb((double) v, -f);
    }
    if (format == FLOAT && f >= -64 && f <= 126) {
      return Math.scalb((float) v, -f);
    }
    return round(BigInteger.valueOf(v), f, format);
  }

  /** The rounded value as a double; for {@link #FLOAT} it is exactly representable as a float (or infinite). */
  static double round(BigInteger v, int f, Format format) {
    if (v.signum() == 0) {
      return 0.0;
    }
    BigInteger a = v.abs();
    int n = a.bitLength();
    // weight 2^q of the last significand bit kept: normal numbers keep `precision` bits, subnormals fewer
    long q = Math.max((long) n - f - format.precision(), (long) format.minExponent() - format.precision() + 1);
    long shift = f + q;
    BigInteger m;
    if (shift <= 0) {
      m = a.shiftLeft((int) -shift);
    } else {
      int s = (int) Math.min(shift, n + 1L); // beyond n + 1 every bit is below the half bit anyway
      m = a.shiftRight(s);
      boolean half = a.testBit(s - 1);
      boolean sticky = a.getLowestSetBit() < s - 1;
      if (half && (sticky || m.testBit(0))) {
        m = m.add(BigInteger.ONE);
      }
    }
    // m < 2^54 is exact as a double; scaling by 2^q is exact unless it overflows to infinity
    double d = Math.scalb((double) m.longValueExact(), (int) Math.min(q, 4096));
    return v.signum() < 0 ? -d : d;
  }
}
