package io.github.srhls.core.expr;

import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Decimal number literals as Python, sympy and Julia print them: {@code 2}, {@code .5}, {@code 2.}, {@code 1.5e-3},
 * and Julia's Float32 form {@code 1.0f-5} / {@code 1f0}. A Float32 literal keeps the decimal value it spells (the
 * shortest text that round-trips to the Float32), not the binary Float32 value, as sympy would read it.
 */
public final class NumberLiteral {
  private static final Pattern SYNTAX = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eEf][+-]?\\d+)?");

  private NumberLiteral() {}

  /** Whether {@code text} (all of it) is spelled as a number literal, whatever its magnitude. */
  public static boolean isWellFormed(String text) {
    return SYNTAX.matcher(text).matches();
  }

  /** The value of {@code text}, or empty if it is not a number literal or overflows a double. */
  public static OptionalDouble parse(String text) {
    if (!isWellFormed(text)) {
      return OptionalDouble.empty();
    }
    double value = Double.parseDouble(text.replace('f', 'e'));
    return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
  }
}
