package io.github.srhls.core.ir;

/** Evaluates a graph in double precision: the float reference. */
public final class FloatEvaluator {
  private final Graph graph;

  public FloatEvaluator(Graph graph) {
    this.graph = graph;
  }

  /** The outputs for one input vector. */
  public double[] evaluate(double[] inputs) {
    double[] v = new double[graph.size()];
    double[] operands = new double[2];
    for (int id = 0; id < v.length; id++) {
      Node n = graph.node(id);
      if (n instanceof Node.Const c) {
        v[id] = c.value();
      } else if (n instanceof Node.Input in) {
        v[id] = inputs[in.index()];
      } else {
        Node.Op op = (Node.Op) n;
        double[] a = op.args().size() == operands.length ? operands : new double[op.args().size()];
        for (int k = 0; k < a.length; k++) {
          a[k] = v[op.arg(k)];
        }
        v[id] = FloatSemantics.apply(op.op(), a);
      }
    }
    double[] out = new double[graph.outputs().size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = v[graph.outputs().get(k)];
    }
    return out;
  }
}
