package io.github.srhls.core.backend.rtl;

import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import java.math.BigInteger;
import java.util.Random;

/** Random fixed-point types and values for the RTL property tests, edges included. */
final class Values {
  private Values() {}

  /** A type of width w with random signedness, integer bits from -below to w + above and random modes. */
  static FixedType type(Random random, int w, int below, int above) {
    boolean signed = random.nextBoolean();
    if (random.nextInt(12) == 0) {
      return signed ? FixedType.apInt(w) : FixedType.apUint(w);
    }
    int i = random.nextInt(w + below + above + 1) - below;
    Quantization q = Quantization.values()[random.nextInt(Quantization.values().length)];
    Overflow o = Overflow.values()[random.nextInt(Overflow.values().length)];
    int n = random.nextInt(3) == 0 ? random.nextInt(w + 1) : 0;
    return new FixedType(signed || o == Overflow.AP_WRAP_SM, w, i, q, o, n, false);
  }

  /** Plain full-precision operand type (modes do not act on operands). */
  static FixedType operand(Random random, int w, int below, int above) {
    boolean signed = random.nextBoolean();
    if (random.nextInt(10) == 0) {
      return signed ? FixedType.apInt(w) : FixedType.apUint(w);
    }
    int i = random.nextInt(w + below + above + 1) - below;
    return signed ? FixedType.fixed(w, i) : FixedType.ufixed(w, i);
  }

  static BigInteger min(FixedType t) {
    return Fixed.min(t).raw();
  }

  static BigInteger max(FixedType t) {
    return Fixed.max(t).raw();
  }

  /** A random code of t: uniform, or an edge (min, max, 0, -1 LSB, 1 LSB, min + 1, max - 1), or few bits set. */
  static BigInteger raw(Random random, FixedType t) {
    BigInteger min = min(t);
    BigInteger max = max(t);
    switch (random.nextInt(10)) {
      case 0:
        return clamp(pick(random, min, max, BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(),
            min.add(BigInteger.ONE), max.subtract(BigInteger.ONE)), min, max);
      case 1: {
        // small magnitudes
        BigInteger v = new BigInteger(Math.min(t.width(), 1 + random.nextInt(6)), random);
        return clamp(random.nextBoolean() ? v.negate() : v, min, max);
      }
      default:
        return new BigInteger(t.width(), random).add(min);
    }
  }

  static BigInteger clamp(BigInteger v, BigInteger min, BigInteger max) {
    return v.max(min).min(max);
  }

  private static BigInteger pick(Random random, BigInteger... values) {
    return values[random.nextInt(values.length)];
  }
}
