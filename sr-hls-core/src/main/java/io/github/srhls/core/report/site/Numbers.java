package io.github.srhls.core.report.site;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Figures as the page prints them: locale-independent, short, and the same for the same value. */
final class Numbers {
  /** What a table shows where a source has no figure. */
  static final String NONE = "–";

  private Numbers() {}

  /** A count: {@code 968}. */
  static String count(long n) {
    return Long.toString(n);
  }

  /** A value to at most three decimals, without trailing zeros: {@code 20}, {@code 4.99}. */
  static String decimal(double v) {
    if (!Double.isFinite(v)) {
      return NONE;
    }
    return new BigDecimal(v).setScale(3, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }

  /** Three significant digits, in scientific notation outside [0.001, 10000): {@code 0.00362}, {@code 3.6e-5}. */
  static String significant(double v) {
    if (!Double.isFinite(v)) {
      return NONE;
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e-3 && a < 1e4) {
      return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
    String s = String.format(Locale.ROOT, "%.2e", v); // 3.60e-05
    String mantissa = s.substring(0, s.indexOf('e'));
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    int exponent = Integer.parseInt(s.substring(s.indexOf('e') + 1));
    return mantissa + "e" + exponent;
  }

  /** A share as a percentage with one decimal: {@code 97.3 %}. */
  static String percent(double share) {
    if (!Double.isFinite(share)) {
      return NONE;
    }
    return new BigDecimal(share * 100).setScale(1, java.math.RoundingMode.HALF_EVEN).toPlainString() + " %";
  }
}
