package io.github.srhls.core.funcs;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import java.util.List;

/**
 * Our own synthesizable implementation of a math function: a lookup table with the integer arithmetic that
 * indexes it. The table is computed and quantized here in Java; the C++ emitter writes the same constants and the
 * same index arithmetic, so the Java model, the host simulation and the vendor's simulation agree bit for bit.
 */
public sealed interface FunctionUnit permits PeriodicTable, ExpTable, LogTable, TanhTable, RootTable, VendorFunction {

  Builtin function();

  /** The type of the argument the unit is called with. */
  FixedType argType();

  /** The type of the table entries and of the result. */
  FixedType resultType();

  /** The table, already quantized to {@link #resultType()}. */
  List<Fixed> table();

  /** The result for an argument of {@link #argType()}, exactly as the firmware computes it. */
  Fixed evaluate(Fixed x);

  /** Index bits: the table has 2^indexBits entries. */
  default int indexBits() {
    return Integer.numberOfTrailingZeros(table().size());
  }
}
