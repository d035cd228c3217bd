package io.github.srhls.core.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.GraphBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Divisors under {@code auto}: refused only where they really reach 0, and then with the points where they do. */
class AutoPlanDivisorTest {
  private static Graph graph(GraphBuilder g, int y) {
    return g.build(List.of("a", "b"), List.of("y"), List.of(y));
  }

  @Test
  void onePlusASquareIsADivisorThatCannotBeZero() {
    GraphBuilder g = new GraphBuilder();
    int a = g.input(0);
    int y = g.op(Builtin.DIV, g.input(1), g.op(Builtin.ADD, g.constant(1), g.op(Builtin.MUL, a, a)));
    Graph graph = graph(g, y);
    // before: "b/(1 + a*a) has no bound over the declared input ranges (a divisor whose range holds 0 ...)"
    Design d = PrecisionPlanner.plan(PrecisionPlannerTest.request(graph), 0.01);
    assertEquals(List.of(), d.notes());
    assertTrue(PrecisionPlannerTest.maxError(d, graph, 5_000) <= 0.01);
    // nor does the uniform plan warn of a division by a range holding 0 any more
    assertEquals(List.of(), DesignBuilder.uniform(PrecisionPlannerTest.request(graph)).notes());
  }

  @Test
  void aDivisorThatIsZeroInsideTheRangesIsRefusedWithWhereItIs() {
    GraphBuilder g = new GraphBuilder();
    int y = g.op(Builtin.DIV, g.constant(1),
        g.op(Builtin.ADD, g.op(Builtin.SUB, g.input(0), g.input(1)), g.constant(0.5)));
    SrHlsException e = assertThrows(SrHlsException.class,
        () -> PrecisionPlanner.plan(PrecisionPlannerTest.request(graph(g, y)), 0.01));
    String m = e.getMessage();
    assertTrue(m.contains("output 'y'") && m.contains("divides by (a - b) + 0.5") && m.contains("takes both signs")
        && m.contains(" at a = ") && m.contains(", b = "), m);
  }
}
