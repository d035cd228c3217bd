package io.github.srhls.core.ir;

import io.github.srhls.core.expr.Builtin;

/** A node written as an infix expression over the input names, for messages and reports. */
public final class NodeText {
  /** Longer texts are cut: a message names the subexpression, it does not reprint the model. */
  private static final int MAX_LENGTH = 80;

  private NodeText() {}

  public static String of(Graph graph, int id) {
    StringBuilder b = new StringBuilder();
    append(graph, id, b, 0);
    return b.length() > MAX_LENGTH ? b.substring(0, MAX_LENGTH - 3) + "..." : b.toString();
  }

  private static void append(Graph g, int id, StringBuilder b, int depth) {
    if (b.length() > MAX_LENGTH) {
      return;
    }
    Node n = g.node(id);
    if (n instanceof Node.Const c) {
      b.append(c.value());
    } else if (n instanceof Node.Input in) {
      b.append(g.inputNames().get(in.index()));
    } else {
      Node.Op op = (Node.Op) n;
      String infix = switch (op.op()) {
        case ADD -> " + ";
        case SUB -> " - ";
        case MUL -> "*";
        case DIV -> "/";
        default -> null;
      };
      if (infix != null) {
        b.append(depth > 0 ? "(" : "");
        append(g, op.arg(0), b, depth + 1);
        b.append(infix);
        append(g, op.arg(1), b, depth + 1);
        b.append(depth > 0 ? ")" : "");
      } else if (op.op() == Builtin.NEG) {
        b.append('-');
        append(g, op.arg(0), b, depth + 1);
      } else {
        b.append(op.op().canonicalName()).append('(');
        for (int k = 0; k < op.args().size(); k++) {
          b.append(k > 0 ? ", " : "");
          append(g, op.arg(k), b, 0);
        }
        b.append(')');
      }
    }
  }
}
