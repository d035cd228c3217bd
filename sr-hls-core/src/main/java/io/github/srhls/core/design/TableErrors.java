package io.github.srhls.core.design;

import io.github.srhls.core.design.units.Reduction;
import io.github.srhls.core.design.units.Segments;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Quantization;
import io.github.srhls.core.ir.Interval;
import io.github.srhls.core.ir.Node;
import io.github.srhls.core.ir.Sensitivity;

/**
 * Bounds on what one of our function units adds to its node's error, in units of the node's result: a sampling
 * part that depends only on the table's shape (how many segments, what degree), and a rounding part proportional
 * to the result's LSB. The planner shares the budget between the two.
 */
final class TableErrors {
  private TableErrors() {}

  /**
   * The largest difference, for arguments in their range, between the segments' exact polynomial and the
   * function: the interpolation error of {@link Segments#approximationError}, scaled by what the unit multiplies its
   * value by (exp's and the roots' power of two). tan's plain table uses its slope over the argument's range, its
   * segments of higher degree the bounds of {@link Reduction#tan}.
   */
  static double sampling(Node.Op op, Interval[] ranges, TableShape shape, FixedType resultType) {
    Builtin f = op.op();
    int d = shape.degree();
    double bound = f == Builtin.TAN && d == 0 ? tanSampling(op, ranges, shape.indexBits())
        : Segments.approximationError(reduction(op, ranges, shape.indexBits(), resultType), d);
    return amplification(f, ranges[op.arg(0)]) * bound;
  }

  /**
   * What the node's unit tabulates at this size: tan's segments only where its argument's range reaches
   * ({@link Reduction#tan}), every other function's whole reduced domain.
   */
  static Reduction reduction(Node.Op op, Interval[] ranges, int indexBits, FixedType resultType) {
    return op.op() == Builtin.TAN ? Reduction.tan(indexBits, tanReach(ranges[op.arg(0)]))
        : Reduction.of(op.op(), indexBits, resultType);
  }

  /** How far from 0 tan's argument reaches: the range analysis bounds tan only inside (-pi/2, pi/2). */
  static double tanReach(Interval arg) {
    return Sensitivity.magnitude(arg);
  }

  /**
   * tan's plain table: its slope times half a segment, plus the position's error, with the slope taken over the
   * argument's range widened by a segment, where the segments at its ends reach.
   */
  private static double tanSampling(Node.Op op, Interval[] ranges, int indexBits) {
    double step = Math.PI / (1 << indexBits);
    Interval arg = ranges[op.arg(0)];
    Interval[] widened = ranges.clone();
    widened[op.arg(0)] = new Interval(arg.lo() - step, arg.hi() + step);
    return Sensitivity.local(op, 0, widened) * step * (0.5 + Segments.POSITION_ERROR);
  }

  /**
   * The rounding part, in LSBs of the result: the segments' own arithmetic (in the value's LSBs, which for exp and
   * the roots are at most half the result's once scaled) and the unit's last cast where it combines the value
   * with something else. log's value has the result's LSB and its own truncating type; its e log(2) is off by
   * at most 1/32 of an LSB ({@code LogTable.constantType}).
   */
  static double roundingPerLsb(Builtin f, int degree, Quantization resultQuantization) {
    double last = Rounding.truncates(resultQuantization) ? 1.0 : 0.5;
    return switch (f) {
      case EXP, SQRT, CBRT -> Segments.roundingPerLsb(degree, Quantization.AP_TRN) / 2 + last;
      case LOG, LOG2, LOG10 -> Segments.roundingPerLsb(degree, Quantization.AP_TRN) + 1.0 / 32 + last;
      default -> Segments.roundingPerLsb(degree, resultQuantization);
    };
  }

  /** What the unit multiplies its segments' value by, at most, for arguments in the range. */
  static double amplification(Builtin f, Interval arg) {
    return switch (f) {
      case EXP -> Math.max(1.0, Math.exp(arg.hi()));
      case SQRT -> Math.sqrt(Sensitivity.magnitude(arg));
      case CBRT -> Math.cbrt(Sensitivity.magnitude(arg));
      default -> 1.0;
    };
  }
}
