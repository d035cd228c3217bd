package io.github.srhls.core.backend.rtl;

import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RTL of one design, as {@link RtlEmitter} wrote it: the files, the module's data ports and its pipeline.
 *
 * @param top the top module's name (the model's name)
 * @param files the file contents by path relative to the generated project ({@code rtl/<top>.v}), in a fixed order
 * @param inputs the data input ports in order, named as the inputs, each of its input's own type
 * @param outputs the data output ports in order, named as the outputs, each of the result type
 * @param wireType {@code input_t}: the type the testbench's input values are first converted to, as the Java model
 *     does ({@link #inputBits})
 * @param part the target part the pipeline was scheduled for
 * @param family the part's family as Yosys names it ({@code synth_xilinx -family})
 * @param clockNs the clock period scheduled for
 * @param latencyCycles L: the outputs for the inputs presented in cycle t are on the output ports in cycle t + L
 * @param criticalPathNs the longest register-to-register path by the delay model, register overhead included
 * @param cost the resources the module is estimated to take, from the cells and registers chosen ({@link RtlCost})
 */
public record RtlModule(String top, Map<String, String> files, List<Signal> inputs, List<Signal> outputs,
    FixedType wireType, String part, String family, double clockNs, int latencyCycles, double criticalPathNs,
    RtlCost cost) {

  /** The directory of the RTL in the generated project. */
  public static final String DIRECTORY = "rtl";

  public RtlModule {
    files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** The top module's file, relative to the generated project. */
  public String file() {
    return DIRECTORY + "/" + top + ".v";
  }

  /** L x the clock period. */
  public double latencyNs() {
    return latencyCycles * clockNs;
  }

  /** The module accepts a new input vector every cycle. */
  public int initiationInterval() {
    return 1;
  }

  /**
   * The raw bits to put on the input ports for a vector of input values (the testbench's doubles): each value
   * converted to {@code input_t}, then assigned to the input's own type, as the Java model takes its inputs.
   * Two's-complement values, negative where the port is signed and the value negative.
   */
  public List<BigInteger> inputBits(double[] values) {
    if (values.length != inputs.size()) {
      throw new IllegalArgumentException(top + " has " + inputs.size() + " inputs, got " + values.length);
    }
    List<BigInteger> bits = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      bits.add(Fixed.fromDouble(values[i], wireType).cast(inputs.get(i).type()).raw());
    }
    return bits;
  }

  /**
   * The value an output port's raw bits stand for, as the double the testbench's expected file holds (exact for
   * types of up to 53 significant bits).
   *
   * @param raw the port's bits read as a non-negative number below 2^W
   */
  public double outputValue(int output, BigInteger raw) {
    FixedType t = outputs.get(output).type();
    BigInteger code = t.signed() && raw.testBit(t.width() - 1) ? raw.subtract(BigInteger.ONE.shiftLeft(t.width()))
        : raw;
    return Fixed.ofRaw(code, t).toDouble();
  }
}
