package io.github.srhls.core.backend.hls;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.fixed.Fixed;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Writes fixed-point values as C++ decimal literals that a compiler reads back to exactly that value. */
final class CppLiterals {
  /** A double holds a value exactly when its significand fits 53 bits. */
  private static final int DOUBLE_BITS = 53;

  private CppLiterals() {}

  /**
   * The exact decimal expansion of the value. It goes through a double in the constructor of the C++ type, which
   * is exact as long as the raw value has at most 53 significant bits.
   */
  static String exact(Fixed v) {
    BigInteger raw = v.raw();
    if (raw.abs().bitLength() > DOUBLE_BITS) {
      throw new SrHlsException("the constant " + v.toDouble() + " of type " + v.type().cpp() + " needs more than "
          + DOUBLE_BITS + " significant bits; use types of at most " + DOUBLE_BITS + " bits for constants");
    }
    int frac = v.type().fracBits();
    BigDecimal d = frac >= 0
        ? new BigDecimal(raw).divide(new BigDecimal(BigInteger.TWO.pow(frac)))
        : new BigDecimal(raw.shiftLeft(-frac));
    String s = d.stripTrailingZeros().toPlainString();
    return s.contains(".") ? s : s + ".0";
  }

  /** Text made safe for a C++ {@code //} comment: no control characters, no comment terminator. */
  static String comment(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      b.append(c < 0x20 || c == 0x7f ? ' ' : c);
    }
    return b.toString().replace("*/", "* /");
  }
}
