package io.github.srhls.core.design.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import org.junit.jupiter.api.Test;

class ExpTableTest {
  static final FixedType ARG = FixedType.fixed(16, 6);
  static final FixedType RESULT = FixedType.fixed(24, 12, Quantization.AP_TRN, Overflow.AP_SAT);

  @Test
  void everyArgumentOfTheTypeIsReducedNotClamped() {
    ExpTable unit = ExpTable.of(ARG, RESULT, 8, 0);
    double lsb = Math.scalb(1.0, -RESULT.fracBits());
    for (double x = -32; x < 32; x += 0.0625) {
      double want = Math.exp(x);
      double got = unit.evaluate(Fixed.fromDouble(x, ARG)).toDouble();
      double max = Math.scalb(1.0, RESULT.intBits() - 1) - lsb;
      if (want >= max) {
        assertEquals(max, got, 0.0, "saturates like the true value at " + x);
      } else {
        // half a bin of 2^f (relative ln2 / 512) and the truncations
        assertTrue(Math.abs(got - want) <= want * Math.log(2) / 512 * 1.01 + 2 * lsb, x + ": " + got + " vs " + want);
      }
    }
  }

  @Test
  void theTablesCoverOneOctaveAndTheUsefulPowersOfTwo() {
    ExpTable unit = ExpTable.of(ARG, RESULT, 6, 0);
    assertEquals(64, unit.segments().size());
    assertEquals(-RESULT.fracBits() - 3, unit.minExponent());
    assertEquals(RESULT.intBits() + 1, unit.maxExponent());
    for (Fixed m : unit.segments().coefficients().get(0)) {
      assertTrue(m.toDouble() >= 1 && m.toDouble() < 2, m.toString());
    }
  }
}
