package io.github.srhls.core.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the Java model checked against independent references: decimal arithmetic (BigDecimal) for the
 * exact operations, quantization and correct rounding to double, and the overflow rules restated from the facts.
 */
class FixedPropertiesTest {

  private static final int RUNS = 20_000;
  private static final BigDecimal HALF = new BigDecimal("0.5");

  private final Random random = new Random(20240611);

  private FixedType randomType() {
    boolean signed = random.nextBoolean();
    int w = 1 + random.nextInt(random.nextInt(4) == 0 ? 160 : 24);
    return RandomTypes.of(random, signed, w, 6, 12, 12);
  }

  /** A value an assignment can produce: AP_SAT_SYM never yields the most negative code. */
  private Fixed randomValue(FixedType t) {
    boolean symmetric = t.signed() && t.overflow() == Overflow.AP_SAT_SYM;
    BigInteger min = symmetric ? Conversion.maxRaw(t).negate() : Conversion.minRaw(t);
    BigInteger span = Conversion.maxRaw(t).subtract(min).add(BigInteger.ONE);
    BigInteger r = new BigInteger(span.bitLength() + 8, random).mod(span);
    return Fixed.ofRaw(min.add(r), t);
  }

  private static BigDecimal pow2(int k) {
    return k >= 0 ? new BigDecimal(BigInteger.ONE.shiftLeft(k)) : BigDecimal.ONE.divide(pow2(-k));
  }

  /** The quantized code of x on the grid 2^-f, by decimal rounding. */
  private static BigInteger referenceQuantize(BigDecimal x, int f, Quantization q) {
    BigDecimal y = x.multiply(pow2(f));
    BigDecimal r = switch (q) {
      case AP_TRN -> y.setScale(0, RoundingMode.FLOOR);
      case AP_TRN_ZERO -> y.setScale(0, RoundingMode.DOWN);
      case AP_RND -> y.add(HALF).setScale(0, RoundingMode.FLOOR);
      case AP_RND_MIN_INF -> y.subtract(HALF).setScale(0, RoundingMode.CEILING);
      case AP_RND_ZERO -> y.setScale(0, RoundingMode.HALF_DOWN);
      case AP_RND_INF -> y.setScale(0, RoundingMode.HALF_UP);
      case AP_RND_CONV -> y.setScale(0, RoundingMode.HALF_EVEN);
    };
    return r.toBigIntegerExact();
  }

  @Test
  void castQuantizesLikeDecimalRoundingAndHandlesOverflowAsTheFactsSay() {
    for (int k = 0; k < RUNS; k++) {
      Fixed x = randomValue(randomType());
      FixedType t = randomType();
      CastResult r = x.castReporting(t);
      if (t.integer() && x.type().signed() && x.type().intBits() <= 0 && x.signum() < 0) {
        // the vendor's rule: the integer part of a negative value without integer bits is -1
        assertEquals(Fixed.ofCInt(-1).cast(t), r.value(), x + " -> " + t);
        continue;
      }
      Quantization q = t.integer() ? Quantization.AP_TRN_ZERO : t.quantization();
      BigInteger code = referenceQuantize(x.toBigDecimal(), t.fracBits(), q);
      BigInteger max = BigInteger.ONE.shiftLeft(t.signed() ? t.width() - 1 : t.width()).subtract(BigInteger.ONE);
      BigInteger min = t.signed() ? max.negate().subtract(BigInteger.ONE) : BigInteger.ZERO;
      boolean symmetric = t.signed() && t.overflow() == Overflow.AP_SAT_SYM;
      boolean inside = code.compareTo(symmetric ? max.negate() : min) >= 0 && code.compareTo(max) <= 0;
      String what = x + " -> " + t;
      assertEquals(!inside, r.overflowed(), what);
      BigInteger got = r.value().raw();
      if (inside) {
        assertEquals(code, got, what);
        continue;
      }
      BigInteger modulus = BigInteger.ONE.shiftLeft(t.width());
      boolean negative = x.raw().signum() < 0;
      switch (t.overflow()) {
        case AP_SAT -> assertEquals(negative ? min : max, got, what);
        case AP_SAT_SYM -> assertEquals(negative ? (t.signed() ? max.negate() : min) : max, got, what);
        case AP_SAT_ZERO -> assertEquals(BigInteger.ZERO, got, what);
        case AP_WRAP -> {
          if (t.saturationBits() == 0) {
            assertEquals(code.mod(modulus), got.mod(modulus), what);
          } else {
            // the low W-N bits wrap; the top N bits are fixed by the sign of the source
            BigInteger low = BigInteger.ONE.shiftLeft(t.width() - t.saturationBits());
            assertEquals(code.mod(low), got.mod(low), what);
            int n = t.saturationBits();
            BigInteger top = got.mod(modulus).shiftRight(t.width() - n);
            BigInteger allOnes = BigInteger.ONE.shiftLeft(n).subtract(BigInteger.ONE);
            BigInteger expected = !t.signed() ? allOnes
                : negative ? BigInteger.ONE.shiftLeft(n - 1) : allOnes.shiftRight(1);
            assertEquals(expected, top, what);
          }
        }
        case AP_WRAP_SM -> {
          if (t.saturationBits() == 0) {
            // bit of weight 2^I of the source, before rounding
            BigInteger above = x.toBigDecimal().divide(pow2(t.intBits())).setScale(0, RoundingMode.FLOOR)
                .toBigIntegerExact();
            boolean lD = above.testBit(0);
            BigInteger low = code.mod(modulus);
            boolean msb = low.testBit(t.width() - 1);
            BigInteger expected = lD == msb ? low : low.xor(modulus.subtract(BigInteger.ONE));
            expected = lD ? expected.setBit(t.width() - 1) : expected.clearBit(t.width() - 1);
            assertEquals(expected, got.mod(modulus), what);
          } else {
            assertEquals(negative, got.signum() < 0, what);
          }
        }
        default -> throw new AssertionError(t.overflow());
      }
    }
  }

