package io.github.srhls.core.design.units;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Quantization;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SegmentsTest {
  static final List<Builtin> SMOOTH = List.of(Builtin.SIN, Builtin.COS, Builtin.EXP, Builtin.LOG, Builtin.LOG2,
      Builtin.LOG10, Builtin.TANH, Builtin.SQRT, Builtin.CBRT);
  static final FixedType VALUE = FixedType.fixed(24, 4);

  @Test
  void theDerivativeBoundsHoldOverEachDomain() {
    for (Builtin f : SMOOTH) {
      Reduction r = Reduction.of(f, 0, VALUE);
      double h = 1e-3;
      for (int n = 1; n <= Segments.MAX_DEGREE + 1; n++) {
        double largest = 0;
        for (double s = Math.max(r.usedFrom(), 0) + 3 * h; s < 1 - 3 * h; s += 1e-3) {
          largest = Math.max(largest, Math.abs(derivative(r, s, n, h)));
        }
        double bound = r.derivativeBound(n);
        assertTrue(largest <= bound * 1.001, f + " derivative " + n + ": " + largest + " > " + bound);
        // and not wildly loose: the planner sizes tables with them
        assertTrue(largest >= bound * 0.3, f + " derivative " + n + ": " + largest + " << " + bound);
      }
    }
  }

  /** Central differences of order n. */
  private static double derivative(Reduction r, double s, int n, double h) {
    double[][] weights = {{-0.5, 0, 0.5}, {1, -2, 1}, {-0.5, 1, 0, -1, 0.5}, {1, -4, 6, -4, 1}};
    double[] w = weights[n - 1];
    int half = w.length / 2;
    double sum = 0;
    for (int j = 0; j < w.length; j++) {
      sum += w[j] * r.g().applyAsDouble(s + (j - half) * h);
    }
    return sum / Math.pow(h, n);
  }

  /**
   * The largest error of a value of type {@code value} against g on the used domain: the polynomial's own error
   * and the rounding of the coefficients, of t and of each Horner step.
   */
  static double errorBound(Reduction r, int degree, FixedType value) {
    return Segments.approximationError(r, degree)
        + Segments.roundingPerLsb(degree, value.quantization()) * Math.scalb(1.0, -value.fracBits());
  }

  @Test
  void everyFunctionDegreeAndSizeStaysWithinItsBound() {
    SplittableRandom random = new SplittableRandom(11);
    for (Builtin f : SMOOTH) {
      for (int degree = 0; degree <= Segments.MAX_DEGREE; degree++) {
        for (int bits : new int[] {1, 2, 3, 5, 8}) {
          Reduction r = Reduction.of(f, bits, VALUE);
          Segments segments = Segments.fit(r, bits, degree, VALUE);
          double bound = errorBound(r, degree, VALUE);
          int n = 1 << bits;
          double worst = 0;
          for (int k = 0; k < 4000; k++) {
            double s = random.nextDouble(Math.max(0, r.usedFrom()), n);
            int i = (int) Math.floor(s);
            Fixed t = degree == 0 ? null
                : Fixed.fromDouble(s - i, segments.fractionType());
            double got = segments.evaluate(i, t).toDouble();
            worst = Math.max(worst, Math.abs(got - r.g().applyAsDouble(s)));
          }
          assertTrue(worst <= bound, f + " degree " + degree + " 2^" + bits + ": " + worst + " > " + bound);
        }
      }
    }
  }

  @Test
  void theBoundHoldsForValueTypesWithManyFractionBits() {
    FixedType fine = FixedType.fixed(48, 4);
    SplittableRandom random = new SplittableRandom(5);
    for (Builtin f : SMOOTH) {
      Reduction r = Reduction.of(f, 12, fine);
      Segments segments = Segments.fit(r, 12, 2, fine);
      double bound = errorBound(r, 2, fine);
      double worst = 0;
      for (int k = 0; k < 3000; k++) {
        double s = random.nextDouble(Math.max(0, r.usedFrom()), 4096);
        int i = (int) Math.floor(s);
        double got = segments.evaluate(i, Fixed.fromDouble(s - i, segments.fractionType())).toDouble();
        worst = Math.max(worst, Math.abs(got - r.g().applyAsDouble(s)));
      }
      assertTrue(worst <= bound, f + ": " + worst + " > " + bound);
    }
  }

  @Test
  void theErrorFallsWithThePowerOfTheSegmentWidthThatTheDegreeGives() {
    FixedType fine = FixedType.fixed(48, 4);
    for (int degree = 0; degree <= 2; degree++) {
      double coarse = measured(Builtin.SIN, 5, degree, fine);
      double halved = measured(Builtin.SIN, 6, degree, fine);
      double ratio = coarse / halved;
      // error ~ width^(d+1): halving the segments' width divides it by about 2^(d+1)
      assertTrue(ratio > Math.pow(2, degree + 1) * 0.7 && ratio < Math.pow(2, degree + 1) * 1.4,
          "degree " + degree + ": ratio " + ratio);
    }
  }

  private static double measured(Builtin f, int bits, int degree, FixedType value) {
    Reduction r = Reduction.of(f, bits, value);
    Segments segments = Segments.fit(r, bits, degree, value);
    double worst = 0;
    for (int i = 0; i < segments.size(); i++) {
      for (int j = 0; j < 64; j++) {
        double t = j / 64.0;
        Fixed ft = degree == 0 ? null : Fixed.fromDouble(t, segments.fractionType());
        worst = Math.max(worst, Math.abs(segments.evaluate(i, ft).toDouble() - r.g().applyAsDouble(i + t)));
      }
    }
    return worst;
  }

  @Test
  void degreeZeroIsTheTableOfSegmentCentres() {
    Reduction r = Reduction.of(Builtin.EXP, 4, VALUE);
    Segments segments = Segments.fit(r, 4, 0, VALUE);
    for (int i = 0; i < 16; i++) {
      assertEquals(Tables.quantize(Math.pow(2, (i + 0.5) / 16), VALUE), segments.evaluate(i, null));
    }
    assertEquals(16L * VALUE.width(), segments.tableBits());
  }

  @Test
  void theRootsLeaveTheSegmentsBelowOneEmpty() {
    Reduction r = Reduction.of(Builtin.SQRT, 4, VALUE);
    Segments segments = Segments.fit(r, 4, 2, VALUE);
    // m' in [1, 4) over 16 segments of [0, 4): the first four are never indexed
    for (int i = 0; i < 4; i++) {
      for (List<Fixed> c : segments.coefficients()) {
        assertEquals(0, c.get(i).raw().signum());
      }
    }
    assertTrue(segments.coefficients().get(0).get(4).toDouble() > 0.99);
  }

  @Test
  void newtonFormExpandsToTheMonomialCoefficients() {
    double[] t = Segments.chebyshevNodes(3);
    double[] c = {0.25, -1.5, 2.0, 0.75};
    double[] v = new double[4];
    for (int j = 0; j < 4; j++) {
      v[j] = c[0] + c[1] * t[j] + c[2] * t[j] * t[j] + c[3] * t[j] * t[j] * t[j];
    }
    assertArrayEquals(c, Segments.monomial(t, v), 1e-12);
  }

  @Test
  void roundingToNearestHalvesTheLastCastsShare() {
    assertTrue(Segments.roundingPerLsb(1, Quantization.AP_RND) < Segments.roundingPerLsb(1, Quantization.AP_TRN));
    assertEquals(0.5, Segments.roundingPerLsb(0, Quantization.AP_TRN));
  }
}
