package io.github.srhls.core.model;

import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.FixedType;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
 * @param precision the {@code precision} section: default, internal and constant types, error budget
 * @param functions the {@code functions} section as written, sorted by key: canonical function names (see
 *     {@link Builtin#withUnits()}) and {@value FunctionSpec#DEFAULT_KEY}; use {@link #functionSettings} for the
 *     settings that apply to a function
 * @param target the FPGA part and clock
 * @param arithmetic how the RTL builds what it has a choice about (products by constants)
 * @param testbench how to make and judge test vectors
 * @param at where the name is written; its file is the model file as messages name it (relative to the project)
 * @param selection the model-level budgeted selection ({@code selection:}), or null when the file has none
 */
public record ModelSpec(
    Path file,
    String name,
    String version,
    String description,
    List<InputSpec> inputs,
    List<OutputSpec> outputs,
    List<OperatorSpec> operators,
    PrecisionSpec precision,
    Map<String, FunctionSpec> functions,
    TargetSpec target,
    ArithmeticSpec arithmetic,
    TestbenchSpec testbench,
    SourcePosition at,
    SelectionSpec selection) {

  /** A model without a model-level selection. */
  public ModelSpec(Path file, String name, String version, String description, List<InputSpec> inputs,
      List<OutputSpec> outputs, List<OperatorSpec> operators, PrecisionSpec precision,
      Map<String, FunctionSpec> functions, TargetSpec target, ArithmeticSpec arithmetic, TestbenchSpec testbench,
      SourcePosition at) {
    this(file, name, version, description, inputs, outputs, operators, precision, functions, target, arithmetic,
        testbench, at, null);
  }

  public ModelSpec {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(description, "description");
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    operators = List.copyOf(operators);
    Objects.requireNonNull(precision, "precision");
    functions = Collections.unmodifiableSortedMap(new TreeMap<>(functions));
    for (String key : functions.keySet()) {
      if (!key.equals(FunctionSpec.DEFAULT_KEY) && !FunctionSpec.hasUnit(key)) {
        throw new IllegalArgumentException("functions: '" + key + "' is not a function with a unit");
      }
    }
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(arithmetic, "arithmetic");
    Objects.requireNonNull(testbench, "testbench");
    Objects.requireNonNull(at, "at");
  }

  /** The same model with other outputs (the rows a budgeted selection chose, or a subset of the outputs). */
  public ModelSpec withOutputs(List<OutputSpec> newOutputs) {
    return new ModelSpec(file, name, version, description, inputs, newOutputs, operators, precision, functions,
        target, arithmetic, testbench, at, selection);
  }

  /** The names of the inputs, in order. */
  public List<String> inputNames() {
    return inputs.stream().map(InputSpec::name).toList();
  }

  /** {@code precision.default}: inputs, outputs and, under {@code uniform}, everything else without a type. */
  public FixedType defaultType() {
    return precision.defaultType();
  }

  /**
   * The settings for one function: its own entry in {@code functions}, then the {@code default} entry, then
   * {@link FunctionSpec#BUILT_IN}. The implementation is never null; the size is null for {@code vendor} and when no
   * entry gives one.
   *
   * @param canonicalName the {@link Builtin#canonicalName() canonical name} of one of
   *     {@link Builtin#withUnits()}
   * @throws IllegalArgumentException for any other name
   */
  public FunctionSpec functionSettings(String canonicalName) {
    if (!FunctionSpec.hasUnit(canonicalName)) {
      throw new IllegalArgumentException("'" + canonicalName + "' is not a function with a unit; one of "
          + Builtin.withUnits());
    }
    FunctionSpec fallback = functions.getOrDefault(FunctionSpec.DEFAULT_KEY, FunctionSpec.BUILT_IN)
        .over(FunctionSpec.BUILT_IN);
    FunctionSpec own = functions.get(canonicalName);
    return own == null ? fallback : own.over(fallback);
  }
}
