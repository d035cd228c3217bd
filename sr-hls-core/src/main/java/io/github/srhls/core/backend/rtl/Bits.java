package io.github.srhls.core.backend.rtl;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Verilog-2005 expressions for bit fields of a raw code, written so that every expression has exactly the width it
 * is used at (Verilator treats width mismatches as errors) and is unsigned unless wrapped in {@code $signed}. A code
 * is read as an infinite two's-complement (or unsigned) integer: bits above its MSB repeat the sign (or are 0), bits
 * below its LSB are 0, so one call aligns, extends and truncates.
 */
final class Bits {
  private Bits() {}

  /**
   * Bits {@code lo} to {@code hi} (inclusive, {@code hi >= lo}) of the code held in {@code name} ({@code width} bits,
   * {@code signed} or not): an unsigned expression of {@code hi - lo + 1} bits.
   */
  static String field(String name, int width, boolean signed, long lo, long hi) {
    if (hi < lo) {
      throw new IllegalArgumentException("empty field " + lo + ".." + hi + " of " + name);
    }
    List<String> parts = new ArrayList<>();
    if (hi >= width) {
      long count = hi - Math.max(lo, width) + 1;
      parts.add(signed ? replicate(count, bit(name, width, width - 1)) : zeros(count));
    }
    long top = Math.min(hi, width - 1);
    long bottom = Math.max(lo, 0);
    if (top >= bottom) {
      parts.add(top == bottom ? bit(name, width, (int) top) : name + "[" + top + ":" + bottom + "]");
    }
    if (lo < 0) {
      parts.add(zeros(Math.min(hi, -1) - lo + 1));
    }
    return concat(parts);
  }

  /** {@link #field} of a signal. */
  static String field(Signal s, String name, long lo, long hi) {
    return field(name, s.width(), s.signed(), lo, hi);
  }

  /** The code of {@code s} in {@code width} bits, sign- or zero-extended (or truncated). */
  static String extend(Signal s, String name, int width) {
    return field(s, name, 0, width - 1);
  }

  /** One bit of the code, {@code k >= 0}; above the MSB the sign (or 0). */
  static String bitOf(Signal s, String name, long k) {
    if (k < 0) {
      return "1'b0";
    }
    if (k >= s.width()) {
      return s.signed() ? bit(name, s.width(), s.width() - 1) : "1'b0";
    }
    return bit(name, s.width(), (int) k);
  }

  /** The sign bit as an expression: the MSB of a signed code, 1'b0 for an unsigned one. */
  static String sign(Signal s, String name) {
    return s.signed() ? bit(name, s.width(), s.width() - 1) : "1'b0";
  }

  private static String bit(String name, int width, int k) {
    return name + "[" + k + "]";
  }

  static String replicate(long count, String oneBit) {
    return count == 1 ? oneBit : "{" + count + "{" + oneBit + "}}";
  }

  static String zeros(long count) {
    return count + "'d0";
  }

  static String ones(long count) {
    return replicate(count, "1'b1");
  }

  /** A concatenation of parts (empty strings skipped); a single part stands alone. */
  static String concat(List<String> parts) {
    List<String> kept = parts.stream().filter(p -> !p.isEmpty()).toList();
    if (kept.isEmpty()) {
      throw new IllegalArgumentException("empty concatenation");
    }
    return kept.size() == 1 ? kept.get(0) : "{" + String.join(", ", kept) + "}";
  }

  static String concat(String... parts) {
    return concat(List.of(parts));
  }

  /** A sized hexadecimal literal of the low {@code width} bits of {@code raw} (two's complement). */
  static String literal(BigInteger raw, int width) {
    BigInteger bits = raw.and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
    return width + "'h" + bits.toString(16);
  }

  /** Number of LUT6 levels that reduce {@code bits} bits to one (AND/OR trees): 0 for one bit. */
  static int reductionLevels(long bits) {
    int levels = 0;
    for (long n = bits; n > 1; n = (n + 5) / 6) {
      levels++;
    }
    return levels;
  }
}
