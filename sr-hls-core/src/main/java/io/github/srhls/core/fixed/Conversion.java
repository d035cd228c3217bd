package io.github.srhls.core.fixed;

import java.math.BigInteger;

/**
 * Assignment of an exact value {@code v * 2^-f} to a type: quantization (Q), then overflow (O, N), in that order,
 * so a rounding carry can overflow (facts: fixed-point.md, "Where Q, O and N act"). The C++ header
 * {@code srhls_ap_types.h} implements the same steps and must agree bit for bit.
 */
final class Conversion {

  /** Widest target the long path handles: its whole range and every W-bit pattern then fit in a long. */
  private static final int LONG_TARGET_WIDTH = 62;

  private Conversion() {
  }

  static BigInteger maxRaw(FixedType t) {
    return BigInteger.ONE.shiftLeft(t.signed() ? t.width() - 1 : t.width()).subtract(BigInteger.ONE);
  }

  static BigInteger minRaw(FixedType t) {
    return t.signed() ? BigInteger.ONE.shiftLeft(t.width() - 1).negate() : BigInteger.ZERO;
  }

  /** Whether raw is a code of t, without building the range (a signed W-bit code has bitLength <= W-1). */
  static boolean fits(BigInteger raw, FixedType t) {
    return t.signed() ? raw.bitLength() < t.width() : raw.signum() >= 0 && raw.bitLength() <= t.width();
  }

  /** As {@link #fits(BigInteger, FixedType)}, for a long code. */
  static boolean fits(long raw, FixedType t) {
    return t.signed() ? LongBits.bitLength(raw) < t.width() : raw >= 0 && LongBits.bitLength(raw) <= t.width();
  }

  private static boolean isMostNegative(BigInteger raw, FixedType t) {
    return t.signed() && raw.signum() < 0 && raw.bitLength() == t.width() - 1
        && raw.getLowestSetBit() == t.width() - 1;
  }

  /** The number of bits of a value with fracBits fractional bits that fall below the target's LSB (s > 0). */
  private static long dropped(int fracBits, FixedType target) {
    long s = (long) fracBits - target.fracBits();
    if (Math.abs(s) > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("the binary points of the value and of " + target + " are too far apart");
    }
    return s;
  }

  /**
   * {@link #convert(BigInteger, int, FixedType)} for a long source: the same steps in long arithmetic, or through
   * BigInteger when the target is wider than {@link #LONG_TARGET_WIDTH} or the aligned value would overflow.
   */
  static CastResult convert(long v, int fracBits, FixedType target) {
    long s = dropped(fracBits, target);
    int w = target.width();
    if (w > LONG_TARGET_WIDTH || s < 0 && !LongBits.shiftFits(v, -s)) {
      return convert(BigInteger.valueOf(v), fracBits, target);
    }
    boolean negative = v < 0;
    long t = s <= 0 ? v << -s : quantize(v, s, quantization(target), negative);

    boolean signed = target.signed();
    long max = LongBits.mask(signed ? w - 1 : w);
    long min = signed ? -max - 1 : 0;
    boolean symmetric = target.overflow() == Overflow.AP_SAT_SYM;
    if (t >= min && t <= max && !(symmetric && signed && t == min)) {
      return new CastResult(Fixed.ofRaw(t, target), false);
    }
    long raw = switch (target.overflow()) {
      case AP_SAT, AP_SAT_SYM -> !negative ? max : symmetric && signed ? -max : min;
      case AP_SAT_ZERO -> 0;
      case AP_WRAP -> wrap(t, target, negative);
      case AP_WRAP_SM -> wrapSignMagnitude(t, target, negative, w + s >= 0 && LongBits.testBit(v, w + s));
    };
    return new CastResult(Fixed.ofRaw(raw, target), true);
  }

  /** {@link #quantize(BigInteger, int, Quantization, boolean)} for a long source, s >= 1. */
  private static long quantize(long v, long s, Quantization q, boolean negative) {
    long floor = v >> Math.min(s, Long.SIZE - 1);
    if (q == Quantization.AP_TRN) {
      return floor;
    }
    boolean half = LongBits.testBit(v, s - 1);
    boolean below = LongBits.anyLowBit(v, s - 1);
    // floor <= v / 2, so adding one cannot overflow
    return roundsUp(q, negative, half, below, (floor & 1) != 0) ? floor + 1 : floor;
  }

  /** {@link #wrap(BigInteger, FixedType, boolean)} for a target of at most {@link #LONG_TARGET_WIDTH} bits. */
  private static long wrap(long t, FixedType target, boolean negative) {
    int w = target.width();
    int n = target.saturationBits();
    long p = t & LongBits.mask(w);
    if (n > 0) {
      if (target.signed()) {
        p = setBit(p, w - 1, negative);
        p = setBits(p, LongBits.mask(n - 1) << (w - n), !negative);
      } else {
        p |= LongBits.mask(n) << (w - n);
      }
    }
    return fromPattern(p, target);
  }

  /** {@link #wrapSignMagnitude(BigInteger, FixedType, boolean, boolean)} for a narrow target. */
  private static long wrapSignMagnitude(long t, FixedType target, boolean negative, boolean lD) {
    int w = target.width();
    int n = target.saturationBits();
    long all = LongBits.mask(w);
    long p = t & all;
    boolean msb = LongBits.testBit(p, w - 1);
    if (n == 0) {
      if (lD != msb) {
        p = setBit(p ^ all, w - 1, lD);
      }
    } else {
      if (n == 1 && negative != msb) {
        p ^= all;
      } else if (n > 1) {
        if (LongBits.testBit(p, w - n) == negative) {
          p ^= all;
        }
        p = setBits(p, LongBits.mask(n - 1) << (w - n), !negative);
      }
      p = setBit(p, w - 1, negative);
    }
    return fromPattern(p, target);
  }

