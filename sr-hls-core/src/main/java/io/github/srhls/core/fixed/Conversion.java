package io.github.srhls.core.fixed;

import java.math.BigInteger;

/**
 * Assignment of an exact value {@code v * 2^-f} to a type: quantization (Q), then overflow (O, N), in that order,
 * so a rounding carry can overflow (facts: fixed-point.md, "Where Q, O and N act"). The C++ header
 * {@code srhls_ap_types.h} implements the same steps and must agree bit for bit.
 */
final class Conversion {

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

  private static boolean isMostNegative(BigInteger raw, FixedType t) {
    return t.signed() && raw.signum() < 0 && raw.bitLength() == t.width() - 1
        && raw.getLowestSetBit() == t.width() - 1;
  }

  static CastResult convert(BigInteger v, int fracBits, FixedType target) {
    // s > 0: s bits of v fall below the target's LSB
    long s = (long) fracBits - target.fracBits();
    if (Math.abs(s) > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("the binary points of the value and of " + target + " are too far apart");
    }
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
    boolean up = switch (q) {
      case AP_TRN -> false;
      case AP_TRN_ZERO -> negative && (half || below);
      case AP_RND -> half;
      case AP_RND_ZERO -> half && (below || negative);
      case AP_RND_MIN_INF -> half && below;
      case AP_RND_INF -> half && (below || !negative);
      case AP_RND_CONV -> half && (below || floor.testBit(0));
    };
    return up ? floor.add(BigInteger.ONE) : floor;
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
