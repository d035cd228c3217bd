package io.github.srhls.core.design.units;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.FixedType;
import java.util.function.DoubleUnaryOperator;

/**
 * What a unit tabulates once its argument is reduced: g(s) for a position s in [usedFrom, N), counted in table
 * entries (segment i is [i, i + 1)), with bounds on |g^(n)| over that domain. The bounds are what make the error
 * of a table of any size and degree known before it is built: the planner sizes tables with them.
 *
 * @param g the tabulated function of the position
 * @param usedFrom the first position the unit ever indexes (the roots' reduced mantissa is at least 1)
 * @param derivativeBounds |g^(n)| at most, per entry, at index n - 1 for n = 1 to {@link Segments#MAX_DEGREE} + 1;
 *     infinite where no bound exists (tan has poles)
 * @param reach the unit indexes only positions less than this many entries away from 0, modulo the table (tan
 *     kept away from its poles, {@link #tan}); the bounds hold there, and {@link Segments#fit} fits only those
 *     segments. Infinite: every segment
 */
public record Reduction(DoubleUnaryOperator g, double usedFrom, double[] derivativeBounds, double reach) {

  public Reduction {
    derivativeBounds = derivativeBounds.clone();
  }

  /** A reduction whose every segment is used. */
  public Reduction(DoubleUnaryOperator g, double usedFrom, double[] derivativeBounds) {
    this(g, usedFrom, derivativeBounds, Double.POSITIVE_INFINITY);
  }

  /** Whether segment {@code i} of {@code entries} is within {@link #reach}: fitted, and covered by the bounds. */
  public boolean fitted(int i, int entries) {
    return i < reach || i >= entries - reach;
  }

  /** |g^(n)| at most over the domain, per entry. */
  public double derivativeBound(int n) {
    return derivativeBounds[n - 1];
  }

  /**
   * The reduction of our unit for {@code f} with 2^indexBits entries: the span of the reduced argument, the
   * function over it and its derivative bounds there (|f^(n)| per unit of the reduced argument, scaled to entries).
   */
  public static Reduction of(Builtin f, int indexBits, FixedType resultType) {
    int n = 1 << indexBits;
    return switch (f) {
      case SIN -> scaled(Math::sin, 0, 2 * Math.PI, n, 1, 1, 1, 1);
      case COS -> scaled(Math::cos, 0, 2 * Math.PI, n, 1, 1, 1, 1);
      case TAN -> scaled(Math::tan, 0, Math.PI, n, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
          Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
      // 2^u over one octave: |(2^u)^(n)| = ln(2)^n 2^u < 2 ln(2)^n
      case EXP -> {
        double l = Math.log(2);
        yield scaled(u -> Math.pow(2, u), 0, 1, n, 2 * l, 2 * l * l, 2 * l * l * l, 2 * l * l * l * l);
      }
      // log(1 + u) / log(base) over [0, 1): |derivative n| <= (n - 1)! / log(base)
      case LOG, LOG2, LOG10 -> {
        double lb = Math.log(f == Builtin.LOG2 ? 2 : f == Builtin.LOG10 ? 10 : Math.E);
        yield scaled(u -> Math.log(1 + u) / lb, 0, 1, n, 1 / lb, 1 / lb, 2 / lb, 6 / lb);
      }
      // the largest |tanh^(n)| over the reals: 1, 4/(3 sqrt 3), 2 and 4.0859 (at 0 for odd n)
      case TANH -> scaled(Math::tanh, 0, TanhTable.end(resultType), n, 1, 0.7699, 2, 4.086);
      // the reduced mantissa m' lies in [1, 4) for sqrt, [1, 8) for cbrt: the derivatives are largest at 1
      case SQRT -> scaled(Math::sqrt, 1, 4, n, 0.5, 0.25, 0.375, 0.9375);
      case CBRT -> scaled(Math::cbrt, 1, 8, n, 1.0 / 3, 2.0 / 9, 10.0 / 27, 80.0 / 81);
      default -> throw new IllegalArgumentException(f + " has no table");
    };
  }

  /**
   * tan for arguments at most {@code argReach} from 0 (the range analysis bounds tan only inside its central
   * branch): the segments that such arguments index, and one more each side for an argument that strays past
   * its range by less than a segment, with bounds on tan's derivatives over them. tan's n-th derivative is a
   * polynomial in tan(x) with non-negative coefficients, so it is largest in magnitude at the largest |x|. Where
   * those segments would reach a pole, no bound exists and the reduction is {@link #of}'s, unbounded.
   */
  public static Reduction tan(int indexBits, double argReach) {
    int n = 1 << indexBits;
    double step = Math.PI / n;
    // whole segments from 0: the one holding argReach, and the guard segment beyond it
    double segments = Math.floor(argReach / step) + 2;
    double span = segments * step;
    if (!(span < Math.PI / 2)) {
      return of(Builtin.TAN, indexBits, null);
    }
    double t = Math.tan(span);
    double t2 = t * t;
    Reduction bounded = scaled(Math::tan, 0, Math.PI, n, 1 + t2, 2 * t * (1 + t2), 2 + 8 * t2 + 6 * t2 * t2,
        t * (16 + 40 * t2 + 24 * t2 * t2));
    return new Reduction(bounded.g(), 0, bounded.derivativeBounds(), segments);
  }

  /**
   * The type of what the unit's segments yield: the result itself, or for exp and the roots a mantissa in
   * [1, 2) that a power of two then scales, with as many fraction bits as the result has bits.
   */
  public static FixedType valueType(Builtin f, FixedType resultType) {
    return switch (f) {
      case EXP -> ExpTable.mantissaType(resultType);
      case SQRT, CBRT -> RootTable.mantissaType(resultType);
      case LOG, LOG2, LOG10 -> LogTable.valueType(resultType);
      default -> resultType;
    };
  }

  /** g(s) = f(span s / N) with f used from {@code from}; the n-th derivative scales by (span / N)^n. */
  private static Reduction scaled(DoubleUnaryOperator f, double from, double span, int entries,
      double... bounds) {
    double step = span / entries;
    double[] perEntry = new double[bounds.length];
    for (int k = 0; k < bounds.length; k++) {
      perEntry[k] = bounds[k] * Math.pow(step, k + 1);
    }
    return new Reduction(s -> f.applyAsDouble(step * s), from / step, perEntry);
  }
}
