package io.github.srhls.core.ir;

import static io.github.srhls.core.ir.DirectedRounding.addDown;
import static io.github.srhls.core.ir.DirectedRounding.addUp;
import static io.github.srhls.core.ir.DirectedRounding.divDown;
import static io.github.srhls.core.ir.DirectedRounding.divUp;
import static io.github.srhls.core.ir.DirectedRounding.down;
import static io.github.srhls.core.ir.DirectedRounding.mulDown;
import static io.github.srhls.core.ir.DirectedRounding.mulUp;
import static io.github.srhls.core.ir.DirectedRounding.subDown;
import static io.github.srhls.core.ir.DirectedRounding.subUp;
import static io.github.srhls.core.ir.DirectedRounding.up;

import io.github.srhls.core.expr.Builtin;

/**
 * Interval arithmetic with outward rounding: each result encloses the exact image of its operands' intervals, so
 * a chain of them never drops a value to rounding (which the firmware would then overflow on, silently). Sums,
 * products and quotients are rounded outward only where their double result is inexact; a library function, which
 * Java's {@link Math} gives within one unit in the last place, is widened by one unit on each side.
 */
final class IntervalOps {
  private IntervalOps() {}

  static Interval apply(Builtin op, Interval a, Interval b) {
    return switch (op) {
      case ADD -> make(addDown(a.lo(), b.lo()), addUp(a.hi(), b.hi()));
      case SUB -> make(subDown(a.lo(), b.hi()), subUp(a.hi(), b.lo()));
      case MUL -> multiply(a, b);
      case DIV -> b.contains(0.0) ? Interval.ALL : divide(a, b);
      case NEG -> new Interval(-a.hi(), -a.lo());
      case ABS -> a.contains(0.0)
          ? new Interval(0.0, Math.max(-a.lo(), a.hi()))
          : new Interval(Math.min(Math.abs(a.lo()), Math.abs(a.hi())), Math.max(Math.abs(a.lo()), Math.abs(a.hi())));
      case SIGN -> new Interval(Math.signum(a.lo()), Math.signum(a.hi()));
      case MAX -> new Interval(Math.max(a.lo(), b.lo()), Math.max(a.hi(), b.hi()));
      case MIN -> new Interval(Math.min(a.lo(), b.lo()), Math.min(a.hi(), b.hi()));
      case SIN, COS -> new Interval(-1.0, 1.0);
      case TAN -> a.lo() > -Math.PI / 2 && a.hi() < Math.PI / 2 ? increasing(op, a) : Interval.ALL;
      case COSH -> clampBelow(a.contains(0.0)
          ? new Interval(1.0, up(Math.max(Math.cosh(a.lo()), Math.cosh(a.hi())), 1))
          : increasing(op, apply(Builtin.ABS, a, null)), 1.0);
      case TANH -> clamp(increasing(op, a), -1.0, 1.0);
      case EXP -> clampBelow(increasing(op, a), 0.0);
      case SQRT -> new Interval(sqrt(a.lo(), false), sqrt(a.hi(), true));
      case SINH, LOG, LOG2, LOG10, CBRT -> increasing(op, a);
      case POW, SQUARE, CUBE, INV -> throw new IllegalStateException(op + " is lowered before analysis");
    };
  }

  /** I^k for k >= 1, with even powers not negative. */
  static Interval power(Interval i, long k) {
    if (k == 1) {
      return i;
    }
    double minMag = i.contains(0.0) ? 0.0 : Math.min(Math.abs(i.lo()), Math.abs(i.hi()));
    double maxMag = Math.max(Math.abs(i.lo()), Math.abs(i.hi()));
    if (k % 2 == 0) {
      return new Interval(powDown(minMag, k), powUp(maxMag, k));
    }
    double lo = i.lo() < 0 ? -powUp(-i.lo(), k) : powDown(i.lo(), k);
    double hi = i.hi() < 0 ? -powDown(-i.hi(), k) : powUp(i.hi(), k);
    return new Interval(lo, hi);
  }

