package io.github.srhls.core.design;

import io.github.srhls.core.design.units.FunctionUnit;
import io.github.srhls.core.design.units.VendorFunction;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedOp;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.Interval;
import io.github.srhls.core.ir.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The hardware design: the graph with a fixed-point type for every node, the quantized constants and the
 * function units. It is everything an emitter or the bit-accurate model needs, and nothing target-specific.
 *
 * @param name the top function's name
 * @param graph the expression DAG
 * @param inputType {@code input_t}, the element type of {@code x[]}: holds every input's own type exactly
 * @param resultType {@code result_t}, the element type of {@code y[]}
 * @param internalType {@code internal_t}, the default type of constants and intermediate nodes
 * @param nodeTypes the type of each node's temporary, by node id (for inputs: the input's own type)
 * @param constants the quantized value of each constant node, by node id (null elsewhere)
 * @param units the function unit of each function node, by node id
 * @param live whether a node is needed by some output
 * @param notes what the plan could not do as asked (warnings for the build log)
 * @param clamps for each input, the declared range on its type's grid to clamp it into; empty for no clamping
 * @param ranges where each node's exact value lies for inputs in their declared ranges, by node id
 * @param inputTypes each input's own type, in x[] order: the type of its input node, also for an input that no
 *     expression uses (it has no node, but the RTL module still has its port)
 */
public record Design(
    String name,
    Graph graph,
    FixedType inputType,
    FixedType resultType,
    FixedType internalType,
    List<FixedType> nodeTypes,
    List<Fixed> constants,
    Map<Integer, FunctionUnit> units,
    boolean[] live,
    List<String> notes,
    List<InputClamp> clamps,
    List<Interval> ranges,
    List<FixedType> inputTypes) {

  public Design {
    nodeTypes = List.copyOf(nodeTypes);
    constants = Collections.unmodifiableList(new ArrayList<>(constants)); // null where a node is no constant
    units = Map.copyOf(units);
    live = live.clone();
    notes = List.copyOf(notes);
    clamps = List.copyOf(clamps);
    ranges = List.copyOf(ranges);
    inputTypes = List.copyOf(inputTypes);
  }

  /** The ends of an input's declared range, exact in the input's type. */
  public record InputClamp(Fixed lo, Fixed hi) {
    /** The value an input takes inside the firmware. */
    public Fixed apply(Fixed x) {
      return x.compareTo(lo) < 0 ? lo : x.compareTo(hi) > 0 ? hi : x;
    }
  }

  /** Whether the design calls the vendor's math library, so that only the vendor's C simulation can run it. */
  public boolean usesVendorMath() {
    return units.values().stream().anyMatch(u -> u instanceof VendorFunction);
  }

  public FixedType type(int id) {
    return nodeTypes.get(id);
  }

  public boolean isLive(int id) {
    return live[id];
  }

  /**
   * The type a division's numerator is widened to before dividing, or null when it needs none. The quotient of
   * fixed-point values keeps only the numerator's fractional bits, so a numerator coarser than the node would
   * throw away precision the node was planned to have. And the vendor's C++ divides in a width where the most
   * negative numerator divided by -1 LSB wraps to itself ({@link FixedOp#divisionCanWrap}): where that can happen
   * the numerator gets one more integer bit, so that the firmware computes the true quotient on every
   * implementation of the types, and the Java model with it.
   */
  public FixedType numeratorType(int id) {
    Node.Op op = (Node.Op) graph.node(id);
    FixedType a = type(op.arg(0));
    FixedType b = type(op.arg(1));
    int f = type(id).fracBits();
    FixedType widened = a.fracBits() >= f ? a : FixedType.intermediate(a.signed(), a.intBits() + f, a.intBits());
    if (FixedOp.divisionCanWrap(widened, b)) {
      widened = FixedType.intermediate(true, widened.width() + 1, widened.intBits() + 1);
    }
    return widened == a ? null : widened;
  }
}
