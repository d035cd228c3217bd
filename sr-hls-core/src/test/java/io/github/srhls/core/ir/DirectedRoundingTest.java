package io.github.srhls.core.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bounds hold the exact result (checked in BigDecimal), and an exact result is its own bound. */
class DirectedRoundingTest {
  @Test
  void boundsEncloseTheExactSumProductAndQuotient() {
    SplittableRandom random = new SplittableRandom(13);
    for (int k = 0; k < 100_000; k++) {
      double a = operand(random);
      double b = operand(random);
      BigDecimal x = new BigDecimal(a);
      BigDecimal y = new BigDecimal(b);
      check(x.add(y), DirectedRounding.addDown(a, b), DirectedRounding.addUp(a, b), a + " + " + b);
      check(x.subtract(y), DirectedRounding.subDown(a, b), DirectedRounding.subUp(a, b), a + " - " + b);
      check(x.multiply(y), DirectedRounding.mulDown(a, b), DirectedRounding.mulUp(a, b), a + " * " + b);
      if (b != 0.0) {
        checkQuotient(x, y, DirectedRounding.divDown(a, b), DirectedRounding.divUp(a, b), a + " / " + b);
      }
    }
  }

  @Test
  void exactResultsAreNotWidened() {
    assertEquals(0.75, DirectedRounding.addUp(0.5, 0.25));
    assertEquals(0.75, DirectedRounding.addDown(0.5, 0.25));
    assertEquals(-6.0, DirectedRounding.mulDown(-2.0, 3.0));
    assertEquals(-6.0, DirectedRounding.mulUp(-2.0, 3.0));
    assertEquals(0.25, DirectedRounding.divDown(1.0, 4.0));
    assertEquals(0.25, DirectedRounding.divUp(1.0, 4.0));
    // 0.1 + 0.2 is not 0.30000000000000004 exactly: the bounds are the doubles on either side
    assertEquals(Math.nextDown(0.1 + 0.2), DirectedRounding.addDown(0.1, 0.2));
    assertEquals(0.1 + 0.2, DirectedRounding.addUp(0.1, 0.2));
  }

  private static double operand(SplittableRandom random) {
    return switch (random.nextInt(4)) {
      case 0 -> random.nextInt(-64, 65) / 8.0;
      case 1 -> random.nextDouble(-10, 10);
      case 2 -> Math.scalb(random.nextDouble(-1, 1), random.nextInt(-60, 60));
      default -> 1.0 / (1 + random.nextInt(1000));
    };
  }

  /** down <= x / y <= up, compared exactly by multiplying back (no rounded BigDecimal quotient). */
  private static void checkQuotient(BigDecimal x, BigDecimal y, double down, double up, String what) {
    int sign = y.signum();
    assertTrue(new BigDecimal(down).multiply(y).compareTo(x) * sign <= 0, what + ": lower bound " + down + " too high");
    assertTrue(new BigDecimal(up).multiply(y).compareTo(x) * sign >= 0, what + ": upper bound " + up + " too low");
    assertTrue(up == down || Math.nextUp(down) == up, what + ": bounds " + down + ", " + up + " more than one apart");
  }

  private static void check(BigDecimal exact, double down, double up, String what) {
    assertTrue(new BigDecimal(down).compareTo(exact) <= 0, what + ": lower bound " + down + " above " + exact);
    assertTrue(new BigDecimal(up).compareTo(exact) >= 0, what + ": upper bound " + up + " below " + exact);
    assertTrue(up == down || Math.nextUp(down) == up, what + ": bounds " + down + ", " + up + " more than one apart");
  }
}
