package io.github.srhls.core.design.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RootTableTest {
  static final FixedType ARG = FixedType.fixed(16, 6);
  static final FixedType RESULT = FixedType.fixed(20, 4);

  @Test
  void everyArgumentOfTheTypeIsReducedNotClamped() {
    for (Builtin f : new Builtin[] {Builtin.SQRT, Builtin.CBRT}) {
      RootTable unit = RootTable.of(f, ARG, RESULT, 9, 0);
      int k = f == Builtin.SQRT ? 2 : 3;
      for (long raw = -(1 << 15); raw < 1 << 15; raw += 11) {
        Fixed x = Fixed.ofRaw(BigInteger.valueOf(raw), ARG);
        double v = x.toDouble();
        double want = f == Builtin.SQRT ? (v > 0 ? Math.sqrt(v) : 0) : Math.cbrt(v);
        double got = unit.evaluate(x).toDouble();
        // half a bin of the root over [1, 2^k) (slope <= 1/k there), scaled by 2^q <= root(|x|), plus the LSBs
        double scale = Math.max(1, Math.pow(Math.abs(v), 1.0 / k));
        double bound = (1.0 / k) * Math.scalb(1.0, k) / 512 / 2 * scale * 1.01 + 2 * Math.scalb(1.0, -16);
        assertTrue(Math.abs(got - want) <= bound, f + " at " + v + ": " + got + " vs " + want);
      }
    }
  }

  @Test
  void sqrtOfANonPositiveValueIsZeroAndCbrtIsOdd() {
    RootTable sqrt = RootTable.of(Builtin.SQRT, ARG, RESULT, 8, 0);
    RootTable cbrt = RootTable.of(Builtin.CBRT, ARG, RESULT, 8, 0);
    assertEquals(0.0, sqrt.evaluate(Fixed.fromDouble(-2.5, ARG)).toDouble());
    assertEquals(0.0, sqrt.evaluate(Fixed.fromDouble(0, ARG)).toDouble());
    // odd, up to the result type's truncation toward -inf
    assertEquals(-cbrt.evaluate(Fixed.fromDouble(2.5, ARG)).toDouble(),
        cbrt.evaluate(Fixed.fromDouble(-2.5, ARG)).toDouble(), Math.scalb(1.0, -RESULT.fracBits()));
  }
}