  static Interval multiply(Interval a, Interval b) {
    double lo = Math.min(Math.min(mulDown(a.lo(), b.lo()), mulDown(a.lo(), b.hi())),
        Math.min(mulDown(a.hi(), b.lo()), mulDown(a.hi(), b.hi())));
    double hi = Math.max(Math.max(mulUp(a.lo(), b.lo()), mulUp(a.lo(), b.hi())),
        Math.max(mulUp(a.hi(), b.lo()), mulUp(a.hi(), b.hi())));
    return make(lo, hi);
  }

  private static Interval divide(Interval a, Interval b) {
    double lo = Math.min(Math.min(divDown(a.lo(), b.lo()), divDown(a.lo(), b.hi())),
        Math.min(divDown(a.hi(), b.lo()), divDown(a.hi(), b.hi())));
    double hi = Math.max(Math.max(divUp(a.lo(), b.lo()), divUp(a.lo(), b.hi())),
        Math.max(divUp(a.hi(), b.lo()), divUp(a.hi(), b.hi())));
    return make(lo, hi);
  }

  /** The interval, or everything where a bound is NaN (inf - inf, 0 * inf). */
  private static Interval make(double lo, double hi) {
    return Double.isNaN(lo) || Double.isNaN(hi) ? Interval.ALL : new Interval(lo, hi);
  }

  /** m^k for m >= 0, from below. */
  private static double powDown(double m, long k) {
    double result = 1.0;
    double base = m;
    for (long e = k; e > 0; e >>= 1) {
      if ((e & 1) != 0) {
        result = mulDown(result, base);
      }
      if (e > 1) {
        base = mulDown(base, base);
      }
    }
    return Math.max(result, 0.0);
  }

  /** m^k for m >= 0, from above. */
  private static double powUp(double m, long k) {
    double result = 1.0;
    double base = m;
    for (long e = k; e > 0; e >>= 1) {
      if ((e & 1) != 0) {
        result = mulUp(result, base);
      }
      if (e > 1) {
        base = mulUp(base, base);
      }
    }
    return result;
  }

  /** The square root, correctly rounded in Java, moved one step where that rounding went the wrong way. */
  private static double sqrt(double x, boolean upward) {
    double s = Math.sqrt(x);
    if (!Double.isFinite(s) || s == 0.0) {
      return Double.isNaN(s) ? (upward ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY) : s;
    }
    double excess = Math.fma(s, s, -x);
    return upward ? (excess < 0 ? Math.nextUp(s) : s) : (excess > 0 ? Math.nextDown(s) : s);
  }

  /**
   * A non-decreasing function's image, each bound widened by the function's error in units in the last place
   * (log2 is log(x) / log(2) in the float model: two library results and a quotient), except where the exact
   * value is known; where the function is undefined (log of a negative) the bound is open.
   */
  private static Interval increasing(Builtin f, Interval a) {
    int ulps = f == Builtin.LOG2 ? 3 : 1;
    double lo = FloatSemantics.apply(f, a.lo());
    double hi = FloatSemantics.apply(f, a.hi());
    return new Interval(Double.isNaN(lo) ? Double.NEGATIVE_INFINITY : exact(f, a.lo()) ? lo : down(lo, ulps),
        Double.isNaN(hi) ? Double.POSITIVE_INFINITY : exact(f, a.hi()) ? hi : up(hi, ulps));
  }

  /** Whether the function's double value at x is its exact value: exp(0) = 1, log(1) = 0, tanh(0) = 0, ... */
  private static boolean exact(Builtin f, double x) {
    return switch (f) {
      case EXP, COSH, SINH, TANH, TAN, CBRT -> x == 0.0 || Double.isInfinite(x);
      case LOG, LOG2, LOG10 -> x == 1.0 || x == 0.0 || Double.isInfinite(x);
      default -> false;
    };
  }

  private static Interval clampBelow(Interval i, double least) {
    return new Interval(Math.max(i.lo(), least), Math.max(i.hi(), least));
  }

  private static Interval clamp(Interval i, double least, double most) {
    return new Interval(Math.min(Math.max(i.lo(), least), most), Math.max(Math.min(i.hi(), most), least));
  }
}
