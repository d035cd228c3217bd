package io.github.srhls.core.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The points no other point beats on both coordinates, when both are to be small (cost and loss). */
public final class ParetoFront {
  private ParetoFront() {}

  /**
   * The non-dominated points of {@code points}, by increasing x (and so decreasing y); of equal points, one.
   * A point is dominated when another has x and y no larger and one of them smaller.
   */
  public static List<Point> of(List<Point> points) {
    List<Point> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble(Point::x).thenComparingDouble(Point::y));
    List<Point> front = new ArrayList<>();
    for (Point p : sorted) {
      if (front.isEmpty() || p.y() < front.get(front.size() - 1).y()) {
        front.add(p);
      }
    }
    return List.copyOf(front);
  }
}
