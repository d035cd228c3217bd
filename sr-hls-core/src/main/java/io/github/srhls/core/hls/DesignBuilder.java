package io.github.srhls.core.hls;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.funcs.FunctionUnit;
import io.github.srhls.core.funcs.PeriodicTable;
import io.github.srhls.core.funcs.RangeTable;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.Interval;
import io.github.srhls.core.ir.Node;
import io.github.srhls.core.ir.RangeAnalysis;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assigns types and function units to a graph. This is the uniform plan: every constant and intermediate node
 * gets the model's default type, as the peer does; inputs keep their declared types.
 */
public final class DesignBuilder {
  /** Default table size: 1024 entries, one 18 Kb block RAM for a 16-bit result. */
  public static final int DEFAULT_INDEX_BITS = 10;

  private static final Set<Builtin> PERIODIC = EnumSet.of(Builtin.SIN, Builtin.COS, Builtin.TAN);
  private static final Set<Builtin> TABULATED = EnumSet.of(Builtin.SINH, Builtin.COSH, Builtin.TANH,
      Builtin.EXP, Builtin.LOG, Builtin.LOG2, Builtin.LOG10, Builtin.SQRT, Builtin.CBRT);

  private DesignBuilder() {}

  /**
   * @param inputRanges the declared range of each input
   * @param inputTypes each input's declared type, or null for the default
   * @param resultType the type of y[]
   */
  public static Design uniform(
      String name,
      Graph graph,
      List<Interval> inputRanges,
      List<FixedType> inputTypes,
      FixedType defaultType,
      FixedType resultType,
      int indexBits) {
    List<FixedType> declared = new ArrayList<>();
    for (FixedType t : inputTypes) {
      declared.add(t == null ? defaultType : t);
    }
    FixedType inputType = join(declared, defaultType);
    Interval[] ranges = RangeAnalysis.analyze(graph, inputRanges);
    boolean[] live = graph.live();

    List<FixedType> types = new ArrayList<>(graph.size());
    List<Fixed> constants = new ArrayList<>(graph.size());
    Map<Integer, FunctionUnit> units = new HashMap<>();
    Map<List<Object>, FunctionUnit> shared = new HashMap<>();
    for (int id = 0; id < graph.size(); id++) {
      Node n = graph.node(id);
      FixedType t = n instanceof Node.Input in ? declared.get(in.index()) : defaultType;
      types.add(t);
      constants.add(n instanceof Node.Const c ? Fixed.fromDouble(c.value(), t) : null);
      if (live[id] && n instanceof Node.Op op && (PERIODIC.contains(op.op()) || TABULATED.contains(op.op()))) {
        FixedType argType = types.get(op.arg(0));
        Interval domain = PERIODIC.contains(op.op())
            ? null
            : ranges[op.arg(0)].intersect(TypeBounds.range(argType));
        List<Object> key = List.of(op.op(), argType, t, String.valueOf(domain));
        FunctionUnit unit = shared.computeIfAbsent(key, k -> PERIODIC.contains(op.op())
            ? PeriodicTable.of(op.op(), argType, t, indexBits)
            : RangeTable.of(op.op(), argType, t, domain, indexBits));
        units.put(id, unit);
      }
    }
    return new Design(name, graph, inputType, resultType, defaultType, types, constants, units, live);
  }


  /**
   * The narrowest type holding every given type's values exactly, with the default type's modes: x[] carries
   * all inputs, each then converted to its own type inside the firmware.
   */
  static FixedType join(List<FixedType> types, FixedType modes) {
    if (types.stream().distinct().count() <= 1) {
      return types.isEmpty() ? modes : types.get(0);
    }
    boolean signed = types.stream().anyMatch(FixedType::signed);
    int intBits = Integer.MIN_VALUE;
    int fracBits = Integer.MIN_VALUE;
    for (FixedType t : types) {
      intBits = Math.max(intBits, t.intBits() + (signed && !t.signed() ? 1 : 0));
      fracBits = Math.max(fracBits, t.fracBits());
    }
    return new FixedType(signed, intBits + fracBits, intBits, modes.quantization(), modes.overflow(),
        modes.saturationBits(), false);
  }
}
