package io.github.srhls.core.design;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.Node;
import io.github.srhls.core.ir.NodeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Spends the slack that rounding each share up to whole bits and whole tables leaves. It first checks every
 * output's bound with the chosen shapes and types (which also catches tables the model sized too small). Then
 * tables, as they hold the most bits: each halves its segments, largest first, while every output's bound still
 * holds. Then fractional bits: a bit taken from a node doubles that node's rounding error, so the node whose
 * rounding error is smallest (relative to the budgets it reaches) gives its bit first, until no bit can go without
 * breaking a budget.
 */
final class SlackTrim {
  private final AnalyzedRequest request;
  private final Graph graph;
  private final double[][] s;
  private final double[] budget;
  private final List<FixedType> types;
  private final int[] frac;
  private final Map<Integer, TableShape> shapes;
  /** Error per LSB of each planned node, at its table's chosen degree. */
  private final double[] perLsb;
  /** Each output's bound so far. */
  private final double[] total;

  /**
   * @param budget each output's error budget
   * @param types the nodes' types as first planned (their integer bits are final here)
   * @param frac each node's fractional bits; planned nodes lose bits in place
   * @param shapes the tables' shapes; planned tables shrink in place
   */
  SlackTrim(AnalyzedRequest request, double[] budget, List<FixedType> types, int[] frac,
      Map<Integer, TableShape> shapes) {
    this.request = request;
    this.graph = request.graph();
    this.s = request.sensitivity();
    this.budget = budget;
    this.types = types;
    this.frac = frac;
    this.shapes = shapes;
    this.perLsb = new double[graph.size()];
    this.total = new double[s.length];
  }

  /**
   * @param capped the tables capped at 2^{@value TableShapeChoice#MAX_INDEX_BITS} segments short of their share
   * @throws SrHlsException when an output's bound exceeds its budget before any trim
   */
  void trim(Set<Integer> capped) {
    addUpBounds();
    checkBounds(capped);
    shrinkTables();
    takeBitsBack();
  }

  /** Each output's bound with the chosen shapes and types: every live node's rounding and sampling, weighted. */
  private void addUpBounds() {
    DesignRequest r = request.request();
    for (int k = 0; k < total.length; k++) {
      total[k] = Rounding.error(r.resultType());
    }
    for (int id = 0; id < graph.size(); id++) {
      if (!request.live()[id]) {
        continue;
      }
      Node node = graph.node(id);
      boolean table = request.isTable(id);
      TableShape shape = shapes.get(id);
      boolean planned = request.planned(id);
      if (planned) {
        perLsb[id] = request.perLsb(id, shape);
      }
      FixedType t = types.get(id);
      double rounding = node instanceof Node.Input || node instanceof Node.Const && r.constantType() != null
          ? Rounding.error(t)
          : planned ? perLsb[id] * Math.scalb(1.0, -frac[id])
          : (table ? TableErrors.roundingPerLsb(((Node.Op) node).op(), shape.degree(), t.quantization()) : 1.0)
              * Math.scalb(1.0, -t.fracBits());
      double sampling = table ? TableErrors.sampling((Node.Op) node, request.ranges(), shape, t) : 0.0;
      for (int k = 0; k < total.length; k++) {
        if (s[k][id] != 0.0) {
          total[k] += s[k][id] * (rounding + sampling);
        }
      }
    }
  }

  /** An output over its budget already: a capped table it depends on, or the sizes the model set, is named. */
  private void checkBounds(Set<Integer> capped) {
    for (int k = 0; k < total.length; k++) {
      for (int id : capped) {
        if (!(total[k] <= budget[k]) && s[k][id] != 0.0) {
          String f = ((Node.Op) graph.node(id)).op().canonicalName();
          throw new SrHlsException(String.format(Locale.ROOT, "precision.error %g cannot be met for output '%s':"
              + " the %s table for %s would need more than %d segments (the most the plan chooses) at every degree"
              + " up to %d; set its shape in the model file (functions: {%s: {size: 65536, degree: 3}}, up to"
              + " 65536 segments), use functions.%s.implementation: vendor, allow a larger precision.error, or"
              + " narrow the input ranges", budget[k], graph.outputNames().get(k), f, NodeText.of(graph, id),
              1 << TableShapeChoice.MAX_INDEX_BITS, TableShapeChoice.MAX_PLANNED_DEGREE, f, f));
        }
      }
      if (!(total[k] <= budget[k])) {
        throw new SrHlsException(String.format(Locale.ROOT, "precision.error %g cannot be met for output '%s':"
            + " the table sizes set under functions leave errors up to %.3g; allow larger tables (or unset their"
            + " size), or allow a larger error", budget[k], graph.outputNames().get(k), total[k]));
      }
    }
  }

  /** Halves planned tables, the largest first, while every output's bound holds. */
  private void shrinkTables() {
    List<Integer> tables = new ArrayList<>();
    for (int id : shapes.keySet()) {
      if (request.givenIndexBits(((Node.Op) graph.node(id)).op()) == null) {
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
      Node.Op op = (Node.Op) graph.node(id);
      FixedType type = types.get(id);
      double sampling = TableErrors.sampling(op, request.ranges(), shapes.get(id), type);
      while (shapes.get(id).indexBits() > 1) {
        TableShape now = shapes.get(id);
        TableShape half = new TableShape(now.indexBits() - 1, now.degree());
        double halved = TableErrors.sampling(op, request.ranges(), half, type);
        double added = halved - sampling;
        if (!fits(id, added)) {
          break;
        }
        shapes.put(id, half);
        sampling = halved;
        add(id, added);
      }
    }
  }

  /** Takes fractional bits back, the cheapest error first, while every output's bound holds. */
  private void takeBitsBack() {
    // the error a node's next bit would add to each output, relative to that output's budget, at most
    PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0])
        : Double.compare(a[1], b[1]));
    for (int id = 0; id < graph.size(); id++) {
      if (request.planned(id) && frac[id] != Integer.MIN_VALUE) {
        double cost = relativeCost(id, perLsb[id] * Math.scalb(1.0, -frac[id]));
        if (Double.isFinite(cost)) {
          queue.add(new double[] {cost, id});
        }
      }
    }
    while (!queue.isEmpty()) {
      int id = (int) queue.poll()[1];
      double added = perLsb[id] * Math.scalb(1.0, -frac[id]);
      if (!(types.get(id).intBits() + frac[id] > 1 && fits(id, added))) {
        continue;
      }
      frac[id]--;
      add(id, added);
      queue.add(new double[] {relativeCost(id, 2 * added), id});
    }
  }

  /** Whether every output's bound holds with {@code added} more error at node {@code id}. */
  private boolean fits(int id, double added) {
    boolean fits = true;
    for (int k = 0; fits && k < total.length; k++) {
      fits = total[k] + s[k][id] * added <= budget[k];
    }
    return fits;
  }

  private void add(int id, double added) {
    for (int k = 0; k < total.length; k++) {
      total[k] += s[k][id] * added;
    }
  }

  /** The largest fraction of an output's budget that {@code added} more error at node {@code id} takes. */
  private double relativeCost(int id, double added) {
    double cost = 0;
    for (int k = 0; k < s.length; k++) {
      cost = Math.max(cost, s[k][id] * added / budget[k]);
    }
    return cost;
  }
}
