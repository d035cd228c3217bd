package io.github.srhls.core.ir;

/**
 * Bounds of the exact result of one double operation: below ({@code down}) and above ({@code up}) it. The error of
 * a sum, product or quotient is found exactly (two-sum, fused multiply-add), so an exact result is not widened:
 * the bounds move one step only where rounding to nearest went the wrong way. Infinite and NaN results pass
 * through (the caller widens a NaN to everything), except that a finite overflow is held at the largest double on
 * the side that stays a bound.
 */
final class DirectedRounding {
  /** Below this magnitude a product or quotient may have lost bits to underflow: widen without asking. */
  private static final double TINY = 0x1p-960;

  private DirectedRounding() {}

  static double addDown(double a, double b) {
    double s = a + b;
    return Double.isFinite(s) ? (sumError(a, b, s) < 0 ? Math.nextDown(s) : s) : overflowDown(s, a, b);
  }

  static double addUp(double a, double b) {
    double s = a + b;
    return Double.isFinite(s) ? (sumError(a, b, s) > 0 ? Math.nextUp(s) : s) : overflowUp(s, a, b);
  }

  static double subDown(double a, double b) {
    return addDown(a, -b);
  }

  static double subUp(double a, double b) {
    return addUp(a, -b);
  }

  static double mulDown(double a, double b) {
    double p = a * b;
    if (!Double.isFinite(p)) {
      return overflowDown(p, a, b);
    }
    if (Math.abs(p) < TINY && p != 0.0 || p == 0.0 && a != 0.0 && b != 0.0) {
      return Math.nextDown(p);
    }
    return Math.fma(a, b, -p) < 0 ? Math.nextDown(p) : p;
  }

  static double mulUp(double a, double b) {
    return -mulDown(-a, b);
  }

  static double divDown(double a, double b) {
    double q = a / b;
    if (!Double.isFinite(q)) {
      return overflowDown(q, a, b);
    }
    if (Math.abs(q) < TINY && q != 0.0 || q == 0.0 && a != 0.0) {
      return Math.nextDown(q);
    }
    if (Double.isInfinite(b)) {
      return q;
    }
    // a = q b + r exactly; the exact quotient is q + r/b
    double r = Math.fma(-q, b, a);
    return r != 0.0 && (r < 0) != (b < 0) ? Math.nextDown(q) : q;
  }

  static double divUp(double a, double b) {
    return -divDown(-a, b);
  }

  /** A value from a library function within {@code ulps} units in the last place of the exact one: its lower bound. */
  static double down(double v, int ulps) {
    for (int k = 0; k < ulps && Double.isFinite(v); k++) {
      v = Math.nextDown(v);
    }
    return v;
  }

  static double up(double v, int ulps) {
    for (int k = 0; k < ulps && Double.isFinite(v); k++) {
      v = Math.nextUp(v);
    }
    return v;
  }

  /** The rounding error of s = a + b (exact unless it overflowed): (a + b) - s. */
  private static double sumError(double a, double b, double s) {
    double bb = s - a;
    return (a - (s - bb)) + (b - bb);
  }

  /** A lower bound from an infinite or NaN result: +inf from finite operands overflowed, and is held finite. */
  private static double overflowDown(double r, double a, double b) {
    return r == Double.POSITIVE_INFINITY && Double.isFinite(a) && Double.isFinite(b) ? Double.MAX_VALUE : r;
  }

  private static double overflowUp(double r, double a, double b) {
    return r == Double.NEGATIVE_INFINITY && Double.isFinite(a) && Double.isFinite(b) ? -Double.MAX_VALUE : r;
  }
}
