package io.github.srhls.core.design.units;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.ir.FloatSemantics;

/**
 * The vendor's math library ({@code hls::sin} etc. from {@code hls_math.h}), for users who want it. Its bits
 * cannot be reproduced from public sources, so only the vendor's C simulation runs such a design, and the Java
 * model gives the correctly rounded function value as an approximate expectation.
 */
public record VendorFunction(Builtin function, FixedType argType, FixedType resultType) implements FunctionUnit {

  /** The vendor's fixed-point math takes plain ap_fixed with at most 33 integer and 32 fractional bits. */
  public static final int MAX_INT_BITS = 33;
  public static final int MAX_FRAC_BITS = 32;

  /** The plain type the argument is converted to first: other modes make the vendor's overloads ambiguous. */
  public FixedType callType() {
    return FixedType.fixed(argType.width(), argType.intBits());
  }

  /** Whether the vendor's library accepts this argument type. */
  public boolean supported() {
    return argType.intBits() <= MAX_INT_BITS && argType.fracBits() <= MAX_FRAC_BITS && argType.fracBits() >= 0;
  }

  @Override
  public Fixed evaluate(Fixed x) {
    return Tables.quantize(FloatSemantics.apply(function, x.toDouble()), resultType);
  }
}
