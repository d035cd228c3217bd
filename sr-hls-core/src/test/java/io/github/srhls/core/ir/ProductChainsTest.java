package io.github.srhls.core.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.expr.Expr;
import io.github.srhls.core.expr.ExprParser;
import io.github.srhls.core.expr.Scope;
import io.github.srhls.core.pysr.HallOfFame;
import io.github.srhls.core.pysr.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Product chains are canonical, so outputs share products however they were written. */
class ProductChainsTest {
  private static final Scope SCOPE = Scope.of(List.of("a", "b", "x", "y"), Map.of());

  private final GraphBuilder builder = new GraphBuilder();
  private final Lowering lowering = new Lowering(builder, Map.of());

  private int lower(String text) {
    return lowering.lower(ExprParser.parse(text, SCOPE));
  }

  private Graph graph(int... outputs) {
    List<Integer> outs = Arrays.stream(outputs).boxed().toList();
    return builder.build(List.of("a", "b", "x", "y"), outs.stream().map(i -> "y" + i).toList(), outs);
  }

  private static long liveMultiplications(Graph g) {
    boolean[] live = g.live();
    long n = 0;
    for (int id = 0; id < g.size(); id++) {
      n += live[id] && g.node(id) instanceof Node.Op op && op.op() == Builtin.MUL ? 1 : 0;
    }
    return n;
  }

  /** The node {@code op(args)} must already exist; its id. */
  private int existing(Builtin op, int... args) {
    int before = graph().size();
    int id = builder.op(op, args);
    assertEquals(before, graph().size(), "expected " + op + Arrays.toString(args) + " to exist already");
    return id;
  }

  @Test
  void aProductIsOneNodeWhateverItsOrderAndGrouping() {
    int y = lower("a*b*x");
    assertEquals(y, lower("x*(b*a)"));
    assertEquals(y, lower("(b*x)*a"));
    assertEquals(y, lower("b*(x*a)"));
    assertEquals(2, liveMultiplications(graph(y)));
  }

  @Test
  void theCoefficientIsAppliedLastSoTheProductOfTheRestIsShared() {
    int y0 = lower("0.61*sin(a)*cos(b)");
    int y1 = lower("sin(a)*cos(b)*2 + x");
    int s = existing(Builtin.MUL, lower("sin(a)"), lower("cos(b)"));
    assertEquals(existing(Builtin.MUL, builder.constant(0.61), s), y0);
    assertEquals(existing(Builtin.ADD, existing(Builtin.MUL, s, builder.constant(2)), lower("x")), y1);
    // written as parsed, (0.61*sin(a))*cos(b) and (sin(a)*cos(b))*2 took four multiplications
    assertEquals(3, liveMultiplications(graph(y0, y1)));
  }

  @Test
  void aLongerProductIsBuiltOnTheProductsBeforeIt() {
    int y0 = lower("0.61*sin(a)*cos(b)");
    int y1 = lower("sin(a)*cos(b)*2 + x");
    int y2 = lower("x*cos(b)*sin(a)*y");
    int y3 = lower("-0.3*y*x + cos(b)*x*sin(a)");
    int s = existing(Builtin.MUL, lower("sin(a)"), lower("cos(b)"));
    int xy = existing(Builtin.MUL, lower("x"), lower("y"));
    assertEquals(existing(Builtin.MUL, s, xy), y2, "sin(a)*cos(b) times x*y");
    assertEquals(existing(Builtin.ADD, existing(Builtin.MUL, builder.constant(-0.3), xy),
        existing(Builtin.MUL, s, lower("x"))), y3);
    // sin(a)*cos(b), x*y, and one multiplication for each of 0.61*, 2*, *(x*y), -0.3*, *x; the builder before
    // canonical chains made 9 (the parse order shared only x*cos(b) and (x*cos(b))*sin(a))
    assertEquals(7, liveMultiplications(graph(y0, y1, y2, y3)));
  }

