package io.github.srhls.core.ir;

import io.github.srhls.core.expr.Expr;
import java.util.List;

/**
 * A user-declared operator such as {@code sc(a): sin(a)*cos(a)}; its body's {@link Expr.Input} nodes refer to the
 * parameters by position.
 */
public record CustomOperator(String name, List<String> params, Expr body) {
  public CustomOperator {
    params = List.copyOf(params);
  }
}
