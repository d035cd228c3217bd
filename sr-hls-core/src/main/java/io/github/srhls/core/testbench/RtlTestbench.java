package io.github.srhls.core.testbench;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.srhls.core.design.Design;
import io.github.srhls.core.design.DesignReport;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.project.JsonFiles;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the RTL simulation of a generated project needs beside the Verilog: {@code rtl/sr-hls-rtl.json}, written at
 * generate time with the RTL. It names the top module, the clock and the latency the pipeline was planned for, and
 * the fixed-point type of every port, so that the test vectors of {@code tb_data/} become the ports' raw bits by
 * the Java model's own path: an input is {@code fromDouble(x, input_t)} assigned to the input's own type (the RTL
 * does the clamp), and an expected output is the value of {@code tb_output_predictions.dat} in {@code result_t}.
 *
 * @param format always {@link #FORMAT}
 * @param top the top module's name (the model's)
 * @param clockNs the clock period the pipeline was planned for (target.clock-ns)
 * @param latencyCycles the cycles from an input to its output that the pipeline was planned with
 * @param inputType {@code input_t}, the type test inputs are first converted to
 * @param inputs the input ports in declaration order, each with the input's own type
 * @param outputs the output ports in order, each with the type of its raw bits ({@code result_t})
 */
@JsonPropertyOrder({"format", "top", "clockNs", "latencyCycles", "inputType", "inputs", "outputs"})
public record RtlTestbench(
    String format,
    String top,
    double clockNs,
    int latencyCycles,
    String inputType,
    List<PortType> inputs,
    List<PortType> outputs) {

  /** Where it is in a generated project; its presence says the project has RTL to simulate. */
  public static final String FILE = "rtl/sr-hls-rtl.json";
  public static final String FORMAT = "sr-hls-rtl/v1";

  /**
   * A data port of the module.
   *
   * @param name the Verilog port name
   * @param type the fixed-point type whose raw bits it carries, in the C++ spelling ({@link FixedType#cpp()})
   */
  public record PortType(String name, String type) {
    public PortType {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("a port has no name");
      }
      FixedType.parse(type);
    }

    public FixedType fixedType() {
      return FixedType.parse(type);
    }
  }

  public RtlTestbench {
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("unsupported format '" + format + "', expected '" + FORMAT
          + "'; regenerate with this version of sr-hls");
    }
    if (top == null || top.isEmpty()) {
      throw new IllegalArgumentException("top is empty");
    }
    if (!(clockNs > 0 && Double.isFinite(clockNs))) {
      throw new IllegalArgumentException("clockNs must be a positive number, got " + clockNs);
    }
    if (latencyCycles < 0) {
      throw new IllegalArgumentException("latencyCycles must not be negative, got " + latencyCycles);
    }
    FixedType.parse(inputType);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("a module needs at least one output port");
    }
  }

  /**
   * The description of the RTL of {@code design}: the ports of the sr-hls interface with the design's types.
   *
   * @param latencyCycles the latency the RTL was pipelined to
   * @param clockNs the clock period it was pipelined for
   */
  public static RtlTestbench of(Design design, int latencyCycles, double clockNs) {
    List<String> names = design.graph().inputNames();
    List<PortType> inputs = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      inputs.add(new PortType(names.get(i), design.inputTypes().get(i).cpp()));
    }
    List<PortType> outputs = design.graph().outputNames().stream()
        .map(n -> new PortType(n, design.resultType().cpp())).toList();
    return new RtlTestbench(FORMAT, design.name(), clockNs, latencyCycles, design.inputType().cpp(), inputs,
        outputs);
  }

  /**
   * The description of the RTL that {@code sr-hls-design.json} reports: its ports and pipeline are written once, in
   * the design report's {@code rtl} section, and this file is that section's part the RTL simulation reads.
   *
   * @throws IllegalArgumentException when the section says there is no RTL ({@link DesignReport.Rtl#note()})
   */
  public static RtlTestbench of(DesignReport.Rtl rtl) {
    if (rtl.top() == null) {
      throw new IllegalArgumentException("no RTL: " + rtl.note());
    }
    return new RtlTestbench(FORMAT, rtl.top(), rtl.clockNs(), rtl.latencyCycles(), rtl.wireType(),
        portTypes(rtl.inputs()), portTypes(rtl.outputs()));
  }

  private static List<PortType> portTypes(List<DesignReport.Port> ports) {
    return ports.stream().map(p -> new PortType(p.name(), p.type())).toList();
  }

  /** The file's text, deterministic. */
  public String json() {
    return JsonFiles.toJson(this);
  }

  /**
   * Reads {@code <project>/rtl/sr-hls-rtl.json}; empty when the project has no RTL.
   *
   * @throws SrHlsException naming the file when it is malformed
   */
  public static Optional<RtlTestbench> read(Path project) {
    Path file = project.resolve(FILE);
    return Files.isRegularFile(file) ? Optional.of(JsonFiles.read(file, RtlTestbench.class)) : Optional.empty();
  }

  /** The raw bits of one vector's inputs, in port order, as the Java model puts them on the wire. */
  public List<BigInteger> inputBits(double[] vector) {
    FixedType wire = FixedType.parse(inputType);
    List<BigInteger> bits = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      bits.add(Fixed.fromDouble(vector[i], wire).cast(inputs.get(i).fixedType()).raw());
    }
    return bits;
  }

  /**
   * The raw bits of one vector's expected outputs, in port order: each value is one of its type's values, written
   * exactly as a double when the type has at most 53 significant bits (wider ones are compared as doubles, see
   * {@link #exactAsDouble}).
   */
  public List<BigInteger> expectedBits(double[] vector) {
    List<BigInteger> bits = new ArrayList<>(outputs.size());
    for (int k = 0; k < outputs.size(); k++) {
      bits.add(Fixed.fromDouble(vector[k], outputs.get(k).fixedType()).raw());
    }
    return bits;
  }

  /** Whether every value of the type is a double, so that its raw bits survive the trip through a .dat file. */
  public static boolean exactAsDouble(FixedType type) {
    return type.width() - (type.signed() ? 1 : 0) <= 53;
  }
}