  @Test
  void negationsAndConstantsInAChainFoldIntoOneCoefficient() {
    int xy = lower("x*y");
    int y = lower("-(y*x)*3");
    assertEquals(existing(Builtin.MUL, builder.constant(-3), xy), y);
    y = lower("(x/4)*(-y)*2");
    assertEquals(existing(Builtin.MUL, builder.constant(-0.5), xy), y);
    y = lower("x*-1*y");
    assertEquals(existing(Builtin.NEG, xy), y);
    y = lower("-(2*x)");
    assertEquals(existing(Builtin.MUL, builder.constant(-2), lower("x")), y);
    assertEquals(lower("x"), lower("2*x*0.5"));
    assertEquals(builder.constant(0), lower("x*0*sin(y)"));
    assertEquals(builder.constant(6), lower("2*3"));
  }

  @Test
  void divisionsAndFunctionsAreFactorsNotPartsOfTheChain() {
    int y = lower("(x*y/a)*b");
    Node.Op top = (Node.Op) graph(y).node(y);
    assertEquals(Builtin.MUL, top.op());
    int div = existing(Builtin.DIV, lower("x*y"), lower("a"));
    assertEquals(List.of(Math.min(div, lower("b")), Math.max(div, lower("b"))), top.args());
  }

  @Test
  void powersKeepSquareAndMultiply() {
    int x8 = lower("x^8");
    assertEquals(3, liveMultiplications(graph(x8)));
    assertEquals(x8, lower("x^3*x^5"), "x^3 * x^5 is x^4 * x^4, with the x^4 that x^8 made");
    assertEquals(x8, lower("square(square(x))*x^4"));
  }

  @Test
  void aNestedPowerBeyondTheChainLimitStaysSquareAndMultiply() {
    // x^(2^24): past MAX_CHAIN_DEGREE the outer squarings multiply their operands as they are
    int y = lower("((((x^64)^64)^64)^64)");
    Graph g = graph(y);
    assertEquals(24, liveMultiplications(g));
    assertEquals(1.0, new FloatEvaluator(g).evaluate(new double[] {0, 0, -1, 0})[0]);
  }

