package io.github.srhls.core.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link Chart} as an SVG document of 640 × 420 pixels. The same chart gives the same bytes: coordinates
 * are rounded to 1/100 pixel and written without the locale, the font is the generic {@code sans-serif}, and the
 * elements come in a fixed order (grid, axes, points, front, rules, mark, legend).
 *
 * <p>The axes fit the points, the front and the mark. A rule (budget line) is inside the plot when it is at most
 * twice the data's range beyond the data, so that a generous budget does not squeeze the points into a corner; farther
 * out it is named at the plot's edge, with an arrow, instead.
 */
public final class SvgChart {
  static final int WIDTH = 640;
  static final int HEIGHT = 420;
  /** The plot area, in pixels: where the axes' ranges are drawn. */
  static final double LEFT = 78;
  static final double RIGHT = 618;
  static final double TOP = 44;
  static final double BOTTOM = 334;

  private static final String INK = "#222222";
  private static final String GRID = "#e3e3e3";
  private static final String POINT = "#9aa7b8";
  private static final String FRONT = "#1f5fa8";
  private static final String MARK = "#e07000";
  private static final String RULE = "#b22222";
  private static final String OTHER = "#8c8c8c";
  private static final int FONT = 12;
  private static final int SMALL = 11;
  /** A white outline under the text of labels inside the plot, so that lines crossing them do not hide them. */
  private static final String HALO = "stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"";

  private final Chart chart;
  private final Scale xs;
  private final Scale ys;
  private final List<Chart.Rule> inside = new ArrayList<>();
  private final List<Chart.Rule> beyond = new ArrayList<>();
  private final StringBuilder out = new StringBuilder(8192);

  private SvgChart(Chart chart) {
    this.chart = chart;
    List<Double> xv = new ArrayList<>();
    List<Double> yv = new ArrayList<>();
    for (Point p : data()) {
      xv.add(p.x());
      yv.add(p.y());
    }
    Scale xData = fit(xv, chart.x());
    Scale yData = fit(yv, chart.y());
    for (Chart.Rule r : chart.rules()) {
      boolean near = r.vertical() ? near(r.value(), xv, xData) : near(r.value(), yv, yData);
      (near ? inside : beyond).add(r);
      if (near) {
        (r.vertical() ? xv : yv).add(r.value());
      }
    }
    this.xs = fit(xv, chart.x());
    this.ys = fit(yv, chart.y());
  }

  private static Scale fit(List<Double> values, Chart.Axis axis) {
    return Scale.fit(values, axis.fromZero(), axis.logWhenSpanning(), axis.counts());
  }

  /** The chart as an SVG document (UTF-8 text, ending in a newline). */
  public static String svg(Chart chart) {
    return new SvgChart(chart).render();
  }

  /** The horizontal pixel of {@code x} on the chart's x axis: for tests, which check that marks are where the data says. */
  public static double pixelX(Chart chart, double x) {
    return new SvgChart(chart).px(x);
  }

  /** The vertical pixel of {@code y} on the chart's y axis. */
  public static double pixelY(Chart chart, double y) {
    return new SvgChart(chart).py(y);
  }

  private List<Point> data() {
    List<Point> all = new ArrayList<>(chart.points());
    all.addAll(chart.others());
    all.addAll(chart.front());
    if (chart.mark() != null) {
      all.add(chart.mark().at());
    }
    return all;
  }

  /** Whether a rule is close enough to the data to be drawn inside the plot: within twice the data's range. */
  private static boolean near(double value, List<Double> values, Scale data) {
    if (values.isEmpty()) {
      return !data.log() || value > 0;
    }
    if (data.log()) {
      double decades = Math.log10(data.hi()) - Math.log10(data.lo());
      return value > 0 && Math.log10(value) >= Math.log10(data.lo()) - 2 * decades
          && Math.log10(value) <= Math.log10(data.hi()) + 2 * decades;
    }
    double span = data.hi() - data.lo();
    return value >= data.lo() - 2 * span && value <= data.hi() + 2 * span;
  }

  private double px(double x) {
    return LEFT + xs.fraction(x) * (RIGHT - LEFT);
  }

  private double py(double y) {
    return BOTTOM - ys.fraction(y) * (BOTTOM - TOP);
  }

