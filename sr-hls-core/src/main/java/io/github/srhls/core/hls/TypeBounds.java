package io.github.srhls.core.hls;

import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.ir.Interval;
import java.math.BigInteger;

/** The ends of a fixed-point type's range. */
public final class TypeBounds {
  private TypeBounds() {}

  public static Fixed max(FixedType t) {
    return Fixed.ofRaw(BigInteger.ONE.shiftLeft(t.signed() ? t.width() - 1 : t.width()).subtract(BigInteger.ONE), t);
  }

  public static Fixed min(FixedType t) {
    return Fixed.ofRaw(t.signed() ? BigInteger.ONE.shiftLeft(t.width() - 1).negate() : BigInteger.ZERO, t);
  }

  /** The real interval the type can represent. */
  public static Interval range(FixedType t) {
    return new Interval(min(t).toDouble(), max(t).toDouble());
  }
}
