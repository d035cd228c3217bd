package io.github.srhls.core.compile;

import io.github.srhls.core.diag.Echo;
import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.expr.Expr;
import io.github.srhls.core.ir.FloatSemantics;
import java.util.OptionalDouble;

/**
 * Divisions by a constant zero ({@code a/0.0}, {@code a/(2 - 2)}, {@code inv(0)}) are errors where they are
 * written: the float64 reference would be infinite or NaN, and the firmware's saturated value means nothing. Once
 * lowered, the graph has folded the constant and lost its position, so this looks at the parsed text.
 */
final class ZeroDivisors {
  private ZeroDivisors() {}

  /**
   * @param text the expression's source
   * @param at where {@code text} starts
   * @param context what the expression is, for messages: {@code in output 'y'}
   */
  static void check(Expr e, String text, SourcePosition at, String context) {
    if (!(e instanceof Expr.Call c)) {
      return;
    }
    for (Expr a : c.args()) {
      check(a, text, at, context);
    }
    Expr divisor = c.builtin() == Builtin.DIV ? c.args().get(1) : c.builtin() == Builtin.INV ? c.args().get(0) : null;
    if (divisor != null && isZero(constant(divisor))) {
      String spelled = text.substring(Math.min(divisor.start(), text.length()), Math.min(divisor.end(), text.length()));
      throw SrHlsException.at(at.plusColumns(divisor.start()), "division by zero: the divisor '" + Echo.of(spelled)
          + "' is 0 whatever the inputs " + context + "; remove the division or correct the constant");
    }
  }

  private static boolean isZero(OptionalDouble value) {
    return value.isPresent() && value.getAsDouble() == 0.0;
  }

  /** The value of an expression without inputs or custom operators, as the float64 reference computes it. */
  private static OptionalDouble constant(Expr e) {
    if (e instanceof Expr.Num n) {
      return OptionalDouble.of(n.value());
    }
    if (!(e instanceof Expr.Call c) || c.isCustom()) {
      return OptionalDouble.empty();
    }
    double[] args = new double[c.args().size()];
    for (int i = 0; i < args.length; i++) {
      OptionalDouble a = constant(c.args().get(i));
      if (a.isEmpty()) {
        return a;
      }
      args[i] = a.getAsDouble();
    }
    return OptionalDouble.of(FloatSemantics.apply(c.builtin(), args));
  }
}
