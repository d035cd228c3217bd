package io.github.srhls.core.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The Java model at the corners where the vendor's headers are not the obvious arithmetic (issue 13, items 21 and
 * 22), and at the 64-bit and coarse-rounding cases of issue 14; worked_examples.cpp checks the same values in C++
 * with our headers, and tools/vendor-headers-check.sh with the vendor's.
 */
class FixedVendorCornersTest {

  private static Fixed raw(long raw, FixedType t) {
    return Fixed.ofRaw(BigInteger.valueOf(raw), t);
  }

  @Test
  void theMostNegativeDividendOverMinusOneLsbWrapsLikeTheVendorsDivision() {
    FixedType t = FixedType.fixed(16, 6);
    Fixed q = Fixed.fromDouble(-32, t).div(raw(-1, t));
    assertEquals(FixedType.fixed(27, 17), q.type());
    assertEquals(-32768.0, q.toDouble());
    // saturated to internal_t, as the design did: -32, where the true quotient saturates to 31.999
    assertEquals(-32.0, q.cast(t.withModes(Quantization.AP_RND, Overflow.AP_SAT, 0)).toDouble());
    // one more integer bit in the dividend: the true quotient
    assertEquals(32768.0, Fixed.fromDouble(-32, FixedType.fixed(17, 7)).div(raw(-1, t)).toDouble());
    // F2 < 0 and a C int divisor: the dividend fills max(W1 + max(F2,0), W2) bits there too
    assertEquals(-0.0625, Fixed.fromDouble(-4, FixedType.fixed(8, 3)).div(raw(-1, FixedType.fixed(4, 10))).toDouble());
    assertEquals(-2147483648.0, Fixed.fromDouble(-2147483648.0, FixedType.fixed(32, 32)).div(Fixed.ofCInt(-1))
        .toDouble());
    assertEquals(2147483648.0, Fixed.fromDouble(-2147483648.0, FixedType.fixed(33, 33)).div(Fixed.ofCInt(-1))
        .toDouble());
    assertEquals(-256.0, Fixed.fromDouble(-4, FixedType.fixed(8, 3)).div(raw(-1, FixedType.fixed(9, 3))).toDouble());
    // two integer types divide exactly; a wider divisor leaves room; so does an unsigned operand
    assertEquals(128.0, raw(-128, FixedType.apInt(8)).div(raw(-1, FixedType.apInt(8))).toDouble());
    assertEquals(64.0, Fixed.fromDouble(-4, FixedType.fixed(8, 3)).div(raw(-1, FixedType.fixed(24, 20)))
        .toDouble());
    assertEquals(-4.0 * 32, Fixed.fromDouble(-4, FixedType.fixed(8, 3)).div(raw(1, FixedType.ufixed(8, 3)))
        .toDouble());
  }

  @Test
  void whereTheWrapCanHappen() {
    assertTrue(FixedOp.divisionCanWrap(FixedType.fixed(16, 6), FixedType.fixed(16, 6)));
    assertTrue(FixedOp.divisionCanWrap(FixedType.fixed(40, 40), FixedType.apInt(32)));
    assertFalse(FixedOp.divisionCanWrap(FixedType.fixed(8, 3), FixedType.fixed(24, 20)));
    assertFalse(FixedOp.divisionCanWrap(FixedType.apInt(8), FixedType.apInt(8)));
    assertFalse(FixedOp.divisionCanWrap(FixedType.ufixed(16, 6), FixedType.fixed(16, 6)));
    assertFalse(FixedOp.divisionCanWrap(FixedType.fixed(16, 6), FixedType.ufixed(16, 6)));
    assertEquals(26, FixedOp.divisionWidth(FixedType.fixed(16, 6), FixedType.fixed(16, 6)));
  }

