package io.github.srhls.core.ir;

/**
 * How much an error in a node can move each output: for every output k and node n, an upper bound on
 * |d y_k / d n| over the declared input ranges, by the chain rule with interval bounds on each local derivative
 * (summed over all paths, so shared nodes count once per use). Infinite where no bound exists (division by a range
 * holding zero, log near zero).
 */
public final class Sensitivity {
  private Sensitivity() {}

  /**
   * {@code result[k][n]}: the bound for output k and node n.
   *
   * @param live which nodes some output needs ({@link Graph#live()})
   */
  public static double[][] analyze(Graph graph, Interval[] ranges, boolean[] live) {
    double[][] s = new double[graph.outputs().size()][graph.size()];
    for (int k = 0; k < s.length; k++) {
      s[k][graph.outputs().get(k)] = 1.0;
    }
    // users before operands, all outputs at once: each local derivative is bounded once
    for (int id = graph.size() - 1; id >= 0; id--) {
      if (!live[id] || !(graph.node(id) instanceof Node.Op op)) {
        continue;
      }
      for (int slot = 0; slot < op.args().size(); slot++) {
        double d = local(op, slot, ranges);
        for (double[] sk : s) {
          if (d != 0.0 && sk[id] != 0.0) {
            sk[op.arg(slot)] += sk[id] * d;
          }
        }
      }
    }
    return s;
  }

  /** A bound on |d op / d arg(slot)| over the operands' ranges. */
  public static double local(Node.Op op, int slot, Interval[] r) {
    Interval a = r[op.arg(0)];
    Interval b = op.args().size() > 1 ? r[op.arg(1)] : null;
    return switch (op.op()) {
      case ADD, SUB, NEG, ABS, MAX, MIN -> 1.0;
      case SIGN -> 0.0;
      case MUL -> magnitude(slot == 0 ? b : a);
      case DIV -> b.contains(0.0)
          ? Double.POSITIVE_INFINITY
          : slot == 0 ? 1.0 / minMagnitude(b) : magnitude(a) / (minMagnitude(b) * minMagnitude(b));
      case SIN, COS, TANH -> 1.0;
      case TAN -> a.lo() > -Math.PI / 2 && a.hi() < Math.PI / 2
          ? 1.0 + Math.pow(Math.tan(magnitude(a)), 2)
          : Double.POSITIVE_INFINITY;
      case SINH, COSH -> Math.cosh(magnitude(a));
      case EXP -> Math.exp(a.hi());
      case LOG -> a.lo() > 0 ? 1.0 / a.lo() : Double.POSITIVE_INFINITY;
      case LOG2 -> a.lo() > 0 ? 1.0 / (a.lo() * Math.log(2)) : Double.POSITIVE_INFINITY;
      case LOG10 -> a.lo() > 0 ? 1.0 / (a.lo() * Math.log(10)) : Double.POSITIVE_INFINITY;
      case SQRT -> a.lo() > 0 ? 0.5 / Math.sqrt(a.lo()) : Double.POSITIVE_INFINITY;
      case CBRT -> a.lo() > 0 || a.hi() < 0
          ? 1.0 / (3 * Math.cbrt(minMagnitude(a) * minMagnitude(a)))
          : Double.POSITIVE_INFINITY;
      case POW, SQUARE, CUBE, INV -> throw new IllegalStateException(op.op() + " is lowered before analysis");
    };
  }

  /** The largest |v| in the interval. */
  public static double magnitude(Interval i) {
    return Math.max(Math.abs(i.lo()), Math.abs(i.hi()));
  }

  /** The smallest |v| in the interval. */
  static double minMagnitude(Interval i) {
    return i.contains(0.0) ? 0.0 : Math.min(Math.abs(i.lo()), Math.abs(i.hi()));
  }
}
