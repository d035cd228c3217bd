package io.github.srhls.core.design.units;

import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import java.util.ArrayList;
import java.util.List;

/**
 * A piecewise polynomial over the segments of a unit's reduced argument: segment i holds
 * {@code p_i(t) = c_0[i] + c_1[i] t + ... + c_d[i] t^d} for t in [0, 1), the position's fraction within it.
 * Degree 0 is a plain table of the values at segment centres; degree 1 is linear interpolation; higher degrees
 * make a small table as accurate as a large one (the error falls with the (d + 1)-th power of the segment width).
 *
 * <p>Coefficients interpolate g at the Chebyshev nodes of each segment, which is within a small factor of the best
 * polynomial, and are rounded to nearest offline with {@link #GUARD_BITS} more fraction bits than the value. The
 * firmware evaluates by Horner's rule, {@code s = s * t + c_k}, each step truncated to {@link #stepTypes()}; the
 * Java model below does the same operations in the same types, so both agree bit for bit.
 *
 * @param degree the polynomial degree d
 * @param coefficients c_k for k = 0 to d, each with one entry per segment
 * @param fractionType t's type: unsigned, no integer bits (absent at degree 0, which ignores t)
 * @param stepTypes the Horner sums: index k holds the type of {@code s_{k+1} t + c_k}; index 0 is the value type
 */
