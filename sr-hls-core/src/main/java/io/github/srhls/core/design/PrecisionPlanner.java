package io.github.srhls.core.design;

import io.github.srhls.core.design.units.Tables;
import io.github.srhls.core.design.units.TanhTable;
import io.github.srhls.core.diag.Decimal;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import io.github.srhls.core.ir.DomainFinding;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.Interval;
import io.github.srhls.core.ir.Node;
import io.github.srhls.core.ir.NodeText;
import io.github.srhls.core.ir.Sensitivity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The automatic precision plan: each node gets the fewest bits that keep every output within the error budget.
 *
 * <ul>
 *   <li>Integer bits come from interval arithmetic over the declared input ranges, widened by how far each node's
 *       value can be from its exact value ({@link #accumulatedErrors}), so no assignment can overflow for inputs in
 *       range; the nodes wrap, which costs no logic.
 *   <li>Fractional bits come from the budget: the errors the model cannot change (the inputs' and the output's
 *       quantization, and whatever types and tables the model fixes) are taken off first, and what is left is
 *       shared among the roundings that reach the output, each weighted by how much it can move the output
 *       ({@link Sensitivity}). Equal shares are what minimizes the total bits of the continuous problem (every bit
 *       costs the same, and halving an error costs one bit anywhere); rounding each node up to whole bits then
 *       leaves slack, which {@link SlackTrim} spends, first on smaller tables, then by taking bits back, cheapest
 *       error first, while every output stays within its budget.
 *   <li>Intermediate nodes truncate (AP_TRN, error below one LSB); constants are rounded to nearest offline (half
 *       an LSB). A function unit's table gets {@link #TABLE_SHARES} shares for its sampling error, since table size
 *       grows with precision far faster than width; {@link TableShapeChoice} picks its number of segments and their
 *       polynomial degree together, as the cheapest that meet that share.
 * </ul>
 *
 * The bound is first order (it treats a node's error as small); the host simulation then measures the real error
 * against float64, which the report shows beside the budget. A planner plans once: {@link #plan} makes one for
 * each request and runs its phases in order, each on what the ones before left in its fields.
 */
public final class PrecisionPlanner {
  /** Widest node the plan may produce: the widest type a model may declare. */
  private static final int MAX_NODE_WIDTH = 64;
  /**
   * A table's sampling error gets this many shares of the budget, a rounding one: halving a rounding's error costs
   * one bit, halving a table's sampling error doubles the table, so tables get the larger part.
   */
  private static final int TABLE_SHARES = 8;
  /** A type of the widest tanh span ({@link TanhTable#end} at 40 fractional bits), for a bound before planning. */
  private static final FixedType WIDEST = FixedType.fixed(MAX_NODE_WIDTH, 0);
  /** Fractional bits given where no bound exists (a derivative without a bound over the range). */
  private static final int UNBOUNDED_FRACTION_BITS = 24;
  /** By default the internal nodes may add as much error as the declared input and output types cause. */
  static final double DEFAULT_BUDGET_FACTOR = 2.0;

  private final DesignRequest request;
  /** The budget as the model gives it; null for the default. */
  private final Double error;
  private final Graph graph;
  private final AnalyzedRequest analyzed;
  private final List<String> notes = new ArrayList<>();
  /** Each output's error budget. */
  private final double[] budget;
  /** Each output's share of what the model leaves of its budget, per planned rounding. */
  private final double[] share;
  /** The largest budget: how far any value may stray from its exact range before its own error is known. */
  private double margin;
  /** Each node's fractional bits; {@link Integer#MIN_VALUE} for a node the plan does not size. */
  private final int[] frac;
  private List<FixedType> types;
  private final Map<Integer, TableShape> shapes = new HashMap<>();
  /** Tables capped at the largest size short of their share. */
  private final Set<Integer> capped = new HashSet<>();

  private PrecisionPlanner(DesignRequest request, Double error) {
    this.request = request;
    this.error = error;
    this.graph = request.graph();
    this.analyzed = new AnalyzedRequest(request, notes);
    this.budget = new double[analyzed.outputs()];
    this.share = new double[analyzed.outputs()];
    this.frac = new int[graph.size()];
  }

  /**
   * @param error the largest absolute error allowed on any output; null means {@link #DEFAULT_BUDGET_FACTOR}
   *     times the error the declared input and output types cause by themselves, per output
   * @throws SrHlsException when the budget cannot be met (inputs or output too coarse, or wider than the limits)
   */
  public static Design plan(DesignRequest request, Double error) {
    return new PrecisionPlanner(request, error).run();
  }

  private Design run() {
    shareTheBudgets();
    chooseFractionBits();
    // the tables' shapes depend on their types: first integer bits with room for the largest budget everywhere
    double[] margins = new double[graph.size()];
    Arrays.fill(margins, margin);
    types = sizeTypes(margins);
    chooseTableShapes();
    new SlackTrim(analyzed, budget, types, frac, shapes).trim(capped);
    // then integer bits for the range widened by each node's own accumulated error
    types = sizeTypes(accumulatedErrors());
    List<Fixed> constants = quantizeConstants();
    shapeUnsizedFunctions();
    return DesignBuilder.assemble(request, analyzed.analysis(), analyzed.live(), types, constants, shapes, notes);
  }

  /**
   * Per output, what the model fixes (inputs, output, explicit types and tables), the budget, and the share of
   * what is left for each planned rounding: fails early where the model alone spends the budget.
   */
  private void shareTheBudgets() {
    double[][] s = analyzed.sensitivity();
    boolean[] live = analyzed.live();
    for (int k = 0; k < budget.length; k++) {
      double[] sk = s[k];
      // what the model fixes, by what fixes it, so that a budget it cannot meet names the real cause
      double[] fixedBy = new double[FixedBy.values().length];
      double fixed = Rounding.error(request.resultType());
      fixedBy[FixedBy.OUTPUT.ordinal()] = fixed;
      int sources = 0;
      for (int id = 0; id < graph.size(); id++) {
        Node node = graph.node(id);
        if (!live[id] || sk[id] == 0.0) {
          continue;
        }
        if (node instanceof Node.Input in) {
          double part = sk[id] * Rounding.error(request.inputTypes().get(in.index()));
          fixed += part;
          fixedBy[FixedBy.INPUTS.ordinal()] += part;
          continue;
        }
        if (node instanceof Node.Const && request.constantType() != null) {
          double part = sk[id] * Rounding.error(request.constantType());
          fixed += part;
          fixedBy[FixedBy.CONSTANTS.ordinal()] += part;
          continue;
        }
        boolean table = analyzed.isTable(id);
        FixedType explicit = request.nodeTypes().get(id);
        if (explicit != null) {
          double part = sk[id] * (table ? explicitTableRounding((Node.Op) node, explicit) : 1.0)
              * Math.scalb(1.0, -explicit.fracBits());
          fixed += part;
          fixedBy[FixedBy.NODES.ordinal()] += part;
        } else {
          sources += 1;
        }
        if (table) {
          Node.Op op = (Node.Op) node;
          TableShape given = givenShape(op);
          if (given != null) {
            // the model fixes the table's shape: its sampling error is given (tanh's span taken at its widest)
            FixedType type = explicit != null ? explicit : WIDEST;
            double part = sk[id] * TableErrors.sampling(op, analyzed.ranges(), given, type);
            fixed += part;
            fixedBy[FixedBy.TABLES.ordinal()] += part;
          } else {
            sources += TABLE_SHARES;
          }
        }
      }
      String output = graph.outputNames().get(k);
      budget[k] = error != null ? error : DEFAULT_BUDGET_FACTOR * fixed;
      margin = Math.max(margin, budget[k]);
      if (!Double.isFinite(fixed)) {
        throw new SrHlsException("precision.error cannot be guaranteed for output '" + output + "': "
            + unboundedCause(sk) + "; narrow the input ranges, or use precision.internal: uniform");
      }
      if (fixed >= budget[k]) {
        throw new SrHlsException("precision.error " + Decimal.brief(budget[k]) + " cannot be met for output '"
            + output + "': what the model fixes already allows errors up to " + Decimal.brief(fixed) + " ("
            + FixedBy.describe(fixedBy, request.resultType()) + "); " + FixedBy.largest(fixedBy).remedy
            + ", or allow a larger precision.error");
      }
      share[k] = (budget[k] - fixed) / Math.max(1, sources);
    }
  }

  /** What fixes part of an output's error before any internal type is planned, and what to do about it. */
  private enum FixedBy {
    OUTPUT("the output type %s", "declare a finer output type"),
    INPUTS("the input types", "declare finer input types (more fractional bits)"),
    CONSTANTS("precision.constants", "give precision.constants more fractional bits"),
    NODES("the types set under precision.nodes", "give the types under precision.nodes more fractional bits"),
    TABLES("the tables set under functions", "set larger tables (or a higher degree) under functions, or leave their"
        + " shape open");

    private final String what;
    private final String remedy;

    FixedBy(String what, String remedy) {
      this.what = what;
      this.remedy = remedy;
    }

    /** {@code the input types 4.35, the output type ap_fixed<16,6> 0.000488}: the parts that are there. */
    static String describe(double[] parts, FixedType output) {
      List<String> shown = new ArrayList<>();
      for (FixedBy by : values()) {
        if (parts[by.ordinal()] > 0 || by == OUTPUT) {
          shown.add(String.format(Locale.ROOT, by.what, output.cpp()) + " " + Decimal.brief(parts[by.ordinal()]));
        }
      }
      return String.join(", ", shown);
    }

    static FixedBy largest(double[] parts) {
      FixedBy largest = OUTPUT;
      for (FixedBy by : values()) {
        if (!(parts[by.ordinal()] <= parts[largest.ordinal()])) {
          largest = by;
        }
      }
      return largest;
    }
  }

  /** A table node of a type the model fixes: its arithmetic's rounding, at the costliest degree if open. */
  private double explicitTableRounding(Node.Op op, FixedType type) {
    int degree = analyzed.degree(op.op(), TableShapeChoice.MAX_PLANNED_DEGREE);
    return TableErrors.roundingPerLsb(op.op(), degree, type.quantization());
  }

  /** The shape the model fixes completely (size and degree), or null. */
  private TableShape givenShape(Node.Op op) {
    Integer bits = analyzed.givenIndexBits(op.op());
    Integer degree = analyzed.degree(op.op(), null);
    return bits != null && degree != null ? new TableShape(bits, degree) : null;
  }

  /**
   * Fractional bits of each planned node: the finest any output's share needs (a table's rounding taken at its
   * costliest degree, as its shape is still open).
   */
  private void chooseFractionBits() {
    double[][] s = analyzed.sensitivity();
    Arrays.fill(frac, Integer.MIN_VALUE);
    for (int id = 0; id < graph.size(); id++) {
      if (!analyzed.planned(id)) {
        continue;
      }
      for (int k = 0; k < s.length; k++) {
        double sk = s[k][id];
        if (sk == 0.0) {
          continue;
        }
        if (!Double.isFinite(sk)) {
          analyzed.note("the error of " + NodeText.of(graph, id) + " cannot be bounded over the input ranges (for"
              + " output '" + graph.outputNames().get(k) + "'); it gets " + UNBOUNDED_FRACTION_BITS
              + " fractional bits");
          frac[id] = Math.max(frac[id], UNBOUNDED_FRACTION_BITS);
          continue;
        }
        frac[id] = Math.max(frac[id], ceilLog2(sk * analyzed.perLsb(id, null) / share[k]));
      }
    }
  }

  /**
   * Each table's shape: the cheapest that keeps its sampling error within its share for every output. A table that
   * cannot meet it is capped at the largest size, and the bound check names it if an output then misses its budget.
   */
  private void chooseTableShapes() {
    double[][] s = analyzed.sensitivity();
    TableShapeChoice choice = new TableShapeChoice(analyzed);
    for (int id = 0; id < graph.size(); id++) {
      if (!analyzed.live()[id] || !analyzed.isTable(id)) {
        continue;
      }
      Node.Op op = (Node.Op) graph.node(id);
      double allowed = Double.POSITIVE_INFINITY;
      for (int k = 0; k < s.length; k++) {
        if (s[k][id] != 0.0) {
          allowed = Math.min(allowed, TABLE_SHARES * share[k] / s[k][id]);
        }
      }
      TableShape shape = choice.cheapest(op, types.get(id), allowed);
      if (shape == null) {
        analyzed.note("the table for " + NodeText.of(graph, id) + " would need more than "
            + (1 << TableShapeChoice.MAX_INDEX_BITS) + " segments for its share of the budget; it is capped at "
            + (1 << TableShapeChoice.MAX_INDEX_BITS));
        capped.add(id);
        shape = new TableShape(TableShapeChoice.MAX_INDEX_BITS,
            analyzed.degree(op.op(), TableShapeChoice.MAX_PLANNED_DEGREE));
      } else if (shape.degree() > TableShapeChoice.MAX_PLANNED_DEGREE && analyzed.degree(op.op(), null) == null) {
        // degree 3 where no lower one fits: its arithmetic rounds a little more than the bits were planned for, and
        // if that misses the budget, the message is the one of a table at its limit
        capped.add(id);
      }
      shapes.put(id, shape);
    }
  }

  /**
   * How far each node's value can be from its exact value, to first order: its own rounding (and a table's
   * sampling), plus each argument's error times the operation's slope over the ranges. Where no slope bound
   * exists it falls back to the margin, the largest output budget. The integer bits make room for it.
   */
  private double[] accumulatedErrors() {
    Interval[] ranges = analyzed.ranges();
    double[] e = new double[graph.size()];
    for (int id = 0; id < graph.size(); id++) {
      Node node = graph.node(id);
      FixedType t = types.get(id);
      if (!analyzed.live()[id]) {
        continue;
      }
      if (node instanceof Node.Input || node instanceof Node.Const && request.constantType() != null
          || !(node instanceof Node.Op) && request.nodeTypes().containsKey(id)) {
        e[id] = Rounding.error(t);
        continue;
      }
      if (node instanceof Node.Const) {
        e[id] = 0.5 * Math.scalb(1.0, -t.fracBits());
        continue;
      }
      Node.Op op = (Node.Op) node;
      boolean table = analyzed.isTable(id);
      TableShape shape = shapes.get(id);
      double own = (table ? TableErrors.roundingPerLsb(op.op(), shape.degree(), t.quantization())
          : Rounding.truncates(t.quantization()) ? 1.0 : 0.5) * Math.scalb(1.0, -t.fracBits());
      if (table) {
        own += TableErrors.sampling(op, ranges, shape, t);
      }
      double propagated = 0;
      for (int slot = 0; slot < op.args().size(); slot++) {
        double slope = Sensitivity.local(op, slot, ranges);
        propagated += slope == 0.0 ? 0.0 : slope * e[op.arg(slot)];
      }
      double total = own + propagated;
      e[id] = Double.isFinite(total) ? total : margin;
    }
    return e;
  }

  /**
   * Each node's type: what the request fixes, else integer bits from its range widened by its margin and the
   * fractional bits as planned.
   */
  private List<FixedType> sizeTypes(double[] margins) {
    List<FixedType> sized = new ArrayList<>(graph.size());
    for (int id = 0; id < graph.size(); id++) {
      Node node = graph.node(id);
      FixedType t;
      if (node instanceof Node.Input in) {
        t = request.inputTypes().get(in.index());
      } else if (node instanceof Node.Const && request.constantType() != null) {
        t = request.constantType();
      } else if (request.nodeTypes().containsKey(id)) {
        t = request.nodeTypes().get(id);
      } else {
        t = plannedType(id, margins[id]);
      }
      sized.add(t);
    }
    return sized;
  }

  /**
   * A planned node's type, truncating and wrapping; fails where it would be wider than the limits.
   *
   * @param stray how far the node's value may be from its exact range
   */
  private FixedType plannedType(int id, double stray) {
    Node node = graph.node(id);
    // a node no output is sensitive to (the argument of sign) keeps the default precision
    int f = frac[id] == Integer.MIN_VALUE ? request.defaultType().fracBits() : frac[id];
    // a constant rounded to nearest may reach half an LSB beyond itself (0.99999 to 1.0)
    double magnitude = node instanceof Node.Const c ? Math.abs(c.value()) + Math.scalb(1.0, -f - 1)
        : Sensitivity.magnitude(analyzed.ranges()[id]) + stray;
    int i = Double.isFinite(magnitude) ? intBits(magnitude) : request.defaultType().intBits();
    if (!Double.isFinite(magnitude)) {
      analyzed.note("the range of " + NodeText.of(graph, id) + " is unbounded over the input ranges; it gets "
          + i + " integer bits (precision.default) and may overflow");
    }
    int w = Math.max(1, i + f);
    // constants too: the firmware writes one of more than a double's 53 bits as an exact sum of parts
    if (w > MAX_NODE_WIDTH && analyzed.live()[id]) {
      throw new SrHlsException("precision.error " + (error != null ? error : "(default)") + " would need " + w
          + " bits for " + NodeText.of(graph, id) + " (more than " + MAX_NODE_WIDTH + "); allow a larger error, or"
          + " narrow the input ranges");
    }
    return FixedType.fixed(Math.min(w, MAX_NODE_WIDTH), i, Quantization.AP_TRN, Overflow.AP_WRAP);
  }

  /** Constants in their planned types: rounded to nearest, or cast where the model sets one constant type. */
  private List<Fixed> quantizeConstants() {
    List<Fixed> constants = new ArrayList<>(graph.size());
    for (int id = 0; id < graph.size(); id++) {
      FixedType t = types.get(id);
      constants.add(graph.node(id) instanceof Node.Const c
          ? (request.constantType() != null ? Fixed.fromDouble(c.value(), t) : Tables.quantize(c.value(), t))
          : null);
    }
    return constants;
  }

  /** A function no output is sensitive to, or the vendor's, has no planned shape: any shape will do. */
  private void shapeUnsizedFunctions() {
    for (int id = 0; id < graph.size(); id++) {
      if (!shapes.containsKey(id) && graph.node(id) instanceof Node.Op op && op.op().hasUnit()) {
        Integer bits = analyzed.givenIndexBits(op.op());
        shapes.put(id, new TableShape(bits != null ? bits : 1, analyzed.degree(op.op(), 0)));
      }
    }
  }

  /**
   * Why an output's error has no bound: the first operation on the way to it whose derivative has none, and, where
   * the range analysis found its operand at the edge of the domain (a divisor that takes both signs, a logarithm's
   * argument that reaches 0), where.
   */
  private String unboundedCause(double[] sk) {
    for (int id = 0; id < graph.size(); id++) {
      if (sk[id] != 0.0 && graph.node(id) instanceof Node.Op op) {
        for (int slot = 0; slot < op.args().size(); slot++) {
          if (Double.isInfinite(Sensitivity.local(op, slot, analyzed.ranges()))) {
            int operand = op.op() == Builtin.DIV ? op.arg(1) : op.arg(0);
            DomainFinding found = analyzed.finding(operand);
            String what = NodeText.of(graph, id);
            DomainFinding.Need need = op.op() == Builtin.DIV || op.op() == Builtin.CBRT
                ? DomainFinding.Need.NONZERO : DomainFinding.Need.POSITIVE;
            if (found == null || found.need() != need) {
              return what + " has no bound over the declared input ranges (a divisor whose range holds 0, or"
                  + " log/sqrt near 0)";
            }
            String verb = switch (op.op()) {
              case DIV -> "divides by ";
              case SQRT -> "takes the square root of ";
              case CBRT -> "takes the cube root of ";
              default -> "takes the logarithm of ";
            };
            return what + " " + verb + NodeText.of(graph, operand) + ", which " + found.describe(graph)
                + ", and near there its error has no bound";
          }
        }
      }
    }
    return "a subexpression has no bound over the declared input ranges";
  }

  /** Signed integer bits I such that [-m, m] lies inside [-2^(I-1), 2^(I-1)). */
  private static int intBits(double magnitude) {
    if (magnitude == 0.0) {
      return 1;
    }
    return Math.getExponent(magnitude) + 2;
  }

  private static int ceilLog2(double v) {
    int e = Math.getExponent(v);
    return Math.scalb(1.0, e) < v ? e + 1 : e;
  }
}
