package io.github.srhls.core.design;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.Interval;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a precision plan starts from.
 *
 * @param name the top function's name
 * @param graph the expression DAG
 * @param inputRanges each input's declared range
 * @param inputTypes each input's type (declared, or the default)
 * @param resultType the type of y[]
 * @param defaultType {@code precision.default}
 * @param internalType the type of intermediate nodes under the uniform plan
 * @param constantType one type for all constants, or null (uniform: the internal type; auto: one per constant)
 * @param tableIndexBits table size (log2) per function where the model sets it; others are planned
 * @param vendorFunctions functions to take from the vendor's math library instead of our tables
 * @param degrees the polynomial degree per table segment, per function where the model sets it (0 for a plain
 *     table, 1 for linear interpolation); others are 0 under the uniform plan and planned under auto
 * @param nodeTypes explicit types of nodes, by id, that no plan changes
 * @param clampInputs clamp each input into its declared range first, so that what the plan derived from the
 *     ranges holds for any input
 */
public record DesignRequest(
    String name,
    Graph graph,
    List<Interval> inputRanges,
    List<FixedType> inputTypes,
    FixedType resultType,
    FixedType defaultType,
    FixedType internalType,
    FixedType constantType,
    Map<Builtin, Integer> tableIndexBits,
    Set<Builtin> vendorFunctions,
    Map<Builtin, Integer> degrees,
    Map<Integer, FixedType> nodeTypes,
    boolean clampInputs) {

  public DesignRequest {
    inputRanges = List.copyOf(inputRanges);
    inputTypes = List.copyOf(inputTypes);
    tableIndexBits = Map.copyOf(tableIndexBits);
    vendorFunctions = Set.copyOf(vendorFunctions);
    degrees = Map.copyOf(degrees);
    nodeTypes = Map.copyOf(nodeTypes);
  }
}
