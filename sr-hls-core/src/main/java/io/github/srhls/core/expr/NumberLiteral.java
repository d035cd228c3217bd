package io.github.srhls.core.expr;

import java.util.OptionalDouble;

/**
 * Decimal number literals as Python, sympy and Julia print them: {@code 2}, {@code .5}, {@code 2.}, {@code 1.5e-3},
 * and Julia's Float32 form {@code 1.0f-5} / {@code 1f0}. A Float32 literal keeps the decimal value it spells (the
 * shortest text that round-trips to the Float32), not the binary Float32 value, as sympy would read it.
 *
 * <p>The syntax is {@code [+-]? (digits ('.' digits?)? | '.' digits) ([eE] [+-]? digits)?}, with {@code f} as a
 * further exponent marker in expressions. It is checked by one pass over the text: a backtracking pattern took
 * quadratic time on long digit runs (39 s for 30,000 digits).
 */
public final class NumberLiteral {
  private NumberLiteral() {}

  /** Whether {@code text} (all of it) is spelled as a number literal, whatever its magnitude. */
  public static boolean isWellFormed(String text) {
    return scan(text, true);
  }

  /** Whether {@code text} (all of it) is a plain decimal number, as in data files: no Float32 {@code f} exponent. */
  public static boolean isDecimal(String text) {
    return scan(text, false);
  }

  /** The value of {@code text}, or empty if it is not a number literal or overflows a double. */
  public static OptionalDouble parse(String text) {
    if (!isWellFormed(text)) {
      return OptionalDouble.empty();
    }
    double value = Double.parseDouble(text.replace('f', 'e'));
    return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
  }

  private static boolean scan(String s, boolean float32) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int integer = digits(s, i);
    i += integer;
    int fraction = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      fraction = digits(s, i);
      i += fraction;
    }
    if (integer == 0 && fraction == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E' || (float32 && s.charAt(i) == 'f'))) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exponent = digits(s, i);
      if (exponent == 0) {
        return false;
      }
      i += exponent;
    }
    return i == n;
  }

  private static int digits(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i - from;
  }
}
