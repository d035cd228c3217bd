package io.github.srhls.core.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.srhls.core.expr.Builtin;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphBuilderTest {
  private final GraphBuilder b = new GraphBuilder();

  private Graph graph(int... outputs) {
    List<Integer> outs = java.util.Arrays.stream(outputs).boxed().toList();
    List<String> names = outs.stream().map(i -> "y" + i).toList();
    return b.build(List.of("x0", "x1", "x2"), names, outs);
  }

  /** The node as built so far. */
  private Node node(int id) {
    return graph().node(id);
  }

  /** How many nodes are operations of {@code op}. */
  private static long count(Graph g, Builtin op) {
    return g.nodes().stream().filter(n -> n instanceof Node.Op o && o.op() == op).count();
  }

  private static long live(Graph g) {
    boolean[] live = g.live();
    long n = 0;
    for (boolean l : live) {
      n += l ? 1 : 0;
    }
    return n;
  }

  @Test
  void functionsOfConstantsAreFoldedAtCompileTime() {
    int c = b.op(Builtin.SIN, b.op(Builtin.ADD, b.constant(1), b.constant(0.5)));
    assertEquals(new Node.Const(Math.sin(1.5)), node(c));
    int y = b.op(Builtin.MUL, b.input(0), b.op(Builtin.COS, b.constant(-0.468975241544626)));
    Graph g = graph(y);
    assertEquals(1, count(g, Builtin.MUL));
    assertEquals(0, count(g, Builtin.COS));
  }

  @Test
  void commonSubexpressionsAreSharedAcrossOutputsAndOperandOrder() {
    int s1 = b.op(Builtin.SIN, b.op(Builtin.ADD, b.input(0), b.input(1)));
    int s2 = b.op(Builtin.SIN, b.op(Builtin.ADD, b.input(1), b.input(0)));
    assertEquals(s1, s2);
    int y0 = b.op(Builtin.MUL, s1, b.input(2));
    int y1 = b.op(Builtin.SUB, s2, b.input(2));
    Graph g = graph(y0, y1);
    assertEquals(1, count(g, Builtin.SIN));
    assertEquals(1, count(g, Builtin.ADD));
    assertEquals(4, g.nodes().stream().filter(n -> n instanceof Node.Op).count());
  }

  @Test
  void subtractionIsNotTreatedAsCommutative() {
    assertNotEquals(b.op(Builtin.SUB, b.input(0), b.input(1)), b.op(Builtin.SUB, b.input(1), b.input(0)));
  }

  @Test
  void integerPowersBecomeMultiplicationChains() {
    int y = b.op(Builtin.POW, b.input(0), b.constant(5));
    Graph g = graph(y);
    // x^5 = (x^2)^2 * x: three multiplications, no pow, no exp/log
    assertEquals(3, count(g, Builtin.MUL));
    assertEquals(0, count(g, Builtin.EXP));
    int y8 = b.op(Builtin.POW, b.input(0), b.constant(8));
    assertEquals(4, count(graph(y, y8), Builtin.MUL)); // x^8 reuses x^2 and x^4: one more square
  }

  @Test
  void negativePowerIsOneReciprocalOfTheChain() {
    int y = b.op(Builtin.POW, b.input(1), b.constant(-2));
    Graph g = graph(y);
    assertEquals(1, count(g, Builtin.DIV));
    assertEquals(1, count(g, Builtin.MUL));
  }

  @Test
  void squareAndCubeShareTheSquare() {
    int sq = b.op(Builtin.SQUARE, b.input(0));
    int cu = b.op(Builtin.CUBE, b.input(0));
    Graph g = graph(sq, cu);
    assertEquals(2, count(g, Builtin.MUL));
  }

  @Test
  void nonIntegerPowerGoesThroughExpAndLog() {
    int y = b.op(Builtin.POW, b.input(0), b.constant(1.5));
    Graph g = graph(y);
    assertEquals(1, count(g, Builtin.EXP));
    assertEquals(1, count(g, Builtin.LOG));
    int r = b.op(Builtin.POW, b.input(1), b.constant(0.5));
    assertEquals(1, count(graph(y, r), Builtin.SQRT));
  }

  @Test
  void divisionByAConstantBecomesMultiplicationByItsReciprocal() {
    int y = b.op(Builtin.DIV, b.input(0), b.constant(4));
    Node n = node(y);
    Node.Op op = assertInstanceOf(Node.Op.class, n);
    assertEquals(Builtin.MUL, op.op());
    assertEquals(new Node.Const(0.25), node(op.arg(1)));
    assertEquals(0, count(graph(y), Builtin.DIV));
  }

  @Test
  void sinhAndCoshShareTheirExponentials() {
    int s = b.op(Builtin.SINH, b.input(0));
    int c = b.op(Builtin.COSH, b.input(0));
    Graph g = graph(s, c);
    assertEquals(0, count(g, Builtin.SINH) + count(g, Builtin.COSH));
    assertEquals(2, count(g, Builtin.EXP), "e^x and e^-x, used by both");
    double[] out = new FloatEvaluator(g).evaluate(new double[] {0.7, 0, 0});
    assertEquals(Math.sinh(0.7), out[0], 1e-15);
    assertEquals(Math.cosh(0.7), out[1], 1e-15);
  }

  @Test
  void exactIdentitiesDisappear() {
    int x = b.input(0);
    assertEquals(x, b.op(Builtin.ADD, x, b.constant(0)));
    assertEquals(x, b.op(Builtin.MUL, b.constant(1), x));
    assertEquals(x, b.op(Builtin.SUB, x, b.constant(-0.0)));
    assertEquals(x, b.op(Builtin.NEG, b.op(Builtin.NEG, x)));
    assertEquals(new Node.Const(0.0), node(b.op(Builtin.MUL, x, b.constant(0))));
    assertEquals(Builtin.NEG, ((Node.Op) node(b.op(Builtin.MUL, x, b.constant(-1)))).op());
  }

  @Test
  void nonFiniteConstantsAreNotFolded() {
    int y = b.op(Builtin.LOG, b.constant(-1));
    assertInstanceOf(Node.Op.class, node(y));
  }

  @Test
  void liveNodesAreThoseReachableFromOutputs() {
    int unused = b.op(Builtin.SIN, b.input(2));
    int y = b.op(Builtin.ADD, b.input(0), b.input(1));
    Graph g = graph(y);
    assertEquals(false, g.live()[unused]);
    assertEquals(3, live(g));
  }

  @Test
  void floatEvaluatorComputesTheReference() {
    int y = b.op(Builtin.ADD, b.op(Builtin.MUL, b.input(0), b.input(1)), b.op(Builtin.COS, b.input(2)));
    double[] out = new FloatEvaluator(graph(y)).evaluate(new double[] {1.5, -2, 0.25});
    assertEquals(1.5 * -2 + Math.cos(0.25), out[0], 0.0);
  }
}
