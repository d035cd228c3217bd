package io.github.srhls.core.simulation.rtl;

import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.simulation.rtl.RtlResult.Mismatch;
import io.github.srhls.core.simulation.rtl.RtlResult.Mismatches;
import io.github.srhls.core.testbench.RtlTestbench;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the RTL's outputs with the Java model's one vector at a time, keeping only the counts and the first
 * mismatches of each output, so that what it holds does not grow with the vectors. Every output value is compared
 * bit for bit; an output type too wide for its values to be doubles is compared as the double the expected outputs
 * file holds, as the host simulation compares it. Ports of at most 64 bits are compared in {@code long} arithmetic,
 * the types parsed once: this runs for every value of every vector.
 */
final class OutputCheck {
  private final List<Port> ports;
  private final RawVectors layout;
  private final FixedType[] types;
  private final boolean[] exact;
  private final int[] byOutput;
  private final List<Mismatch> first = new ArrayList<>();
  private int count;

  OutputCheck(RtlTestbench testbench, List<Port> ports) {
    this.ports = List.copyOf(ports);
    this.layout = new RawVectors(ports);
    this.types = testbench.outputs().stream().map(RtlTestbench.PortType::fixedType).toArray(FixedType[]::new);
    this.exact = new boolean[types.length];
    for (int k = 0; k < types.length; k++) {
      exact[k] = RtlTestbench.exactAsDouble(types[k]);
    }
    this.byOutput = new int[ports.size()];
  }

  /**
   * Compares vector {@code v}.
   *
   * @param want its expected outputs, as the expected outputs file holds them
   * @param got the RTL's raw output bits, a record of {@link RawVectors} for the output ports
   */
  void vector(int v, double[] want, int[] got) {
    for (int k = 0; k < types.length; k++) {
      if (!same(k, want[k], got)) {
        mismatch(v, k, want[k], layout.big(got, k));
      }
    }
  }

  private boolean same(int k, double want, int[] got) {
    FixedType type = types[k];
    if (layout.narrow(k)) {
      long bits = layout.bits(got, k);
      return exact[k] ? Fixed.fromDouble(want, type).bits() == bits
          : sameDouble(Fixed.ofBits(bits, type).toDouble(), want);
    }
    // wider than 64 bits: never exact as a double
    return sameDouble(Fixed.ofRaw(signedValue(layout.big(got, k), type), type).toDouble(), want);
  }

  private static boolean sameDouble(double a, double b) {
    return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
  }

  private void mismatch(int v, int k, double want, BigInteger got) {
    if (byOutput[k] < Mismatches.SHOWN) {
      Port port = ports.get(k);
      FixedType type = types[k];
      Fixed wantValue = Fixed.fromDouble(want, type);
      first.add(new Mismatch(v, port.name(), decimal(wantValue), decimal(Fixed.ofRaw(signedValue(got, type), type)),
          RtlSimulator.hex(port.raw(wantValue.raw()), port.width()), RtlSimulator.hex(got, port.width())));
    }
    byOutput[k]++;
    count++;
  }

  Mismatches mismatches() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int k = 0; k < ports.size(); k++) {
      counts.put(ports.get(k).name(), byOutput[k]);
    }
    return new Mismatches(count, counts, first);
  }

  /** The value of raw bits as the type reads them: two's complement when it is signed. */
  private static BigInteger signedValue(BigInteger bits, FixedType type) {
    return type.signed() && bits.testBit(type.width() - 1) ? bits.subtract(BigInteger.ONE.shiftLeft(type.width()))
        : bits;
  }

  private static String decimal(Fixed value) {
    return value.toBigDecimal().stripTrailingZeros().toPlainString();
  }
}
