package io.github.srhls.core.model;

import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.fixed.FixedType;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A validated model file ({@code format: sr-hls/v1}).
 *
 * @param file the model file, absolute and normalized
 * @param name the top function, IP and file name: a C identifier, not a C++ keyword, not {@code main}, not starting
 *     with {@code ap_} or {@code _}, at most 64 characters
 * @param version the model's version, or the project version when the file gives none
 * @param description free text; empty when the file gives none
 * @param inputs in order: input {@code i} is {@code x[i]}
 * @param outputs in order: output {@code j} is {@code y[j]}
 * @param operators custom operators, in file order
 * @param defaultType {@code precision.default}: inputs, outputs, constants and internal nodes unless said otherwise
 * @param target the FPGA part and clock
 * @param testbench how to make and judge test vectors
 * @param at where the name is written; its file is the model file as messages name it (relative to the project)
 */
public record ModelSpec(
    Path file,
    String name,
    String version,
    String description,
    List<InputSpec> inputs,
    List<OutputSpec> outputs,
    List<OperatorSpec> operators,
    FixedType defaultType,
    TargetSpec target,
    TestbenchSpec testbench,
    SourcePosition at) {

  public ModelSpec {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(description, "description");
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    operators = List.copyOf(operators);
    Objects.requireNonNull(defaultType, "defaultType");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(testbench, "testbench");
    Objects.requireNonNull(at, "at");
  }

  /** The names of the inputs, in order. */
  public List<String> inputNames() {
    return inputs.stream().map(InputSpec::name).toList();
  }
}
