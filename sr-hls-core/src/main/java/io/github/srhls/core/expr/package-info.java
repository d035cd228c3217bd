/**
 * The expression language: the immutable tree ({@link io.github.srhls.core.expr.Expr}), the built-in operators
 * and the parser that reads both sympy {@code str()} and PySR / SymbolicRegression.jl syntax.
 */
package io.github.srhls.core.expr;
