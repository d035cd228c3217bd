/**
 * The expression language: the immutable tree ({@link io.github.srhls.core.expr.Expr}), the built-in operators
 * ({@link io.github.srhls.core.expr.Builtin}), and {@link io.github.srhls.core.expr.ExprParser}, which reads both
 * sympy {@code str()} and PySR / SymbolicRegression.jl syntax, resolving names through a caller's
 * {@link io.github.srhls.core.expr.Scope}. Syntax errors are
 * {@link io.github.srhls.core.expr.ExprException}s located by offsets into the string; the caller maps them to
 * file, line and column.
 */
package io.github.srhls.core.expr;
