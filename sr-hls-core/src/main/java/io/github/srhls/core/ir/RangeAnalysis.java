package io.github.srhls.core.ir;

import io.github.srhls.core.expr.Builtin;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Interval arithmetic over the graph: from the declared input ranges, the range each node's exact value can take.
 * The bounds are sound for real arithmetic (the fixed-point firmware may still leave them where a narrow type
 * overflows); they size the function tables and the integer bits of each node.
 */
public final class RangeAnalysis {
  private RangeAnalysis() {}

  public static Interval[] analyze(Graph graph, List<Interval> inputRanges) {
    Interval[] r = new Interval[graph.size()];
    for (int id = 0; id < r.length; id++) {
      Node n = graph.node(id);
      if (n instanceof Node.Const c) {
        r[id] = Interval.point(c.value());
      } else if (n instanceof Node.Input in) {
        r[id] = inputRanges.get(in.index());
      } else {
        Node.Op op = (Node.Op) n;
        Interval a = r[op.arg(0)];
        Interval b = op.args().size() > 1 ? r[op.arg(1)] : null;
        r[id] = apply(op.op(), a, b);
      }
    }
    return r;
  }

  static Interval apply(Builtin op, Interval a, Interval b) {
    return switch (op) {
      case ADD -> Interval.hull(a.lo() + b.lo(), a.hi() + b.hi(), a.lo() + b.lo(), a.hi() + b.hi());
      case SUB -> Interval.hull(a.lo() - b.hi(), a.hi() - b.lo(), a.lo() - b.hi(), a.hi() - b.lo());
      case MUL -> Interval.hull(a.lo() * b.lo(), a.lo() * b.hi(), a.hi() * b.lo(), a.hi() * b.hi());
      case DIV -> b.contains(0.0)
          ? Interval.ALL
          : Interval.hull(a.lo() / b.lo(), a.lo() / b.hi(), a.hi() / b.lo(), a.hi() / b.hi());
      case NEG -> new Interval(-a.hi(), -a.lo());
      case ABS -> a.contains(0.0)
          ? new Interval(0.0, Math.max(-a.lo(), a.hi()))
          : new Interval(Math.min(Math.abs(a.lo()), Math.abs(a.hi())), Math.max(Math.abs(a.lo()), Math.abs(a.hi())));
      case SIGN -> new Interval(Math.signum(a.lo()), Math.signum(a.hi()));
      case MAX -> new Interval(Math.max(a.lo(), b.lo()), Math.max(a.hi(), b.hi()));
      case MIN -> new Interval(Math.min(a.lo(), b.lo()), Math.min(a.hi(), b.hi()));
      case SIN, COS -> new Interval(-1.0, 1.0);
      case TAN -> a.lo() > -Math.PI / 2 && a.hi() < Math.PI / 2
          ? new Interval(Math.tan(a.lo()), Math.tan(a.hi()))
          : Interval.ALL;
      case COSH -> a.contains(0.0)
          ? new Interval(1.0, Math.max(Math.cosh(a.lo()), Math.cosh(a.hi())))
          : increasing(Math::cosh, new Interval(Math.min(Math.abs(a.lo()), Math.abs(a.hi())),
              Math.max(Math.abs(a.lo()), Math.abs(a.hi()))));
      case SINH -> increasing(Math::sinh, a);
      case TANH -> increasing(Math::tanh, a);
      case EXP -> increasing(Math::exp, a);
      case LOG, LOG2, LOG10, SQRT, CBRT -> increasing(x -> FloatSemantics.apply(op, x), a);
      case POW, SQUARE, CUBE, INV -> throw new IllegalStateException(op + " is lowered before analysis");
    };
  }

  /** A non-decreasing function's image; where it is undefined (log of a negative) the bound is open. */
  private static Interval increasing(DoubleUnaryOperator f, Interval a) {
    double lo = f.applyAsDouble(a.lo());
    double hi = f.applyAsDouble(a.hi());
    return new Interval(Double.isNaN(lo) ? Double.NEGATIVE_INFINITY : lo,
        Double.isNaN(hi) ? Double.POSITIVE_INFINITY : hi);
  }
}
