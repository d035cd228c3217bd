/**
 * The expression language of model files: the immutable tree ({@link io.github.srhls.core.expr.Expr}), the built-in
 * operators ({@link io.github.srhls.core.expr.Builtin}), and {@link io.github.srhls.core.expr.ExprParser}, which reads
 * both sympy {@code str()} and PySR / SymbolicRegression.jl syntax, resolving names through a caller's
 * {@link io.github.srhls.core.expr.Scope}, and prints trees back canonically
 * ({@link io.github.srhls.core.expr.ExprPrinter}). Syntax errors are {@link io.github.srhls.core.expr.ExprException}s
 * located by offsets into the string; the caller maps them to file, line and column.
 *
 * <p>In the pipeline: model files → <b>expressions</b> → IR.
 *
 * <p>May use (layer 3 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 2; today diag.
 */
package io.github.srhls.core.expr;
