package io.github.srhls.core.backend.rtl;

import io.github.srhls.core.design.Design;
import io.github.srhls.core.design.units.FunctionUnit;
import io.github.srhls.core.design.units.TableUnit;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One design's nodes as cells of a netlist, each computing what {@link io.github.srhls.core.design.BitAccurateModel}
 * computes: the exact result of the node's operation, then the assignment to the node's type. The arithmetic itself
 * is {@link Arith}'s; this class only decides which operations a node is made of.
 *
 * <p>Names: node {@code 7} is {@code _<tag>n7}; the exact result before its assignment {@code _<tag>n7x}, and other
 * parts {@code _<tag>n7<letters>}. A name given to {@link Arith} is a prefix of the names of its parts
 * ({@code <name>_<part>}), and no name here continues another one with {@code _}, so no two can meet. Ports are
 * {@code <tag><name>}: with an empty tag, the model's own names.
 */
final class DesignLowering {
  private final Design design;
  private final Graph graph;
  private final Netlist net;
  private final Arith arith;
  private final String tag;
  /** Each live node's value, of the node's type (or a type with the same bits and binary point). */
  private final Signal[] values;
  /** Each output's value, cast to the result type once per node. */
  private final Map<Integer, Signal> results = new HashMap<>();

  private DesignLowering(Design design, Netlist net, Arith arith, String tag) {
    this.design = design;
    this.graph = design.graph();
    this.net = net;
    this.arith = arith;
    this.tag = tag;
    this.values = new Signal[graph.size()];
  }

  /** The ports a lowering declared, named as in the netlist, in the module's order. */
  record Ports(List<Signal> inputs, List<Signal> outputs) {}

  /**
   * Adds a design's ports and cells to {@code net}.
   *
   * @param tag put before every name, so that several designs can share one netlist (tests); empty for the module
   *     of one design
   */
  static Ports lower(Design design, Netlist net, Arith arith, String tag) {
    return new DesignLowering(design, net, arith, tag).lower();
  }

  private Ports lower() {
    List<Signal> inputs = new ArrayList<>();
    Map<Integer, Signal> ports = new HashMap<>();
    for (int i = 0; i < graph.inputNames().size(); i++) {
      Signal port = net.input(tag + graph.inputNames().get(i), design.inputTypes().get(i));
      inputs.add(port);
      ports.put(i, port);
    }
    for (int id = 0; id < graph.size(); id++) {
      if (design.isLive(id)) {
        values[id] = node(id, ports);
      }
    }
    List<Signal> outputs = new ArrayList<>();
    for (int k = 0; k < graph.outputs().size(); k++) {
      int id = graph.outputs().get(k);
      Signal y = results.computeIfAbsent(id, n -> cast(name(n) + "y", values[n], design.resultType()));
      String port = tag + graph.outputNames().get(k);
      net.output(port, y);
      outputs.add(new Signal(port, y.type()));
    }
    return new Ports(inputs, outputs);
  }

  private Signal node(int id, Map<Integer, Signal> ports) {
    Node n = graph.node(id);
    FixedType t = design.type(id);
    String name = name(id);
    if (n instanceof Node.Const) {
      return arith.constant(name, design.constants().get(id));
    }
    if (n instanceof Node.Input in) {
      return input(id, ports.get(in.index()), in.index());
    }
    Node.Op op = (Node.Op) n;
    Signal a = values[op.arg(0)];
    Signal b = op.args().size() > 1 ? values[op.arg(1)] : null;
    FunctionUnit unit = design.units().get(id);
    if (unit != null) {
      return cast(name, unit((TableUnit) unit, id, a), t);
    }
    return switch (op.op()) {
      case ADD -> cast(name, arith.add(name + "x", a, b), t);
      case SUB -> cast(name, arith.sub(name + "x", a, b), t);
      case MUL -> cast(name, product(id, op, a, b), t);
      case NEG -> cast(name, arith.neg(name + "x", a), t);
      case ABS -> abs(id, a, t);
      case SIGN -> sign(id, a, t);
      case MAX -> extreme(id, a, b, ">=", t);
      case MIN -> extreme(id, a, b, "<=", t);
      case DIV -> divide(id, a, b, t);
      default -> throw new IllegalStateException(op.op() + " has no function unit");
    };
  }

  /** The port's bits are the input's own type already; what is left is the clamp into its declared range. */
  private Signal input(int id, Signal port, int index) {
    FixedType t = design.type(id);
    Signal x = cast(name(id) + "p", port, t);
    if (design.clamps().isEmpty()) {
      return x;
    }
    Design.InputClamp clamp = design.clamps().get(index);
    String name = name(id);
    Signal lo = arith.constant(name + "lo", clamp.lo().cast(t));
    Signal hi = arith.constant(name + "hi", clamp.hi().cast(t));
    Signal below = arith.compare(name + "below", x, "<", lo);
    Signal above = arith.compare(name + "above", x, ">", hi);
    Signal upper = arith.select(name + "upper", above, hi, x, t);
    return arith.select(name, below, lo, upper, t);
  }