  @Test
  void theSameCallsGiveTheSameGraph() {
    List<String> model = List.of("0.61*sin(a)*cos(b)", "x*cos(b)*sin(a)*y - a*b*x", "-(b*a)*x^3*0.5");
    List<Graph> graphs = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      GraphBuilder b = new GraphBuilder();
      Lowering l = new Lowering(b, Map.of());
      List<Integer> outs = model.stream().map(e -> l.lower(ExprParser.parse(e, SCOPE))).toList();
      graphs.add(b.build(List.of("a", "b", "x", "y"), List.of("p", "q", "r"), outs));
    }
    assertEquals(graphs.get(0), graphs.get(1));
  }

  /** Many outputs full of products, negations and constants in one graph: each keeps its value. */
  @Test
  void regroupedProductsKeepTheirValues() {
    SplittableRandom random = new SplittableRandom(17);
    List<String> texts = new ArrayList<>();
    List<Integer> outs = new ArrayList<>();
    for (int k = 0; k < 300; k++) {
      String text = randomProduct(random, 4);
      texts.add(text);
      outs.add(lower(text));
    }
    Graph g = graph(outs.stream().mapToInt(Integer::intValue).toArray());
    assertCanonical(g);
    for (int v = 0; v < 20; v++) {
      double[] inputs = random.doubles(4, -2, 2).toArray();
      double[] got = new FloatEvaluator(g).evaluate(inputs);
      for (int k = 0; k < texts.size(); k++) {
        double want = reference(ExprParser.parse(texts.get(k), SCOPE), inputs);
        assertEquals(want, got[k], 1e-12 * Math.max(1, Math.abs(want)), texts.get(k));
      }
    }
  }

  private static String randomProduct(SplittableRandom r, int depth) {
    if (depth == 0) {
      return switch (r.nextInt(6)) {
        case 0 -> String.valueOf(List.of(2, -1, 0.5, 1, -0.25, 3).get(r.nextInt(6)));
        case 1 -> "sin(" + "abxy".charAt(r.nextInt(4)) + ")";
        default -> String.valueOf("abxy".charAt(r.nextInt(4)));
      };
    }
    return switch (r.nextInt(7)) {
      case 0 -> "-(" + randomProduct(r, depth - 1) + ")";
      case 1 -> "(" + randomProduct(r, depth - 1) + ")/" + List.of(4, -2, 0.5).get(r.nextInt(3));
      case 2 -> "(" + randomProduct(r, depth - 1) + ")^" + (2 + r.nextInt(2));
      case 3 -> "(" + randomProduct(r, depth - 1) + " + " + randomProduct(r, depth - 2 < 0 ? 0 : depth - 2) + ")";
      default -> "(" + randomProduct(r, depth - 1) + ")*(" + randomProduct(r, depth - 1) + ")";
    };
  }

  /**
   * The real PySR models: every output of a file in one graph, as the corpus firmware test compiles them. The
   * products stay canonical (no negation or coefficient inside a chain), and regrouping keeps every value.
   */
  @Test
  void corpusModelsKeepTheirValuesWithCanonicalChains() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(SharedCorpus.directory())) {
      files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i <= 30; i++) {
      names.add("x" + i);
    }
    Scope scope = Scope.of(names, Map.of());
    SplittableRandom random = new SplittableRandom(3);
    long multiplications = 0;
    int equations = 0;
    for (Path file : files) {
      HallOfFame hof = HallOfFame.read(file);
      GraphBuilder b = new GraphBuilder();
      Lowering l = new Lowering(b, Map.of());
      List<Expr> exprs = hof.rows().stream().map(r -> ExprParser.parse(r.equation(), scope)).toList();
      List<Integer> outs = exprs.stream().map(l::lower).toList();
      Graph g = b.build(names, outs.stream().map(o -> "y" + o).toList(), outs);
      assertCanonical(g);
      for (int v = 0; v < 50; v++) {
        double[] inputs = random.doubles(names.size(), 0.5, 2).toArray();
        double[] got = new FloatEvaluator(g).evaluate(inputs);
        for (int k = 0; k < exprs.size(); k++) {
          double want = reference(exprs.get(k), inputs);
          assertEquals(want, got[k], 1e-12 * Math.max(1, Math.abs(want)), file.getFileName() + " row " + k);
        }
      }
      multiplications += liveMultiplications(g);
      equations += exprs.size();
    }
    assertEquals(29, equations);
    System.out.println("corpus: " + multiplications + " multiplications in the firmware of " + equations
        + " PySR equations");
  }

  private static void assertCanonical(Graph g) {
    boolean[] live = g.live();
    for (int id = 0; id < g.size(); id++) {
      if (live[id] && g.node(id) instanceof Node.Op op && op.op() == Builtin.MUL) {
        long constants = op.args().stream().filter(a -> g.node(a) instanceof Node.Const).count();
        assertTrue(constants <= 1, NodeText.of(g, id));
        for (int a : op.args()) {
          Node n = g.node(a);
          assertFalse(n instanceof Node.Op o && o.op() == Builtin.NEG, "a negation inside " + NodeText.of(g, id));
          boolean scaled = n instanceof Node.Op o && o.op() == Builtin.MUL
              && o.args().stream().anyMatch(k -> g.node(k) instanceof Node.Const);
          assertFalse(scaled, "a coefficient inside " + NodeText.of(g, id));
        }
      }
    }
  }

  /** The expression's value in double precision as written, without the graph. */
  private static double reference(Expr e, double[] inputs) {
    if (e instanceof Expr.Num n) {
      return n.value();
    }
    if (e instanceof Expr.Input in) {
      return inputs[in.index()];
    }
    Expr.Call call = (Expr.Call) e;
    double[] args = call.args().stream().mapToDouble(a -> reference(a, inputs)).toArray();
    return FloatSemantics.apply(call.builtin(), args);
  }
}
