package io.github.srhls.core.hls;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import io.github.srhls.core.funcs.Interpolation;
import io.github.srhls.core.funcs.LogTable;
import io.github.srhls.core.funcs.RootTable;
import io.github.srhls.core.funcs.Tables;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.Interval;
import io.github.srhls.core.ir.Node;
import io.github.srhls.core.ir.NodeText;
import io.github.srhls.core.ir.RangeAnalysis;
import io.github.srhls.core.ir.Sensitivity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The automatic precision plan: each node gets the fewest bits that keep every output within the error budget.
 *
 * <ul>
 *   <li>Integer bits come from interval arithmetic over the declared input ranges (plus the budget as margin), so
 *       no assignment can overflow for inputs in range; the nodes wrap, which costs no logic.
 *   <li>Fractional bits come from the budget: the errors the model cannot change (the inputs' and the output's
 *       quantization) are taken off first, and what is left is shared equally among the roundings that reach the
 *       output, each weighted by how much it can move the output ({@link Sensitivity}). A node feeding several
 *       outputs takes the finest precision any of them needs.
 *   <li>Intermediate nodes truncate (AP_TRN, error below one LSB); constants and table entries are rounded to
 *       nearest offline (half an LSB). A table's size is chosen so its sampling error (the function's slope times
 *       half a bin) also stays within its share, unless the model fixes the size; that share is
 *       {@link #TABLE_SHARES} times a rounding's, since table size grows with precision far faster than width.
 * </ul>
 *
 * The bound is first order (it treats a node's error as small); the host simulation then measures the real error
 * against float64, which the report shows beside the budget.
 */
public final class AutoPrecision {
  /** Widest node the plan may produce: the host header's intermediates reach 128 bits for a product of two. */
  static final int MAX_NODE_WIDTH = 64;
  /** Constants travel through a double literal: at most 53 significant bits. */
  static final int MAX_CONSTANT_WIDTH = 53;
  /** Largest planned table: 2^16 entries. */
  static final int MAX_INDEX_BITS = 16;
  /**
   * A table's sampling error gets this many shares of the budget, a rounding one: halving a rounding's error costs
   * one bit, halving a table's sampling error doubles the table, so tables get the larger part.
   */
  static final int TABLE_SHARES = 8;
  /** What tanh's table spans at most: {@code TanhTable.end} for result types of up to 40 fractional bits. */
  static final double TANH_SPAN = 16.0;
  /** The largest |f''| of the interpolated functions (sin and cos). */
  static final double CURVATURE = 1.0;
  /** Fractional bits given where no bound exists (a derivative without a bound over the range). */
  static final int UNBOUNDED_FRACTION_BITS = 24;

  private AutoPrecision() {}

  /** By default the internal nodes may add as much error as the declared input and output types cause. */
  static final double DEFAULT_BUDGET_FACTOR = 2.0;

  /**
   * @param error the largest absolute error allowed on any output; null means {@link #DEFAULT_BUDGET_FACTOR}
   *     times the error the declared input and output types cause by themselves, per output
   * @throws SrHlsException when the budget cannot be met (inputs or output too coarse, or wider than the limits)
   */
  public static Design plan(DesignRequest r, Double error) {
    Graph g = r.graph();
    Interval[] ranges = RangeAnalysis.analyze(g, r.inputRanges());
    boolean[] live = g.live();
    double[][] s = Sensitivity.analyze(g, ranges, live);
    int n = g.size();
    int[] frac = new int[n];
    Arrays.fill(frac, Integer.MIN_VALUE);
    int[] indexBits = new int[n];
    List<String> notes = new ArrayList<>();
    // values may stray from their exact range by the accumulated error: the integer bits leave room for it
    double margin = 0.0;

    for (int k = 0; k < s.length; k++) {
      double[] sk = s[k];
      double fixed = lsbError(r.resultType());
      int sources = 0;
      for (int id = 0; id < n; id++) {
        Node node = g.node(id);
        if (!live[id] || sk[id] == 0.0) {
          continue;
        }
        if (node instanceof Node.Input in) {
          fixed += sk[id] * lsbError(r.inputTypes().get(in.index()));
        } else if (node instanceof Node.Const && r.constantType() != null) {
          fixed += sk[id] * lsbError(r.constantType());
        } else if (r.nodeTypes().containsKey(id)) {
          // a type the model fixes: its rounding is given; a table's sampling is still planned
          fixed += sk[id] * lsbError(r.nodeTypes().get(id));
          sources += isTable(r, g, id) && !r.tableIndexBits().containsKey(((Node.Op) node).op()) ? TABLE_SHARES : 0;
        } else {
          if (isTable(r, g, id) && r.tableIndexBits().containsKey(((Node.Op) node).op())) {
            // a table whose size the model fixes: its sampling error is given, not planned
            Node.Op op = (Node.Op) node;
            fixed += sk[id] * samplingError(g, ranges, op, r.tableIndexBits().get(op.op()),
                DesignBuilder.interpolated(r, op.op(), notes));
          }
          sources += isTable(r, g, id) && !r.tableIndexBits().containsKey(((Node.Op) node).op())
              ? 1 + TABLE_SHARES : 1;
        }
      }
      String output = g.outputNames().get(k);
      double budget = error != null ? error : DEFAULT_BUDGET_FACTOR * fixed;
      margin = Math.max(margin, budget);
      if (!Double.isFinite(fixed)) {
        throw new SrHlsException("precision.error cannot be guaranteed for output '" + output + "': "
            + unbounded(g, ranges, sk) + " has no bound over the declared input ranges (a divisor whose range"
            + " holds 0, or log/sqrt near 0); narrow the input ranges, or use precision.internal: uniform");
      }
      if (fixed >= budget) {
        throw new SrHlsException(String.format(Locale.ROOT, "precision.error %g cannot be met for output '%s':"
            + " the input types, the output type %s and the table sizes set under functions alone allow errors up"
            + " to %s; declare finer input or output types, larger tables, or allow a larger error", budget, output, r.resultType().cpp(),
            String.format(Locale.ROOT, "%.3g", fixed)));
      }
      double share = (budget - fixed) / Math.max(1, sources);
      for (int id = 0; id < n; id++) {
        Node node = g.node(id);
        if (!live[id] || sk[id] == 0.0 || node instanceof Node.Input
            || node instanceof Node.Const && r.constantType() != null) {
          continue;
        }
        if (r.nodeTypes().containsKey(id)) {
          if (isTable(r, g, id)) {
            indexBits[id] = Math.max(indexBits[id],
                tableBits(r, g, ranges, id, sk[id], TABLE_SHARES * share, notes));
          }
          continue;
        }
        // error per LSB: constants and plain table entries are rounded (1/2); an interpolated table adds the
        // truncated fraction and its own truncation (2); every other assignment truncates (1)
        double perLsb = node instanceof Node.Const ? 0.5
            : isTable(r, g, id) ? (DesignBuilder.interpolated(r, ((Node.Op) node).op(), notes) ? 2.0 : 0.5)
            : 1.0;
        int f = Double.isFinite(sk[id]) ? ceilLog2(sk[id] * perLsb / share) : UNBOUNDED_FRACTION_BITS;
        if (!Double.isFinite(sk[id])) {
          note(notes, "the error of " + NodeText.of(g, id) + " cannot be bounded over the input ranges (for output '"
              + output + "'); it gets " + UNBOUNDED_FRACTION_BITS + " fractional bits");
        }
        frac[id] = Math.max(frac[id], f);
        if (isTable(r, g, id)) {
          indexBits[id] = Math.max(indexBits[id],
              tableBits(r, g, ranges, id, sk[id], TABLE_SHARES * share, notes));
        }
      }
    }

    List<FixedType> types = new ArrayList<>(n);
    List<Fixed> constants = new ArrayList<>(n);
    Map<Integer, Integer> tables = new HashMap<>();
    for (int id = 0; id < n; id++) {
      Node node = g.node(id);
      FixedType t;
      if (node instanceof Node.Input in) {
        t = r.inputTypes().get(in.index());
      } else if (node instanceof Node.Const c && r.constantType() != null) {
        t = r.constantType();
      } else if (r.nodeTypes().containsKey(id)) {
        t = r.nodeTypes().get(id);
      } else {
        // a node no output is sensitive to (the argument of sign) keeps the default precision
        int f = frac[id] == Integer.MIN_VALUE ? r.defaultType().fracBits() : frac[id];
        double magnitude = node instanceof Node.Const c ? Math.abs(c.value())
            : Sensitivity.magnitude(ranges[id]) + margin;
        int i = Double.isFinite(magnitude) ? intBits(magnitude) : r.defaultType().intBits();
        if (!Double.isFinite(magnitude)) {
          note(notes, "the range of " + NodeText.of(g, id) + " is unbounded over the input ranges; it gets "
              + i + " integer bits (precision.default) and may overflow");
        }
        int w = Math.max(1, i + f);
        int limit = node instanceof Node.Const ? MAX_CONSTANT_WIDTH : MAX_NODE_WIDTH;
        if (w > limit && live[id]) {
          throw new SrHlsException("precision.error " + (error != null ? error : "(default)") + " would need " + w
              + " bits for "
              + NodeText.of(g, id) + " (more than " + limit + "); allow a larger error, or narrow the input ranges");
        }
        t = FixedType.fixed(Math.min(w, limit), i, Quantization.AP_TRN, Overflow.AP_WRAP);
      }
      types.add(t);
      constants.add(node instanceof Node.Const c
          ? (r.constantType() != null ? Fixed.fromDouble(c.value(), t) : Tables.quantize(c.value(), t))
          : null);
      if (node instanceof Node.Op op && DesignBuilder.isFunction(op.op())) {
        Integer fixedSize = r.tableIndexBits().get(op.op());
        tables.put(id, fixedSize != null ? fixedSize : Math.max(indexBits[id], 1));
      }
    }
    return DesignBuilder.assemble(r, ranges, live, types, constants, tables, notes);
  }

  /** The first operation whose derivative has no bound, on the way to an output with infinite sensitivity. */
  private static String unbounded(Graph g, Interval[] ranges, double[] sk) {
    for (int id = 0; id < g.size(); id++) {
      if (sk[id] != 0.0 && g.node(id) instanceof Node.Op op) {
        for (int slot = 0; slot < op.args().size(); slot++) {
          if (Double.isInfinite(Sensitivity.local(op, slot, ranges))) {
            return NodeText.of(g, id);
          }
        }
      }
    }
    return "a subexpression";
  }

  /** A function computed by one of our tables (not by the vendor's library). */
  private static boolean isTable(DesignRequest r, Graph g, int id) {
    return g.node(id) instanceof Node.Op op && DesignBuilder.isFunction(op.op())
        && !r.vendorFunctions().contains(op.op());
  }


  /**
   * The largest sampling error of a table of 2^bits entries: the function's slope over its reduced argument times
   * half a bin, or for an interpolated sin/cos the curvature term.
   */
  private static double samplingError(Graph g, Interval[] ranges, Node.Op op, int bits, boolean interpolated) {
    double bin = span(op.op()) / (1 << bits);
    if (interpolated) {
      return CURVATURE * bin * bin / 8;
    }
    return reducedSlope(op, ranges) * bin / 2;
  }

  /** How wide each unit's table is in its reduced argument (see the function units). */
  private static double span(Builtin f) {
    return switch (f) {
      case SIN, COS -> 2 * Math.PI;
      case TAN -> Math.PI;
      case EXP -> Math.log(2);
      case LOG, LOG2, LOG10 -> 1.0;
      case TANH -> TANH_SPAN;
      case SQRT -> 4.0;
      case CBRT -> 8.0;
      default -> throw new IllegalStateException(f + " has no table");
    };
  }

  /** The slope of a unit's result against its reduced argument, bounded over the argument's range. */
  private static double reducedSlope(Node.Op op, Interval[] ranges) {
    Builtin f = op.op();
    if (LogTable.handles(f)) {
      return 1 / Math.log(base(f));
    }
    if (RootTable.handles(f)) {
      return rootSlope(f, ranges[op.arg(0)]);
    }
    return Sensitivity.local(op, 0, ranges);
  }

  /**
   * A root's table error in result units: over m' in [1, 2^k) the root's slope is at most 1/k, and the entry is
   * scaled by 2^q, at most the root of the argument's largest magnitude.
   */
  private static double rootSlope(Builtin f, Interval arg) {
    int k = f == Builtin.SQRT ? 2 : 3;
    double largest = Math.max(1.0, Sensitivity.magnitude(arg));
    return (1.0 / k) * Math.pow(largest, 1.0 / k);
  }

  private static double base(Builtin f) {
    return f == Builtin.LOG2 ? 2 : f == Builtin.LOG10 ? 10 : Math.E;
  }

  /** Index bits that keep the sampling error (slope times half a bin) within the share. */
  private static int tableBits(DesignRequest r, Graph g, Interval[] ranges, int id, double sensitivity,
      double share, List<String> notes) {
    Node.Op op = (Node.Op) g.node(id);
    if (r.tableIndexBits().containsKey(op.op())) {
      return r.tableIndexBits().get(op.op());
    }
    double slope = reducedSlope(op, ranges);
    double width = span(op.op());
    double bin = DesignBuilder.interpolated(r, op.op(), notes)
        ? Math.sqrt(8 * share / (sensitivity * CURVATURE))
        : 2 * share / (sensitivity * slope);
    if (!(bin > 0)) {
      return MAX_INDEX_BITS;
    }
    int bits = Math.max(1, ceilLog2(width / bin));
    if (bits > MAX_INDEX_BITS) {
      note(notes, "the table for " + NodeText.of(g, id) + " would need 2^" + bits + " entries; it is capped at 2^"
          + MAX_INDEX_BITS);
      return MAX_INDEX_BITS;
    }
    return bits;
  }

  /** The largest error assigning to the type adds: one LSB when truncating, half when rounding to nearest. */
  static double lsbError(FixedType t) {
    double lsb = Math.scalb(1.0, -t.fracBits());
    return t.quantization() == Quantization.AP_TRN || t.quantization() == Quantization.AP_TRN_ZERO ? lsb : lsb / 2;
  }

  /** Signed integer bits I such that [-m, m] lies inside [-2^(I-1), 2^(I-1)). */
  static int intBits(double magnitude) {
    if (magnitude == 0.0) {
      return 1;
    }
    return Math.getExponent(magnitude) + 2;
  }

  static int ceilLog2(double v) {
    int e = Math.getExponent(v);
    return Math.scalb(1.0, e) < v ? e + 1 : e;
  }

  private static void note(List<String> notes, String note) {
    if (!notes.contains(note)) {
      notes.add(note);
    }
  }
}
