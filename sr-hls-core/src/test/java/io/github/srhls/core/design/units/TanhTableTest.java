package io.github.srhls.core.design.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TanhTableTest {
  static final FixedType ARG = FixedType.fixed(16, 6);
  static final FixedType RESULT = FixedType.fixed(18, 2);

  @Test
  void everyArgumentOfTheTypeIsReducedBySymmetryAndTheLimit() {
    TanhTable unit = TanhTable.of(ARG, RESULT, 9, 0);
    double end = TanhTable.end(RESULT);
    double bound = end / 512 / 2 + Math.scalb(1.0, -RESULT.fracBits());
    for (long raw = -(1 << 15); raw < 1 << 15; raw += 13) {
      Fixed x = Fixed.ofRaw(BigInteger.valueOf(raw), ARG);
      double got = unit.evaluate(x).toDouble();
      assertTrue(Math.abs(got - Math.tanh(x.toDouble())) <= bound, x.toDouble() + ": " + got);
      if (raw != -(1 << 15)) { // the most negative value has no negation in the type
        assertEquals(-got, unit.evaluate(x.neg().cast(ARG)).toDouble(), 0.0, "odd at " + x.toDouble());
      }
    }
  }

  @Test
  void theTableEndsWhereTanhIsOneToHalfAnLsb() {
    double end = TanhTable.end(RESULT);
    assertTrue(1 - Math.tanh(end) <= Math.scalb(1.0, -RESULT.fracBits() - 1));
    assertEquals(end, Math.scalb(1.0, Math.getExponent(end)), 0.0, "a power of two");
  }

  @Test
  void aResultWithoutFractionBitsStillHasASaneSpan() {
    assertEquals(1.0, TanhTable.end(FixedType.fixed(1, 3)));
    assertEquals(1.0, TanhTable.end(FixedType.fixed(4, 4)));
    assertEquals(8.0, TanhTable.end(FixedType.fixed(16, 4)));
  }
}
