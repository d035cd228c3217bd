package io.github.srhls.core.expr;

import io.github.srhls.core.diag.Decimal;
import java.util.StringJoiner;

/**
 * Canonical text for an {@link Expr}, with the fewest parentheses that make {@link ExprParser} read back the same
 * tree: the site report shows each output's expression this way, and tests state parsed trees as text and check
 * that parsing reads printed trees back. Levels, loosest first: sums, products, signs (a leading minus, a negative
 * constant), powers, atoms.
 */
public final class ExprPrinter {
  private static final int SUM = 1;
  private static final int PRODUCT = 2;
  private static final int SIGN = 3;
  private static final int POWER = 4;
  private static final int ATOM = 5;

  private ExprPrinter() {}

  /**
   * The canonical text of {@code expr}: minimal parentheses, {@code ^} for powers, builtins by canonical name. For
   * any tree the parser produces, {@code parse(print(e), scope)} gives back {@code e} apart from source offsets.
   * (Non-finite constants, which the parser never produces, print as Java spells them and do not read back.)
   */
  public static String print(Expr expr) {
    return at(expr, SUM);
  }

  /** {@code expr} printed where the grammar expects at least {@code level}, bracketed if it binds more loosely. */
  private static String at(Expr expr, int level) {
    String text = bare(expr);
    return level(expr) < level ? "(" + text + ")" : text;
  }

  private static int level(Expr expr) {
    if (expr instanceof Expr.Num n) {
      return isNegative(n.value()) ? SIGN : ATOM;
    }
    if (expr instanceof Expr.Call c && !c.isCustom()) {
      return switch (c.builtin()) {
        case ADD, SUB -> SUM;
        case MUL, DIV -> PRODUCT;
        case NEG -> SIGN;
        case POW -> POWER;
        default -> ATOM;
      };
    }
    return ATOM;
  }

  private static String bare(Expr expr) {
    if (expr instanceof Expr.Num n) {
      return number(n.value());
    }
    if (expr instanceof Expr.Input i) {
      return i.name();
    }
    Expr.Call c = (Expr.Call) expr;
    if (c.isCustom()) {
      return call(c.name(), c);
    }
    return switch (c.builtin()) {
      case ADD -> binary(c, " + ", SUM, PRODUCT);
      case SUB -> binary(c, " - ", SUM, PRODUCT);
      case MUL -> binary(c, " * ", PRODUCT, SIGN);
      case DIV -> binary(c, " / ", PRODUCT, SIGN);
      case POW -> binary(c, "^", ATOM, SIGN);
      case NEG -> negation(c.args().get(0));
      default -> call(c.builtin().canonicalName(), c);
    };
  }

  private static String binary(Expr.Call c, String op, int leftLevel, int rightLevel) {
    return at(c.args().get(0), leftLevel) + op + at(c.args().get(1), rightLevel);
  }

  private static String negation(Expr operand) {
    // "-2" would read back as the constant -2, not as neg(2): bracket literals to keep the tree
    if (operand instanceof Expr.Num) {
      return "-(" + bare(operand) + ")";
    }
    String inner = at(operand, SIGN);
    return inner.startsWith("-") ? "- " + inner : "-" + inner;
  }

  private static String call(String name, Expr.Call c) {
    StringJoiner args = new StringJoiner(", ", name + "(", ")");
    for (Expr arg : c.args()) {
      args.add(at(arg, SUM));
    }
    return args.toString();
  }

  /**
   * Shortest text that reads back to the same double, as the model file and the C++ write it ({@link
   * Decimal#shortest}: 0.0001, not 1.0E-4); whole numbers without a trailing ".0", -0.0 with it.
   */
  private static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15 && !isNegativeZero(value)) {
      return Long.toString((long) value);
    }
    return isNegativeZero(value) ? "-0.0" : Decimal.shortest(value);
  }

  private static boolean isNegative(double value) {
    return value < 0 || isNegativeZero(value);
  }

  private static boolean isNegativeZero(double value) {
    return Double.doubleToRawLongBits(value) == Long.MIN_VALUE;
  }
}
