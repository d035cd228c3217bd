package io.github.srhls.core.ir;

import io.github.srhls.core.expr.Builtin;
import java.util.List;

/**
 * A node of the expression DAG. Nodes are values (records): two structurally equal nodes are the same node, which
 * is how the {@link GraphBuilder} shares common subexpressions. Operands are ids of earlier nodes, so a graph's
 * node list is always in topological order.
 */
public sealed interface Node permits Node.Const, Node.Input, Node.Op {

  /** A constant, already folded in double precision. */
  record Const(double value) implements Node {}

  /** Input {@code x[index]}. */
  record Input(int index) implements Node {}

  /**
   * An operation on earlier nodes. After lowering only these builtins remain: ADD SUB MUL DIV NEG ABS SIGN MAX MIN
   * and the unary functions SIN COS TAN TANH EXP LOG LOG2 LOG10 SQRT CBRT.
   */
  record Op(Builtin op, List<Integer> args) implements Node {
    public Op {
      args = List.copyOf(args);
    }

    public int arg(int i) {
      return args.get(i);
    }
  }
}
