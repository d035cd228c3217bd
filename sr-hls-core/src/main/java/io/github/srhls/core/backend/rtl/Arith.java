package io.github.srhls.core.backend.rtl;

import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedOp;
import io.github.srhls.core.fixed.FixedType;
import java.util.List;
import java.util.Set;

/**
 * Fixed-point arithmetic as cells of a {@link Netlist}, bit-exact with {@link Fixed}: every operation has the
 * full-precision result type of {@link FixedOp} (facts: fixed-point.md), and {@link #cast} is the assignment with the
 * target's quantization and overflow modes. Multi-step operations are several cells ({@code <name>_<part>}) so that
 * the scheduler can put registers between them; the signal returned is always named {@code name}.
 */
public final class Arith {
  private static final Set<String> COMPARISONS = Set.of("<", "<=", ">", ">=", "==", "!=");

  private final Netlist net;
  private final DelayModel delays;

  public Arith(Netlist net, DelayModel delays) {
    this.net = net;
    this.delays = delays;
  }

  /** A constant of the value's own type: no inputs, no delay. */
  public Signal constant(String name, Fixed value) {
    FixedType t = value.type();
    String literal = Bits.literal(value.raw(), t.width());
    return net.cell(name, t, List.of(), 0, "constant " + value, (out, in) -> "assign " + out + " = " + literal + ";");
  }

  /** {@code a + b} at full precision. */
  public Signal add(String name, Signal a, Signal b) {
    FixedType t = FixedOp.ADD.resultType(a.type(), b.type());
    return adder(name, new Term(a, a.type()), new Term(b, b.type()), false, t, t);
  }

  /** {@code a - b} at full precision (always signed). */
  public Signal sub(String name, Signal a, Signal b) {
    FixedType t = FixedOp.SUB.resultType(a.type(), b.type());
    return adder(name, new Term(a, a.type()), new Term(b, b.type()), true, t, t);
  }

  /** {@code -a}: one bit wider, signed. */
  public Signal neg(String name, Signal a) {
    FixedType t = FixedOp.negationType(a.type());
    int w = t.width();
    String what = "negation " + w + " bits";
    return net.cell(name, t, List.of(a), delays.carryChain(w), what,
        (out, in) -> "assign " + out + " = " + Bits.zeros(w) + " - " + Bits.field(a, in.get(0), 0, w - 1) + ";");
  }

  /** {@code a * b} of two variables: one DSP48E2 where the operands fit 27 x 18 signed, else partial products. */
  public Signal mul(String name, Signal a, Signal b) {
    FixedType t = FixedOp.MUL.resultType(a.type(), b.type());
    return Products.variable(this, name, a, b, t);
  }

  /**
   * {@code a * c} with a constant: a shift-add adder graph of the constant's canonical signed digits, or a DSP48E2,
   * whichever {@link ConstantProduct#plan} finds cheaper. The result has the type of {@code a * c}, with the constant
   * of its own type.
   */
  public Signal mulConst(String name, Signal a, Fixed c) {
    return mulConst(name, a, c, ConstantProduct.Strategy.AUTO);
  }

  /** {@link #mulConst(String, Signal, Fixed)} with the implementation forced (the model file's choice). */
  public Signal mulConst(String name, Signal a, Fixed c, ConstantProduct.Strategy strategy) {
    return Products.constant(this, name, a, c, ConstantProduct.plan(a.type(), c, strategy));
  }

  /**
   * {@code a} assigned to {@code to}: quantization with its Q (a rounding adder), then overflow with its O and N
   * (detection and selection), exactly as {@link Fixed#cast}.
   */
  public Signal cast(String name, Signal a, FixedType to) {
    return Casts.cast(this, name, a, to);
  }

  /**
   * {@code a op b} compared exactly across types (binary points aligned, signedness kept): 1-bit unsigned result.
   *
   * @param op one of {@code < <= > >= == !=}
   */
  public Signal compare(String name, Signal a, String op, Signal b) {
    if (!COMPARISONS.contains(op)) {
      throw new IllegalArgumentException("unknown comparison '" + op + "'; one of < <= > >= == !=");
    }
    int f = Math.max(a.type().fracBits(), b.type().fracBits());
    int sa = f - a.type().fracBits();
    int sb = f - b.type().fracBits();
    // both as signed codes of one width: aligned, plus a zero bit on top of an unsigned one
    int w = Math.max(a.width() + sa + (a.signed() ? 0 : 1), b.width() + sb + (b.signed() ? 0 : 1));
    boolean equality = op.equals("==") || op.equals("!=");
    double delay = equality ? delays.luts(1 + Bits.reductionLevels((w + 2) / 3)) : delays.carryChain(w);
    return net.cell(name, FixedType.apUint(1), List.of(a, b), delay, "comparison " + op + " " + w + " bits",
        (out, in) -> "assign " + out + " = $signed(" + Bits.field(a, in.get(0), -sa, w - 1 - sa) + ") " + op
            + " $signed(" + Bits.field(b, in.get(1), -sb, w - 1 - sb) + ");");
  }

