package io.github.srhls.core.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a chart shows; {@link SvgChart} draws it. Build one with {@link #titled}.
 *
 * @param title the heading above the plot
 * @param x the horizontal axis
 * @param y the vertical axis
 * @param points the points, drawn filled
 * @param pointsName what a point is, for the legend ("candidate")
 * @param others points drawn hollow and grey, e.g. combinations over the budget; may be empty
 * @param othersName what those are, for the legend
 * @param front the Pareto front, drawn as a step line through these points (by increasing x); may be empty
 * @param mark the point to point out (the chosen one); null for none
 * @param rules dashed lines across the plot (budgets)
 * @param caption one line under the chart; may be empty
 * @param empty what the plot area says when there are no points at all
 */
public record Chart(String title, Axis x, Axis y, List<Point> points, String pointsName, List<Point> others,
    String othersName, List<Point> front, Mark mark, List<Rule> rules, String caption, String empty) {

  /**
   * An axis.
   *
   * @param label its label, with the unit: "LUT (estimate)", "latency (ns)"
   * @param fromZero whether it starts at zero (costs)
   * @param logWhenSpanning whether it turns log10 when the values are positive and span a decade or more (losses)
   * @param counts whether the values are whole numbers (LUTs, DSPs), so that no tick falls between two
   */
  public record Axis(String label, boolean fromZero, boolean logWhenSpanning, boolean counts) {
    public Axis {
      Objects.requireNonNull(label, "label");
    }

    /** A cost: linear, from zero. */
    public static Axis cost(String label) {
      return new Axis(label, true, false, false);
    }

    /** A cost counted in whole units (LUTs, DSPs): linear, from zero, ticks at whole numbers. */
    public static Axis count(String label) {
      return new Axis(label, true, false, true);
    }

    /** A loss or error: log10 when it spans decades, linear otherwise. */
    public static Axis loss(String label) {
      return new Axis(label, false, true, false);
    }
  }

  /** A point to point out, with its label. */
  public record Mark(Point at, String label) {
    public Mark {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(label, "label");
    }
  }

  /**
   * A dashed line across the plot at one value of an axis.
   *
   * @param vertical true: at {@code value} of the x axis; false: of the y axis
   * @param value where, in data units; finite
   * @param label what it is ("budget 8000 LUT")
   */
  public record Rule(boolean vertical, double value, String label) {
    public Rule {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("a rule is at a finite value: " + value);
      }
      Objects.requireNonNull(label, "label");
    }
  }

  public Chart {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    points = List.copyOf(points);
    others = List.copyOf(others);
    front = List.copyOf(front);
    rules = List.copyOf(rules);
    Objects.requireNonNull(pointsName, "pointsName");
    Objects.requireNonNull(othersName, "othersName");
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(empty, "empty");
  }

  /** A builder of a chart with this title and axes. */
  public static Builder titled(String title, Axis x, Axis y) {
    return new Builder(title, x, y);
  }

  /** Builds a {@link Chart}; what is not set is empty. */
  public static final class Builder {
    private final String title;
    private final Axis x;
    private final Axis y;
    private List<Point> points = List.of();
    private String pointsName = "point";
    private List<Point> others = List.of();
    private String othersName = "other";
    private List<Point> front = List.of();
    private Mark mark;
    private final List<Rule> rules = new ArrayList<>();
    private String caption = "";
    private String empty = "nothing to plot";

    private Builder(String title, Axis x, Axis y) {
      this.title = title;
      this.x = x;
      this.y = y;
    }

    public Builder points(List<Point> points, String name) {
      this.points = points;
      this.pointsName = name;
      return this;
    }

    public Builder others(List<Point> others, String name) {
      this.others = others;
      this.othersName = name;
      return this;
    }

    /** The front, as {@link ParetoFront#of} gives it. */
    public Builder front(List<Point> front) {
      this.front = front;
      return this;
    }

    public Builder mark(Point at, String label) {
      this.mark = new Mark(at, label);
      return this;
    }

    public Builder verticalRule(double x, String label) {
      rules.add(new Rule(true, x, label));
      return this;
    }

    public Builder horizontalRule(double y, String label) {
      rules.add(new Rule(false, y, label));
      return this;
    }

    public Builder caption(String caption) {
      this.caption = caption;
      return this;
    }

    public Builder empty(String empty) {
      this.empty = empty;
      return this;
    }

    public Chart build() {
      return new Chart(title, x, y, points, pointsName, others, othersName, front, mark, rules, caption, empty);
    }
  }
}
