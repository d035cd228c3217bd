package io.github.srhls.core.ir;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.srhls.core.expr.Builtin;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The ranges are enclosures: seeded random expressions over random input boxes, many of them reusing a
 * subexpression (where folding, squares and subdivision come in), evaluated at random points of the box, its
 * corners and its centre; every finite value of every node must lie in that node's range. Set
 * {@code -Dsrhls.rangeGraphs=N} for more graphs than CI runs.
 */
class RangeEnclosureTest {
  private static final Builtin[] UNARY = {Builtin.NEG, Builtin.ABS, Builtin.SIN, Builtin.COS, Builtin.EXP,
      Builtin.TANH, Builtin.SQRT, Builtin.LOG, Builtin.CBRT, Builtin.SQUARE, Builtin.CUBE};
  private static final Builtin[] BINARY = {Builtin.ADD, Builtin.SUB, Builtin.MUL, Builtin.MUL, Builtin.DIV,
      Builtin.MAX, Builtin.MIN};

  @Test
  void everySampledValueLiesInItsNodesRange() {
    int graphs = Integer.getInteger("srhls.rangeGraphs", 1500);
    long checked = 0;
    for (int seed = 0; seed < graphs; seed++) {
      checked += check(seed);
    }
    assertTrue(checked > 100_000, "values checked: " + checked);
  }

  /** One random graph; returns how many values it checked. */
  private static long check(int seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int inputs = 1 + random.nextInt(3);
    GraphBuilder b = new GraphBuilder();
    List<Integer> pool = new ArrayList<>();
    List<Interval> box = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < inputs; i++) {
      double lo = random.nextInt(-12, 12) / 4.0;
      double width = random.nextBoolean() ? random.nextInt(1, 16) / 4.0 : random.nextDouble(0.01, 4);
      box.add(new Interval(lo, lo + width));
      names.add("x" + i);
      pool.add(b.input(i));
    }
    int steps = 3 + random.nextInt(8);
    for (int s = 0; s < steps; s++) {
      pool.add(randomNode(b, pool, random));
    }
    int out = pool.get(pool.size() - 1);
    Graph g = b.build(names, List.of("y"), List.of(out));
    Interval[] r = RangeAnalysis.of(g, box).intervals();
    long checked = 0;
    double[] x = new double[inputs];
    int points = 200;
    for (int p = 0; p < points + (1 << inputs) + 1; p++) {
      for (int i = 0; i < inputs; i++) {
        Interval in = box.get(i);
        x[i] = p < points ? random.nextDouble(in.lo(), Math.nextUp(in.hi()))
            : p < points + (1 << inputs) ? (((p - points) >> i & 1) == 0 ? in.lo() : in.hi())
            : 0.5 * (in.lo() + in.hi());
        x[i] = Math.min(x[i], in.hi());
      }
      double[] v = values(g, x);
      for (int id = 0; id < v.length; id++) {
        if (!Double.isFinite(v[id])) {
          continue;
        }
        checked++;
        // the ranges hold the exact values; the double evaluation strays from those by its own rounding
        double slack = 1e-9 * Math.max(1.0, Math.abs(v[id]));
        if (v[id] < r[id].lo() - slack || v[id] > r[id].hi() + slack) {
          fail("seed " + seed + ": " + NodeText.of(g, id) + " = " + v[id] + " at " + java.util.Arrays.toString(x)
              + " lies outside its range " + r[id] + " over " + box);
        }
      }
    }
    return checked;
  }

  private static int randomNode(GraphBuilder b, List<Integer> pool, SplittableRandom random) {
    int a = pool.get(random.nextInt(pool.size()));
    // often the same operand twice, or a recent one: where plain intervals lose the correlation
    int c = random.nextInt(4) == 0 ? a : pool.get(Math.max(0, pool.size() - 1 - random.nextInt(3)));
    return switch (random.nextInt(6)) {
      case 0 -> b.op(UNARY[random.nextInt(UNARY.length)], a);
      case 1 -> b.op(Builtin.POW, a, b.constant(random.nextInt(-3, 7)));
      case 2 -> b.op(Builtin.ADD, a, b.constant(random.nextInt(-8, 9) / 4.0));
      case 3 -> b.op(Builtin.DIV, b.constant(1 + random.nextInt(3)),
          b.op(Builtin.ADD, b.op(Builtin.MUL, c, c), b.constant(random.nextInt(-4, 5) / 8.0)));
      default -> b.op(BINARY[random.nextInt(BINARY.length)], a, c);
    };
  }

  /** Every node's double value at one point, as the float reference computes it. */
  private static double[] values(Graph g, double[] x) {
    double[] v = new double[g.size()];
    for (int id = 0; id < v.length; id++) {
      Node n = g.node(id);
      if (n instanceof Node.Const c) {
        v[id] = c.value();
      } else if (n instanceof Node.Input in) {
        v[id] = x[in.index()];
      } else {
        Node.Op op = (Node.Op) n;
        double[] args = new double[op.args().size()];
        for (int k = 0; k < args.length; k++) {
          args[k] = v[op.arg(k)];
        }
        v[id] = FloatSemantics.apply(op.op(), args);
      }
    }
    return v;
  }
}
