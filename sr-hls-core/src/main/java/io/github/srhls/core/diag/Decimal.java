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
