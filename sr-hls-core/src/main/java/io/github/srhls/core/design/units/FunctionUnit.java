package io.github.srhls.core.design.units;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;

/**
 * How the firmware computes a math function: one of our {@link TableUnit}s, or the vendor's library call.
 */
public sealed interface FunctionUnit permits TableUnit, VendorFunction {

  Builtin function();

  /** The type of the argument the unit is called with. */
  FixedType argType();

  /** The type of the result. */
  FixedType resultType();

  /** The result for an argument of {@link #argType()}, exactly as the firmware computes it. */
  Fixed evaluate(Fixed x);
}
