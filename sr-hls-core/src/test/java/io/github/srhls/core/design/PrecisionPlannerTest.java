package io.github.srhls.core.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.design.units.TableUnit;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import io.github.srhls.core.ir.FloatEvaluator;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.GraphBuilder;
import io.github.srhls.core.ir.Interval;
import io.github.srhls.core.ir.Node;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrecisionPlannerTest {
  static final FixedType IN = FixedType.fixed(18, 4, Quantization.AP_RND, Overflow.AP_SAT);
  static final FixedType OUT = FixedType.fixed(20, 6, Quantization.AP_RND, Overflow.AP_SAT);

  /** y0 = -0.163 sin(2a - 1.03) cos(b) + 0.31 a b, y1 = exp(0.5 b) - a^2 / 7 + cos(b): shared cos(b). */
  static Graph model() {
    GraphBuilder g = new GraphBuilder();
    int a = g.input(0);
    int b = g.input(1);
    int cosb = g.op(Builtin.COS, b);
    int y0 = g.op(Builtin.ADD,
        g.op(Builtin.MUL, g.op(Builtin.MUL, g.constant(-0.163),
            g.op(Builtin.SIN, g.op(Builtin.SUB, g.op(Builtin.MUL, g.constant(2), a), g.constant(1.03)))), cosb),
        g.op(Builtin.MUL, g.op(Builtin.MUL, g.constant(0.31), a), b));
    int y1 = g.op(Builtin.ADD, g.op(Builtin.SUB, g.op(Builtin.EXP, g.op(Builtin.MUL, g.constant(0.5), b)),
        g.op(Builtin.DIV, g.op(Builtin.POW, a, g.constant(2)), g.constant(7))), cosb);
    return g.build(List.of("a", "b"), List.of("y0", "y1"), List.of(y0, y1));
  }

  /** The request for a model of inputs a in [-3, 3] and b in [-2, 2], for tests to add settings to. */
  static DesignRequest.Builder requestFor(Graph g) {
    return DesignRequest.builder("m", g)
        .inputRanges(List.of(new Interval(-3, 3), new Interval(-2, 2)))
        .inputTypes(List.of(IN, IN))
        .resultType(OUT)
        .defaultType(FixedType.fixed(16, 6))
        .internalType(FixedType.fixed(16, 6))
        .clampInputs(true);
  }

  static DesignRequest request(Graph g) {
    return requestFor(g).build();
  }

  static double maxError(Design d, Graph g, int vectors) {
    BitAccurateModel model = new BitAccurateModel(d);
    FloatEvaluator reference = new FloatEvaluator(g);
    SplittableRandom random = new SplittableRandom(5);
    double max = 0;
    for (int v = 0; v < vectors; v++) {
      double[] x = {random.nextDouble(-3, 3), random.nextDouble(-2, 2)};
      double[] got = model.evaluate(x);
      double[] want = reference.evaluate(x);
      for (int k = 0; k < got.length; k++) {
        max = Math.max(max, Math.abs(got[k] - want[k]));
      }
    }
    return max;
  }

  @Test
  void measuredErrorStaysWithinTheBudget() {
    Graph g = model();
    for (double budget : new double[] {0.05, 0.01, 0.002}) {
      Design d = PrecisionPlanner.plan(request(g), budget);
      double measured = maxError(d, g, 20_000);
      assertTrue(measured <= budget, "budget " + budget + ", measured " + measured);
      assertEquals(List.of(), d.notes());
    }
  }

  @Test
  void aTighterBudgetCostsMoreBitsAndLargerTables() {
    Graph g = model();
    Design loose = PrecisionPlanner.plan(request(g), 0.05);
    Design tight = PrecisionPlanner.plan(request(g), 0.002);
    assertTrue(totalBits(tight) > totalBits(loose), totalBits(tight) + " vs " + totalBits(loose));
    assertTrue(tableCost(tight) > tableCost(loose), tableCost(tight) + " vs " + tableCost(loose));
  }

  /** What the planner minimizes for tables: ROM bits, and DSP slices at their exchange rate. */
  static long tableCost(Design d) {
    DesignStats stats = DesignStats.of(d);
    long dsp = d.units().values().stream().distinct()
        .mapToLong(u -> DesignStats.hornerDsp(((TableUnit) u).segments())).sum();
    return stats.tableBits() + TableShapeChoice.DSP_COST_BITS * dsp;
  }

  @Test
  void integerBitsFollowTheRangesSoNothingOverflows() {
    Graph g = model();
    Design d = PrecisionPlanner.plan(request(g), 0.01);
    BitAccurateModel model = new BitAccurateModel(d);
    SplittableRandom random = new SplittableRandom(9);
    for (int v = 0; v < 5000; v++) {
      model.evaluate(new double[] {random.nextDouble(-3, 3), random.nextDouble(-2, 2)});
    }
    for (long count : model.overflowCounts()) {
      assertEquals(0, count);
    }
    // a^2 over a in [-3, 3] is at most 9: 5 integer bits with the sign, not the default's 6
    int square = -1;
    for (int id = 0; id < g.size(); id++) {
      if (g.node(id) instanceof Node.Op op && op.op() == Builtin.MUL && op.arg(0) == op.arg(1)) {
        square = id;
      }
    }
    assertEquals(5, d.type(square).intBits());
  }

  @Test
  void constantsKeepTheirValueInsteadOfTheInternalTypesGrid() {
    Graph g = model();
    Design d = PrecisionPlanner.plan(request(g), 0.001);
    for (int id = 0; id < g.size(); id++) {
      if (g.node(id) instanceof Node.Const c && d.isLive(id)) {
        double q = d.constants().get(id).toDouble();
        assertTrue(Math.abs(q - c.value()) <= Math.abs(c.value()) * 0.01, c.value() + " became " + q);
      }
    }
  }

  @Test
  void aBudgetFinerThanTheOutputTypeIsAClearError() {
    SrHlsException e = assertThrows(SrHlsException.class, () -> PrecisionPlanner.plan(request(model()), 1e-6));
    assertTrue(e.getMessage().contains("cannot be met for output 'y0'"), e.getMessage());
    assertTrue(e.getMessage().contains("ap_fixed<20,6,AP_RND,AP_SAT>"), e.getMessage());
  }

  @Test
  void aBudgetTheInputTypesAloneSpendNamesThemAndNoTableThatWasNeverSet() {
    // it said "the tables set under functions alone allow errors up to ..." with no table set
    FixedType coarse = FixedType.fixed(8, 6, Quantization.AP_RND, Overflow.AP_SAT);
    DesignRequest r = requestFor(model()).inputTypes(List.of(coarse, coarse)).build();
    String message = assertThrows(SrHlsException.class, () -> PrecisionPlanner.plan(r, 0.01)).getMessage();
    assertTrue(message.startsWith("precision.error 0.01 cannot be met for output 'y0': what the model fixes"
        + " already allows errors up to "), message);
    assertTrue(message.contains(" (the output type ap_fixed<20,6,AP_RND,AP_SAT> "), message);
    assertTrue(message.contains(", the input types "), message);
    assertTrue(message.contains("); declare finer input types (more fractional bits), or allow a larger"
        + " precision.error"), message);
    assertFalse(message.contains("table"), message);
  }

  @Test
  void interpolatedTablesMeetTheBudgetWithFarFewerEntries() {
    Graph g = model();
    Design plain = PrecisionPlanner.plan(withDegrees(g, 0), 0.002);
    Design interpolated = PrecisionPlanner.plan(withDegrees(g, 1), 0.002);
    assertTrue(maxError(interpolated, g, 20_000) <= 0.002);
    int plainEntries = sinCosEntries(plain);
    int fewer = sinCosEntries(interpolated);
    assertTrue(fewer * 8 <= plainEntries, fewer + " vs " + plainEntries);
  }

  static DesignRequest withDegrees(Graph g, int degree) {
    return requestFor(g).degrees(Map.of(Builtin.SIN, degree, Builtin.COS, degree, Builtin.EXP, degree)).build();
  }

  static int sinCosEntries(Design d) {
    return d.units().values().stream().distinct()
        .filter(u -> u.function() == Builtin.SIN || u.function() == Builtin.COS)
        .mapToInt(u -> ((TableUnit) u).segments().size()).sum();
  }

  @Test
  void aSmallTableMeetsTheBudgetWithAHigherDegreeUnlessTheDegreeIsFixed() {
    Graph g = model();
    DesignRequest small = requestFor(g).tableIndexBits(Map.of(Builtin.COS, 4)).build();
    Design curved = PrecisionPlanner.plan(small, 0.01);
    assertTrue(maxError(curved, g, 5000) <= 0.01);
    assertTrue(curved.units().values().stream().filter(u -> u.function() == Builtin.COS)
        .allMatch(u -> ((TableUnit) u).segments().degree() >= 1 && ((TableUnit) u).segments().size() == 16));
    DesignRequest plain = requestFor(g).tableIndexBits(Map.of(Builtin.COS, 4)).degrees(Map.of(Builtin.COS, 0))
        .build();
    SrHlsException e = assertThrows(SrHlsException.class, () -> PrecisionPlanner.plan(plain, 0.01));
    assertTrue(e.getMessage().contains("tables set under functions"), e.getMessage());
    Design fine = PrecisionPlanner.plan(requestFor(g).tableIndexBits(Map.of(Builtin.COS, 12)).build(), 0.01);
    assertTrue(maxError(fine, g, 5000) <= 0.01);
  }

  @Test
  void anUnboundedDivisionIsAClearErrorNamingIt() {
    GraphBuilder b = new GraphBuilder();
    int y = b.op(Builtin.DIV, b.input(0), b.input(1));
    Graph g = b.build(List.of("a", "b"), List.of("q"), List.of(y));
    SrHlsException e = assertThrows(SrHlsException.class, () -> PrecisionPlanner.plan(request(g), 0.05));
    assertTrue(e.getMessage().contains("output 'q': a/b divides by b, which is 0 at b = 0, inside the declared input"
        + " ranges"), e.getMessage());
  }

  static int totalBits(Design d) {
    int bits = 0;
    for (int id = 0; id < d.graph().size(); id++) {
      bits += d.isLive(id) ? d.type(id).width() : 0;
    }
    return bits;
  }

  static double maxError(Design d, Graph g, List<Interval> ranges, int vectors) {
    BitAccurateModel model = new BitAccurateModel(d);
    FloatEvaluator reference = new FloatEvaluator(g);
    SplittableRandom random = new SplittableRandom(17);
    double max = 0;
    for (int v = 0; v < vectors; v++) {
      double[] x = new double[ranges.size()];
      for (int j = 0; j < x.length; j++) {
        x[j] = random.nextDouble(ranges.get(j).lo(), ranges.get(j).hi());
      }
      double[] got = model.evaluate(x);
      double[] want = reference.evaluate(x);
      for (int k = 0; k < got.length; k++) {
        max = Math.max(max, Math.abs(got[k] - want[k]));
      }
    }
    return max;
  }

  static DesignRequest request(Graph g, List<Interval> ranges, FixedType in, FixedType out) {
    return DesignRequest.builder("m", g)
        .inputRanges(ranges)
        .inputTypes(ranges.stream().map(x -> in).toList())
        .resultType(out)
        .defaultType(FixedType.fixed(16, 6))
        .internalType(FixedType.fixed(16, 6))
        .clampInputs(true)
        .build();
  }

  @Test
  void tightBudgetsOverWideTypesHoldForEveryFunction() {
    GraphBuilder b = new GraphBuilder();
    int a = b.input(0);
    int c = b.input(1);
    List<Integer> outs = List.of(b.op(Builtin.SIN, a), b.op(Builtin.COS, b.op(Builtin.MUL, a, c)),
        b.op(Builtin.EXP, c), b.op(Builtin.LOG, a), b.op(Builtin.TANH, b.op(Builtin.MUL, a, c)),
        b.op(Builtin.SQRT, a), b.op(Builtin.CBRT, b.op(Builtin.SUB, a, c)), b.op(Builtin.LOG10, c));
    Graph g = b.build(List.of("a", "c"), List.of("y0", "y1", "y2", "y3", "y4", "y5", "y6", "y7"), outs);
    List<Interval> ranges = List.of(new Interval(2, 5), new Interval(0.2, 1.4));
    FixedType wide = FixedType.fixed(50, 8, Quantization.AP_RND, Overflow.AP_SAT);
    for (double budget : new double[] {1e-9, 1e-10}) {
      Design d = PrecisionPlanner.plan(request(g, ranges, FixedType.fixed(50, 6), wide), budget);
      double measured = maxError(d, g, ranges, 4000);
      assertTrue(measured <= budget, "budget " + budget + ", measured " + measured);
    }
  }

  /** Plans y = f(x) of one input over {@code range} and checks the measured error against the budget. */
  static void assertMeetsBudget(java.util.function.ToIntFunction<GraphBuilder> f, Interval range, FixedType in,
      FixedType out, double budget) {
    GraphBuilder b = new GraphBuilder();
    int y = f.applyAsInt(b);
    Graph g = b.build(List.of("x"), List.of("y"), List.of(y));
    Design d = PrecisionPlanner.plan(request(g, List.of(range), in, out), budget);
    double measured = maxError(d, g, List.of(range), 20_000);
    assertTrue(measured <= budget, "budget " + budget + ", measured " + measured);
  }

  @Test
  void integerBitsMakeRoomForANodesOwnErrorNotJustTheOutputBudget() {
    // the output barely depends on log(x): its table may be coarse, and its value strays past log's range
    assertMeetsBudget(b -> b.op(Builtin.MUL, b.constant(0.01), b.op(Builtin.LOG, b.input(0))),
        new Interval(0.5, 7.3), FixedType.fixed(16, 4), OUT, 0.002);
  }

  @Test
  void aLogOverANarrowRangeKeepsItsTableValuesWhole() {
    for (double budget : new double[] {0.05, 0.01}) {
      assertMeetsBudget(b -> b.op(Builtin.LOG, b.input(0)), new Interval(0.9, 1.1), FixedType.fixed(18, 2),
          FixedType.fixed(18, 2), budget);
    }
  }

  @Test
  void aOneBitArgumentOfLogIsPlannedNotACrash() {
    assertMeetsBudget(b -> b.op(Builtin.MUL, b.constant(1e-4),
        b.op(Builtin.LOG, b.op(Builtin.MUL, b.input(0), b.input(0)))), new Interval(10, 30), FixedType.fixed(16, 6),
        OUT, 0.01);
  }

  @Test
  void tanNearItsSteepEndPlansSegmentsWithinTheTableLimit() {
    // tan(x0) over [-1, 1] in ap_fixed<18,3>: its slope of 3.4 at the ends once made the default budget a plain
    // table of 65536 entries (2 MB of Verilog); polynomial segments over the argument's range meet it in 256
    GraphBuilder b = new GraphBuilder();
    int y = b.op(Builtin.TAN, b.input(0));
    Graph g = b.build(List.of("x0"), List.of("y"), List.of(y));
    for (FixedType t : List.of(FixedType.fixed(18, 3), FixedType.fixed(24, 3))) {
      for (double reach : new double[] {1.0, 1.4}) {
        List<Interval> range = List.of(new Interval(-reach, reach));
        // the default: twice what the input's and the output's truncation cause, the input's through tan's slope
        double slope = 1 + Math.pow(Math.tan(reach), 2);
        double defaultBudget = PrecisionPlanner.DEFAULT_BUDGET_FACTOR * (slope + 1) * Rounding.error(t);
        for (double budget : new double[] {defaultBudget, 2 * defaultBudget}) {
          // the output as fine as the input, with room for tan(1.4) = 5.8
          FixedType out = FixedType.fixed(t.width() + 2, t.intBits() + 2);
          Design d = PrecisionPlanner.plan(request(g, range, t, out), budget == defaultBudget ? null : budget);
          TableUnit unit = (TableUnit) d.units().get(y);
          String shape = t.cpp() + " over " + range + ", budget " + budget + ": " + unit.segments().size()
              + " segments of degree " + unit.segments().degree();
          assertTrue(unit.segments().size() <= 1 << TableShapeChoice.MAX_INDEX_BITS, shape);
          double measured = maxError(d, g, range, 20_000);
          assertTrue(measured <= budget, shape + ", measured " + measured);
        }
      }
    }
  }

  @Test
  void aTableNoShapeWithinTheLimitCanSizeIsNamedWithTheKeyToSet() {
    GraphBuilder b = new GraphBuilder();
    int y = b.op(Builtin.TAN, b.input(0));
    Graph g = b.build(List.of("b"), List.of("y"), List.of(y));
    SrHlsException e = assertThrows(SrHlsException.class, () -> PrecisionPlanner.plan(
        request(g, List.of(new Interval(0.2, 1.56)), FixedType.fixed(48, 4), FixedType.fixed(48, 8)), 1e-6));
    assertTrue(e.getMessage().startsWith("precision.error 1.00000e-06 cannot be met for output 'y': the tan table"
        + " for tan(b) would need more than 4096 segments (the most the plan chooses)"), e.getMessage());
    assertTrue(e.getMessage().contains("functions: {tan: {size: 65536, degree: 3}}"), e.getMessage());
  }

  @Test
  void aConstantThatRoundsUpToAPowerOfTwoStillFitsItsType() {
    GraphBuilder b = new GraphBuilder();
    int y = b.op(Builtin.MUL, b.constant(0.99999), b.input(0));
    Graph g = b.build(List.of("a"), List.of("y"), List.of(y));
    Design d = PrecisionPlanner.plan(request(g, List.of(new Interval(-1, 1)), FixedType.fixed(16, 2), OUT), 0.05);
    Node.Op product = (Node.Op) g.node(g.outputs().get(0));
    int c = g.node(product.arg(0)) instanceof Node.Const ? product.arg(0) : product.arg(1);
    double quantized = d.constants().get(c).toDouble();
    assertTrue(Math.abs(quantized - 0.99999) <= Math.scalb(1.0, -d.type(c).fracBits() - 1),
        quantized + " in " + d.type(c).cpp());
  }
}
