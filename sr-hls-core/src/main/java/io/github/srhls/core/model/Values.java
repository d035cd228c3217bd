package io.github.srhls.core.model;

import io.github.srhls.core.diag.SrHlsException;
import java.math.BigInteger;

/** Typed reading of scalar values, with messages that name the value by its dotted path. */
final class Values {
  private Values() {}

  /** Text; numbers count as their written text (YAML reads {@code version: 1.2} or {@code expression: 2} so). */
  static DocumentValue.Scalar text(DocumentValue value, String path) {
    if (value instanceof DocumentValue.Scalar s
        && (s.kind() == DocumentValue.ScalarKind.STRING || s.kind() == DocumentValue.ScalarKind.INTEGER
            || s.kind() == DocumentValue.ScalarKind.DECIMAL)) {
      return s;
    }
    throw SrHlsException.at(value.at(), path + " must be text, found " + value.describe()
        + (value instanceof DocumentValue.Scalar ? "; put it in quotes if it is meant literally" : ""));
  }

  /** Text with at least one non-blank character. */
  static DocumentValue.Scalar nonBlankText(DocumentValue value, String path) {
    DocumentValue.Scalar s = text(value, path);
    if (s.text().isBlank()) {
      throw SrHlsException.at(value.at(), path + " is empty; give it a value");
    }
    return s;
  }

  /** A boolean; YAML 1.1's yes/no and on/off, which the parser reads as booleans, count as true/false too. */
  static boolean bool(DocumentValue value, String path) {
    if (value instanceof DocumentValue.Scalar s
        && (s.kind() == DocumentValue.ScalarKind.TRUE || s.kind() == DocumentValue.ScalarKind.FALSE)) {
      return s.kind() == DocumentValue.ScalarKind.TRUE;
    }
    boolean quoted = value instanceof DocumentValue.Scalar s && s.kind() == DocumentValue.ScalarKind.STRING
        && (s.text().equalsIgnoreCase("true") || s.text().equalsIgnoreCase("false"));
    throw SrHlsException.at(value.at(), path + " must be true or false, found " + value.describe()
        + (quoted ? "; write it without quotes" : ""));
  }

  /** A finite number. */
  static double number(DocumentValue value, String path) {
    if (value instanceof DocumentValue.Scalar s && s.number() != null) {
      double d = s.number().doubleValue();
      if (!Double.isFinite(d)) {
        throw SrHlsException.at(value.at(), path + " must be a finite number, found " + s.text());
      }
      return d;
    }
    throw SrHlsException.at(value.at(), path + " must be a number, found " + value.describe());
  }

  /** An integer from {@code min} to {@code max}; a max of {@link Integer#MAX_VALUE} or more means no limit. */
  static long integer(DocumentValue value, String path, long min, long max) {
    String expected = min == Long.MIN_VALUE && max == Long.MAX_VALUE ? "a 64-bit whole number"
        : max >= Integer.MAX_VALUE ? "a whole number of at least " + min
        : "a whole number from " + min + " to " + max;
    if (value instanceof DocumentValue.Scalar s && s.number() != null) {
      BigInteger v = exactInteger(s.number());
      if (v == null || v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
        throw SrHlsException.at(value.at(), path + " must be " + expected + ", found " + s.text());
      }
      return v.longValueExact();
    }
    throw SrHlsException.at(value.at(), path + " must be " + expected + ", found " + value.describe());
  }

  private static BigInteger exactInteger(Number n) {
    if (n instanceof BigInteger b) {
      return b;
    }
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return BigInteger.valueOf(n.longValue());
    }
    return null;
  }
}
