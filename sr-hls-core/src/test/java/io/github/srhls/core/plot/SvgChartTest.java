package io.github.srhls.core.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.report.Xml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgChartTest {
  @TempDir
  Path dir;

  private static Chart.Builder lossAgainstLut(List<Point> points) {
    return Chart.titled("y0: loss against LUT", Chart.Axis.cost("LUT (estimate)"), Chart.Axis.loss("PySR loss"))
        .points(points, "candidate")
        .front(ParetoFront.of(points));
  }

  private static List<Point> front() {
    return List.of(new Point(40, 1.88), new Point(120, 0.31), new Point(260, 0.02), new Point(300, 0.05),
        new Point(610, 9.8e-5), new Point(900, 1.1e-4));
  }

  @Test
  void theSameChartGivesTheSameBytesWhateverTheLocale() {
    Chart chart = lossAgainstLut(front()).mark(new Point(260, 0.02), "chosen: row 3")
        .verticalRule(500, "budget 500 LUT").caption("6 candidates plotted").build();
    String first = SvgChart.svg(chart);
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY); // a decimal comma, were the locale used
      assertEquals(first, SvgChart.svg(chart));
      Locale.setDefault(Locale.forLanguageTag("ar-EG")); // Arabic-Indic digits, were the locale used
      assertEquals(first, SvgChart.svg(chart));
    } finally {
      Locale.setDefault(before);
    }
    assertFalse(first.matches("(?s).*\\d,\\d.*"), first);
  }

  @Test
  void theChosenPointAndTheBudgetLineAreWhereTheDataSays() throws Exception {
    Chart chart = lossAgainstLut(front()).mark(new Point(260, 0.02), "chosen: row 3")
        .verticalRule(500, "budget 500 LUT").build();
    Document svg = parse(SvgChart.svg(chart));
    // the x axis runs from 0 to 1000 (ticks 200 apart): 500 LUT is in the middle of the plot area
    double middle = (SvgChart.LEFT + SvgChart.RIGHT) / 2;
    assertEquals(middle, SvgChart.pixelX(chart, 500), 1e-9);
    Element rule = only(svg, "line", e -> "6 4".equals(e.getAttribute("stroke-dasharray")));
    assertEquals(middle, Double.parseDouble(rule.getAttribute("x1")), 0.01);
    assertEquals(middle, Double.parseDouble(rule.getAttribute("x2")), 0.01);
    // the loss spans decades: log axis from 1e-5 to 10, six decades; 0.02 is log10(0.02) + 5 decades up
    double fraction = (Math.log10(0.02) + 5) / 6;
    double y = SvgChart.BOTTOM - fraction * (SvgChart.BOTTOM - SvgChart.TOP);
    Element mark = only(svg, "circle", e -> "8".equals(e.getAttribute("r")));
    assertEquals(SvgChart.LEFT + 0.26 * (SvgChart.RIGHT - SvgChart.LEFT), Double.parseDouble(mark.getAttribute("cx")),
        0.01);
    assertEquals(y, Double.parseDouble(mark.getAttribute("cy")), 0.01);
    assertTrue(inPlot(mark), "the chosen point is inside the plot area");
    assertTrue(texts(svg).contains("chosen: row 3"));
    assertTrue(texts(svg).contains("budget 500 LUT"));
    assertTrue(texts(svg).contains("PySR loss, log scale"), texts(svg).toString());
    assertTrue(texts(svg).containsAll(List.of("0.001", "0.1", "10", "0", "200", "1000")), texts(svg).toString());
  }

  @Test
  void theFrontIsAStepLineThroughTheNonDominatedPoints() throws Exception {
    List<Point> front = ParetoFront.of(front());
    assertEquals(List.of(new Point(40, 1.88), new Point(120, 0.31), new Point(260, 0.02), new Point(610, 9.8e-5)),
        front);
    Chart chart = lossAgainstLut(front()).build();
    Element path = only(parse(SvgChart.svg(chart)), "path", e -> "2".equals(e.getAttribute("stroke-width"))
        && e.getAttribute("d").startsWith("M") && e.getAttribute("d").length() > 40);
    String d = path.getAttribute("d");
    // down a step at each front point's x, then on to the right edge of the plot
    assertEquals(3, d.split(" V").length - 1, d);
    assertTrue(d.endsWith(" H" + SvgChart.n(SvgChart.RIGHT)), d);
    assertTrue(d.contains(" H" + SvgChart.n(SvgChart.pixelX(chart, 610)) + " V"
        + SvgChart.n(SvgChart.pixelY(chart, 9.8e-5))), d);
  }

  @Test
  void aBudgetFarBeyondTheDataIsNamedAtTheEdgeInsteadOfSqueezingThePoints() throws Exception {
    Chart chart = lossAgainstLut(front()).verticalRule(80000, "budget 80000 LUT").build();
    Document svg = parse(SvgChart.svg(chart));
    assertEquals(1000, xTicksMax(chart), "the axis still fits the data");
    assertTrue(texts(svg).contains("budget 80000 LUT (off the chart) \u2192"), texts(svg).toString());
  }

  @Test
  void degenerateChartsDivideByNothingAndWriteNoNonFiniteNumber() throws Exception {
    List<Chart> charts = List.of(
        lossAgainstLut(List.of()).build(),
        lossAgainstLut(List.of()).verticalRule(100, "budget 100 LUT").build(),
        lossAgainstLut(List.of(new Point(5, 0.5))).mark(new Point(5, 0.5), "chosen").build(),
        lossAgainstLut(List.of(new Point(0, 0))).mark(new Point(0, 0), "chosen").build(),
        lossAgainstLut(List.of(new Point(7, 3), new Point(7, 3), new Point(7, 3))).build(),
        lossAgainstLut(List.of(new Point(7, 3), new Point(9, 3))).build(),
        lossAgainstLut(List.of(new Point(1e6, 1e-300), new Point(1e6 + 1e-6, 1e300))).build(),
        lossAgainstLut(List.of(new Point(-5, -2), new Point(5, 2))).horizontalRule(0, "zero").build(),
        lossAgainstLut(List.of(new Point(3, 1e-4), new Point(4, 2))).horizontalRule(-1, "below").build());
    for (Chart chart : charts) {
      String svg = SvgChart.svg(chart);
      assertFalse(svg.contains("NaN") || svg.contains("Infinity") || svg.contains("E-") || svg.contains("E+"), svg);
      Document doc = parse(svg);
      NodeList circles = doc.getElementsByTagName("circle");
      for (int i = 0; i < circles.getLength(); i++) {
        Element c = (Element) circles.item(i);
        if (!c.getAttribute("cy").isEmpty() && Double.parseDouble(c.getAttribute("cy")) < SvgChart.HEIGHT - 40) {
          assertTrue(inPlot(c), () -> "outside the plot: cx=" + c.getAttribute("cx") + " cy=" + c.getAttribute("cy")
              + " in " + svg);
        }
      }
    }
    assertTrue(texts(parse(SvgChart.svg(charts.get(0)))).contains("nothing to plot"));
  }

  @Test
  void randomChartsAreValidXmlWithEveryPointInsideThePlot() throws Exception {
    Random random = new Random(11);
    for (int n = 0; n < 200; n++) {
      List<Point> points = new ArrayList<>();
      int count = random.nextInt(12);
      double scale = Math.pow(10, random.nextInt(13) - 6);
      for (int i = 0; i < count; i++) {
        double loss = random.nextBoolean() ? scale * random.nextDouble() : Math.pow(10, -8 * random.nextDouble());
        points.add(new Point(random.nextInt(3) == 0 ? 7 : random.nextInt(5000), loss));
      }
      Chart.Builder b = lossAgainstLut(points).caption("a <caption> & \"quotes\"");
      if (!points.isEmpty()) {
        b.mark(points.get(0), "chosen: 'row' <0>");
      }
      if (random.nextBoolean()) {
        b.verticalRule(random.nextInt(10000), "budget");
      }
      Chart chart = b.build();
      String svg = SvgChart.svg(chart);
      assertFalse(svg.contains("NaN") || svg.contains("Infinity"), svg);
      Document doc = parse(svg);
      for (Point p : points) {
        double x = SvgChart.pixelX(chart, p.x());
        double y = SvgChart.pixelY(chart, p.y());
        assertTrue(x >= SvgChart.LEFT - 1e-9 && x <= SvgChart.RIGHT + 1e-9 && y >= SvgChart.TOP - 1e-9
            && y <= SvgChart.BOTTOM + 1e-9, () -> p + " at " + x + ", " + y);
      }
      assertEquals("svg", doc.getDocumentElement().getTagName());
    }
  }

  @Test
  void ticksAreRoundNumbers() {
    assertEquals(List.of("0", "200", "400", "600", "800", "1000", "1200", "1400"),
        Scale.fit(List.of(0.0, 1234.0), true, false, true).ticks().stream().map(Scale.Tick::label).toList());
    assertEquals(List.of("0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8"),
        Scale.fit(List.of(0.21, 0.75), false, true, false).ticks().stream().map(Scale.Tick::label).toList());
    assertEquals(List.of("1e-8", "1e-7", "1e-6", "1e-5", "1e-4", "0.001", "0.01", "0.1", "1", "10"),
        Scale.fit(List.of(3e-8, 2.0), false, true, false).ticks().stream().filter(Scale.Tick::major)
            .map(Scale.Tick::label).toList());
    // counts (DSPs) get no tick between whole numbers, even for one point at zero
    assertEquals(List.of("0", "1", "2"),
        Scale.fit(List.of(0.0), true, false, true).ticks().stream().map(Scale.Tick::label).toList());
    assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1", "1.2"),
        Scale.fit(List.of(0.0), true, false, false).ticks().stream().map(Scale.Tick::label).toList());
    assertEquals("2.5e-7", Scale.decimal(new java.math.BigDecimal("2.5E-7")));
    assertEquals("12000", Scale.decimal(new java.math.BigDecimal("1.2E+4")));
    assertEquals("-3.5", SvgChart.n(-3.499));
    assertEquals("0", SvgChart.n(-0.001));
    assertEquals("0.05", SvgChart.n(0.05));
  }

  private double xTicksMax(Chart chart) {
    // the pixel of the plot's right edge is the axis's largest value
    for (double v = 0; v <= 100000; v += 100) {
      if (Math.abs(SvgChart.pixelX(chart, v) - SvgChart.RIGHT) < 1e-9) {
        return v;
      }
    }
    return -1;
  }

  private static boolean inPlot(Element circle) {
    double x = Double.parseDouble(circle.getAttribute("cx"));
    double y = Double.parseDouble(circle.getAttribute("cy"));
    return x >= SvgChart.LEFT && x <= SvgChart.RIGHT && y >= SvgChart.TOP && y <= SvgChart.BOTTOM;
  }

  private Document parse(String svg) throws Exception {
    Path file = Files.createTempFile(dir, "chart", ".svg");
    Files.writeString(file, svg, StandardCharsets.UTF_8);
    return Xml.parse(file);
  }

  private static List<String> texts(Document doc) {
    List<String> texts = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagName("text");
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }

  private static Element only(Document doc, String tag, java.util.function.Predicate<Element> which) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      if (which.test((Element) nodes.item(i))) {
        found.add((Element) nodes.item(i));
      }
    }
    assertEquals(1, found.size(), () -> "one " + tag + " expected, found " + found.size());
    return found.get(0);
  }
}
