package io.github.srhls.core.plot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An axis's range in data units, whether it is log10, and its ticks: round values (1, 2 or 5 times a power of ten
 * apart on a linear axis, the powers of ten on a log axis) so that a reader can take figures off the chart.
 *
 * @param lo the smallest value on the axis; below {@code hi}
 * @param hi the largest value on the axis
 * @param log whether the axis is log10 (then {@code lo > 0})
 * @param ticks the ticks, from {@code lo} to {@code hi}
 */
public record Scale(double lo, double hi, boolean log, List<Tick> ticks) {
  /** Powers of ten written out in full between these exponents (0.001 … 100000), otherwise as 1e-5. */
  private static final int PLAIN_BELOW = -3;
  private static final int PLAIN_ABOVE = 5;
  /** Room beyond the data on a linear axis, as a share of its range, and on a log axis, in decades. */
  private static final double PAD = 0.04;
  private static final double PAD_DECADES = 0.03;

  /**
   * A tick.
   *
   * @param value where, in data units
   * @param label its label; empty for a tick without one (minor ticks of a log axis)
   * @param major whether it gets a grid line
   */
  public record Tick(double value, String label, boolean major) {}

  public Scale {
    if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi) || log && lo <= 0) {
      throw new IllegalArgumentException("not an axis range: " + lo + " to " + hi + (log ? " (log)" : ""));
    }
    ticks = List.copyOf(ticks);
  }

  /**
   * The scale that shows all {@code values} (finite ones; others are ignored).
   *
   * @param fromZero whether the axis starts at zero (costs); values below zero still extend it
   * @param logWhenSpanning whether to use log10 when all values are positive and the largest is at least ten times
   *     the smallest (losses, which span decades)
   * @param counts whether the values are whole numbers (LUTs, DSPs): ticks then are at least 1 apart
   */
  public static Scale fit(List<Double> values, boolean fromZero, boolean logWhenSpanning, boolean counts) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (min > max) { // nothing to show
      return linear(0, 1, counts);
    }
    if (logWhenSpanning && min > 0 && max / min >= 10) {
      // a little room, so that a point at a power of ten is not drawn on the frame
      return log(min / Math.pow(10, PAD_DECADES), max * Math.pow(10, PAD_DECADES));
    }
    boolean nonNegative = min >= 0;
    if (fromZero) {
      min = Math.min(min, 0);
      max = Math.max(max, 0);
    }
    if (max - min <= 1e-9 * Math.max(Math.abs(min), Math.abs(max))) { // one value: a range around it
      double half = min == 0 ? 1 : Math.abs(min) / 2;
      min = fromZero && min >= 0 ? 0 : min - half;
      max = max + half;
    }
    double pad = (max - min) * PAD;
    return linear(fromZero && nonNegative && min == 0 ? 0 : min - pad, max + pad, counts);
  }

  /**
   * A linear axis from {@code min} to {@code max} (min < max) widened to round ticks, about five of them (fewer when
   * {@code counts} keeps them whole).
   */
  static Scale linear(double min, double max, boolean counts) {
    double raw = (max - min) / 5;
    int exponent = (int) Math.floor(Math.log10(raw));
    double mantissa = raw / Math.pow(10, exponent);
    int m = mantissa < 1.5 ? 1 : mantissa < 3 ? 2 : mantissa < 7 ? 5 : 10;
    if (counts && exponent < 0) { // no tick between two whole numbers
      m = 1;
      exponent = 0;
    }
    BigDecimal step = BigDecimal.valueOf(m).scaleByPowerOfTen(exponent);
    double s = step.doubleValue();
    long first = (long) Math.floor(min / s + 1e-9);
    long last = (long) Math.ceil(max / s - 1e-9);
    if (last <= first) {
      last = first + 1;
    }
    List<Tick> ticks = new ArrayList<>();
    for (long k = first; k <= last; k++) {
      BigDecimal v = step.multiply(BigDecimal.valueOf(k));
      ticks.add(new Tick(v.doubleValue(), decimal(v), true));
    }
    return new Scale(ticks.get(0).value(), ticks.get(ticks.size() - 1).value(), false, ticks);
  }

  /** A log10 axis from the power of ten at or below {@code min} to the one at or above {@code max}. */
  static Scale log(double min, double max) {
    int lo = (int) Math.floor(Math.log10(min) + 1e-12);
    int hi = (int) Math.ceil(Math.log10(max) - 1e-12);
    if (hi <= lo) {
      hi = lo + 1;
    }
    int decades = hi - lo;
    int every = decades <= 10 ? 1 : (decades + 9) / 10; // at most about ten labelled decades
    List<Tick> ticks = new ArrayList<>();
    for (int e = lo; e <= hi; e++) {
      BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(e);
      ticks.add(new Tick(power.doubleValue(), (e - lo) % every == 0 ? decimal(power) : "", true));
      if (e < hi && decades <= 6) {
        for (int d = 2; d <= 9; d++) {
          BigDecimal v = power.multiply(BigDecimal.valueOf(d));
          boolean labelled = decades <= 2 && (d == 2 || d == 5);
          ticks.add(new Tick(v.doubleValue(), labelled ? decimal(v) : "", false));
        }
      }
    }
    return new Scale(Math.pow(10, lo), Math.pow(10, hi), true, ticks);
  }

  /** Where {@code value} is along the axis: 0 at {@code lo}, 1 at {@code hi}. */
  public double fraction(double value) {
    return log ? (Math.log10(value) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (value - lo) / (hi - lo);
  }

  /** Whether {@code value} is on the axis (a log axis has no place for zero or below). */
  public boolean shows(double value) {
    return Double.isFinite(value) && value >= lo && value <= hi && (!log || value > 0);
  }

  /** A tick label: 0, 2.5, 1200, 0.001, 1e-5, 2e6. */
  static String decimal(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    if (s.signum() == 0) {
      return "0";
    }
    int magnitude = s.precision() - s.scale() - 1; // the exponent of the leading digit
    if (magnitude >= PLAIN_BELOW && magnitude <= PLAIN_ABOVE) {
      return s.toPlainString();
    }
    BigDecimal mantissa = s.movePointLeft(magnitude).stripTrailingZeros();
    return mantissa.toPlainString() + "e" + magnitude;
  }
}
