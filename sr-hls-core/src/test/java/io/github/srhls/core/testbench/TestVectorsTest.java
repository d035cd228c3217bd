package io.github.srhls.core.testbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.model.ModelReader;
import io.github.srhls.core.model.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The random test vectors: uniform over the ranges, or standard normal, always the same for the same seed. */
class TestVectorsTest {
  static final int N = 20_000;

  @TempDir Path project;

  private ModelSpec model(String testbench) throws IOException {
    Path file = project.resolve("v.sr.yaml");
    Files.writeString(file, "format: sr-hls/v1\nname: v\ninputs: [{name: a, range: [-1, 1]}, {name: b, range:"
        + " [2, 3]}, {name: c, range: [-1, 1]}]\noutputs: [{name: y, expression: a + b + c}]\ntestbench: "
        + testbench + "\n");
    return new ModelReader().read(file, project, "1");
  }

  @Test
  void uniformVectorsAreDrawnOverEachRangeFromTheSeed() throws IOException {
    double[][] rows = TestVectors.of(model("{vectors: 1000, seed: 42}"), project);
    SplittableRandom random = new SplittableRandom(42);
    for (double[] row : rows) {
      assertArrayEquals(new double[] {-1 + 2 * random.nextDouble(), 2 + random.nextDouble(),
          -1 + 2 * random.nextDouble()}, row);
    }
  }

  @Test
  void normalVectorsAreStandardNormalPerInputWhateverTheRange() throws IOException {
    double[][] rows = TestVectors.of(model("{vectors: " + N + ", seed: 7, distribution: normal}"), project);
    assertEquals(N, rows.length);
    for (int i = 0; i < 3; i++) {
      double[] x = column(rows, i);
      double mean = Arrays.stream(x).average().orElseThrow();
      double variance = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (N - 1);
      // standard errors: 1/sqrt(N) = 0.007 for the mean, sqrt(2/N) = 0.01 for the variance
      assertEquals(0, mean, 0.03, "mean of input " + i);
      assertEquals(1, variance, 0.04, "variance of input " + i);
      // the standard normal CDF at a few points (tabulated values); standard error at most 0.0036
      double[][] cdf = {{-2, 0.022750}, {-1, 0.158655}, {0, 0.5}, {0.5, 0.691462}, {1.5, 0.933193}};
      for (double[] p : cdf) {
        double share = Arrays.stream(x).filter(v -> v <= p[0]).count() / (double) N;
        assertEquals(p[1], share, 0.015, "P(x" + i + " <= " + p[0] + ")");
      }
    }
    // b's range [2, 3] does not move or clip it
    assertTrue(Arrays.stream(column(rows, 1)).anyMatch(v -> v < 0));
    // the two values of one Box-Muller pair are independent
    assertEquals(0, correlation(column(rows, 0), column(rows, 1)), 0.03);
    assertEquals(0, correlation(column(rows, 1), column(rows, 2)), 0.03);
  }

  @Test
  void normalVectorsDependOnlyOnTheSeed() throws IOException {
    double[][] first = TestVectors.of(model("{vectors: 100, seed: 3, distribution: normal}"), project);
    double[][] again = TestVectors.of(model("{vectors: 100, seed: 3, distribution: normal}"), project);
    double[][] other = TestVectors.of(model("{vectors: 100, seed: 4, distribution: normal}"), project);
    assertTrue(Arrays.deepEquals(first, again));
    assertFalse(Arrays.deepEquals(first, other));
  }

  private static double[] column(double[][] rows, int i) {
    return Arrays.stream(rows).mapToDouble(r -> r[i]).toArray();
  }

  private static double correlation(double[] x, double[] y) {
    double mx = Arrays.stream(x).average().orElseThrow();
    double my = Arrays.stream(y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int k = 0; k < x.length; k++) {
      sxy += (x[k] - mx) * (y[k] - my);
      sxx += (x[k] - mx) * (x[k] - mx);
      syy += (y[k] - my) * (y[k] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