  /** A product by a constant operand goes through the constant multiplier (adder graph or DSP, by cost). */
  private Signal product(int id, Node.Op op, Signal a, Signal b) {
    String name = name(id) + "x";
    if (graph.node(op.arg(1)) instanceof Node.Const) {
      return arith.mulConst(name, a, design.constants().get(op.arg(1)));
    }
    if (graph.node(op.arg(0)) instanceof Node.Const) {
      return arith.mulConst(name, b, design.constants().get(op.arg(0)));
    }
    return arith.mul(name, a, b);
  }

  /** |a|: -a where a is negative, both in -a's type (which holds a too), then one assignment. */
  private Signal abs(int id, Signal a, FixedType t) {
    String name = name(id);
    if (!a.signed()) {
      return cast(name, a, t);
    }
    Signal negated = arith.neg(name + "neg", a);
    Signal same = widen(name + "pos", a, negated.type());
    Signal negative = arith.compare(name + "sgn", a, "<", zero(name + "zero", a.type()));
    return cast(name, arith.select(name + "x", negative, negated, same, negated.type()), t);
  }

  /** sign(a): the C int 1, -1 or 0 assigned to the node's type, as constants chosen by two comparisons with 0. */
  private Signal sign(int id, Signal a, FixedType t) {
    String name = name(id);
    Signal zero = zero(name + "zero", a.type());
    Signal positive = arith.compare(name + "gt", a, ">", zero);
    Signal negative = arith.compare(name + "lt", a, "<", zero);
    Signal one = arith.constant(name + "one", Fixed.ofCInt(1).cast(t));
    Signal minusOne = arith.constant(name + "minus", Fixed.ofCInt(-1).cast(t));
    Signal none = arith.constant(name + "none", Fixed.ofCInt(0).cast(t));
    return arith.select(name, positive, one, arith.select(name + "nonpos", negative, minusOne, none, t), t);
  }

  /**
   * max (op {@code >=}) or min ({@code <=}): the operand the exact comparison picks, both first held in one type
   * that holds each exactly, then one assignment.
   */
  private Signal extreme(int id, Signal a, Signal b, String op, FixedType t) {
    String name = name(id);
    FixedType both = union(a.type(), b.type());
    Signal first = arith.compare(name + "cmp", a, op, b);
    Signal picked = arith.select(name + "x", first, widen(name + "a", a, both), widen(name + "b", b, both), both);
    return cast(name, picked, t);
  }

  /**
   * a / b: the numerator widened as the design says, the truncated quotient assigned to the node's type; a zero
   * divisor gives the type's most negative value for a negative numerator and its largest otherwise.
   */
  private Signal divide(int id, Signal a, Signal b, FixedType t) {
    String name = name(id);
    FixedType widened = design.numeratorType(id);
    Signal numerator = widened == null ? a : widen(name + "num", a, widened);
    Signal quotient = cast(name + "q", arith.divide(name + "x", numerator, b), t);
    Signal byZero = arith.compare(name + "dz", b, "==", zero(name + "bzero", b.type()));
    Signal negative = arith.compare(name + "neg", a, "<", zero(name + "azero", a.type()));
    Signal saturated = arith.select(name + "sat", negative, arith.constant(name + "min", Fixed.min(t)),
        arith.constant(name + "max", Fixed.max(t)), t);
    return arith.select(name, byZero, saturated, quotient, t);
  }

  private Signal unit(TableUnit unit, int id, Signal arg) {
    throw new IllegalStateException("function unit " + unit.function().canonicalName() + " of node " + id
        + " reached the RTL lowering, which RtlEmitter.limitation should have refused");
  }

  /** {@code value} assigned to {@code t}, or {@code value} itself where that changes no bit. */
  private Signal cast(String name, Signal value, FixedType t) {
    return sameBits(value.type(), t) ? value : arith.cast(name, value, t);
  }

  /** {@code value} in a type that holds it exactly (sign extension, fraction bits appended). */
  private Signal widen(String name, Signal value, FixedType to) {
    return cast(name, value, to);
  }

  private Signal zero(String name, FixedType type) {
    return arith.constant(name, Fixed.zero(type));
  }

  /** Same width, signedness and binary point: the assignment is the identity, whatever the modes. */
  static boolean sameBits(FixedType a, FixedType b) {
    return a.signed() == b.signed() && a.width() == b.width() && a.intBits() == b.intBits();
  }

  /** The narrowest type holding every value of both: the ap_fixed rule for {@code &} and {@code |}. */
  static FixedType union(FixedType a, FixedType b) {
    boolean signed = a.signed() || b.signed();
    int ia = a.intBits() + (b.signed() && !a.signed() ? 1 : 0);
    int ib = b.intBits() + (a.signed() && !b.signed() ? 1 : 0);
    int i = Math.max(ia, ib);
    int f = Math.max(a.fracBits(), b.fracBits());
    return FixedType.intermediate(signed, i + f, i);
  }

  private String name(int id) {
    return "_" + tag + "n" + id;
  }
}
