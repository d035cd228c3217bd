package io.github.srhls.core.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The long path of {@link Fixed} against its BigInteger path, the one it falls back to: the same operands, held as
 * a long ({@link Fixed#ofRaw}) and as a BigInteger ({@link Fixed#ofRawWide}), must give equal results and the same
 * exceptions, for every mode, with widths around 64 bits, far-apart binary points and results wider than a long.
 */
class FixedLongPathTest {

  private static final int RUNS = 150_000;

  private final Random random = new Random(20250611);

  /** Mostly narrow and near-64-bit widths, binary points from far right of the word to far left of it. */
  private FixedType randomType() {
    boolean signed = random.nextBoolean();
    int w = switch (random.nextInt(4)) {
      case 0 -> 1 + random.nextInt(16);
      case 1 -> 56 + random.nextInt(12);
      case 2 -> 17 + random.nextInt(40);
      default -> 1 + random.nextInt(130);
    };
    return RandomTypes.of(random, signed, w, 8, 80, 81);
  }

  /** A code of {@code t}: often an end of the range or a small number, else random bits of a random length. */
  private BigInteger randomRaw(FixedType t) {
    int bits = t.signed() ? t.width() - 1 : t.width();
    BigInteger x = switch (random.nextInt(6)) {
      case 0 -> BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE); // the largest magnitude
      case 1 -> BigInteger.valueOf(random.nextInt(3)).min(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
      default -> new BigInteger(random.nextInt(bits + 1), random);
    };
    // ~x = -x - 1 has the same bit length, so the most negative code is reachable
    return t.signed() && random.nextBoolean() ? x.not() : x;
  }

  /** A random long of random magnitude, often a power of two or one less: the ends of the range included. */
  private long randomLong() {
    long x = random.nextInt(4) == 0 ? (1L << random.nextInt(64)) - random.nextInt(2)
        : random.nextLong() >>> random.nextInt(64);
    return random.nextBoolean() ? ~x : x;
  }

  private static void assertSame(Supplier<Object> fast, Supplier<Object> wide, String what) {
    Object expected;
    try {
      expected = wide.get();
    } catch (ArithmeticException | IllegalArgumentException e) {
      assertThrows(e.getClass(), fast::get, what);
      return;
    }
    assertEquals(expected, fast.get(), what);
  }

  @Test
  void operationsOnLongsAgreeWithBigIntegers() {
    int wideResults = 0;
    int narrowResults = 0;
    for (int k = 0; k < RUNS; k++) {
      FixedType ta = randomType();
      FixedType tb = random.nextInt(4) == 0 ? ta : randomType();
      BigInteger ra = randomRaw(ta);
      BigInteger rb = randomRaw(tb);
      Fixed a = Fixed.ofRaw(ra, ta);
      Fixed b = Fixed.ofRaw(rb, tb);
      Fixed aw = Fixed.ofRawWide(ra, ta);
      Fixed bw = Fixed.ofRawWide(rb, tb);
      String what = a + ", " + b;
      FixedType target = randomType();

      assertSame(() -> a.castReporting(target), () -> aw.castReporting(target), what + " -> " + target);
      assertSame(() -> a.add(b), () -> aw.add(bw), what + " +");
      assertSame(() -> a.sub(b), () -> aw.sub(bw), what + " -");
      assertSame(() -> a.mul(b), () -> aw.mul(bw), what + " *");
      assertSame(() -> a.div(b), () -> aw.div(bw), what + " /");
      assertSame(a::neg, aw::neg, what + " neg");
      assertSame(() -> a.compareTo(b), () -> aw.compareTo(bw), what + " compareTo");
      assertSame(a::toInt, aw::toInt, what + " toInt");
      assertSame(() -> Double.doubleToRawLongBits(a.toDouble()), () -> Double.doubleToRawLongBits(aw.toDouble()),
          what + " toDouble");
      assertSame(() -> Float.floatToRawIntBits(a.toFloat()), () -> Float.floatToRawIntBits(aw.toFloat()),
          what + " toFloat");
      assertEquals(aw.signum(), a.signum(), what);
      assertEquals(aw, a, what);
      assertEquals(aw.hashCode(), a.hashCode(), what);

      int productBits = aw.mul(bw).raw().bitLength();
      wideResults += productBits >= Long.SIZE ? 1 : 0;
      narrowResults += productBits < Long.SIZE - 1 ? 1 : 0;
    }
    // both paths were exercised, the fallback included
    assertTrue(wideResults > RUNS / 10, wideResults + " products wider than a long");
    assertTrue(narrowResults > RUNS / 4, narrowResults + " products that fit a long");
  }

  @Test
  void conversionOfAnyLongAgreesWithBigIntegers() {
    for (int k = 0; k < RUNS; k++) {
      long v = randomLong();
      FixedType target = randomType();
      // binary points as far apart as a double's (fromDouble converts m * 2^-f with f up to 1074), or about a
      // word apart
      int f = switch (random.nextInt(4)) {
        case 0 -> random.nextInt(2201) - 1100;
        case 1 -> target.fracBits() + (random.nextBoolean() ? 60 : -68) + random.nextInt(8);
        default -> random.nextInt(161) - 80;
      };
      String what = v + " * 2^-" + f + " -> " + target;
      assertSame(() -> Conversion.convert(v, f, target), () -> Conversion.convert(BigInteger.valueOf(v), f, target),
          what);
    }
  }

  @Test
  void fromDoubleAgreesWithTheBigIntegerCastOfTheSameValue() {
    for (int k = 0; k < RUNS / 3; k++) {
      double d = switch (random.nextInt(4)) {
        case 0 -> Double.longBitsToDouble(random.nextLong()); // any double: subnormal, huge, infinite
        case 1 -> 0.0;
        default -> random.nextGaussian() * Math.scalb(1.0, random.nextInt(40) - 20);
      };
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        continue; // NaN has no value; infinity (2^1024) does not fit a type, the conversion test covers it
      }
      FixedType target = randomType();
      // the exact double, m * 2^-f with m odd, as a BigInteger-held value
      BigDecimal exact = new BigDecimal(d);
      int f = Math.max(exact.scale(), 0);
      BigInteger raw = exact.multiply(new BigDecimal(BigInteger.TWO.pow(f))).toBigIntegerExact();
      int zeros = raw.signum() == 0 ? 0 : raw.getLowestSetBit();
      raw = raw.shiftRight(zeros);
      int w = raw.bitLength() + 1;
      FixedType exactType = FixedType.intermediate(true, w, w - (f - zeros));
      if (target.integer() && exactType.intBits() <= 0 && raw.signum() < 0) {
        continue; // a cast takes such a value's integer part as -1 (the vendor's rule), a double converts to 0
      }
      Fixed wide = Fixed.ofRawWide(raw, exactType);
      assertSame(() -> Fixed.fromDoubleReporting(d, target), () -> wide.castReporting(target), d + " -> " + target);
    }
  }

  @Test
  void roundingOfAnyLongToDoubleAndFloatAgreesWithBigIntegers() {
    for (int k = 0; k < RUNS; k++) {
      long v = randomLong();
      int f = switch (random.nextInt(4)) {
        case 0 -> random.nextInt(2401) - 1200; // subnormal, overflowing and ordinary results
        case 1 -> (random.nextBoolean() ? 900 : -900) + random.nextInt(41) - 20; // the long path's limits
        case 2 -> (random.nextBoolean() ? 126 : -64) + random.nextInt(41) - 20; // the float limits
        default -> random.nextInt(161) - 80;
      };
      for (BinaryRounding.Format format : new BinaryRounding.Format[] {BinaryRounding.DOUBLE, BinaryRounding.FLOAT}) {
        assertEquals(Double.doubleToRawLongBits(BinaryRounding.round(BigInteger.valueOf(v), f, format)),
            Double.doubleToRawLongBits(BinaryRounding.round(v, f, format)), v + " * 2^-" + f + " " + format);
      }
    }
  }

  @Test
  void edgesOfTheLongRange() {
    FixedType int64 = FixedType.apInt(64);
    Fixed min = Fixed.ofRaw(Long.MIN_VALUE, int64);
    Fixed minusOne = Fixed.ofRaw(-1L, int64);
    // -(-2^63) and -2^63 / -1 and (-2^63)^2 are the results a long cannot hold
    assertEquals(BigInteger.ONE.shiftLeft(63), min.neg().raw());
    assertEquals(BigInteger.ONE.shiftLeft(63), min.div(minusOne).raw());
    assertEquals(BigInteger.ONE.shiftLeft(126), min.mul(min).raw());
    assertEquals(BigInteger.ONE.shiftLeft(64).negate(), min.add(min).raw());
    assertEquals(Long.MIN_VALUE, min.toInt());
    assertEquals(-0x1p63, min.toDouble());
    assertEquals(Fixed.ofRawWide(BigInteger.valueOf(Long.MIN_VALUE), int64), min);
    // operands whose binary points are 100 bits apart: the aligned value needs more than 64 bits
    Fixed fine = Fixed.fromDouble(0x1p-90, FixedType.fixed(8, -88));
    Fixed coarse = Fixed.fromDouble(3.0, FixedType.fixed(8, 8));
    BigInteger threeAt96 = BigInteger.valueOf(3).shiftLeft(96);
    assertEquals(threeAt96.add(BigInteger.valueOf(64)), coarse.add(fine).raw());
    assertEquals(threeAt96.subtract(BigInteger.valueOf(64)), coarse.sub(fine).raw());
    assertEquals(1, coarse.compareTo(fine));
    assertEquals(-1, fine.compareTo(coarse));
  }
}
