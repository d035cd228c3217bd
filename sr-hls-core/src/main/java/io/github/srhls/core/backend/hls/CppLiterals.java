package io.github.srhls.core.backend.hls;

import io.github.srhls.core.fixed.Fixed;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Writes fixed-point values as C++ expressions that a compiler reads back to exactly that value. */
final class CppLiterals {
  /** A double holds a value exactly when its significand fits 53 bits. */
  private static final int DOUBLE_BITS = 53;
  /** The bits of each lower part of a value too long for one double: below 2^52, so exact and non-negative. */
  private static final int PART_BITS = 52;

  private CppLiterals() {}

  /**
   * The value as a C++ expression of exactly that value: a decimal literal where its significant bits fit a double
   * (the C++ type's constructor reads a double exactly), else the full-precision sum of parts that each fit one,
   * each in the value's own type ({@code (T(hi) + T(lo))}). Both our header and the vendor's construct a type from a
   * double exactly and add at full precision, so the sum is the value, and assigning it to its type is exact.
   */
  static String exact(Fixed v) {
    BigInteger raw = v.raw();
    int frac = v.type().fracBits();
    if (significantBits(raw) <= DOUBLE_BITS) {
      return decimal(raw, frac);
    }
    // each part lies within the type: the top part (raw rounded toward -inf to a multiple of 2^(52k)) between the
    // type's minimum and raw, the lower ones below 2^52k, which the top part's magnitude exceeds
    String type = v.type().cpp();
    StringBuilder sum = new StringBuilder();
    int shift = 0;
    BigInteger rest = raw;
    while (significantBits(rest) > DOUBLE_BITS) {
      BigInteger part = rest.and(BigInteger.ONE.shiftLeft(PART_BITS).subtract(BigInteger.ONE));
      if (part.signum() != 0) {
        sum.insert(0, " + " + type + "(" + decimal(part, frac - shift) + ")");
      }
      rest = rest.shiftRight(PART_BITS);
      shift += PART_BITS;
    }
    return "(" + type + "(" + decimal(rest, frac - shift) + ")" + sum + ")";
  }

  /** Bits from the highest to the lowest set bit of the magnitude: what a double's significand must hold. */
  private static int significantBits(BigInteger raw) {
    return raw.signum() == 0 ? 0 : raw.abs().bitLength() - raw.abs().getLowestSetBit();
  }

  /** raw * 2^-frac written out exactly in decimal. */
  private static String decimal(BigInteger raw, int frac) {
    BigDecimal d = frac >= 0
        ? new BigDecimal(raw).divide(new BigDecimal(BigInteger.TWO.pow(frac)))
        : new BigDecimal(raw.shiftLeft(-frac));
    String s = d.stripTrailingZeros().toPlainString();
    return s.contains(".") ? s : s + ".0";
  }

  /** Text made safe for a C++ {@code //} comment: no control characters, no comment terminator. */
  static String comment(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      b.append(c < 0x20 || c == 0x7f ? ' ' : c);
    }
    return b.toString().replace("*/", "* /");
  }
}
