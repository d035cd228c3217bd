package io.github.srhls.core.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RocAucTest {
  private static boolean[] labels(int... ones) {
    boolean[] b = new boolean[ones.length];
    for (int i = 0; i < ones.length; i++) {
      b[i] = ones[i] == 1;
    }
    return b;
  }

  @Test
  void handComputedAreas() {
    // separated perfectly, and perfectly wrong
    assertEquals(1.0, RocAuc.of(new double[] {0.1, 0.2, 0.8, 0.9}, labels(0, 0, 1, 1)));
    assertEquals(0.0, RocAuc.of(new double[] {0.9, 0.8, 0.2, 0.1}, labels(0, 0, 1, 1)));
    // positives 0.35, 0.8; negatives 0.1, 0.4: pairs (0.35>0.1) (0.35<0.4) (0.8>0.1) (0.8>0.4) = 3 of 4
    assertEquals(0.75, RocAuc.of(new double[] {0.1, 0.4, 0.35, 0.8}, labels(0, 0, 1, 1)));
    // ties: positive 0.5 against negatives 0.5 and 0.2 -> 0.5 + 1; positive 0.7 beats both -> 2; of 4 pairs: 3.5/4
    assertEquals(0.875, RocAuc.of(new double[] {0.5, 0.2, 0.5, 0.7}, labels(0, 0, 1, 1)));
    // every score equal: no order, one half
    assertEquals(0.5, RocAuc.of(new double[] {3, 3, 3, 3, 3}, labels(1, 0, 1, 0, 0)));
    // one positive (2) against negatives 1, 2, 2, 3: 1 + 0.5 + 0.5 + 0 = 2 of 4
    assertEquals(0.5, RocAuc.of(new double[] {1, 2, 2, 3, 2}, labels(0, 0, 0, 0, 1)));
    // -0.0 and 0.0 are one score
    assertEquals(0.5, RocAuc.of(new double[] {-0.0, 0.0}, labels(1, 0)));
    // infinities are in order
    assertEquals(1.0, RocAuc.of(new double[] {Double.NEGATIVE_INFINITY, 0, Double.POSITIVE_INFINITY},
        labels(0, 1, 1)));
  }

  @Test
  void noAreaWithoutBothClassesOrWithANaN() {
    assertTrue(Double.isNaN(RocAuc.of(new double[] {0.1, 0.2}, labels(1, 1))));
    assertTrue(Double.isNaN(RocAuc.of(new double[] {0.1, 0.2}, labels(0, 0))));
    assertTrue(Double.isNaN(RocAuc.of(new double[] {}, labels())));
    assertTrue(Double.isNaN(RocAuc.of(new double[] {0.1, Double.NaN}, labels(0, 1))));
  }

  /** The definition, pair by pair: a positive above a negative counts 1, a tie one half. */
  private static double pairwise(double[] s, boolean[] positive) {
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < s.length; i++) {
      for (int j = 0; j < s.length; j++) {
        if (positive[i] && !positive[j]) {
          pairs++;
          wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
        }
      }
    }
    return wins / pairs;
  }

  @Test
  void agreesWithThePairwiseDefinitionOnRandomScoresWithManyTies() {
    Random random = new Random(20261203);
    for (int trial = 0; trial < 2000; trial++) {
      int n = 2 + random.nextInt(60);
      double[] s = new double[n];
      boolean[] positive = new boolean[n];
      int levels = 1 + random.nextInt(trial % 3 == 0 ? 3 : 40); // few levels: many ties
      double p = random.nextDouble();
      for (int i = 0; i < n; i++) {
        s[i] = random.nextInt(levels) * 0.125 - 1;
        positive[i] = random.nextDouble() < p;
      }
      positive[0] = true;
      positive[1] = false;
      double expected = pairwise(s, positive);
      assertEquals(expected, RocAuc.of(s, positive), 1e-12, () -> java.util.Arrays.toString(s));
    }
  }
}
