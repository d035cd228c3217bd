package io.github.srhls.core.simulation.rtl;

import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.testbench.RtlTestbench;

/**
 * The raw bits the Java model puts on the input ports for a test vector, as {@link RtlTestbench#inputBits} gives
 * them, into a record of {@link RawVectors}: with the types parsed once and ports of at most 64 bits in
 * {@code long} arithmetic, as this runs for every value of every vector.
 */
final class InputBits {
  private final FixedType wire;
  private final FixedType[] types;
  private final RawVectors layout;

  InputBits(RtlTestbench testbench, RawVectors layout) {
    this.wire = FixedType.parse(testbench.inputType());
    this.types = testbench.inputs().stream().map(RtlTestbench.PortType::fixedType).toArray(FixedType[]::new);
    this.layout = layout;
  }

  /** Fills {@code record} with the input ports' raw bits for {@code vector}. */
  void encode(double[] vector, int[] record) {
    for (int i = 0; i < types.length; i++) {
      Fixed value = Fixed.fromDouble(vector[i], wire).cast(types[i]);
      if (layout.narrow(i)) {
        layout.put(record, i, value.bits());
      } else {
        layout.put(record, i, value.raw());
      }
    }
  }
}
