package io.github.srhls.core.design;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.Interval;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a precision plan starts from. Built with {@link #builder}, so that each setting is named where it is set.
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
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(resultType, "resultType");
    Objects.requireNonNull(defaultType, "defaultType");
    Objects.requireNonNull(internalType, "internalType");
    inputRanges = List.copyOf(inputRanges);
    inputTypes = List.copyOf(inputTypes);
    tableIndexBits = Map.copyOf(tableIndexBits);
    vendorFunctions = Set.copyOf(vendorFunctions);
    degrees = Map.copyOf(degrees);
    nodeTypes = Map.copyOf(nodeTypes);
  }

  /**
   * A request to design {@code graph} as the top function {@code name}. The inputs' ranges and types, and the
   * result, default and internal types must be set; the other settings are empty, off or null unless set.
   */
  public static Builder builder(String name, Graph graph) {
    return new Builder(name, graph);
  }

  /** Names each setting of a {@link DesignRequest}; see the record's components for what each means. */
  public static final class Builder {
    private final String name;
    private final Graph graph;
    private List<Interval> inputRanges;
    private List<FixedType> inputTypes;
    private FixedType resultType;
    private FixedType defaultType;
    private FixedType internalType;
    private FixedType constantType;
    private Map<Builtin, Integer> tableIndexBits = Map.of();
    private Set<Builtin> vendorFunctions = Set.of();
    private Map<Builtin, Integer> degrees = Map.of();
    private Map<Integer, FixedType> nodeTypes = Map.of();
    private boolean clampInputs;

    private Builder(String name, Graph graph) {
      this.name = name;
      this.graph = graph;
    }

    public Builder inputRanges(List<Interval> inputRanges) {
      this.inputRanges = inputRanges;
      return this;
    }

    public Builder inputTypes(List<FixedType> inputTypes) {
      this.inputTypes = inputTypes;
      return this;
    }

    public Builder resultType(FixedType resultType) {
      this.resultType = resultType;
      return this;
    }

    public Builder defaultType(FixedType defaultType) {
      this.defaultType = defaultType;
      return this;
    }

    public Builder internalType(FixedType internalType) {
      this.internalType = internalType;
      return this;
    }

    public Builder constantType(FixedType constantType) {
      this.constantType = constantType;
      return this;
    }

    public Builder tableIndexBits(Map<Builtin, Integer> tableIndexBits) {
      this.tableIndexBits = tableIndexBits;
      return this;
    }

    public Builder vendorFunctions(Set<Builtin> vendorFunctions) {
      this.vendorFunctions = vendorFunctions;
      return this;
    }

    public Builder degrees(Map<Builtin, Integer> degrees) {
      this.degrees = degrees;
      return this;
    }

    public Builder nodeTypes(Map<Integer, FixedType> nodeTypes) {
      this.nodeTypes = nodeTypes;
      return this;
    }

    public Builder clampInputs(boolean clampInputs) {
      this.clampInputs = clampInputs;
      return this;
    }

    public DesignRequest build() {
      Objects.requireNonNull(inputRanges, "inputRanges");
      Objects.requireNonNull(inputTypes, "inputTypes");
      return new DesignRequest(name, graph, inputRanges, inputTypes, resultType, defaultType, internalType,
          constantType, tableIndexBits, vendorFunctions, degrees, nodeTypes, clampInputs);
    }
  }
}
