package io.github.srhls.core.ir;

/** A closed interval of reals, possibly unbounded, used to know where a node's values lie. */
public record Interval(double lo, double hi) {
  public static final Interval ALL = new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

  public Interval {
    if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) {
      throw new IllegalArgumentException("bad interval [" + lo + ", " + hi + "]");
    }
  }

  public static Interval point(double v) {
    return new Interval(v, v);
  }

  public boolean contains(double v) {
    return lo <= v && v <= hi;
  }

  public boolean bounded() {
    return Double.isFinite(lo) && Double.isFinite(hi);
  }

  public Interval intersect(Interval o) {
    double l = Math.max(lo, o.lo);
    double h = Math.min(hi, o.hi);
    return l <= h ? new Interval(l, h) : new Interval(l, l);
  }

  /** The smallest interval holding all four values; NaN (inf - inf, 0 * inf) widens to everything. */
  static Interval hull(double a, double b, double c, double d) {
    if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(d)) {
      return ALL;
    }
    return new Interval(Math.min(Math.min(a, b), Math.min(c, d)), Math.max(Math.max(a, b), Math.max(c, d)));
  }
}