  /** {@code cond ? ifTrue : ifFalse}; both branches already hold codes of {@code type}, cond is one bit. */
  public Signal select(String name, Signal cond, Signal ifTrue, Signal ifFalse, FixedType type) {
    if (cond.width() != 1) {
      throw new IllegalArgumentException("select " + name + ": the condition " + cond.name() + " has "
          + cond.width() + " bits, not 1");
    }
    for (Signal s : List.of(ifTrue, ifFalse)) {
      if (s.width() != type.width() || s.signed() != type.signed() || s.type().fracBits() != type.fracBits()) {
        throw new IllegalArgumentException("select " + name + ": " + s.name() + " is " + s.type() + ", not " + type);
      }
    }
    return net.cell(name, type, List.of(cond, ifTrue, ifFalse), delays.luts(1), "multiplexer " + type.width()
        + " bits", (out, in) -> "assign " + out + " = " + in.get(0) + " ? " + in.get(1) + " : " + in.get(2) + ";");
  }

  /**
   * {@code a / b} truncated toward zero, of {@link FixedOp#DIV}'s type: a restoring divider on the magnitudes, one
   * cell per quotient bit, with the sign fixed up at the end (and the vendor's wrap of "most negative / -1 LSB"). A
   * zero divisor gives an unspecified value: the caller selects what the design wants there.
   */
  public Signal divide(String name, Signal a, Signal b) {
    return Divider.divide(this, name, a, b);
  }

  Netlist net() {
    return net;
  }

  DelayModel delays() {
    return delays;
  }

  /**
   * A code read at another binary point: {@code view} has the signal's width and signedness, and its fraction bits
   * place the code for alignment (a shifted term of an adder graph is its signal under a view with fewer).
   */
  record Term(Signal signal, FixedType view) {
    Term {
      if (view.width() != signal.width() || view.signed() != signal.signed()) {
        throw new IllegalArgumentException("a view must keep the width and signedness of " + signal.name());
      }
    }

    /** The signal's code times 2^shift, in units of the output LSB (a view with F = -shift). */
    static Term shifted(Signal s, int shift) {
      return new Term(s, FixedType.intermediate(s.signed(), s.width(), s.width() + shift));
    }

    int fracBits() {
      return view.fracBits();
    }
  }

  /**
   * {@code x + y} or {@code x - y} into a signal of {@code type} ({@code outView} places its binary point like the
   * terms' views): the exact result taken modulo 2^W, so it is exact whenever the result fits. Low bits where one
   * aligned term is zero come from the other one, outside the carry chain.
   */
  Signal adder(String name, Term x, Term y, boolean subtract, FixedType outView, FixedType type) {
    int w = type.width();
    long zx = (long) outView.fracBits() - x.fracBits();
    long zy = (long) outView.fracBits() - y.fracBits();
    if (zx < 0 || zy < 0) {
      throw new IllegalArgumentException("adder " + name + " would drop bits of its terms");
    }
    if (!subtract && zx > zy) {
      Term t = x;
      x = y;
      y = t;
      long z = zx;
      zx = zy;
      zy = z;
    }
    // below bit `low` only x has bits: they pass by the carry chain
    long low = zy > zx ? Math.min(zy, w) : 0;
    int carry = (int) (w - low);
    Term fx = x;
    Term fy = y;
    long ax = zx;
    long ay = zy;
    if (carry == 0) {
      return net.cell(name, type, List.of(x.signal()), 0, "wiring " + w + " bits",
          (out, in) -> "assign " + out + " = " + Bits.field(fx.signal(), in.get(0), -ax, w - 1 - ax) + ";");
    }
    String what = (subtract ? "subtractor " : "adder ") + carry + " bits";
    return net.cell(name, type, List.of(x.signal(), y.signal()), delays.carryChain(carry), what, (out, in) -> {
      String sum = out + "_s";
      String lowPart = low > 0 ? Bits.field(fx.signal(), in.get(0), -ax, low - 1 - ax) : "";
      return "wire [" + (carry - 1) + ":0] " + sum + " = " + Bits.field(fx.signal(), in.get(0), low - ax, w - 1 - ax)
          + (subtract ? " - " : " + ") + Bits.field(fy.signal(), in.get(1), low - ay, w - 1 - ay) + ";\n"
          + "assign " + out + " = " + Bits.concat(sum, lowPart) + ";";
    });
  }

  /** {@code 0 - x} into {@code type}, aligned as {@link #adder}. */
  Signal negate(String name, Term x, FixedType outView, FixedType type) {
    int w = type.width();
    long zx = (long) outView.fracBits() - x.fracBits();
    if (zx < 0) {
      throw new IllegalArgumentException("negation " + name + " would drop bits");
    }
    int carry = (int) Math.max(w - zx, 0);
    if (carry == 0) {
      return net.cell(name, type, List.of(), 0, "constant 0", (out, in) -> "assign " + out + " = "
          + Bits.zeros(w) + ";");
    }
    return net.cell(name, type, List.of(x.signal()), delays.carryChain(carry), "negation " + carry + " bits",
        (out, in) -> "assign " + out + " = " + Bits.zeros(w) + " - "
            + Bits.field(x.signal(), in.get(0), -zx, w - 1 - zx) + ";");
  }

  /** A cell that only rewires the bits of {@code x} into {@code type} (truncating or extending): no delay. */
  Signal wiring(String name, Term x, FixedType outView, FixedType type) {
    int w = type.width();
    long zx = (long) outView.fracBits() - x.fracBits();
    return net.cell(name, type, List.of(x.signal()), 0, "wiring " + w + " bits",
        (out, in) -> "assign " + out + " = " + Bits.field(x.signal(), in.get(0), -zx, w - 1 - zx) + ";");
  }
}