public record Segments(int degree, List<List<Fixed>> coefficients, FixedType fractionType,
    List<FixedType> stepTypes) {

  public static final int MAX_DEGREE = 3;
  /** Coefficients and Horner sums carry this many fraction bits beyond the value's. */
  public static final int GUARD_BITS = 3;
  /**
   * Widest fraction of the position: t times a coefficient must stay within the host header's 128-bit
   * intermediates. Value types of more than about 52 fraction bits would need more, and their bound does not hold.
   */
  static final int MAX_FRACTION_BITS = 56;
  /**
   * The units' constant scales are rounded, so the position may be off by up to 2^-(t's bits + 5): the scale gets
   * {@link #POSITION_GUARD_BITS} fraction bits beyond the argument's integer bits and t's. That moves the value
   * by 1/32 of what truncating t does.
   */
  public static final int POSITION_GUARD_BITS = 4;
  public static final double POSITION_ERROR = 1.0 / 32;
  /**
   * Room for the polynomial's slope exceeding the function's when t is truncated: p' differs from g' by the
   * derivative of the interpolation error, small against g' wherever the segments are accurate at all. The tests
   * check the whole bound against what the segments and the units compute.
   */
  static final double SLOPE_FACTOR = 1.125;

  public Segments {
    coefficients = coefficients.stream().map(List::copyOf).toList();
    stepTypes = List.copyOf(stepTypes);
  }

  /**
   * Fits g on every used segment of a table of 2^indexBits segments.
   *
   * @param valueType what the unit's table yields: entries at degree 0, the last Horner sum above
   */
  public static Segments fit(Reduction r, int indexBits, int degree, FixedType valueType) {
    if (degree < 0 || degree > MAX_DEGREE) {
      throw new IllegalArgumentException("degree " + degree + " is outside 0.." + MAX_DEGREE);
    }
    int n = 1 << indexBits;
    double[] nodes = chebyshevNodes(degree);
    double[][] fitted = new double[degree + 1][n];
    int first = (int) Math.floor(r.usedFrom());
    boolean[] fittedHere = new boolean[n];
    for (int i = Math.max(0, first); i < n; i++) {
      fittedHere[i] = r.fitted(i, n);
      if (!fittedHere[i]) {
        // a segment the unit never indexes (tan near its poles) holds g at its centre, saturated, so that its
        // values do not widen the coefficients of the segments in use
        fitted[0][i] = r.g().applyAsDouble(i + 0.5);
        continue;
      }
      // the first used segment may start inside: fit only where it is used (the roots' m' from 1)
      double lo = Math.max(0.0, r.usedFrom() - i);
      double[] at = new double[degree + 1];
      double[] values = new double[degree + 1];
      for (int j = 0; j <= degree; j++) {
        at[j] = lo + (1 - lo) * nodes[j];
        values[j] = r.g().applyAsDouble(i + at[j]);
      }
      double[] c = monomial(at, values);
      for (int k = 0; k <= degree; k++) {
        fitted[k][i] = c[k];
      }
    }
    if (degree == 0) {
      List<Fixed> entries = new ArrayList<>(n);
      for (double v : fitted[0]) {
        entries.add(Tables.quantize(v, valueType));
      }
      return new Segments(0, List.of(entries), null, List.of(valueType));
    }
    int fc = valueType.fracBits() + GUARD_BITS;
    List<List<Fixed>> coefficients = new ArrayList<>();
    double[] largest = new double[degree + 1];
    for (int k = 0; k <= degree; k++) {
      for (int i = 0; i < n; i++) {
        if (fittedHere[i]) {
          largest[k] = Math.max(largest[k], Math.abs(fitted[k][i]));
        }
      }
      FixedType type = signed(largest[k], fc, Overflow.AP_SAT);
      List<Fixed> column = new ArrayList<>(n);
      for (double v : fitted[k]) {
        column.add(Tables.quantize(v, type));
      }
      coefficients.add(column);
    }
    List<FixedType> steps = new ArrayList<>();
    steps.add(valueType);
    double reach = largest[degree];
    for (int k = degree - 1; k >= 1; k--) {
      reach += largest[k] + Math.scalb(1.0, -fc);
      steps.add(1, signed(reach, fc, Overflow.AP_WRAP));
    }
    int ft = fractionBits(r.derivativeBound(1), valueType);
    FixedType t = FixedType.ufixed(ft, 0, Quantization.AP_TRN, Overflow.AP_WRAP);
    return new Segments(degree, coefficients, t, steps);
  }

  /** A signed type with {@code fracBits} fraction bits holding +-magnitude (with a little room for rounding). */
  private static FixedType signed(double magnitude, int fracBits, Overflow overflow) {
    double m = magnitude * (1 + 0x1p-20) + Math.scalb(1.0, -fracBits);
    int intBits = Math.getExponent(m) + 2;
    int width = Math.max(1, intBits + fracBits);
    return FixedType.fixed(width, width - fracBits, Quantization.AP_TRN, overflow);
  }

  /**
   * Fraction bits of the position so that truncating it moves the value by at most half the value's LSB: the
   * value changes by at most {@link #SLOPE_FACTOR} times the slope per entry across a segment.
   */
  public static int fractionBits(double slopePerEntry, FixedType valueType) {
    double halfLsb = Math.scalb(1.0, -valueType.fracBits() - 1);
    double need = SLOPE_FACTOR * slopePerEntry / halfLsb;
    int bits = need <= 1 ? 1 : (int) Math.ceil(Math.log(need) / Math.log(2));
    return Math.max(1, Math.min(MAX_FRACTION_BITS, bits));
  }

  /** Entries per coefficient table. */
  public int size() {
    return coefficients.get(0).size();
  }

  public int indexBits() {
    return Integer.numberOfTrailingZeros(size());
  }

  /** The type of what the segments yield. */
  public FixedType valueType() {
    return stepTypes.get(0);
  }

  public FixedType coefficientType(int k) {
    return coefficients.get(k).get(0).type();
  }

  /** ROM bits of all coefficient tables. */
  public long tableBits() {
    long bits = 0;
    for (int k = 0; k <= degree; k++) {
      bits += (long) size() * coefficientType(k).width();
    }
    return bits;
  }

  /** The value for segment {@code index} at fraction t (ignored at degree 0), as the firmware computes it. */
  public Fixed evaluate(int index, Fixed t) {
    Fixed s = coefficients.get(degree).get(index);
    if (degree == 0) {
      return s;
    }
    for (int k = degree - 1; k >= 0; k--) {
      s = s.mul(t).add(coefficients.get(k).get(index)).cast(stepTypes.get(k));
    }
    return s;
  }

  /** The value at a position in entries: its integer part picks the segment, its fraction is t. */
  public Fixed at(Fixed position) {
    return evaluate((int) position.toInt(), degree == 0 ? null : position.cast(fractionType));
  }

  /**
   * The exact polynomial's largest distance from g: the interpolation error of a degree-d polynomial at Chebyshev
   * nodes, |g^(d+1)| / ((d+1)! 2^(2d+1)) on a segment of width 1; at degree 0 also what a position off by
   * {@link #POSITION_ERROR} of a segment adds. With {@link #roundingPerLsb} LSBs of the value type, it bounds the
   * value's error against g anywhere on the used domain.
   */
  public static double approximationError(Reduction r, int degree) {
    double position = degree == 0 ? r.derivativeBound(1) * POSITION_ERROR : 0.0;
    return r.derivativeBound(degree + 1) / (factorial(degree + 1) * Math.scalb(1.0, 2 * degree + 1)) + position;
  }

  /**
   * The type of a unit's constant scale (segments per unit of argument): rounded to nearest with enough fraction
   * bits that, for any argument of {@code argType}, the position is off by at most 2^-(fractionBits + 5).
   */
  public static FixedType scaleType(double scale, FixedType argType, int fractionBits) {
    int intBits = Math.max(1, Math.getExponent(scale) + 1);
    int frac = Math.max(0, argType.intBits()) + fractionBits + POSITION_GUARD_BITS;
    return FixedType.ufixed(intBits + frac, intBits, Quantization.AP_RND, Overflow.AP_SAT);
  }

  /** What the value's own arithmetic adds, in LSBs of the value type. */
  public static double roundingPerLsb(int degree, Quantization valueQuantization) {
    boolean truncates = valueQuantization == Quantization.AP_TRN || valueQuantization == Quantization.AP_TRN_ZERO;
    if (degree == 0) {
      return 0.5;
    }
    double guard = Math.scalb(1.0, -GUARD_BITS);
    // rounded coefficients (half a guarded LSB each), truncated inner sums, t's truncation and the position's
    // error, the last sum's cast
    return (degree + 1) * guard / 2 + (degree - 1) * guard + 0.5 * (1 + POSITION_ERROR) + (truncates ? 1.0 : 0.5);
  }

  private static double factorial(int n) {
    double f = 1;
    for (int k = 2; k <= n; k++) {
      f *= k;
    }
    return f;
  }

  /** The d + 1 Chebyshev nodes of [0, 1]: the centre alone at degree 0. */
  static double[] chebyshevNodes(int degree) {
    double[] t = new double[degree + 1];
    for (int j = 0; j <= degree; j++) {
      t[j] = 0.5 - 0.5 * Math.cos((2 * j + 1) * Math.PI / (2 * (degree + 1)));
    }
    if (degree == 0) {
      t[0] = 0.5;
    }
    return t;
  }

  /** Monomial coefficients of the polynomial through (t_j, v_j), by Newton's divided differences. */
  static double[] monomial(double[] t, double[] v) {
    int m = t.length;
    double[] dd = v.clone();
    for (int level = 1; level < m; level++) {
      for (int j = m - 1; j >= level; j--) {
        dd[j] = (dd[j] - dd[j - 1]) / (t[j] - t[j - level]);
      }
    }
    // expand the Newton form from the innermost term outward: p = dd[m-1], p = p (t - t_j) + dd[j]
    double[] c = new double[m];
    c[0] = dd[m - 1];
    for (int j = m - 2; j >= 0; j--) {
      for (int k = m - 1; k >= 1; k--) {
        c[k] = c[k - 1] - t[j] * c[k];
      }
      c[0] = dd[j] - t[j] * c[0];
    }
    return c;
  }
}
