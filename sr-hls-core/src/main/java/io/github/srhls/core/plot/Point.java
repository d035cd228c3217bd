package io.github.srhls.core.plot;

/** A point of a chart in data coordinates; both finite. */
public record Point(double x, double y) {
  public Point {
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException("a chart's point is finite: (" + x + ", " + y + ")");
    }
  }
}
