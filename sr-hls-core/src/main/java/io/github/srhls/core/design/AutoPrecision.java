package io.github.srhls.core.design;

import io.github.srhls.core.design.units.Reduction;
import io.github.srhls.core.design.units.Segments;
import io.github.srhls.core.design.units.Tables;
import io.github.srhls.core.design.units.TanhTable;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.Interval;
import io.github.srhls.core.ir.Node;
import io.github.srhls.core.ir.NodeText;
import io.github.srhls.core.ir.RangeAnalysis;
import io.github.srhls.core.ir.Sensitivity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The automatic precision plan: each node gets the fewest bits that keep every output within the error budget.
 *
 * <ul>
 *   <li>Integer bits come from interval arithmetic over the declared input ranges, widened by how far each node's
 *       value can be from its exact value ({@link #accumulated}), so no assignment can overflow for inputs in
 *       range; the nodes wrap, which costs no logic.
 *   <li>Fractional bits come from the budget: the errors the model cannot change (the inputs' and the output's
 *       quantization, and whatever types and tables the model fixes) are taken off first, and what is left is
 *       shared among the roundings that reach the output, each weighted by how much it can move the output
 *       ({@link Sensitivity}). Equal shares are what minimizes the total bits of the continuous problem (every bit
 *       costs the same, and halving an error costs one bit anywhere); rounding each node up to whole bits then
 *       leaves slack, which {@link #trim} spends, first on smaller tables, then by taking bits back, cheapest
 *       error first, while every output stays within its budget.
 *   <li>Intermediate nodes truncate (AP_TRN, error below one LSB); constants are rounded to nearest offline (half
 *       an LSB). A function unit's table gets {@link #TABLE_SHARES} shares for its sampling error, since table size
 *       grows with precision far faster than width; its number of segments and their polynomial degree are chosen
 *       together as the cheapest that meet that share, a DSP slice counting as {@link #DSP_COST_BITS} ROM bits.
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
  /** Largest planned table: 2^16 segments. */
  static final int MAX_INDEX_BITS = 16;
  /** The highest degree the plan chooses by itself; 3 only when the model asks for it. */
  static final int MAX_PLANNED_DEGREE = 2;
  /**
   * A table's sampling error gets this many shares of the budget, a rounding one: halving a rounding's error costs
   * one bit, halving a table's sampling error doubles the table, so tables get the larger part.
   */
  static final int TABLE_SHARES = 8;
  /**
   * What a DSP slice is worth in ROM bits when choosing a table's shape: half an 18 Kb block RAM, about their
   * relative scarcity on UltraScale+ devices (a VU9P has 6,840 DSP slices and 4,320 18 Kb block RAMs).
   */
  static final long DSP_COST_BITS = 9216;
  /** A type of the widest tanh span ({@link TanhTable#end} at 40 fractional bits), for a bound before planning. */
  private static final FixedType WIDEST = FixedType.fixed(MAX_NODE_WIDTH, 0);
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
    int outputs = s.length;
    List<String> notes = new ArrayList<>();
    double[] budget = new double[outputs];
    double[] share = new double[outputs];
    // values may stray from their exact range by the accumulated error: the integer bits leave room for it
    double margin = 0.0;

    // 1. per output: what the model fixes, and the share of what is left for each planned rounding
    for (int k = 0; k < outputs; k++) {
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
          continue;
        }
        if (node instanceof Node.Const && r.constantType() != null) {
          fixed += sk[id] * lsbError(r.constantType());
          continue;
        }
        boolean table = isTable(r, g, id);
        FixedType explicit = r.nodeTypes().get(id);
        if (explicit != null) {
          fixed += sk[id] * (table ? explicitTableRounding(r, (Node.Op) node, explicit, notes) : 1.0)
              * Math.scalb(1.0, -explicit.fracBits());
        } else {
          sources += 1;
        }
        if (table) {
          Node.Op op = (Node.Op) node;
          TableShape given = givenShape(r, op.op(), notes);
          if (given != null) {
            // the model fixes the table's shape: its sampling error is given (tanh's span taken at its widest)
            fixed += sk[id] * TableErrors.sampling(op, ranges, given, explicit != null ? explicit : WIDEST);
          } else {
            sources += TABLE_SHARES;
          }
        }
      }
      String output = g.outputNames().get(k);
      budget[k] = error != null ? error : DEFAULT_BUDGET_FACTOR * fixed;
      margin = Math.max(margin, budget[k]);
      if (!Double.isFinite(fixed)) {
        throw new SrHlsException("precision.error cannot be guaranteed for output '" + output + "': "
            + unbounded(g, ranges, sk) + " has no bound over the declared input ranges (a divisor whose range"
            + " holds 0, or log/sqrt near 0); narrow the input ranges, or use precision.internal: uniform");
      }
      if (fixed >= budget[k]) {
        throw new SrHlsException(String.format(Locale.ROOT, "precision.error %g cannot be met for output '%s':"
            + " the input types, the output type %s and the tables set under functions alone allow errors up"
            + " to %.3g; declare finer input or output types, larger tables, or allow a larger error", budget[k],
            output, r.resultType().cpp(), fixed));
      }
      share[k] = (budget[k] - fixed) / Math.max(1, sources);
    }

    // 2. fractional bits: the finest any output needs (a table's rounding taken at its costliest degree)
    int[] frac = new int[n];
    Arrays.fill(frac, Integer.MIN_VALUE);
    for (int id = 0; id < n; id++) {
      if (!planned(r, g, live, id)) {
        continue;
      }
      for (int k = 0; k < outputs; k++) {
        double sk = s[k][id];
        if (sk == 0.0) {
          continue;
        }
        if (!Double.isFinite(sk)) {
          note(notes, "the error of " + NodeText.of(g, id) + " cannot be bounded over the input ranges (for"
              + " output '" + g.outputNames().get(k) + "'); it gets " + UNBOUNDED_FRACTION_BITS
              + " fractional bits");
          frac[id] = Math.max(frac[id], UNBOUNDED_FRACTION_BITS);
          continue;
        }
        frac[id] = Math.max(frac[id], ceilLog2(sk * perLsb(r, g, id, null, notes) / share[k]));
      }
    }
    double[] margins = new double[n];
    Arrays.fill(margins, margin);
    List<FixedType> types = types(r, g, live, ranges, frac, margins, error, notes);

    // 3. table shapes: the cheapest that keeps the sampling error within its share for every output
    Map<Integer, TableShape> shapes = new HashMap<>();
    Set<Integer> capped = new HashSet<>();
    for (int id = 0; id < n; id++) {
      if (!live[id] || !isTable(r, g, id)) {
        continue;
      }
      Node.Op op = (Node.Op) g.node(id);
      double allowed = Double.POSITIVE_INFINITY;
      for (int k = 0; k < outputs; k++) {
        if (s[k][id] != 0.0) {
          allowed = Math.min(allowed, TABLE_SHARES * share[k] / s[k][id]);
        }
      }
      TableShape shape = shape(r, g, ranges, op, id, types.get(id), allowed, notes);
      if (shape == null) {
        capped.add(id);
        shape = new TableShape(MAX_INDEX_BITS, DesignBuilder.degree(r, op.op(), notes, MAX_PLANNED_DEGREE));
      }
      shapes.put(id, shape);
    }

    // 4. the bound with the chosen shapes, then bits taken back where it has slack
    trim(r, g, live, s, ranges, frac, shapes, budget, types, capped, notes);
    // 5. integer bits for the range widened by each node's own accumulated error
    types = types(r, g, live, ranges, frac, accumulated(r, g, live, ranges, frac, shapes, types, margin), error,
        notes);

    List<Fixed> constants = new ArrayList<>(n);
    for (int id = 0; id < n; id++) {
      Node node = g.node(id);
      FixedType t = types.get(id);
      constants.add(node instanceof Node.Const c
          ? (r.constantType() != null ? Fixed.fromDouble(c.value(), t) : Tables.quantize(c.value(), t))
          : null);
    }
    for (int id = 0; id < n; id++) {
      if (!shapes.containsKey(id) && g.node(id) instanceof Node.Op op && op.op().hasUnit()) {
        // a function no output is sensitive to, or the vendor's: any shape will do
        shapes.put(id, new TableShape(r.tableIndexBits().getOrDefault(op.op(), 1),
            DesignBuilder.degree(r, op.op(), notes, 0)));
      }
    }
    return DesignBuilder.assemble(r, ranges, live, types, constants, shapes, notes);
  }

  /** Nodes whose type the plan chooses. */
  private static boolean planned(DesignRequest r, Graph g, boolean[] live, int id) {
    Node node = g.node(id);
    return live[id] && !(node instanceof Node.Input) && !(node instanceof Node.Const && r.constantType() != null)
        && !r.nodeTypes().containsKey(id);
  }

  /**
   * Error per LSB of a planned node: constants are rounded (1/2); a table's arithmetic at its degree, or at the
   * costliest degree the plan may choose while the shape is open; every other assignment truncates (1).
   */
  private static double perLsb(DesignRequest r, Graph g, int id, TableShape shape, List<String> notes) {
    Node node = g.node(id);
    if (node instanceof Node.Const) {
      return 0.5;
    }
    if (isTable(r, g, id)) {
      Builtin f = ((Node.Op) node).op();
      int degree = shape != null ? shape.degree() : DesignBuilder.degree(r, f, notes, MAX_PLANNED_DEGREE);
      return TableErrors.roundingPerLsb(f, degree, Quantization.AP_TRN);
    }
    return 1.0;
  }

  /** A table node of a type the model fixes: its arithmetic's rounding, at the costliest degree if open. */
  private static double explicitTableRounding(DesignRequest r, Node.Op op, FixedType type, List<String> notes) {
    int degree = DesignBuilder.degree(r, op.op(), notes, MAX_PLANNED_DEGREE);
    return TableErrors.roundingPerLsb(op.op(), degree, type.quantization());
  }

  /** The shape the model fixes completely (size and degree; tan's degree is always 0), or null. */
  private static TableShape givenShape(DesignRequest r, Builtin f, List<String> notes) {
    Integer bits = r.tableIndexBits().get(f);
    Integer degree = DesignBuilder.degree(r, f, notes, null);
    return bits != null && degree != null ? new TableShape(bits, degree) : null;
  }

  /**
   * The cheapest shape whose sampling error stays within {@code allowed}: for each degree the model allows, the
   * fewest segments that meet it, then the lowest cost in ROM bits plus {@link #DSP_COST_BITS} per DSP slice of
   * the Horner steps. A size the model fixes is kept; if no degree meets the share there, the highest is taken and
   * the final check says which output misses its budget. Null where even 2^{@value #MAX_INDEX_BITS} segments are
   * not enough.
   */
  private static TableShape shape(DesignRequest r, Graph g, Interval[] ranges, Node.Op op, int id,
      FixedType type, double allowed, List<String> notes) {
    Builtin f = op.op();
    Integer fixedBits = r.tableIndexBits().get(f);
    Integer fixedDegree = DesignBuilder.degree(r, f, notes, null);
    int from = fixedDegree != null ? fixedDegree : 0;
    int to = fixedDegree != null ? fixedDegree : MAX_PLANNED_DEGREE;
    TableShape best = null;
    long bestCost = Long.MAX_VALUE;
    for (int d = from; d <= to; d++) {
      TableShape candidate = null;
      if (fixedBits != null) {
        candidate = new TableShape(fixedBits, d);
        if (TableErrors.sampling(op, ranges, candidate, type) > allowed && d < to) {
          continue;
        }
      } else {
        for (int bits = 1; bits <= MAX_INDEX_BITS && candidate == null; bits++) {
          TableShape c = new TableShape(bits, d);
          if (TableErrors.sampling(op, ranges, c, type) <= allowed) {
            candidate = c;
          }
        }
        if (candidate == null) {
          continue;
        }
      }
      Segments fit = Segments.fit(Reduction.of(f, candidate.indexBits(), type), candidate.indexBits(), d,
          Reduction.valueType(f, type));
      long cost = fit.tableBits() + DSP_COST_BITS * DesignStats.hornerDsp(fit);
      if (cost < bestCost) {
        best = candidate;
        bestCost = cost;
      }
    }
    if (best == null) {
      note(notes, "the table for " + NodeText.of(g, id) + " would need more than 2^" + MAX_INDEX_BITS
          + " segments; it is capped at 2^" + MAX_INDEX_BITS);
    }
    return best;
  }

  /**
   * Checks every output's bound with the chosen shapes and types, then spends its slack. Tables first, as they
   * hold the most bits: each halves its segments, largest first, while every output's bound still holds. Then
   * fractional bits: a bit taken from a node doubles that node's rounding error, so the node whose rounding error
   * is smallest (relative to the budgets it reaches) gives its bit first, until no bit can go without breaking a
   * budget.
   */
  private static void trim(DesignRequest r, Graph g, boolean[] live, double[][] s, Interval[] ranges, int[] frac,
      Map<Integer, TableShape> shapes, double[] budget, List<FixedType> types, Set<Integer> capped,
      List<String> notes) {
    int n = g.size();
    int outputs = s.length;
    double[] perLsb = new double[n];
    double[] total = new double[outputs];
    for (int k = 0; k < outputs; k++) {
      total[k] = lsbError(r.resultType());
    }
    for (int id = 0; id < n; id++) {
      if (!live[id]) {
        continue;
      }
      Node node = g.node(id);
      boolean table = isTable(r, g, id);
      TableShape shape = shapes.get(id);
      boolean planned = planned(r, g, live, id);
      if (planned) {
        perLsb[id] = perLsb(r, g, id, shape, notes);
      }
      FixedType t = types.get(id);
      double rounding = node instanceof Node.Input || node instanceof Node.Const && r.constantType() != null
          ? lsbError(t)
          : planned ? perLsb[id] * Math.scalb(1.0, -frac[id])
          : (table ? TableErrors.roundingPerLsb(((Node.Op) node).op(), shape.degree(), t.quantization()) : 1.0)
              * Math.scalb(1.0, -t.fracBits());
      double sampling = table ? TableErrors.sampling((Node.Op) node, ranges, shape, t) : 0.0;
      for (int k = 0; k < outputs; k++) {
        if (s[k][id] != 0.0) {
          total[k] += s[k][id] * (rounding + sampling);
        }
      }
    }
    for (int k = 0; k < outputs; k++) {
      for (int id : capped) {
        if (!(total[k] <= budget[k]) && s[k][id] != 0.0) {
          throw new SrHlsException(String.format(Locale.ROOT, "precision.error %g cannot be met for output '%s':"
              + " the table for %s would need more than 2^%d segments at every degree up to %d; allow a larger"
              + " error, narrow the input ranges, or set functions.%s.degree: 3", budget[k], g.outputNames().get(k),
              NodeText.of(g, id), MAX_INDEX_BITS, MAX_PLANNED_DEGREE, ((Node.Op) g.node(id)).op().canonicalName()));
        }
      }
      if (!(total[k] <= budget[k])) {
        throw new SrHlsException(String.format(Locale.ROOT, "precision.error %g cannot be met for output '%s':"
            + " the table sizes set under functions leave errors up to %.3g; allow larger tables (or unset their"
            + " size), or allow a larger error", budget[k], g.outputNames().get(k), total[k]));
      }
    }
    shrinkTables(r, g, s, ranges, shapes, budget, types, total);
    // the error a node's next bit would add to each output, relative to that output's budget, at most
    PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0])
        : Double.compare(a[1], b[1]));
    for (int id = 0; id < n; id++) {
      if (planned(r, g, live, id) && frac[id] != Integer.MIN_VALUE) {
        double cost = relativeCost(s, id, perLsb[id] * Math.scalb(1.0, -frac[id]), budget);
        if (Double.isFinite(cost)) {
          queue.add(new double[] {cost, id});
        }
      }
    }
    while (!queue.isEmpty()) {
      int id = (int) queue.poll()[1];
      double added = perLsb[id] * Math.scalb(1.0, -frac[id]);
      boolean fits = types.get(id).intBits() + frac[id] > 1;
      for (int k = 0; fits && k < outputs; k++) {
        fits = total[k] + s[k][id] * added <= budget[k];
      }
      if (!fits) {
        continue;
      }
      frac[id]--;
      for (int k = 0; k < outputs; k++) {
        total[k] += s[k][id] * added;
      }
      queue.add(new double[] {relativeCost(s, id, 2 * added, budget), id});
    }
  }

  /** Halves planned tables, the largest first, while every output's bound holds; updates the totals. */
  private static void shrinkTables(DesignRequest r, Graph g, double[][] s, Interval[] ranges,
      Map<Integer, TableShape> shapes, double[] budget, List<FixedType> types, double[] total) {
    List<Integer> tables = new ArrayList<>();
    for (int id : shapes.keySet()) {
      if (!r.tableIndexBits().containsKey(((Node.Op) g.node(id)).op())) {
        tables.add(id);
      }
    }
    // largest first, by entries times coefficients; ties by id, so the plan is deterministic
    tables.sort((a, b) -> {
      long sa = (1L << shapes.get(a).indexBits()) * (shapes.get(a).degree() + 1);
      long sb = (1L << shapes.get(b).indexBits()) * (shapes.get(b).degree() + 1);
      return sa != sb ? Long.compare(sb, sa) : Integer.compare(a, b);
    });
    for (int id : tables) {
      Node.Op op = (Node.Op) g.node(id);
      FixedType type = types.get(id);
      double sampling = TableErrors.sampling(op, ranges, shapes.get(id), type);
      while (shapes.get(id).indexBits() > 1) {
        TableShape now = shapes.get(id);
        TableShape half = new TableShape(now.indexBits() - 1, now.degree());
        double halved = TableErrors.sampling(op, ranges, half, type);
        double added = halved - sampling;
        boolean fits = true;
        for (int k = 0; fits && k < s.length; k++) {
          fits = total[k] + s[k][id] * added <= budget[k];
        }
        if (!fits) {
          break;
        }
        shapes.put(id, half);
        sampling = halved;
        for (int k = 0; k < s.length; k++) {
          total[k] += s[k][id] * added;
        }
      }
    }
  }

  private static double relativeCost(double[][] s, int id, double added, double[] budget) {
    double cost = 0;
    for (int k = 0; k < s.length; k++) {
      cost = Math.max(cost, s[k][id] * added / budget[k]);
    }
    return cost;
  }

  /**
   * How far each node's value can be from its exact value, to first order: its own rounding (and a table's
   * sampling), plus each argument's error times the operation's slope over the ranges. Where no slope bound
   * exists it falls back to {@code fallback}, the largest output budget.
   */
  private static double[] accumulated(DesignRequest r, Graph g, boolean[] live, Interval[] ranges, int[] frac,
      Map<Integer, TableShape> shapes, List<FixedType> types, double fallback) {
    double[] e = new double[g.size()];
    for (int id = 0; id < g.size(); id++) {
      Node node = g.node(id);
      FixedType t = types.get(id);
      if (!live[id]) {
        continue;
      }
      if (node instanceof Node.Input || node instanceof Node.Const && r.constantType() != null
          || !(node instanceof Node.Op) && r.nodeTypes().containsKey(id)) {
        e[id] = lsbError(t);
        continue;
      }
      if (node instanceof Node.Const) {
        e[id] = 0.5 * Math.scalb(1.0, -t.fracBits());
        continue;
      }
      Node.Op op = (Node.Op) node;
      boolean table = isTable(r, g, id);
      TableShape shape = shapes.get(id);
      double own = (table ? TableErrors.roundingPerLsb(op.op(), shape.degree(), t.quantization())
          : truncates(t.quantization()) ? 1.0 : 0.5) * Math.scalb(1.0, -t.fracBits());
      if (table) {
        own += TableErrors.sampling(op, ranges, shape, t);
      }
      double propagated = 0;
      for (int slot = 0; slot < op.args().size(); slot++) {
        double slope = Sensitivity.local(op, slot, ranges);
        propagated += slope == 0.0 ? 0.0 : slope * e[op.arg(slot)];
      }
      double total = own + propagated;
      e[id] = Double.isFinite(total) ? total : fallback;
    }
    return e;
  }

  /** Each node's type: integer bits from its range widened by its margin, fractional bits as planned. */
  private static List<FixedType> types(DesignRequest r, Graph g, boolean[] live, Interval[] ranges, int[] frac,
      double[] margins, Double error, List<String> notes) {
    List<FixedType> types = new ArrayList<>(g.size());
    for (int id = 0; id < g.size(); id++) {
      Node node = g.node(id);
      FixedType t;
      if (node instanceof Node.Input in) {
        t = r.inputTypes().get(in.index());
      } else if (node instanceof Node.Const && r.constantType() != null) {
        t = r.constantType();
      } else if (r.nodeTypes().containsKey(id)) {
        t = r.nodeTypes().get(id);
      } else {
        // a node no output is sensitive to (the argument of sign) keeps the default precision
        int f = frac[id] == Integer.MIN_VALUE ? r.defaultType().fracBits() : frac[id];
        // a constant rounded to nearest may reach half an LSB beyond itself (0.99999 to 1.0)
        double magnitude = node instanceof Node.Const c ? Math.abs(c.value()) + Math.scalb(1.0, -f - 1)
            : Sensitivity.magnitude(ranges[id]) + margins[id];
        int i = Double.isFinite(magnitude) ? intBits(magnitude) : r.defaultType().intBits();
        if (!Double.isFinite(magnitude)) {
          note(notes, "the range of " + NodeText.of(g, id) + " is unbounded over the input ranges; it gets "
              + i + " integer bits (precision.default) and may overflow");
        }
        int w = Math.max(1, i + f);
        int limit = node instanceof Node.Const ? MAX_CONSTANT_WIDTH : MAX_NODE_WIDTH;
        if (w > limit && live[id]) {
          throw new SrHlsException("precision.error " + (error != null ? error : "(default)") + " would need " + w
              + " bits for " + NodeText.of(g, id) + " (more than " + limit + "); allow a larger error, or narrow"
              + " the input ranges");
        }
        t = FixedType.fixed(Math.min(w, limit), i, Quantization.AP_TRN, Overflow.AP_WRAP);
      }
      types.add(t);
    }
    return types;
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
    return g.node(id) instanceof Node.Op op && op.op().hasUnit()
        && !r.vendorFunctions().contains(op.op());
  }


  /** The largest error assigning to the type adds: one LSB when truncating, half when rounding to nearest. */
  static double lsbError(FixedType t) {
    double lsb = Math.scalb(1.0, -t.fracBits());
    return truncates(t.quantization()) ? lsb : lsb / 2;
  }

  static boolean truncates(Quantization q) {
    return q == Quantization.AP_TRN || q == Quantization.AP_TRN_ZERO;
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
