package io.github.srhls.core.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.expr.Builtin;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where plain interval arithmetic loses the correlation between two uses of one value, and what recovers it. */
class RangeCorrelationTest {
  private final GraphBuilder b = new GraphBuilder();

  private Graph graph(int output) {
    return b.build(List.of("a", "b"), List.of("y"), List.of(output));
  }

  private Ranges ranges(int output, Interval a, Interval bRange) {
    return RangeAnalysis.of(graph(output), List.of(a, bRange));
  }

  private Interval range(int output, Interval a, Interval bRange) {
    return ranges(output, a, bRange).of(output);
  }

  private static Interval iv(double lo, double hi) {
    return new Interval(lo, hi);
  }

  /** The node an id names once everything so far is built. */
  private Node node(int id) {
    return graph(id).node(id);
  }

  @Test
  void aDifferenceOfAValueWithItselfIsZeroSoItsCosineIsOne() {
    int a = b.input(0);
    assertEquals(new Node.Const(0.0), node(b.op(Builtin.SUB, a, a)));
    int c = b.op(Builtin.COS, b.op(Builtin.SUB, a, a));
    // before the fold, cos(a - a) had the range [-1, 1]
    assertEquals(Interval.point(1.0), range(c, iv(-2, 3), iv(0, 1)));
    int s = b.op(Builtin.SIN, b.input(1));
    assertEquals(new Node.Const(0.0), node(b.op(Builtin.ADD, s, b.op(Builtin.NEG, s))));
    assertEquals(new Node.Const(0.0), node(b.op(Builtin.ADD, b.op(Builtin.NEG, s), s)));
    int twice = b.op(Builtin.MUL, b.constant(0.1), s);
    assertEquals(new Node.Const(0.0), node(b.op(Builtin.ADD, twice, b.op(Builtin.MUL, s, b.constant(-0.1)))));
  }

  @Test
  void aQuotientOfAValueByItselfIsOne() {
    int x = b.op(Builtin.ADD, b.input(0), b.input(1));
    assertEquals(new Node.Const(1.0), node(b.op(Builtin.DIV, x, x)));
    assertEquals(new Node.Const(-1.0), node(b.op(Builtin.DIV, b.op(Builtin.NEG, x), x)));
    assertEquals(new Node.Const(-1.0), node(b.op(Builtin.DIV, x, b.op(Builtin.NEG, x))));
    int xy = b.op(Builtin.MUL, x, b.input(1));
    assertEquals(new Node.Const(-2.0), node(b.op(Builtin.DIV, b.op(Builtin.MUL, b.constant(2), xy),
        b.op(Builtin.NEG, b.op(Builtin.MUL, b.input(1), x)))));
  }

  @Test
  void squaresAndEvenPowersAreNotNegative() {
    int a = b.input(0);
    int y = b.input(1);
    assertEquals(iv(0, 9), range(b.op(Builtin.MUL, a, a), iv(-3, 2), iv(1, 2)));
    assertEquals(iv(0, 81), range(b.op(Builtin.POW, a, b.constant(4)), iv(-3, 2), iv(1, 2)));
    assertEquals(iv(0, 729), range(b.op(Builtin.POW, a, b.constant(6)), iv(-3, 2), iv(1, 2)));
    assertEquals(iv(-27, 8), range(b.op(Builtin.POW, a, b.constant(3)), iv(-3, 2), iv(1, 2)));
    assertEquals(iv(0, 18), range(b.op(Builtin.MUL, b.op(Builtin.MUL, a, y), a), iv(-3, 2), iv(1, 2)));
    // the divisor 1 + a*a is at least 1: plain intervals gave [-8, 10]
    int divisor = b.op(Builtin.ADD, b.constant(1), b.op(Builtin.MUL, a, a));
    assertEquals(iv(1, 10), range(divisor, iv(-3, 2), iv(1, 2)));
    assertEquals(iv(-2, 2), range(b.op(Builtin.DIV, y, divisor), iv(-3, 2), iv(-2, 2)));
  }

