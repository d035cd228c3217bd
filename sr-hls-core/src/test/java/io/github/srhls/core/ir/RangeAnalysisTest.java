package io.github.srhls.core.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.expr.Builtin;
import java.util.List;
import org.junit.jupiter.api.Test;

class RangeAnalysisTest {
  @Test
  void intervalsFollowTheOperations() {
    GraphBuilder b = new GraphBuilder();
    int prod = b.op(Builtin.MUL, b.input(0), b.input(1));
    int sum = b.op(Builtin.ADD, prod, b.constant(1));
    int e = b.op(Builtin.EXP, b.input(0));
    int q = b.op(Builtin.DIV, b.input(0), b.input(1));
    int l = b.op(Builtin.LOG, b.input(0));
    Graph g = b.build(List.of("a", "b"), List.of("s", "e", "q", "l"), List.of(sum, e, q, l));
    Interval[] r = RangeAnalysis.analyze(g, List.of(new Interval(-2, 3), new Interval(-1, 4)));
    assertEquals(new Interval(-8, 12), r[prod]);
    assertEquals(new Interval(-7, 13), r[sum]);
    // Math.exp is within one unit in the last place: the bounds are widened by one, outward
    assertEquals(new Interval(Math.nextDown(Math.exp(-2)), Math.nextUp(Math.exp(3))), r[e]);
    assertFalse(r[q].bounded(), "the divisor's range holds 0");
    assertEquals(Double.NEGATIVE_INFINITY, r[l].lo());
    assertTrue(r[l].contains(Math.log(3)));
  }
}