  private String render() {
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
        .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" font-family=\"sans-serif\" font-size=\"").append(FONT).append("\" role=\"img\">\n");
    out.append("<title>").append(text(chart.title())).append("</title>\n");
    out.append("<rect width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" fill=\"#ffffff\"/>\n");
    text(WIDTH / 2.0, 24, "middle", "font-size=\"15\" font-weight=\"bold\"", chart.title());
    grid();
    axes();
    points();
    front();
    rules();
    mark();
    if (data().isEmpty()) {
      text((LEFT + RIGHT) / 2, (TOP + BOTTOM) / 2, "middle", "fill=\"" + OTHER + "\"", chart.empty());
    }
    legend();
    if (!chart.caption().isEmpty()) {
      text(LEFT - 60, HEIGHT - 8, "start", "font-size=\"" + SMALL + "\" fill=\"#444444\"", chart.caption());
    }
    out.append("</svg>\n");
    return out.toString();
  }

  private void grid() {
    out.append("<g stroke=\"").append(GRID).append("\" stroke-width=\"1\">\n");
    for (Scale.Tick t : xs.ticks()) {
      if (t.major()) {
        line(px(t.value()), TOP, px(t.value()), BOTTOM, "");
      }
    }
    for (Scale.Tick t : ys.ticks()) {
      if (t.major()) {
        line(LEFT, py(t.value()), RIGHT, py(t.value()), "");
      }
    }
    out.append("</g>\n");
  }

  private void axes() {
    out.append("<rect x=\"").append(n(LEFT)).append("\" y=\"").append(n(TOP)).append("\" width=\"")
        .append(n(RIGHT - LEFT)).append("\" height=\"").append(n(BOTTOM - TOP)).append("\" fill=\"none\" stroke=\"")
        .append(INK).append("\"/>\n");
    out.append("<g stroke=\"").append(INK).append("\">\n");
    for (Scale.Tick t : xs.ticks()) {
      line(px(t.value()), BOTTOM, px(t.value()), BOTTOM + (t.major() ? 5 : 3), "");
    }
    for (Scale.Tick t : ys.ticks()) {
      line(LEFT - (t.major() ? 5 : 3), py(t.value()), LEFT, py(t.value()), "");
    }
    out.append("</g>\n");
    for (Scale.Tick t : xs.ticks()) {
      if (!t.label().isEmpty()) {
        text(px(t.value()), BOTTOM + 18, "middle", "", t.label());
      }
    }
    for (Scale.Tick t : ys.ticks()) {
      if (!t.label().isEmpty()) {
        text(LEFT - 8, py(t.value()) + 4, "end", "", t.label());
      }
    }
    text((LEFT + RIGHT) / 2, BOTTOM + 38, "middle", "", chart.x().label() + (xs.log() ? ", log scale" : ""));
    double cy = (TOP + BOTTOM) / 2;
    out.append("<text x=\"16\" y=\"").append(n(cy)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 16 ")
        .append(n(cy)).append(")\">").append(text(chart.y().label() + (ys.log() ? ", log scale" : "")))
        .append("</text>\n");
  }

  private void points() {
    for (Point p : chart.others()) {
      circle(p, 3.5, "fill=\"none\" stroke=\"" + OTHER + "\"");
    }
    for (Point p : chart.points()) {
      circle(p, 3.5, "fill=\"" + POINT + "\"");
    }
  }

  private void front() {
    List<Point> f = chart.front();
    if (f.isEmpty()) {
      return;
    }
    StringBuilder d = new StringBuilder("M").append(n(px(f.get(0).x()))).append(' ').append(n(py(f.get(0).y())));
    for (int i = 1; i < f.size(); i++) {
      d.append(" H").append(n(px(f.get(i).x()))).append(" V").append(n(py(f.get(i).y())));
    }
    d.append(" H").append(n(RIGHT));
    out.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(FRONT)
        .append("\" stroke-width=\"2\"/>\n");
    for (Point p : f) {
      // a front point that is one of the others (over the budget) stays hollow
      boolean other = chart.others().contains(p) && !chart.points().contains(p);
      circle(p, 4, other ? "fill=\"#ffffff\" stroke=\"" + FRONT + "\" stroke-width=\"2\"" : "fill=\"" + FRONT + "\"");
    }
  }

  private void rules() {
    for (Chart.Rule r : inside) {
      if (r.vertical()) {
        double x = px(r.value());
        line(x, TOP, x, BOTTOM, "stroke=\"" + RULE + "\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"");
        boolean fitsRight = x + 4 + width(r.label(), SMALL) <= RIGHT;
        text(fitsRight ? x + 4 : x - 4, TOP + 14, fitsRight ? "start" : "end",
            "font-size=\"" + SMALL + "\" fill=\"" + RULE + "\" " + HALO, r.label());
      } else {
        double y = py(r.value());
        line(LEFT, y, RIGHT, y, "stroke=\"" + RULE + "\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"");
        text(RIGHT - 4, y - 4, "end", "font-size=\"" + SMALL + "\" fill=\"" + RULE + "\" " + HALO, r.label());
      }
    }
    double at = TOP + 14;
    for (Chart.Rule r : beyond) {
      boolean bigger = r.vertical() ? r.value() > xs.hi() : r.value() > ys.hi();
      String arrow = r.vertical() ? (bigger ? " \u2192" : " \u2190") : (bigger ? " \u2191" : " \u2193");
      text(RIGHT - 4, at, "end", "font-size=\"" + SMALL + "\" fill=\"" + RULE + "\" " + HALO,
          r.label() + " (off the chart)" + arrow);
      at += 14;
    }
  }

  private void mark() {
    Chart.Mark m = chart.mark();
    if (m == null) {
      return;
    }
    double x = px(m.at().x());
    double y = py(m.at().y());
    out.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"8\" fill=\"none\" stroke=\"")
        .append(MARK).append("\" stroke-width=\"2.5\"/>\n");
    double w = width(m.label(), FONT);
    boolean right = x + 12 + w <= RIGHT;
    double ty = y - 12 < TOP + 12 ? y + 20 : y - 12;
    // a pale box behind the label, so that the lines it crosses do not run through its letters
    out.append("<rect x=\"").append(n(right ? x + 9 : x - 15 - w)).append("\" y=\"").append(n(ty - 12))
        .append("\" width=\"").append(n(w + 6)).append("\" height=\"16\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>\n");
    text(right ? x + 12 : x - 12, ty, right ? "start" : "end", "font-weight=\"bold\" fill=\"" + MARK + "\" " + HALO,
        m.label());
  }

  private void legend() {
    double x = LEFT - 60;
    double y = HEIGHT - 30;
    if (!chart.points().isEmpty()) {
      x = legendItem(x, y, "<circle cx=\"" + n(x + 5) + "\" cy=\"" + n(y - 4) + "\" r=\"3.5\" fill=\"" + POINT
          + "\"/>", chart.pointsName());
    }
    if (!chart.others().isEmpty()) {
      x = legendItem(x, y, "<circle cx=\"" + n(x + 5) + "\" cy=\"" + n(y - 4) + "\" r=\"3.5\" fill=\"none\" stroke=\""
          + OTHER + "\"/>", chart.othersName());
    }
    if (!chart.front().isEmpty()) {
      x = legendItem(x, y, "<path d=\"M" + n(x - 2) + ' ' + n(y - 8) + " H" + n(x + 5) + " V" + n(y) + " H"
          + n(x + 12) + "\" fill=\"none\" stroke=\"" + FRONT + "\" stroke-width=\"2\"/>", "Pareto front");
    }
    if (chart.mark() != null) {
      x = legendItem(x, y, "<circle cx=\"" + n(x + 5) + "\" cy=\"" + n(y - 4) + "\" r=\"5\" fill=\"none\" stroke=\""
          + MARK + "\" stroke-width=\"2\"/>", "chosen");
    }
    if (!chart.rules().isEmpty()) {
      legendItem(x, y, "<line x1=\"" + n(x - 2) + "\" y1=\"" + n(y - 4) + "\" x2=\"" + n(x + 14) + "\" y2=\""
          + n(y - 4) + "\" stroke=\"" + RULE + "\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>", "budget");
    }
  }

  private double legendItem(double x, double y, String symbol, String label) {
    out.append(symbol).append('\n');
    text(x + 18, y, "start", "font-size=\"" + SMALL + "\"", label);
    return x + 18 + width(label, SMALL) + 16;
  }

  private void circle(Point p, double r, String style) {
    out.append("<circle cx=\"").append(n(px(p.x()))).append("\" cy=\"").append(n(py(p.y()))).append("\" r=\"")
        .append(n(r)).append("\" ").append(style).append("/>\n");
  }

  private void line(double x1, double y1, double x2, double y2, String style) {
    out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
        .append("\" y2=\"").append(n(y2)).append('"').append(style.isEmpty() ? "" : " " + style).append("/>\n");
  }

  private void text(double x, double y, String anchor, String style, String content) {
    out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append('"');
    if (!"start".equals(anchor)) {
      out.append(" text-anchor=\"").append(anchor).append('"');
    }
    if (!style.isEmpty()) {
      out.append(' ').append(style);
    }
    out.append('>').append(text(content)).append("</text>\n");
  }

  /** About how wide a text is, in pixels, in a sans-serif font of this size: to keep labels inside the plot. */
  static double width(String s, int size) {
    return s.codePointCount(0, s.length()) * size * 0.58;
  }

  /** A coordinate: at most two decimals, no exponent, no locale; never NaN or an infinity. */
  static String n(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalStateException("a chart coordinate is not finite: " + v);
    }
    long hundredths = Math.round(v * 100);
    if (hundredths == 0) {
      return "0";
    }
    StringBuilder s = new StringBuilder();
    if (hundredths < 0) {
      s.append('-');
      hundredths = -hundredths;
    }
    s.append(hundredths / 100);
    long frac = hundredths % 100;
    if (frac != 0) {
      s.append('.').append(frac / 10);
      if (frac % 10 != 0) {
        s.append(frac % 10);
      }
    }
    return s.toString();
  }

  /** Text content or an attribute value: XML's special characters escaped, control characters dropped. */
  static String text(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        default -> {
          if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF && !(c >= 0xD800 && c <= 0xDFFF)) {
            b.appendCodePoint(c);
          }
        }
      }
    });
    return b.toString();
  }
}