  @Test
  void castIsIdempotentAndWideningIsExact() {
    for (int k = 0; k < RUNS; k++) {
      Fixed x = randomValue(randomType());
      FixedType t = randomType();
      Fixed once = x.cast(t);
      assertEquals(once, once.cast(t));
      int intBits = x.type().intBits() + 1 + random.nextInt(4);
      FixedType wider = new FixedType(true, intBits + x.type().fracBits() + random.nextInt(8), intBits,
          Quantization.AP_RND, Overflow.AP_SAT, 0, false);
      Fixed widened = x.cast(wider);
      assertEquals(0, widened.compareTo(x));
      assertEquals(x, widened.cast(x.type()));
    }
  }

  @Test
  void arithmeticIsExactInTheResultType() {
    for (int k = 0; k < RUNS; k++) {
      Fixed a = randomValue(randomType());
      Fixed b = randomValue(randomType());
      BigDecimal x = a.toBigDecimal();
      BigDecimal y = b.toBigDecimal();
      assertEquals(0, x.add(y).compareTo(a.add(b).toBigDecimal()), a + " + " + b);
      assertEquals(0, x.subtract(y).compareTo(a.sub(b).toBigDecimal()), a + " - " + b);
      assertEquals(0, x.multiply(y).compareTo(a.mul(b).toBigDecimal()), a + " * " + b);
      assertEquals(0, x.negate().compareTo(a.neg().toBigDecimal()), "-" + a);
      assertTrue(a.sub(b).type().signed());
      assertEquals(Integer.signum(x.compareTo(y)), Integer.signum(a.compareTo(b)));
      if (b.raw().signum() == 0) {
        assertThrows(ArithmeticException.class, () -> a.div(b));
        continue;
      }
      Fixed q = a.div(b);
      int f = q.type().fracBits();
      if (FixedOp.divisionCanWrap(a.type(), b.type()) && b.raw().equals(BigInteger.ONE.negate())
          && a.equals(Fixed.min(a.type()))) {
        // the vendor's division width: the most negative dividend over -1 LSB wraps to itself
        assertEquals(a.raw().shiftLeft(Math.max(b.type().fracBits(), 0)), q.raw(), a + " / " + b);
        continue;
      }
      BigDecimal expected = x.multiply(pow2(f)).divide(y, 0, RoundingMode.DOWN).multiply(pow2(-f));
      assertEquals(0, expected.compareTo(q.toBigDecimal()), a + " / " + b);
    }
  }

  @Test
  void toDoubleAndToFloatRoundToNearestEven() {
    for (int k = 0; k < RUNS; k++) {
      FixedType t = random.nextBoolean() ? randomType()
          : FixedType.fixed(1 + random.nextInt(200), random.nextInt(2400) - 1200);
      Fixed x = randomValue(t);
      BigDecimal exact = x.toBigDecimal();
      double d = x.toDouble();
      assertNearestEven(exact, d, Math.nextDown(d), Math.nextUp(d), Double.MAX_VALUE,
          (Double.doubleToRawLongBits(d) & 1) == 0, x + " to double");
      float f = x.toFloat();
      assertNearestEven(exact, f, Math.nextDown(f), Math.nextUp(f), Float.MAX_VALUE,
          (Float.floatToRawIntBits(f) & 1) == 0, x + " to float");
    }
  }

