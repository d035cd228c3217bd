package io.github.srhls.core.design;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.design.units.FunctionUnit;
import io.github.srhls.core.design.units.PeriodicTable;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import io.github.srhls.core.ir.FloatSemantics;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.GraphBuilder;
import io.github.srhls.core.ir.Interval;
import io.github.srhls.core.ir.Node;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The planner's bound on a unit's error holds for what the unit computes, at every degree. */
class TableErrorsTest {
  static final FixedType ARG = FixedType.fixed(20, 6);
  static final FixedType RESULT = FixedType.fixed(26, 8, Quantization.AP_TRN, Overflow.AP_WRAP);

  @Test
  void theBoundHoldsForEveryUnitAndDegree() {
    SplittableRandom random = new SplittableRandom(3);
    Object[][] cases = {
        {Builtin.SIN, -20.0, 20.0}, {Builtin.COS, -3.0, 3.0}, {Builtin.EXP, -6.0, 3.0},
        {Builtin.LOG, 0.01, 30.0}, {Builtin.LOG10, 0.5, 2.0}, {Builtin.TANH, -5.0, 5.0},
        {Builtin.SQRT, 0.001, 31.0}, {Builtin.CBRT, -31.0, 31.0}, {Builtin.TAN, 1.0, 1.3}, {Builtin.TAN, -1.0, 1.0}};
    for (Object[] c : cases) {
      Builtin f = (Builtin) c[0];
      Interval range = new Interval((Double) c[1], (Double) c[2]);
      GraphBuilder b = new GraphBuilder();
      int y = b.op(f, b.input(0));
      Graph g = b.build(List.of("x"), List.of("y"), List.of(y));
      Node.Op op = (Node.Op) g.node(y);
      Interval[] ranges = new Interval[g.size()];
      ranges[op.arg(0)] = range;
      for (int degree = 0; degree <= (f == Builtin.TAN ? 3 : 2); degree++) {
        // tan's segments need 32 of them before those its argument reaches keep off the pole
        boolean tanSegments = f == Builtin.TAN && degree > 0;
        for (int bits : tanSegments ? new int[] {5, 7} : new int[] {4, 7}) {
          FunctionUnit unit = tanSegments
              ? PeriodicTable.tan(ARG, RESULT, bits, degree, TableErrors.tanReach(range))
              : DesignBuilder.unit(f, ARG, RESULT, bits, degree);
          double bound = TableErrors.sampling(op, ranges, new TableShape(bits, degree), RESULT)
              + TableErrors.roundingPerLsb(f, degree, RESULT.quantization()) * Math.scalb(1.0, -RESULT.fracBits());
          double worst = 0;
          for (int k = 0; k < 3000; k++) {
            Fixed x = Fixed.fromDouble(random.nextDouble(range.lo(), range.hi()), ARG);
            double want = FloatSemantics.apply(f, x.toDouble());
            worst = Math.max(worst, Math.abs(unit.evaluate(x).toDouble() - want));
          }
          assertTrue(worst <= bound, f + " degree " + degree + " 2^" + bits + ": " + worst + " > " + bound);
          // (tan's bound is taken a guard segment beyond its argument's reach: loose while segments are wide)
          assertTrue(worst >= bound / 64 || tanSegments && bits < 7, f + " degree " + degree + " 2^" + bits
              + ": bound " + bound + " is far above " + worst);
        }
      }
    }
  }
}
