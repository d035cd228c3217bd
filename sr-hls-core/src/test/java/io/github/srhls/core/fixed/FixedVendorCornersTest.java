package io.github.srhls.core.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The Java model at the corners where the vendor's headers are not the obvious arithmetic (issue 13, items 21 and
 * 22); worked_examples.cpp checks the same values in C++ with our headers.
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
