package io.github.srhls.core.fixed;

/**
 * The binary arithmetic operators of the fixed-point types and the full-precision type of their result, as the
 * vendor's headers define it (facts: fixed-point.md, "Result types of operators").
 */
public enum FixedOp {
  ADD, SUB, MUL, DIV;

  /**
   * The type of {@code a op b} before any assignment: no rounding, no overflow. It has the default modes, and it is
   * an {@code ap_int}/{@code ap_uint} exactly when both operands are (C integer operands count as integers).
   *
   * @throws IllegalArgumentException when the result would be wider than {@link FixedType#MAX_WIDTH}
   */
  public FixedType resultType(FixedType a, FixedType b) {
    boolean signed = a.signed() || b.signed();
    int width;
    int intBits;
    switch (this) {
      case MUL -> {
        width = a.width() + b.width();
        intBits = Math.addExact(a.intBits(), b.intBits());
      }
      case ADD, SUB -> {
        // an unsigned operand needs one more integer bit to sit beside a signed one
        int i1 = a.intBits() + (b.signed() && !a.signed() ? 1 : 0);
        int i2 = b.intBits() + (a.signed() && !b.signed() ? 1 : 0);
        intBits = Math.addExact(Math.max(i1, i2), 1);
        width = Math.addExact(intBits, Math.max(a.fracBits(), b.fracBits()));
        signed = signed || this == SUB;
      }
      case DIV -> {
        int s2 = b.signed() ? 1 : 0;
        width = Math.addExact(s2 + a.width(), Math.max(b.fracBits(), 0));
        intBits = Math.addExact(s2 + a.intBits(), b.fracBits());
      }
      default -> throw new AssertionError(this);
    }
    return typeOf(signed, width, intBits, a.integer() && b.integer());
  }

  /**
   * The width in which the vendor's C++ divides when a fixed-point operand is involved (C integers and ap_int
   * count as {@code ap_fixed<W,W>} there): max(W1 + max(F2, 0) + (S2 and not S1), W2 + (S1 and not S2)). The
   * quotient is the low bits of this width, so "most negative / -1 LSB" wraps back to the dividend when both are
   * signed and the dividend takes the whole width. Between two integer types the quotient is exact.
   */
  public static int divisionWidth(FixedType a, FixedType b) {
    int spareA = b.signed() && !a.signed() ? 1 : 0;
    int spareB = a.signed() && !b.signed() ? 1 : 0;
    return Math.max(a.width() + Math.max(b.fracBits(), 0) + spareA, b.width() + spareB);
  }

  /**
   * Whether {@code a / b} can hit the vendor's wrap: both signed, not both integer types, and the shifted dividend
   * fills the division width, so its most negative value divided by -1 LSB overflows.
   */
  public static boolean divisionCanWrap(FixedType a, FixedType b) {
    return a.signed() && b.signed() && !(a.integer() && b.integer())
        && a.width() + Math.max(b.fracBits(), 0) >= b.width();
  }

  /** The type of {@code -a}: one bit wider, always signed. */
  public static FixedType negationType(FixedType a) {
    return typeOf(true, a.width() + 1, Math.addExact(a.intBits(), 1), a.integer());
  }

  private static FixedType typeOf(boolean signed, int width, int intBits, boolean integer) {
    if (width > FixedType.MAX_WIDTH) {
      throw new IllegalArgumentException("the full-precision result would be " + width + " bits wide; at most "
          + FixedType.MAX_WIDTH + " are supported: assign intermediate results to narrower types");
    }
    if (integer) {
      return signed ? FixedType.apInt(width) : FixedType.apUint(width);
    }
    return FixedType.intermediate(signed, width, intBits);
  }
}
