package io.github.srhls.core.design;

import io.github.srhls.core.compile.CompiledModel;
import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.ir.Interval;
import io.github.srhls.core.model.FunctionSpec;
import io.github.srhls.core.model.InputSpec;
import io.github.srhls.core.model.InternalPrecision;
import io.github.srhls.core.model.ModelSpec;
import io.github.srhls.core.model.OutputSpec;
import io.github.srhls.core.model.PrecisionSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The design a model file asks for: its precision and functions sections made into a {@link DesignRequest}, planned
 * with uniform types or by {@link PrecisionPlanner} from the error budget.
 */
public final class ModelDesign {
  private ModelDesign() {}

  /**
   * @param spec the model as read
   * @param model the model compiled to one graph
   * @param source the model file as messages name it
   * @throws SrHlsException naming the model file when the plan cannot be made
   */
  public static Design of(ModelSpec spec, CompiledModel model, String source) {
    PrecisionSpec precision = spec.precision();
    Map<Builtin, Integer> tableBits = new EnumMap<>(Builtin.class);
    Set<Builtin> vendor = EnumSet.noneOf(Builtin.class);
    Map<Builtin, Integer> degrees = new EnumMap<>(Builtin.class);
    boolean auto = precision.internal() instanceof InternalPrecision.Auto;
    for (Builtin f : Builtin.withUnits()) {
      FunctionSpec settings = spec.functionSettings(f.canonicalName());
      // the degree as the model says; unset, 0 under uniform and planned with the size under auto
      if (settings.degree() != null) {
        degrees.put(f, settings.degree());
      }
      if (settings.implementation() == FunctionSpec.Implementation.VENDOR) {
        vendor.add(f);
      } else if (settings.size() != null) {
        tableBits.put(f, Integer.numberOfTrailingZeros(settings.size()));
      }
    }
    FixedType internal = auto ? precision.defaultType() : precision.uniformType();
    DesignRequest request = DesignRequest.builder(spec.name(), model.graph())
        .inputRanges(ranges(spec))
        .inputTypes(inputTypes(spec))
        .resultType(resultType(spec))
        .defaultType(precision.defaultType())
        .internalType(internal)
        .constantType(precision.constants())
        .tableIndexBits(tableBits)
        .vendorFunctions(vendor)
        .degrees(degrees)
        .nodeTypes(model.nodeTypes())
        .clampInputs(auto)
        .build();
    try {
      return auto ? PrecisionPlanner.plan(request, precision.error()) : DesignBuilder.uniform(request);
    } catch (SrHlsException e) {
      throw new SrHlsException(source + ": " + e.getMessage(), e);
    }
  }

  private static List<Interval> ranges(ModelSpec spec) {
    return spec.inputs().stream().map(i -> new Interval(i.min(), i.max())).toList();
  }

  private static List<FixedType> inputTypes(ModelSpec spec) {
    List<FixedType> types = new ArrayList<>();
    for (InputSpec in : spec.inputs()) {
      types.add(in.type() == null ? spec.defaultType() : in.type());
    }
    return types;
  }

  /**
   * y[] has one element type: the outputs' declared type (the model reader makes sure they declare one or none),
   * else the default.
   */
  private static FixedType resultType(ModelSpec spec) {
    return spec.outputs().stream().map(OutputSpec::type).filter(Objects::nonNull).findFirst()
        .orElse(spec.defaultType());
  }
}