  /** Issue 14, item 2: the values worked_examples.cpp checks in C++ (against our headers and the vendor's). */
  @Test
  void sixtyFourBitUnsignedProducts() {
    BigInteger max64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    Fixed m = Fixed.ofRaw(max64, FixedType.apUint(64));
    Fixed mm = m.mul(m);
    assertEquals(FixedType.apUint(128), mm.type());
    assertEquals(BigInteger.ONE, mm.cast(FixedType.apUint(64)).raw());
    assertEquals(max64.subtract(BigInteger.ONE), mm.raw().shiftRight(64));
    assertTrue(mm.compareTo(m) > 0);
    assertEquals(max64, mm.div(m).cast(FixedType.apUint(64)).raw());
    assertEquals(max64.subtract(BigInteger.ONE), m.add(m).cast(FixedType.apUint(64)).raw());
    assertTrue(m.sub(mm).compareTo(Fixed.ofCInt(0)) < 0);
    FixedType u = FixedType.ufixed(64, 20);
    Fixed x = Fixed.fromDouble(1048575.5, u);
    Fixed y = Fixed.fromDouble(1000000.25, u);
    Fixed xy = x.mul(y);
    assertEquals(FixedType.ufixed(128, 40), xy.type());
    assertEquals(1048575762143.875, xy.toDouble());
    assertEquals(810719.875, xy.cast(u).toDouble());
    assertEquals(Fixed.max(u).raw(), xy.cast(u.withModes(Quantization.AP_RND, Overflow.AP_SAT, 0)).raw());
    assertEquals(1048575762143.875,
        xy.cast(FixedType.ufixed(64, 40, Quantization.AP_RND_CONV, Overflow.AP_SAT)).toDouble());
    assertEquals(0, xy.div(y).compareTo(x));
    assertEquals(2048575.75, x.add(y).toDouble());
    assertEquals(48575.25, x.sub(y).toDouble());
    assertEquals(-3670014.25, Fixed.fromDouble(-3.5, FixedType.fixed(64, 32)).mul(x).toDouble());
    assertEquals(BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE.shiftLeft(20)),
        m.mul(x).cast(FixedType.apUint(64)).raw());
  }

  /**
   * Issue 14, item 3: a value below half an LSB of a coarse type, widened first as the firmware does, rounds to 0
   * in every mode that reads the rounding bit; with the rounding bit inside the source, as usual.
   */
  @Test
  void roundingIntoACoarseTypeFromAWidenedSource() {
    Fixed v = Fixed.fromDouble(-31.5, FixedType.fixed(16, 6)).cast(FixedType.fixed(18, 8));
    for (Quantization q : Quantization.values()) {
      if (q == Quantization.AP_TRN) {
        continue; // reads no rounding bit, and floors: -256
      }
      for (Overflow o : new Overflow[] {Overflow.AP_SAT, Overflow.AP_SAT_SYM, Overflow.AP_WRAP}) {
        assertEquals(0.0, v.cast(FixedType.fixed(6, 14, q, o)).toDouble(), q + " " + o);
        assertEquals(0.0, v.neg().cast(FixedType.fixed(6, 14, q, o)).toDouble(), q + " " + o);
      }
    }
    assertEquals(0.0, Fixed.fromDouble(-0.0001, FixedType.fixed(8, -12)).cast(FixedType.fixed(10, -10))
        .cast(FixedType.fixed(8, -2, Quantization.AP_RND, Overflow.AP_SAT)).toDouble());
    FixedType coarse = FixedType.fixed(6, 14, Quantization.AP_RND, Overflow.AP_SAT);
    assertEquals(-256.0, Fixed.fromDouble(-384, FixedType.fixed(16, 12)).cast(coarse).toDouble());
    assertEquals(512.0, Fixed.fromDouble(384, FixedType.fixed(16, 12)).cast(coarse).toDouble());
  }

  @Test
  void theIntegerPartOfATypeWithoutIntegerBitsIsMinusOneWhenNegative() {
    assertEquals(-1, Fixed.fromDouble(-0.25, FixedType.fixed(8, 0)).toInt());
    assertEquals(-1, Fixed.fromDouble(-0.1, FixedType.fixed(8, -2)).toInt());
    assertEquals(0, Fixed.fromDouble(-0.25, FixedType.fixed(8, 1)).toInt());
    assertEquals(0, Fixed.fromDouble(0.75, FixedType.ufixed(8, 0)).toInt());
    assertEquals(-1.0, Fixed.fromDouble(-0.25, FixedType.fixed(8, 0)).cast(FixedType.apInt(8)).toDouble());
    assertEquals(255.0, Fixed.fromDouble(-0.1, FixedType.fixed(8, -2)).cast(FixedType.apUint(8)).toDouble());
    assertEquals(0.0, Fixed.fromDouble(-0.25, FixedType.fixed(8, 1)).cast(FixedType.apInt(8)).toDouble());
    // ap_fixed targets quantize as their mode says
    assertEquals(-1.0, Fixed.fromDouble(-0.25, FixedType.fixed(8, 0)).cast(FixedType.fixed(8, 8)).toDouble());
  }
}
