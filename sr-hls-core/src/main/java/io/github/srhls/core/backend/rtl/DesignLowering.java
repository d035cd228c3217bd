package io.github.srhls.core.backend.rtl;

import io.github.srhls.core.design.Design;
import io.github.srhls.core.design.units.FunctionUnit;
import io.github.srhls.core.design.units.TableUnit;
import io.github.srhls.core.expr.Builtin;
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
  private final RtlUnits units;
  private final ConstantProduct.Strategy constants;
  private final String tag;
  /** Each live node's value, of the node's type (or a type with the same bits and binary point). */
  private final Signal[] values;
  /** Each output's value, cast to the result type once per node. */
  private final Map<Integer, Signal> results = new HashMap<>();
  /** The products by a constant of each node multiplied by more than one, by the node: the product nodes. */
  private final Map<Integer, List<Integer>> constantProducts = new HashMap<>();
  /** Their shared adder graphs, by the node they multiply, once its first product is lowered. */
  private final Map<Integer, Products.Shared> shared = new HashMap<>();

  private DesignLowering(Design design, Netlist net, Arith arith, ConstantProduct.Strategy constants, String tag) {
    this.design = design;
    this.graph = design.graph();
    this.net = net;
    this.arith = arith;
    this.units = new RtlUnits(net, arith, arith.delays());
    this.constants = constants;
    this.tag = tag;
    this.values = new Signal[graph.size()];
  }

  /** The ports a lowering declared, named as in the netlist, in the module's order. */
  record Ports(List<Signal> inputs, List<Signal> outputs) {}

  /**
   * Adds a design's ports and cells to {@code net}.
   *
   * @param constants how products by a constant are built (the model file's arithmetic.constant-multiplication)
   * @param tag put before every name, so that several designs can share one netlist (tests); empty for the module
   *     of one design
   */
  static Ports lower(Design design, Netlist net, Arith arith, ConstantProduct.Strategy constants, String tag) {
    return lower(design, net, arith, constants, tag, true);
  }

  /**
   * {@link #lower} with or without the shared adder graphs of constants that multiply one node.
   *
   * @param shareConstants false: every product by a constant is planned alone (for comparisons)
   */
  static Ports lower(Design design, Netlist net, Arith arith, ConstantProduct.Strategy constants, String tag,
      boolean shareConstants) {
    DesignLowering lowering = new DesignLowering(design, net, arith, constants, tag);
    if (shareConstants) {
      lowering.groupConstantProducts();
    }
    return lowering.lower();
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

  /**
   * A product by a constant operand goes through the constant multiplier (adder graph or DSP, as asked); the
   * products of one node by several constants share one adder graph.
   */
  private Signal product(int id, Node.Op op, Signal a, Signal b) {
    String name = name(id) + "x";
    int variable = constantOperand(op);
    if (variable < 0) {
      return arith.mul(name, a, b);
    }
    Signal x = values[variable];
    Fixed c = design.constants().get(constantOf(op));
    List<Integer> group = constantProducts.get(variable);
    if (group == null) {
      return arith.mulConst(name, x, c, constants);
    }
    Products.Shared products = shared.computeIfAbsent(variable, v -> arith.mulConsts(name(v) + "mcm", x,
        group.stream().map(p -> design.constants().get(constantOf((Node.Op) graph.node(p)))).toList(), constants));
    return products.product(group.indexOf(id), name);
  }

  /** The node a product multiplies by a constant (the first operand when both are constants); -1 for none. */
  private int constantOperand(Node.Op op) {
    if (graph.node(op.arg(1)) instanceof Node.Const) {
      return op.arg(0);
    }
    if (graph.node(op.arg(0)) instanceof Node.Const) {
      return op.arg(1);
    }
    return -1;
  }

  /** The constant node of a product by a constant. */
  private int constantOf(Node.Op op) {
    return graph.node(op.arg(1)) instanceof Node.Const ? op.arg(1) : op.arg(0);
  }

  /** Finds the nodes multiplied by more than one constant: their products share partial sums. */
  private void groupConstantProducts() {
    Map<Integer, List<Integer>> byNode = new HashMap<>();
    for (int id = 0; id < graph.size(); id++) {
      if (design.isLive(id) && design.units().get(id) == null && graph.node(id) instanceof Node.Op op
          && op.op() == Builtin.MUL) {
        int variable = constantOperand(op);
        if (variable >= 0) {
          byNode.computeIfAbsent(variable, v -> new ArrayList<>()).add(id);
        }
      }
    }
    byNode.forEach((node, products) -> {
      if (products.size() > 1) {
        constantProducts.put(node, products);
      }
    });
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
   * that holds each exactly, then one assignment (one rounding and overflow unit instead of two).
   */
  private Signal extreme(int id, Signal a, Signal b, String op, FixedType t) {
    String name = name(id);
    Signal first = arith.compare(name + "cmp", a, op, b);
    if (t.integer() && (a.type().intBits() <= 0 || b.type().intBits() <= 0)) {
      // the vendor's integer part of a negative value without integer bits is -1, not the truncation toward 0
      // that the same value in a wider type gets: each operand is assigned from its own type, as the C++ does
      return arith.select(name, first, cast(name + "a", a, t), cast(name + "b", b, t), t);
    }
    FixedType both = union(a.type(), b.type());
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

  /** A function unit on its argument type; its result is of the node's type (the unit was planned for it). */
  private Signal unit(TableUnit unit, int id, Signal arg) {
    Signal x = arg.type().equals(unit.argType()) ? arg : arith.cast(name(id) + "arg", arg, unit.argType());
    return units.lower(name(id) + "u", unit, x);
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
