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
 * file holds, as the host simulation compares it.
 */
final class OutputCheck {
  private final RtlTestbench testbench;
  private final List<Port> ports;
  private final int[] byOutput;
  private final List<Mismatch> first = new ArrayList<>();
  private int count;

  OutputCheck(RtlTestbench testbench, List<Port> ports) {
    this.testbench = testbench;
    this.ports = List.copyOf(ports);
    this.byOutput = new int[ports.size()];
  }

  /**
   * Compares vector {@code v}.
   *
   * @param want its expected outputs, as the expected outputs file holds them
   * @param got the RTL's raw output bits, in port order
   */
  void vector(int v, double[] want, List<BigInteger> got) {
    List<BigInteger> wantBits = testbench.expectedBits(want);
    for (int k = 0; k < ports.size(); k++) {
      Port port = ports.get(k);
      FixedType type = testbench.outputs().get(k).fixedType();
      Fixed gotValue = Fixed.ofRaw(signedValue(got.get(k), type), type);
      boolean same = RtlTestbench.exactAsDouble(type)
          ? port.raw(wantBits.get(k)).equals(got.get(k))
          : Double.doubleToLongBits(gotValue.toDouble()) == Double.doubleToLongBits(want[k]);
      if (same) {
        continue;
      }
      if (byOutput[k] < Mismatches.SHOWN) {
        Fixed wantValue = Fixed.ofRaw(wantBits.get(k), type);
        first.add(new Mismatch(v, port.name(), decimal(wantValue), decimal(gotValue),
            RtlSimulator.hex(port.raw(wantBits.get(k)), port.width()), RtlSimulator.hex(got.get(k), port.width())));
      }
      byOutput[k]++;
      count++;
    }
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
