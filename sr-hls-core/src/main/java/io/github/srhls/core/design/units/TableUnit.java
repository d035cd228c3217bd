package io.github.srhls.core.design.units;

/**
 * Our own synthesizable implementation of a math function: integer arithmetic that reduces the argument to a
 * position in a table, and a piecewise polynomial ({@link Segments}) over it. The coefficients are computed and
 * quantized here in Java; the C++ emitter writes the same constants and the same arithmetic, so the Java model,
 * the host simulation and the vendor's simulation agree bit for bit.
 */
public sealed interface TableUnit extends FunctionUnit
    permits PeriodicTable, ExpTable, LogTable, TanhTable, RootTable {

  Segments segments();

  /** Index bits: the table has 2^indexBits segments. */
  default int indexBits() {
    return segments().indexBits();
  }

  /** Bits of the position below the index: t's bits, none for a plain table. */
  default int positionFractionBits() {
    return positionFractionBits(segments());
  }

  static int positionFractionBits(Segments segments) {
    return segments.degree() == 0 ? 0 : segments.fractionType().width();
  }
}
