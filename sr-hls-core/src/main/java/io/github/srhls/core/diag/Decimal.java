package io.github.srhls.core.diag;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers as messages show them: three significant digits, not a double's seventeen. */
public final class Decimal {
  private Decimal() {}

  /** {@code 0.00366}, {@code 1e-06}, {@code 250}: three significant digits without trailing zeros. */
  public static String brief(double value) {
    return significant(value, 3);
  }

  /** The value with this many significant digits, without trailing zeros: 0.5, 1.163, -0.3619, 1.2e-05. */
  public static String significant(double value, int digits) {
    if (!Double.isFinite(value)) {
      return String.valueOf(value);
    }
    String s = String.format(Locale.ROOT, "%." + digits + "g", value);
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return e < 0 ? mantissa : mantissa + s.substring(e);
  }

  /**
   * The shortest decimal that reads back as the same double, as a model file or C++ source writes a constant:
   * without an exponent for magnitudes from 1e-6 to below 1e15 (0.0001, 123.25, 0.30000000000000004), with a
   * lowercase one beyond (1e-7, 2.5e+20); not Java's {@code 1.0E-4}.
   */
  public static String shortest(double value) {
    if (!Double.isFinite(value)) {
      return String.valueOf(value);
    }
    // Double.toString's digits are the shortest that read back; BigDecimal only lays them out
    BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
    double m = Math.abs(value);
    return m == 0 || m >= 1e-6 && m < 1e15 ? d.toPlainString() : d.toString().replace('E', 'e');
  }

  /** The smallest two-digit decimal at least {@code value}, for a limit to suggest: 0.003662 gives 0.0037. */
  public static String ceiling(double value) {
    if (!Double.isFinite(value) || value <= 0) {
      return String.valueOf(value);
    }
    // the shortest decimal of the double, which reads back as the same double: 0.01 stays 0.01
    BigDecimal up = BigDecimal.valueOf(value).round(new MathContext(2, RoundingMode.UP)).stripTrailingZeros();
    return up.abs().compareTo(new BigDecimal("1e-4")) < 0 || up.compareTo(new BigDecimal("1e6")) >= 0
        ? up.toString().replace("E", "e") : up.toPlainString();
  }
}
