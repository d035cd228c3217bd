package io.github.srhls.core.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.GraphBuilder;
import io.github.srhls.core.ir.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainCheckTest {
  static Design uniform(Graph g, double lo, double hi) {
    FixedType t = FixedType.fixed(16, 6);
    return DesignBuilder.uniform(DesignRequest.builder("m", g)
        .inputRanges(List.of(new Interval(lo, hi), new Interval(lo, hi)))
        .inputTypes(List.of(t, t))
        .resultType(t)
        .defaultType(t)
        .internalType(t)
        .build());
  }

  @Test
  void logSqrtAndDivisionOutsideTheirDomainAreNamedWithTheirOutput() {
    GraphBuilder b = new GraphBuilder();
    int y0 = b.op(Builtin.ADD, b.input(1), b.constant(1));
    int y1 = b.op(Builtin.ADD, b.op(Builtin.LOG, b.input(0)), b.op(Builtin.SQRT, b.input(1)));
    int y2 = b.op(Builtin.DIV, b.input(1), b.input(0));
    Graph g = b.build(List.of("a", "c"), List.of("first", "second", "third"), List.of(y0, y1, y2));
    List<String> notes = uniform(g, -1, 2).notes();
    assertEquals(3, notes.size(), notes.toString());
    assertTrue(notes.get(0).startsWith("output 'second': log(a) takes arguments down to -1"), notes.get(0));
    assertTrue(notes.get(1).startsWith("output 'second': sqrt(c) takes arguments down to -1"), notes.get(1));
    // a is also log's argument: the analysis looked for where it is not positive, which says nothing of 0
    assertTrue(notes.get(2).startsWith("output 'third': c/a divides by a, whose range holds 0"), notes.get(2));
    // where it is only a divisor, the note says where it is 0
    int q = b.op(Builtin.DIV, b.input(0), b.op(Builtin.SUB, b.input(1), b.input(0)));
    Graph h = b.build(List.of("a", "c"), List.of("q"), List.of(q));
    assertEquals(List.of("output 'q': a/(c - a) divides by c - a, which is 0 at a = 0.5, c = 0.5; the firmware"
        + " saturates there (over the declared input ranges)"), uniform(h, -1, 2).notes());
    assertEquals(List.of(), uniform(g, 0.5, 2).notes(), "inside their domains: nothing to say");
  }

  @Test
  void aConstantTheUniformTypeCannotHoldIsNamed() {
    GraphBuilder b = new GraphBuilder();
    int y = b.op(Builtin.MUL, b.input(0), b.constant(42.0));
    Graph g = b.build(List.of("a", "c"), List.of("y"), List.of(y));
    List<String> notes = uniform(g, 0, 1).notes();
    assertEquals("the constant 42.0 does not fit ap_fixed<16,6> and becomes -22.0; widen precision.default,"
        + " or set precision.constants", notes.get(0));
    // and the product, whose true value reaches 42, cannot be held either
    assertTrue(notes.get(1).startsWith("a*42.0 reaches [0.000, 42.00]"), notes.toString());
    // which is the output: y[] cannot hold it either
    assertEquals("output 'y' reaches [0.000, 42.00] over the declared input ranges, beyond its type ap_fixed<16,6>;"
        + " y[] wraps there: declare a wider type for it", notes.get(2));
    assertEquals(3, notes.size());
  }

  @Test
  void anIntermediateThatCanLeaveTheUniformTypeIsNamed() {
    GraphBuilder b = new GraphBuilder();
    int xy = b.op(Builtin.MUL, b.input(0), b.input(1));
    int y = b.op(Builtin.ADD, b.op(Builtin.MUL, xy, b.input(0)), b.constant(1));
    Graph g = b.build(List.of("x", "z"), List.of("y"), List.of(y));
    // x*z*x reaches 125 over [-5, 5], beyond ap_fixed<16,6> (up to 32); x*z (25) fits
    List<String> notes = uniform(g, -5, 5).notes();
    assertEquals(3, notes.size(), notes.toString());
    assertTrue(notes.get(0).startsWith("x*(x*z) reaches [-125.0, 125.0] over the declared input ranges, beyond"
        + " ap_fixed<16,6>; the firmware wraps there"), notes.toString());
    assertTrue(notes.get(1).startsWith("(x*(x*z)) + 1.0 reaches [-124.0, 126.0]"), notes.toString());
    assertTrue(notes.get(2).startsWith("output 'y' reaches [-124.0, 126.0]"), notes.toString());
    assertEquals(List.of(), uniform(g, -2, 2).notes());
  }
}
