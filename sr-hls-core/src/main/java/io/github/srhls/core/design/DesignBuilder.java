package io.github.srhls.core.design;

import io.github.srhls.core.design.units.ExpTable;
import io.github.srhls.core.design.units.FunctionUnit;
import io.github.srhls.core.design.units.LogTable;
import io.github.srhls.core.design.units.PeriodicTable;
import io.github.srhls.core.design.units.Reduction;
import io.github.srhls.core.design.units.RootTable;
import io.github.srhls.core.design.units.TanhTable;
import io.github.srhls.core.design.units.VendorFunction;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.CastResult;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.Interval;
import io.github.srhls.core.ir.Node;
import io.github.srhls.core.ir.NodeText;
import io.github.srhls.core.ir.RangeAnalysis;
import io.github.srhls.core.ir.Ranges;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Assigns types and function units to a graph. Two plans: {@link #uniform} gives every intermediate node one type
 * and quantizes constants to it, as the peer does; {@link PrecisionPlanner} sizes each node from the ranges and an
 * error budget. Both end in {@link #assemble}.
 */
public final class DesignBuilder {
  /** Default table size: 1024 entries, one 18 Kb block RAM for a 16-bit result. */
  public static final int DEFAULT_INDEX_BITS = 10;

  private DesignBuilder() {}

  /** Every constant and intermediate node gets the internal type; inputs keep their declared types. */
  public static Design uniform(DesignRequest r) {
    Graph g = r.graph();
    List<FixedType> types = new ArrayList<>(g.size());
    List<Fixed> constants = new ArrayList<>(g.size());
    Map<Integer, TableShape> shapes = new HashMap<>();
    List<String> notes = new ArrayList<>();
    boolean[] live = g.live();
    FixedType constantType = r.constantType() == null ? r.internalType() : r.constantType();
    for (int id = 0; id < g.size(); id++) {
      Node n = g.node(id);
      FixedType t = n instanceof Node.Input in ? r.inputTypes().get(in.index())
          : n instanceof Node.Const ? constantType : r.nodeTypes().getOrDefault(id, r.internalType());
      types.add(t);
      CastResult constant = n instanceof Node.Const c ? Fixed.fromDoubleReporting(c.value(), t) : null;
      constants.add(constant == null ? null : constant.value());
      if (n instanceof Node.Op op && op.op().hasUnit()) {
        shapes.put(id, new TableShape(r.tableIndexBits().getOrDefault(op.op(), DEFAULT_INDEX_BITS),
            degree(r, op.op(), notes, 0)));
      }
      if (live[id] && constant != null && constant.overflowed()) {
        notes.add("the constant " + ((Node.Const) n).value() + " does not fit " + t.cpp() + " and becomes "
            + constant.value().toDouble() + "; widen precision.default, or set precision.constants");
      }
    }
    Ranges ranges = RangeAnalysis.of(g, r.inputRanges());
    notes.addAll(overflowNotes(g, ranges.intervals(), live, types));
    return assemble(r, ranges, live, types, constants, shapes, notes);
  }

  private static boolean holds(FixedType t, Interval range) {
    Interval bounds = TypeBounds.range(t);
    return bounds.contains(range.lo()) && bounds.contains(range.hi());
  }

  private static boolean wraps(FixedType t) {
    return t.overflow() == Overflow.AP_WRAP || t.overflow() == Overflow.AP_WRAP_SM;
  }

  /** Notes past this many would drown the log; the design report lists every node's range and type. */
  static final int MAX_OVERFLOW_NOTES = 5;

  /**
   * Operations whose exact value, for inputs in the declared ranges, can leave their uniform type: the firmware
   * saturates or wraps there. Only the first {@link #MAX_OVERFLOW_NOTES} are named.
   */
  static List<String> overflowNotes(Graph g, Interval[] ranges, boolean[] live, List<FixedType> types) {
    List<String> notes = new ArrayList<>();
    int more = 0;
    for (int id = 0; id < g.size(); id++) {
      Interval range = ranges[id];
      FixedType t = types.get(id);
      if (!live[id] || !(g.node(id) instanceof Node.Op) || !range.bounded() || holds(t, range)) {
        continue;
      }
      if (notes.size() == MAX_OVERFLOW_NOTES) {
        more++;
        continue;
      }
      notes.add(String.format(Locale.ROOT, "%s reaches [%.4g, %.4g] over the declared input ranges, beyond %s;"
          + " the firmware %s there: widen precision.default, give it a type under precision.nodes, or use"
          + " precision.internal: auto", NodeText.of(g, id), range.lo(), range.hi(), t.cpp(),
          wraps(t) ? "wraps" : "saturates"));
    }
    if (more > 0) {
      notes.add(more + " more subexpressions can leave their type; sr-hls-design.json lists every node's range");
    }
    return notes;
  }

  /** Builds the design from planned types: function units from the argument ranges, shared where equal. */
  static Design assemble(DesignRequest r, Ranges analysis, boolean[] live, List<FixedType> types,
      List<Fixed> constants, Map<Integer, TableShape> shapes, List<String> plannerNotes) {
    List<String> notes = new ArrayList<>(plannerNotes);
    Graph g = r.graph();
    Interval[] ranges = analysis.intervals();
    Map<Integer, FunctionUnit> units = new HashMap<>();
    Map<List<Object>, FunctionUnit> shared = new HashMap<>();
    for (int id = 0; id < g.size(); id++) {
      if (live[id] && g.node(id) instanceof Node.Op op && op.op().hasUnit()) {
        FixedType argType = types.get(op.arg(0));
        FixedType t = types.get(id);
        TableShape shape = shapes.get(id);
        boolean vendor = r.vendorFunctions().contains(op.op());
        // tan's segments of degree 1 and up are fitted only as far as its argument reaches
        double reach = op.op() == Builtin.TAN && shape.degree() > 0 ? TableErrors.tanReach(ranges[op.arg(0)]) : 0;
        List<Object> key = List.of(op.op(), argType, t, shape, vendor, reach);
        FunctionUnit unit = shared.computeIfAbsent(key, k -> vendor
            ? new VendorFunction(op.op(), argType, t)
            : reach > 0 ? tan(argType, t, shape, reach, notes)
            : unit(op.op(), argType, t, shape.indexBits(), shape.degree()));
        if (unit instanceof VendorFunction v && !v.supported()) {
          throw new SrHlsException("hls::" + op.op().canonicalName() + " takes ap_fixed<W,I> with I <= "
              + VendorFunction.MAX_INT_BITS + " and 0 <= W-I <= " + VendorFunction.MAX_FRAC_BITS + ", but "
              + NodeText.of(g, op.arg(0)) + " is " + argType.cpp() + "; use implementation: table for "
              + op.op().canonicalName() + ", or a narrower type");
        }
        units.put(id, unit);
      }
    }
    notes.addAll(DomainCheck.notes(g, analysis, live, r.vendorFunctions()));
    for (int k = 0; k < g.outputs().size(); k++) {
      Interval range = ranges[g.outputs().get(k)];
      if (range.bounded() && !holds(r.resultType(), range)) {
        notes.add(String.format(Locale.ROOT, "output '%s' reaches [%.4g, %.4g] over the declared input ranges,"
            + " beyond its type %s; y[] %s there: declare a wider type for it", g.outputNames().get(k), range.lo(),
            range.hi(), r.resultType().cpp(), wraps(r.resultType()) ? "wraps" : "saturates"));
      }
    }
    FixedType inputType = join(r.inputTypes(), r.defaultType());
    List<Design.InputClamp> clamps = new ArrayList<>();
    for (int i = 0; r.clampInputs() && i < r.inputTypes().size(); i++) {
      clamps.add(clamp(r.inputRanges().get(i), r.inputTypes().get(i)));
    }
    return new Design(r.name(), g, inputType, r.resultType(), r.internalType(), types, constants, units, live,
        notes, clamps, List.of(ranges), r.inputTypes());
  }

  /** The range's ends moved inward onto the type's grid (and into its range), so the clamp never widens it. */
  static Design.InputClamp clamp(Interval range, FixedType t) {
    Interval inType = range.intersect(TypeBounds.range(t));
    FixedType floor = t.withModes(Quantization.AP_TRN, Overflow.AP_SAT, 0);
    Fixed lo = Fixed.fromDouble(inType.lo(), floor);
    if (lo.toDouble() < inType.lo()) {
      lo = Fixed.ofRaw(lo.raw().add(BigInteger.ONE), floor);
    }
    Fixed hi = Fixed.fromDouble(inType.hi(), floor);
    return new Design.InputClamp(Fixed.ofRaw(lo.raw(), t), Fixed.ofRaw(hi.raw(), t));
  }

  /** Our unit for the function: each reduces every argument of its type, none clamps. */
  static FunctionUnit unit(Builtin f, FixedType argType, FixedType t, int bits, int degree) {
    return switch (f) {
      case SIN, COS, TAN -> PeriodicTable.of(f, argType, t, bits, degree);
      case EXP -> ExpTable.of(argType, t, bits, degree);
      case LOG, LOG2, LOG10 -> LogTable.of(f, argType, t, bits, degree);
      case TANH -> TanhTable.of(argType, t, bits, degree);
      case SQRT, CBRT -> RootTable.of(f, argType, t, bits, degree);
      default -> throw new IllegalStateException(f + " has no function unit");
    };
  }

  /**
   * tan with segments of degree 1 and up, for an argument at most {@code reach} from 0; plain, with a note, where
   * its segments would reach a pole (a tan no output depends on, which the plan does not size).
   */
  private static FunctionUnit tan(FixedType argType, FixedType t, TableShape shape, double reach,
      List<String> notes) {
    if (!Double.isFinite(Reduction.tan(shape.indexBits(), reach).reach())) {
      String note = "tan: its argument reaches its poles, which leave no bound on the error of a polynomial"
          + " segment; the table is plain (degree 0)";
      if (!notes.contains(note)) {
        notes.add(note);
      }
      return unit(Builtin.TAN, argType, t, shape.indexBits(), 0);
    }
    return PeriodicTable.tan(argType, t, shape.indexBits(), shape.degree(), reach);
  }

  /**
   * The degree the model sets for the function's segments, or {@code unset} where it sets none. Under the uniform
   * plan tan's segments stay plain (its argument's range may reach its poles, where no polynomial has a bound),
   * and a request for more becomes a note; under {@code auto} see {@link AnalyzedRequest#degree}.
   */
  static Integer degree(DesignRequest r, Builtin f, List<String> notes, Integer unset) {
    Integer degree = r.degrees().get(f);
    if (f == Builtin.TAN) {
      if (degree != null && degree > 0) {
        String note = "tan: its poles leave no bound on the error of a polynomial segment; the table is plain"
            + " (degree 0)";
        if (!notes.contains(note)) {
          notes.add(note);
        }
      }
      return 0;
    }
    return degree != null ? degree : unset;
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
