package io.github.srhls.core.backend.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.backend.rtl.ConstantProduct.Digit;
import io.github.srhls.core.backend.rtl.ConstantProduct.Implementation;
import io.github.srhls.core.backend.rtl.ConstantProduct.Strategy;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plan of a constant product: canonical signed digits, shifts for 0 and powers of two, the cost choice. */
class ConstantProductTest {
  private static final FixedType A = FixedType.fixed(16, 6);

  @Test
  void canonicalSignedDigitsSumToTheCodeWithNoTwoAdjacentAndNoMoreThanBinary() {
    Random random = new Random(5);
    for (int k = 0; k < 5000; k++) {
      BigInteger magnitude = new BigInteger(1 + random.nextInt(70), random);
      BigInteger n = random.nextBoolean() ? magnitude.negate() : magnitude;
      List<Digit> digits = ConstantProduct.csd(n);
      BigInteger sum = BigInteger.ZERO;
      for (int i = 0; i < digits.size(); i++) {
        Digit d = digits.get(i);
        BigInteger term = BigInteger.ONE.shiftLeft(d.shift());
        sum = d.negative() ? sum.subtract(term) : sum.add(term);
        if (i > 0) {
          assertTrue(d.shift() - digits.get(i - 1).shift() >= 2, () -> n + ": adjacent digits " + digits);
        }
      }
      assertEquals(n, sum, digits::toString);
      if (n.signum() > 0) {
        assertTrue(digits.size() <= n.bitCount(), () -> n + ": " + digits);
      }
    }
    // 7 = 8 - 1
    assertEquals(List.of(new Digit(0, true), new Digit(3, false)), ConstantProduct.csd(BigInteger.valueOf(7)));
    assertEquals(List.of(new Digit(0, true)), ConstantProduct.csd(BigInteger.ONE.negate()));
  }

  @Test
  void zeroAndPowersOfTwoAreWiringWhateverTheStrategy() {
    for (Strategy s : Strategy.values()) {
      assertEquals(Implementation.ZERO, plan(0, s).implementation());
      assertEquals(Implementation.SHIFT, plan(1, s).implementation());
      assertEquals(Implementation.SHIFT, plan(64, s).implementation());
      assertEquals(0, plan(64, s).adders());
    }
    // -1 and -2^k: one negation
    ConstantProduct minusFour = plan(-4, Strategy.AUTO);
    assertEquals(Implementation.SHIFT_ADD, minusFour.implementation());
    assertEquals(1, minusFour.adders());
  }

  @Test
  void autoTakesTheAdderGraphWhileItCostsNoMoreThanTheDspsAndTheModelFileCanForceEither() {
    // 3 = 4 - 1: one subtractor of 16 + 20 bits, far below one DSP's 173 LUTs
    ConstantProduct three = plan(3, Strategy.AUTO);
    assertEquals(Implementation.SHIFT_ADD, three.implementation());
    assertEquals(1, three.adders());
    assertEquals(36, three.adderBits());
    assertEquals(1, three.dsps());
    assertEquals(Implementation.DSP, plan(3, Strategy.DSP).implementation());
    // 0x5555 has 8 digits: 7 adders of 36 bits = 252 LUTs > 173: the DSP
    ConstantProduct dense = plan(0x5555, Strategy.AUTO);
    assertEquals(7, dense.adders());
    assertEquals(Implementation.DSP, dense.implementation());
    assertEquals(Implementation.SHIFT_ADD, plan(0x5555, Strategy.SHIFT_ADD).implementation());
    // 0x1555 (7 digits, 6 adders): 216 LUTs against one DSP for a 16-bit operand, 300 against two for a 30-bit one
    assertEquals(Implementation.DSP, plan(0x1555, Strategy.AUTO).implementation());
    Fixed c = Fixed.ofRaw(BigInteger.valueOf(0x1555), FixedType.fixed(20, 4));
    ConstantProduct split = ConstantProduct.plan(FixedType.fixed(30, 10), c, Strategy.AUTO);
    assertEquals(2, split.dsps());
    assertEquals(6 * 50, split.adderBits());
    assertEquals(Implementation.SHIFT_ADD, split.implementation());
  }

  private static ConstantProduct plan(long raw, Strategy s) {
    return ConstantProduct.plan(A, Fixed.ofRaw(BigInteger.valueOf(raw), FixedType.fixed(20, 4)), s);
  }
}
