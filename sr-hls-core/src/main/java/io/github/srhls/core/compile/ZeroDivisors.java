package io.github.srhls.core.compile;

import io.github.srhls.core.diag.Echo;
import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.expr.Expr;
import io.github.srhls.core.ir.CustomOperator;
import io.github.srhls.core.ir.FloatSemantics;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Divisions by a constant zero ({@code a/0.0}, {@code a/(2 - 2)}, {@code inv(0)}) are errors where they are
 * written: the float64 reference would be infinite or NaN, and the firmware's saturated value means nothing. Once
 * lowered, the graph has folded the constant and lost its position, so this looks at the parsed text. A custom
 * operator whose body divides by a parameter ({@code f(u): 1/u}) is checked again at each use with constant
 * arguments ({@code f(0)}), and the error stands at that use.
 */
final class ZeroDivisors {
  private ZeroDivisors() {}

  /**
   * @param text the expression's source
   * @param at where {@code text} starts
   * @param context what the expression is, for messages: {@code in output 'y'}
   */
  static void check(Expr e, String text, SourcePosition at, String context) {
    check(e, text, at, context, Map.of());
  }

  /**
   * As {@link #check(Expr, String, SourcePosition, String)}, and through the bodies of the custom operators used
   * with constant arguments.
   *
   * @param customs the model's operators, acyclic and within the expansion limits (checked before)
   */
  static void check(Expr e, String text, SourcePosition at, String context, Map<String, CustomOperator> customs) {
    if (!(e instanceof Expr.Call c)) {
      return;
    }
    for (Expr a : c.args()) {
      check(a, text, at, context, customs);
    }
    if (c.isCustom() && customs.containsKey(c.name())) {
      OptionalDouble[] args = c.args().stream().map(a -> constant(a, NONE, customs)).toArray(OptionalDouble[]::new);
      String inside = Arrays.stream(args).anyMatch(OptionalDouble::isPresent)
          ? zeroDivisorIn(customs.get(c.name()), args, customs) : null;
      if (inside != null) {
        String spelled = text.substring(Math.min(c.start(), text.length()), Math.min(c.end(), text.length()));
        throw SrHlsException.at(at.plusColumns(c.start()), "division by zero: '" + Echo.of(spelled) + "' divides by 0"
            + " in " + inside + " whatever the inputs " + context + "; change the arguments or the operator's body");
      }
    }
    Expr divisor = c.builtin() == Builtin.DIV ? c.args().get(1) : c.builtin() == Builtin.INV ? c.args().get(0) : null;
    if (divisor != null && isZero(constant(divisor, NONE, customs))) {
      String spelled = text.substring(Math.min(divisor.start(), text.length()), Math.min(divisor.end(), text.length()));
      throw SrHlsException.at(at.plusColumns(divisor.start()), "division by zero: the divisor '" + Echo.of(spelled)
          + "' is 0 whatever the inputs " + context + "; remove the division or correct the constant");
    }
  }

  private static final OptionalDouble[] NONE = new OptionalDouble[0];

  /**
   * Where the operator's body, with these arguments, divides by a constant 0: {@code the body of custom operator
   * 'f'}; null where it does not.
   */
  private static String zeroDivisorIn(CustomOperator op, OptionalDouble[] args, Map<String, CustomOperator> customs) {
    return zeroDivisorIn(op.body(), args, customs, "the body of custom operator '" + op.name() + "'");
  }

  private static String zeroDivisorIn(Expr e, OptionalDouble[] env, Map<String, CustomOperator> customs,
      String where) {
    if (!(e instanceof Expr.Call c)) {
      return null;
    }
    for (Expr a : c.args()) {
      String inside = zeroDivisorIn(a, env, customs, where);
      if (inside != null) {
        return inside;
      }
    }
    Expr divisor = c.builtin() == Builtin.DIV ? c.args().get(1) : c.builtin() == Builtin.INV ? c.args().get(0) : null;
    if (divisor != null && isZero(constant(divisor, env, customs))) {
      return where;
    }
    if (c.isCustom() && customs.containsKey(c.name())) {
      OptionalDouble[] args = c.args().stream().map(a -> constant(a, env, customs)).toArray(OptionalDouble[]::new);
      if (Arrays.stream(args).anyMatch(OptionalDouble::isPresent)) {
        return zeroDivisorIn(customs.get(c.name()), args, customs);
      }
    }
    return null;
  }

  private static boolean isZero(OptionalDouble value) {
    return value.isPresent() && value.getAsDouble() == 0.0;
  }

  /**
   * The value of an expression without inputs, as the float64 reference computes it.
   *
   * @param env the values of a custom operator's parameters that are constant (empty where not), or none at top
   *     level, where an input is never constant
   */
  private static OptionalDouble constant(Expr e, OptionalDouble[] env, Map<String, CustomOperator> customs) {
    if (e instanceof Expr.Num n) {
      return OptionalDouble.of(n.value());
    }
    if (e instanceof Expr.Input in) {
      return in.index() < env.length ? env[in.index()] : OptionalDouble.empty();
    }
    Expr.Call c = (Expr.Call) e;
    OptionalDouble[] args = new OptionalDouble[c.args().size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = constant(c.args().get(i), env, customs);
    }
    if (c.isCustom()) {
      CustomOperator op = customs.get(c.name());
      return op == null ? OptionalDouble.empty() : constant(op.body(), args, customs);
    }
    double[] values = new double[args.length];
    for (int i = 0; i < values.length; i++) {
      if (args[i].isEmpty()) {
        return OptionalDouble.empty();
      }
      values[i] = args[i].getAsDouble();
    }
    return OptionalDouble.of(FloatSemantics.apply(c.builtin(), values));
  }
}