  @Test
  void subdivisionKeepsADivisorAwayFromZeroWherePlainIntervalsCannot() {
    int a = b.input(0);
    // a^2 - a + 0.3 has its least value 0.05 at a = 0.5; plain intervals give [-0.7, 1.3] over [0, 1]
    int divisor = b.op(Builtin.ADD, b.op(Builtin.SUB, b.op(Builtin.MUL, a, a), a), b.constant(0.3));
    int q = b.op(Builtin.DIV, b.input(1), divisor);
    Ranges r = ranges(q, iv(0, 1), iv(1, 2));
    Interval d = r.of(divisor);
    assertTrue(d.lo() > 0 && d.lo() <= 0.05 && d.hi() >= 0.3, d.toString());
    assertTrue(r.of(q).bounded(), r.of(q).toString());
    assertTrue(r.of(q).contains(2 / 0.05));
    assertTrue(r.findings().isEmpty(), r.findings().toString());
  }

  @Test
  void aDivisorThatReallyTakesBothSignsIsReportedWithTwoPoints() {
    int divisor = b.op(Builtin.ADD, b.op(Builtin.SUB, b.input(0), b.input(1)), b.constant(0.5));
    int q = b.op(Builtin.DIV, b.constant(1), divisor);
    Graph g = graph(q);
    Ranges r = RangeAnalysis.of(g, List.of(iv(0, 1), iv(0, 1)));
    assertFalse(r.of(q).bounded());
    DomainFinding f = r.findings().get(divisor);
    assertNotNull(f, r.findings().toString());
    assertTrue(f.real(), f.toString());
    double[] values = f.samples().stream().mapToDouble(DomainFinding.Sample::value).toArray();
    assertTrue(Arrays.stream(values).anyMatch(v -> v < 0) && Arrays.stream(values).anyMatch(v -> v > 0),
        Arrays.toString(values));
    for (DomainFinding.Sample s : f.samples()) {
      assertEquals(s.value(), s.point()[0] - s.point()[1] + 0.5, 1e-12);
    }
    String text = f.describe(g);
    assertTrue(text.contains("takes both signs") && text.contains("a = ") && text.contains("b = "), text);
  }

  @Test
  void aLogarithmWhoseArgumentReallyReachesZeroIsReported() {
    int arg = b.op(Builtin.SUB, b.input(0), b.input(1));
    int l = b.op(Builtin.LOG, arg);
    Ranges r = ranges(l, iv(0, 1), iv(0, 0.5));
    DomainFinding f = r.findings().get(arg);
    assertNotNull(f);
    assertTrue(f.real() && f.samples().get(0).value() <= 0, f.toString());
  }

  @Test
  void aDivisorNoSubdivisionCanSettleIsReportedAsUndecided() {
    int a = b.input(0);
    int y = b.input(1);
    // (a - b)^2 + 1e-12, expanded: 0 is 1e-12 away along a = b, far closer than any piece can show
    int divisor = b.op(Builtin.ADD, b.op(Builtin.ADD, b.op(Builtin.SUB, b.op(Builtin.MUL, a, a),
        b.op(Builtin.MUL, b.constant(2), b.op(Builtin.MUL, a, y))), b.op(Builtin.MUL, y, y)), b.constant(1e-12));
    int q = b.op(Builtin.DIV, b.constant(1), divisor);
    Graph g = graph(q);
    DomainFinding f = RangeAnalysis.of(g, List.of(iv(0, 1), iv(0, 1))).findings().get(divisor);
    assertNotNull(f);
    assertFalse(f.real(), f.toString());
    assertEquals(Subdivision.MAX_BOXES, f.boxes());
    String text = f.describe(g);
    assertTrue(text.startsWith("could not be kept away from 0 by interval arithmetic in 4096 subdivisions of the"
        + " ranges of a, b (it comes as close as 1e-12, at a = "), text);
  }

  @Test
  void aDeepDivisorIsSubdividedWithoutRecursion() {
    int s = b.input(0);
    for (int k = 0; k < 100_000; k++) {
      s = b.op(Builtin.ADD, s, b.op(Builtin.MUL, b.constant(1 + k % 7), b.input(k % 2)));
    }
    int q = b.op(Builtin.DIV, b.constant(1), s);
    DomainFinding f = ranges(q, iv(-1, 1), iv(-1, 1)).findings().get(s);
    assertTrue(f != null && f.real(), String.valueOf(f));
  }
}
