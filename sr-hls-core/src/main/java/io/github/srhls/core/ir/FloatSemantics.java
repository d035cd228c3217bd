package io.github.srhls.core.ir;

import io.github.srhls.core.expr.Builtin;

/** What each builtin means in double precision: the float64 reference the firmware is measured against. */
public final class FloatSemantics {
  private FloatSemantics() {}

  public static double apply(Builtin op, double... a) {
    return switch (op) {
      case ADD -> a[0] + a[1];
      case SUB -> a[0] - a[1];
      case MUL -> a[0] * a[1];
      case DIV -> a[0] / a[1];
      case POW -> Math.pow(a[0], a[1]);
      case NEG -> -a[0];
      case SIN -> Math.sin(a[0]);
      case COS -> Math.cos(a[0]);
      case TAN -> Math.tan(a[0]);
      case SINH -> Math.sinh(a[0]);
      case COSH -> Math.cosh(a[0]);
      case TANH -> Math.tanh(a[0]);
      case EXP -> Math.exp(a[0]);
      case LOG -> Math.log(a[0]);
      case LOG2 -> Math.log(a[0]) / Math.log(2.0);
      case LOG10 -> Math.log10(a[0]);
      case SQRT -> Math.sqrt(a[0]);
      case CBRT -> Math.cbrt(a[0]);
      case ABS -> Math.abs(a[0]);
      case SIGN -> Math.signum(a[0]);
      case SQUARE -> a[0] * a[0];
      case CUBE -> a[0] * a[0] * a[0];
      case INV -> 1.0 / a[0];
      case MAX -> Math.max(a[0], a[1]);
      case MIN -> Math.min(a[0], a[1]);
    };
  }
}
