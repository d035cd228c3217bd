package io.github.srhls.core.design.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import org.junit.jupiter.api.Test;

class LogTableTest {
  static final FixedType ARG = FixedType.fixed(16, 6);
  static final FixedType RESULT = FixedType.fixed(20, 6);

  @Test
  void everyPositiveArgumentOfTheTypeIsReducedNotClamped() {
    for (Builtin f : new Builtin[] {Builtin.LOG, Builtin.LOG2, Builtin.LOG10}) {
      LogTable unit = LogTable.of(f, ARG, RESULT, 8, 0);
      double base = f == Builtin.LOG2 ? 2 : f == Builtin.LOG10 ? 10 : Math.E;
      double lsb = Math.scalb(1.0, -RESULT.fracBits());
      // from the smallest positive value (2^-10) to the largest (32 - 2^-10), far beyond any one table's range
      for (long raw = 1; raw < 1 << 15; raw += 37) {
        Fixed x = Fixed.ofRaw(java.math.BigInteger.valueOf(raw), ARG);
        double want = Math.log(x.toDouble()) / Math.log(base);
        double got = unit.evaluate(x).toDouble();
        // half a bin of log(m), slope at most 1 / ln(base), plus the entry rounding and the final truncation
        double bound = 1 / Math.log(base) / 512 + 2 * lsb;
        assertTrue(Math.abs(got - want) <= bound, f + " at " + x.toDouble() + ": " + got + " vs " + want);
      }
    }
  }

  @Test
  void aNonPositiveArgumentCountsAsTheSmallestPositive() {
    LogTable unit = LogTable.of(Builtin.LOG, ARG, RESULT, 8, 0);
    Fixed smallest = Fixed.ofRaw(java.math.BigInteger.ONE, ARG);
    assertEquals(unit.evaluate(smallest), unit.evaluate(Fixed.fromDouble(0, ARG)));
    assertEquals(unit.evaluate(smallest), unit.evaluate(Fixed.fromDouble(-3.5, ARG)));
  }

  @Test
  void aSaturatingResultTypeOverANarrowRangeKeepsTheTableWhole() {
    // log(m) reaches 0.69 while log(x) over [0.7, 1.4] stays within +-0.36: the table needs room of its own
    FixedType narrow = FixedType.fixed(16, 0, Quantization.AP_RND, Overflow.AP_SAT);
    for (int degree = 0; degree <= 2; degree++) {
      LogTable unit = LogTable.of(Builtin.LOG, ARG, narrow, 6, degree);
      for (double x = 0.7; x < 1.4; x += 0.001) {
        Fixed fx = Fixed.fromDouble(x, ARG);
        double err = Math.abs(unit.evaluate(fx).toDouble() - Math.log(fx.toDouble()));
        assertTrue(err < 0.01, "degree " + degree + " at " + x + ": " + err);
      }
    }
  }
}
