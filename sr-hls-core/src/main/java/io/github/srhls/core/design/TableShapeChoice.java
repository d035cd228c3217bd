package io.github.srhls.core.design;

import io.github.srhls.core.design.units.Reduction;
import io.github.srhls.core.design.units.Segments;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.ir.Node;

/**
 * The shape of one of our tables: the cheapest number of segments and polynomial degree whose sampling error stays
 * within the share of the budget the table gets. Table size grows with precision far faster than width does, so
 * this is where a plan spends most of its resources.
 */
final class TableShapeChoice {
  /**
   * Largest table the plan chooses by itself: 2^12 segments (4096; a 16-bit plain table is 64 Kb, 4 block RAMs).
   * Beyond it a higher degree meets the same error with far fewer bits; a model that really needs a larger table
   * sets its size under functions, up to {@link io.github.srhls.core.model.FunctionSpec#MAX_SIZE}.
   */
  static final int MAX_INDEX_BITS = 12;
  /** The highest degree the plan chooses by itself; 3 only when the model asks for it. */
  static final int MAX_PLANNED_DEGREE = 2;
  /**
   * What a DSP slice is worth in ROM bits when choosing a table's shape: half an 18 Kb block RAM, about their
   * relative scarcity on UltraScale+ devices (a VU9P has 6,840 DSP slices and 4,320 18 Kb block RAMs).
   */
  static final long DSP_COST_BITS = 9216;

  private final AnalyzedRequest request;

  TableShapeChoice(AnalyzedRequest request) {
    this.request = request;
  }

  /**
   * The cheapest shape whose sampling error stays within {@code allowed}: for each degree the model allows, the
   * fewest segments that meet it, then the lowest cost in ROM bits plus {@link #DSP_COST_BITS} per DSP slice of
   * the Horner steps. A size the model fixes is kept; if no degree meets the share there, the highest is taken and
   * the final check says which output misses its budget. Where no degree up to {@link #MAX_PLANNED_DEGREE} meets
   * the share within 2^{@value #MAX_INDEX_BITS} segments and the model sets neither, degree 3 is tried before a
   * larger table would be; null where that is not enough either.
   *
   * @param type the table node's type
   */
  TableShape cheapest(Node.Op op, FixedType type, double allowed) {
    Builtin f = op.op();
    Integer fixedBits = request.givenIndexBits(f);
    Integer fixedDegree = request.degree(f, null);
    int from = fixedDegree != null ? fixedDegree : 0;
    int to = fixedDegree != null ? fixedDegree : MAX_PLANNED_DEGREE;
    TableShape best = null;
    long bestCost = Long.MAX_VALUE;
    for (int d = from; d <= to; d++) {
      TableShape candidate = fixedBits != null ? sized(op, fixedBits, d, type, allowed, d < to)
          : fewestSegments(op, d, type, allowed);
      if (candidate == null) {
        continue;
      }
      long cost = cost(op, candidate, type);
      if (cost < bestCost) {
        best = candidate;
        bestCost = cost;
      }
    }
    return best != null || fixedBits != null || fixedDegree != null ? best
        : fewestSegments(op, Segments.MAX_DEGREE, type, allowed);
  }

  /** The model's size at degree {@code d}; null where it misses the share and a higher degree remains to try. */
  private TableShape sized(Node.Op op, int bits, int d, FixedType type, double allowed, boolean higherLeft) {
    TableShape candidate = new TableShape(bits, d);
    return TableErrors.sampling(op, request.ranges(), candidate, type) > allowed && higherLeft ? null : candidate;
  }

  /** The fewest segments of degree {@code d} that meet the share, or null where none up to the cap does. */
  private TableShape fewestSegments(Node.Op op, int d, FixedType type, double allowed) {
    for (int bits = 1; bits <= MAX_INDEX_BITS; bits++) {
      TableShape c = new TableShape(bits, d);
      if (TableErrors.sampling(op, request.ranges(), c, type) <= allowed) {
        return c;
      }
    }
    return null;
  }

  /** ROM bits of the fitted segments, plus {@link #DSP_COST_BITS} per DSP slice of their Horner steps. */
  private long cost(Node.Op op, TableShape shape, FixedType type) {
    Segments fit = Segments.fit(TableErrors.reduction(op, request.ranges(), shape.indexBits(), type),
        shape.indexBits(), shape.degree(), Reduction.valueType(op.op(), type));
    return fit.tableBits() + DSP_COST_BITS * DesignStats.hornerDsp(fit);
  }
}