  private static long setBit(long p, int k, boolean value) {
    return setBits(p, 1L << k, value);
  }

  private static long setBits(long p, long bits, boolean value) {
    return value ? p | bits : p & ~bits;
  }

  private static long fromPattern(long p, FixedType target) {
    return target.signed() && LongBits.testBit(p, target.width() - 1) ? p - (1L << target.width()) : p;
  }

  static CastResult convert(BigInteger v, int fracBits, FixedType target) {
    long s = dropped(fracBits, target);
    boolean negative = v.signum() < 0;
    BigInteger t = s <= 0 ? v.shiftLeft((int) -s) : quantize(v, (int) s, quantization(target), negative);

    // AP_SAT_SYM: on a signed type the most negative code is replaced by -max as well
    boolean symmetric = target.overflow() == Overflow.AP_SAT_SYM;
    if (fits(t, target) && !(symmetric && isMostNegative(t, target))) {
      return new CastResult(new Fixed(t, target), false);
    }
    BigInteger max = maxRaw(target);
    BigInteger raw = switch (target.overflow()) {
      case AP_SAT, AP_SAT_SYM -> !negative ? max : symmetric && target.signed() ? max.negate() : minRaw(target);
      case AP_SAT_ZERO -> BigInteger.ZERO;
      case AP_WRAP -> wrap(t, target, negative);
      case AP_WRAP_SM -> wrapSignMagnitude(t, target, negative, sourceBit(v, target.width() + s));
    };
    return new CastResult(new Fixed(raw, target), true);
  }

  /** ap_int/ap_uint convert like C: toward zero, whatever the type says. */
  private static Quantization quantization(FixedType target) {
    return target.integer() ? Quantization.AP_TRN_ZERO : target.quantization();
  }

  /** v * 2^-s rounded to an integer; the s dropped bits (two's complement) are read from v itself. */
  private static BigInteger quantize(BigInteger v, int s, Quantization q, boolean negative) {
    BigInteger floor = v.shiftRight(s);
    if (q == Quantization.AP_TRN) {
      return floor;
    }
    int lowest = v.getLowestSetBit(); // -1 for zero
    boolean half = v.testBit(s - 1);
    boolean below = lowest >= 0 && lowest < s - 1; // any dropped bit under the half bit
    return roundsUp(q, negative, half, below, floor.testBit(0)) ? floor.add(BigInteger.ONE) : floor;
  }

  /**
   * Whether quantization adds one to the floor, given the dropped half bit, whether any dropped bit below it is
   * set, and whether the floor is odd.
   */
  private static boolean roundsUp(Quantization q, boolean negative, boolean half, boolean below, boolean odd) {
    return switch (q) {
      case AP_TRN -> false;
      case AP_TRN_ZERO -> negative && (half || below);
      case AP_RND -> half;
      case AP_RND_ZERO -> half && (below || negative);
      case AP_RND_MIN_INF -> half && below;
      case AP_RND_INF -> half && (below || !negative);
      case AP_RND_CONV -> half && (below || odd);
    };
  }

  /** Bit {@code index} of v in two's complement (sign-extended above, zero below bit 0). */
  private static boolean sourceBit(BigInteger v, long index) {
    return index >= 0 && v.testBit((int) Math.min(index, Integer.MAX_VALUE));
  }

  private static BigInteger lowBits(BigInteger t, int w) {
    return t.and(BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE));
  }

  private static BigInteger wrap(BigInteger t, FixedType target, boolean negative) {
    int w = target.width();
    int n = target.saturationBits();
    BigInteger p = lowBits(t, w);
    if (n > 0) {
      if (target.signed()) {
        // the sign bit follows the source, the next N-1 bits are its complement
        p = setBit(p, w - 1, negative);
        for (int k = w - n; k <= w - 2; k++) {
          p = setBit(p, k, !negative);
        }
      } else {
        for (int k = w - n; k <= w - 1; k++) {
          p = p.setBit(k);
        }
      }
    }
    return fromPattern(p, target);
  }

  private static BigInteger wrapSignMagnitude(BigInteger t, FixedType target, boolean negative, boolean lD) {
    int w = target.width();
    int n = target.saturationBits();
    BigInteger all = BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
    BigInteger p = lowBits(t, w);
    boolean msb = p.testBit(w - 1);
    if (n == 0) {
      // lD is the source bit of weight 2^I, the one just above the kept bits
      if (lD != msb) {
        p = setBit(p.xor(all), w - 1, lD);
      }
    } else {
      // N > 0 is not in the facts file; this follows the vendor's public (Apache-2.0, 2019) headers
      if (n == 1 && negative != msb) {
        p = p.xor(all);
      } else if (n > 1) {
        if (p.testBit(w - n) == negative) {
          p = p.xor(all);
        }
        for (int k = w - n; k <= w - 2; k++) {
          p = setBit(p, k, !negative);
        }
      }
      p = setBit(p, w - 1, negative);
    }
    return fromPattern(p, target);
  }

  private static BigInteger setBit(BigInteger p, int k, boolean value) {
    return value ? p.setBit(k) : p.clearBit(k);
  }

  /** Reads a W-bit pattern as the target's raw value. */
  private static BigInteger fromPattern(BigInteger p, FixedType target) {
    return target.signed() && p.testBit(target.width() - 1) ? p.subtract(BigInteger.ONE.shiftLeft(target.width())) : p;
  }
}
