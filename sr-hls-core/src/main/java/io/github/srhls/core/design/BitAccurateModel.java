package io.github.srhls.core.design;

import io.github.srhls.core.design.units.FunctionUnit;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.CastResult;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.Node;

/**
 * Computes exactly what the generated firmware computes, in Java: the expected outputs the testbench compares
 * against. Every node's value is the full-precision result of its operation assigned to the node's type, as the
 * C++ does with one typed temporary per node. It also counts, per node, how often that assignment overflowed.
 */
public final class BitAccurateModel {
  private final Design design;
  private final Graph graph;
  /** Per node, looked up once rather than per vector: the function unit, a division's numerator type. */
  private final FunctionUnit[] units;
  private final FixedType[] numeratorTypes;
  private final long[] overflows;
  private final long[] outputOverflows;

  public BitAccurateModel(Design design) {
    this.design = design;
    this.graph = design.graph();
    int n = graph.size();
    this.units = new FunctionUnit[n];
    this.numeratorTypes = new FixedType[n];
    for (int id = 0; id < n; id++) {
      units[id] = design.units().get(id);
      if (graph.node(id) instanceof Node.Op op && op.op() == Builtin.DIV) {
        numeratorTypes[id] = design.numeratorType(id);
      }
    }
    this.overflows = new long[n];
    this.outputOverflows = new long[graph.outputs().size()];
  }

  /**
   * The outputs for one input vector, as the doubles the testbench prints: exact where the result type has at most
   * 53 significant bits, correctly rounded beyond.
   */
  public double[] evaluate(double[] inputs) {
    Fixed[] exact = outputs(inputs);
    double[] out = new double[exact.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = exact[k].toDouble();
    }
    return out;
  }

  /** The outputs for one input vector, exactly, in the result type. */
  public Fixed[] outputs(double[] inputs) {
    Fixed[] v = new Fixed[graph.size()];
    for (int id = 0; id < v.length; id++) {
      if (!design.isLive(id)) {
        continue;
      }
      v[id] = node(id, v, inputs);
    }
    Fixed[] out = new Fixed[graph.outputs().size()];
    for (int k = 0; k < out.length; k++) {
      CastResult y = v[graph.outputs().get(k)].castReporting(design.resultType());
      if (y.overflowed()) {
        outputOverflows[k]++;
      }
      out[k] = y.value();
    }
    return out;
  }

  /** How many times each node's assignment overflowed so far, by node id. */
  public long[] overflowCounts() {
    return overflows.clone();
  }

  /** How many times each output's assignment to {@code result_t} overflowed so far. */
  public long[] outputOverflowCounts() {
    return outputOverflows.clone();
  }

  private Fixed node(int id, Fixed[] v, double[] inputs) {
    Node n = graph.node(id);
    FixedType t = design.type(id);
    if (n instanceof Node.Const) {
      return design.constants().get(id);
    }
    if (n instanceof Node.Input in) {
      Fixed onWire = Fixed.fromDouble(inputs[in.index()], design.inputType());
      Fixed value = assign(onWire, t, id);
      return design.clamps().isEmpty() ? value : design.clamps().get(in.index()).apply(value);
    }
    Node.Op op = (Node.Op) n;
    Fixed a = v[op.arg(0)];
    Fixed b = op.args().size() > 1 ? v[op.arg(1)] : null;
    if (units[id] != null) {
      return units[id].evaluate(a);
    }
    Fixed exact = switch (op.op()) {
      case ADD -> a.add(b);
      case SUB -> a.sub(b);
      case MUL -> a.mul(b);
      case NEG -> a.neg();
      case ABS -> a.signum() < 0 ? a.neg() : a;
      case SIGN -> Fixed.ofCInt(a.signum());
      case MAX -> a.compareTo(b) >= 0 ? a : b;
      case MIN -> a.compareTo(b) <= 0 ? a : b;
      case DIV -> b.signum() == 0 ? null : widen(a, numeratorTypes[id]).div(b);
      default -> throw new IllegalStateException(op.op() + " has no function unit");
    };
    if (exact == null) {
      // division by zero: the firmware saturates toward the numerator's sign, the nearest thing to +-inf
      return a.signum() < 0 ? Fixed.min(t) : Fixed.max(t);
    }
    return assign(exact, t, id);
  }

  private static Fixed widen(Fixed a, FixedType to) {
    return to == null ? a : a.cast(to);
  }

  private Fixed assign(Fixed exact, FixedType t, int id) {
    CastResult r = exact.castReporting(t);
    if (r.overflowed()) {
      overflows[id]++;
    }
    return r.value();
  }
}
