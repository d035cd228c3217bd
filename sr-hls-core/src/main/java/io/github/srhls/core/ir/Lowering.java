package io.github.srhls.core.ir;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.expr.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns parsed expressions into graph nodes, expanding custom operators in place. The operator definitions must
 * be free of cycles (the model compiler checks that before it lowers anything).
 */
public final class Lowering {
  private final GraphBuilder builder;
  private final Map<String, CustomOperator> customs;

  public Lowering(GraphBuilder builder, Map<String, CustomOperator> customs) {
    this.builder = builder;
    this.customs = Map.copyOf(customs);
  }

  /** Lowers an expression over the model's inputs; returns the id of its node. */
  public int lower(Expr expr) {
    return lower(expr, null);
  }

  /**
   * @param bound node ids of a custom operator's actual arguments, or null at top level, where an
   *     {@link Expr.Input} is the model's input
   */
  private int lower(Expr expr, int[] bound) {
    if (expr instanceof Expr.Num num) {
      return builder.constant(num.value());
    }
    if (expr instanceof Expr.Input in) {
      return bound == null ? builder.input(in.index()) : bound[in.index()];
    }
    Expr.Call call = (Expr.Call) expr;
    if (call.builtin() == Builtin.MUL) {
      // the whole chain at once, so the builder can group its factors as sharing is best, not as they were written
      List<Expr> factors = new ArrayList<>();
      collectFactors(call, factors);
      int[] ids = new int[factors.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = lower(factors.get(i), bound);
      }
      return builder.multiply(ids);
    }
    int[] args = new int[call.args().size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = lower(call.args().get(i), bound);
    }
    if (call.isCustom()) {
      CustomOperator op = customs.get(call.name());
      if (op == null) {
        throw new IllegalStateException("custom operator " + call.name() + " was not declared");
      }
      return lower(op.body(), args);
    }
    return builder.op(call.builtin(), args);
  }

  private static void collectFactors(Expr expr, List<Expr> factors) {
    if (expr instanceof Expr.Call call && call.builtin() == Builtin.MUL) {
      for (Expr arg : call.args()) {
        collectFactors(arg, factors);
      }
    } else {
      factors.add(expr);
    }
  }
}
