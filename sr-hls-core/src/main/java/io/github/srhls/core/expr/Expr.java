package io.github.srhls.core.expr;

import java.util.List;

/**
 * A parsed expression: the immutable tree the parser produces and the compiler consumes. Every node keeps the
 * character range {@code [start, end)} of the source text it came from, so later stages can point at it.
 */
public sealed interface Expr permits Expr.Num, Expr.Input, Expr.Call {

  int start();

  int end();

  /** A numeric literal or a named constant ({@code pi}, {@code E}). */
  record Num(double value, int start, int end) implements Expr {}

  /**
   * A variable: an input of the model by index (or a parameter of a custom operator body by position).
   *
   * @param name the name as written
   */
  record Input(int index, String name, int start, int end) implements Expr {}

  /**
   * An operation: a built-in function or operator ({@link #builtin} non-null), or a custom operator declared in
   * the model file ({@link #builtin} null, {@link #name} its declared name). Binary operators and unary minus are
   * calls too ({@link Builtin#ADD}, {@link Builtin#NEG}, ...).
   */
  record Call(Builtin builtin, String name, List<Expr> args, int start, int end) implements Expr {
    public Call {
      args = List.copyOf(args);
    }

    public static Call of(Builtin b, List<Expr> args, int start, int end) {
      return new Call(b, b.canonicalName(), args, start, end);
    }

    public boolean isCustom() {
      return builtin == null;
    }
  }
}