  private static void assertNearestEven(BigDecimal exact, double d, double below, double above, double largest,
      boolean even, String what) {
    if (Double.isInfinite(d) || Math.abs(d) > largest) {
      // at least half an ulp beyond the largest finite number
      BigDecimal limit = new BigDecimal(largest).add(new BigDecimal(Math.ulp(largest) / 2));
      assertTrue(Math.abs(d) > largest && exact.abs().compareTo(limit) >= 0, what);
      return;
    }
    BigDecimal error = exact.subtract(new BigDecimal(d)).abs();
    for (double n : new double[] {below, above}) {
      if (Math.abs(n) > largest) {
        continue;
      }
      int c = error.compareTo(exact.subtract(new BigDecimal(n)).abs());
      assertTrue(c <= 0, what + " gives " + d + " but " + n + " is nearer");
      if (c == 0 && error.signum() != 0) {
        assertTrue(even, what + ": a tie goes to the even significand");
      }
    }
  }

  @Test
  void tiesRoundToEvenIncludingSubnormals() {
    BigInteger twoTo53 = BigInteger.ONE.shiftLeft(53);
    FixedType int64 = FixedType.apInt(64);
    assertEquals(0x1p53, Fixed.ofRaw(twoTo53.add(BigInteger.ONE), int64).toDouble());
    assertEquals(0x1p53 + 4, Fixed.ofRaw(twoTo53.add(BigInteger.valueOf(3)), int64).toDouble());
    assertEquals(0x1p24f, Fixed.ofRaw(BigInteger.valueOf((1 << 24) + 1), int64).toFloat());
    // 2^-1075 * 3 lies halfway between the two smallest subnormals; 2^-1075 halfway between 0 and the smallest
    FixedType tiny = FixedType.fixed(4, 4 - 1075);
    assertEquals(2 * Double.MIN_VALUE, Fixed.ofRaw(BigInteger.valueOf(3), tiny).toDouble());
    assertEquals(0.0, Fixed.ofRaw(BigInteger.ONE, tiny).toDouble());
    assertEquals(-0.0, Fixed.ofRaw(BigInteger.ONE.negate(), tiny).toDouble());
    assertEquals(Double.POSITIVE_INFINITY, Fixed.ofRaw(BigInteger.ONE, FixedType.fixed(2, 1026)).toDouble());
  }

  @Test
  void doublesConvertExactlyWhenTheTypeHoldsThem() {
    FixedType wide = FixedType.fixed(1024, 600);
    for (int k = 0; k < RUNS; k++) {
      // 53 significant bits at most 2^-350 * 2^-54: within the 424 fractional bits
      double v = Math.scalb(random.nextDouble() - 0.5, random.nextInt(900) - 350);
      Fixed x = Fixed.fromDouble(v, wide);
      assertEquals(0, new BigDecimal(v).compareTo(x.toBigDecimal()), Double.toString(v));
      assertEquals(v == 0 ? 0.0 : v, x.toDouble());
      assertEquals(new BigDecimal(v).setScale(0, RoundingMode.DOWN).longValue(), x.toInt(), Double.toString(v));
    }
  }

  @Test
  void infinitySaturatesAndNanIsRefused() {
    FixedType sat = FixedType.parse("ap_fixed<8,3,AP_RND,AP_SAT>");
    assertEquals(3.96875, Fixed.fromDouble(Double.POSITIVE_INFINITY, sat).toDouble());
    assertEquals(-4.0, Fixed.fromDouble(Double.NEGATIVE_INFINITY, sat).toDouble());
    assertEquals(0.0, Fixed.fromDouble(Double.POSITIVE_INFINITY, FixedType.fixed(8, 3)).toDouble());
    assertThrows(IllegalArgumentException.class, () -> Fixed.fromDouble(Double.NaN, sat));
  }

  @Test
  void rawValuesOutsideTheTypeAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Fixed.ofRaw(BigInteger.valueOf(128), FixedType.fixed(8, 3)));
    assertThrows(IllegalArgumentException.class, () -> Fixed.ofRaw(BigInteger.valueOf(-1), FixedType.ufixed(8, 3)));
    assertThrows(IllegalArgumentException.class,
        () -> new FixedType(false, 8, 3, Quantization.AP_TRN, Overflow.AP_WRAP_SM, 0, false));
  }
}
