package io.github.srhls.core.design;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Quantization;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.Interval;
import io.github.srhls.core.ir.Node;
import io.github.srhls.core.ir.DomainFinding;
import io.github.srhls.core.ir.RangeAnalysis;
import io.github.srhls.core.ir.Ranges;
import io.github.srhls.core.ir.Sensitivity;
import java.util.List;

/**
 * A request with what the precision plan derives from it before choosing anything: each node's range, which
 * nodes are live, how strongly each node's error moves each output, which nodes the plan sizes and which our
 * tables compute. The planner's phases share it; it passes what they note about the model's settings on to the
 * planner's notes.
 */
final class AnalyzedRequest {
  private final DesignRequest request;
  private final Graph graph;
  private final Interval[] ranges;
  private final Ranges analysis;
  private final boolean[] live;
  private final double[][] sensitivity;
  private final List<String> notes;

  AnalyzedRequest(DesignRequest request, List<String> notes) {
    this.request = request;
    this.graph = request.graph();
    this.analysis = RangeAnalysis.of(graph, request.inputRanges());
    this.ranges = analysis.intervals();
    this.live = graph.live();
    this.sensitivity = Sensitivity.analyze(graph, ranges, live);
    this.notes = notes;
  }

  DesignRequest request() {
    return request;
  }

  Graph graph() {
    return graph;
  }

  /** Each node's range over the declared input ranges, by id. */
  Interval[] ranges() {
    return ranges;
  }

  /** The ranges with what the analysis found about operands at the edge of their domain. */
  Ranges analysis() {
    return analysis;
  }

  /** What the range analysis found about an operand it could not keep inside its user's domain, or null. */
  DomainFinding finding(int id) {
    return analysis.findings().get(id);
  }

  /** Whether each node reaches an output, by id. */
  boolean[] live() {
    return live;
  }

  /** {@code sensitivity()[k][id]}: how far one unit of error in node {@code id} can move output {@code k}. */
  double[][] sensitivity() {
    return sensitivity;
  }

  int outputs() {
    return sensitivity.length;
  }

  /** Nodes whose type the plan chooses. */
  boolean planned(int id) {
    Node node = graph.node(id);
    return live[id] && !(node instanceof Node.Input)
        && !(node instanceof Node.Const && request.constantType() != null) && !request.nodeTypes().containsKey(id);
  }

  /** A function computed by one of our tables (not by the vendor's library). */
  boolean isTable(int id) {
    return graph.node(id) instanceof Node.Op op && op.op().hasUnit() && !request.vendorFunctions().contains(op.op());
  }

  /**
   * Error per LSB of a planned node: constants are rounded (1/2); a table's arithmetic at its degree, or at the
   * costliest degree the plan may choose while the shape is open ({@code shape} null); every other assignment
   * truncates (1).
   */
  double perLsb(int id, TableShape shape) {
    Node node = graph.node(id);
    if (node instanceof Node.Const) {
      return 0.5;
    }
    if (isTable(id)) {
      Builtin f = ((Node.Op) node).op();
      int degree = shape != null ? shape.degree() : degree(f, TableShapeChoice.MAX_PLANNED_DEGREE);
      return TableErrors.roundingPerLsb(f, degree, Quantization.AP_TRN);
    }
    return 1.0;
  }

  /** The table size (log2) the model sets for the function, or null where the plan sizes it. */
  Integer givenIndexBits(Builtin f) {
    return request.tableIndexBits().get(f);
  }

  /**
   * The degree the model sets for the function's segments, or {@code unset}. tan's too: a plan only exists where
   * its argument keeps off its poles, and there its segments have bounds ({@code Reduction.tan}).
   */
  Integer degree(Builtin f, Integer unset) {
    Integer degree = request.degrees().get(f);
    return degree != null ? degree : unset;
  }

  /** Adds a note for the user, once. */
  void note(String note) {
    if (!notes.contains(note)) {
      notes.add(note);
    }
  }
}
