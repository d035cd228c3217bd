package io.github.srhls.core.backend.rtl;

import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedOp;
import io.github.srhls.core.fixed.FixedType;
import java.util.ArrayList;
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

  /**
   * Longest carry chain in one cell: 48 bits take 1.9 ns by the UltraScale+ model, so a pipeline still fits a 2.5 ns
   * clock; longer adders are split into chunks that pass the carry on.
   */
  static final int MAX_CARRY_BITS = 48;

  private final Netlist net;
  private final DelayModel delays;
  private final boolean registeredProducts;

  /** Arithmetic for a pipeline of any clock: products on a DSP48E2 are combinational. */
  public Arith(Netlist net, DelayModel delays) {
    this(net, delays, Double.POSITIVE_INFINITY);
  }

  /**
   * Arithmetic for a clock period: where a DSP48E2's combinational product does not fit a stage, products on DSPs
   * use the DSP's own input and product registers (two cycles of latency), as a fast clock needs anyway.
   */
  public Arith(Netlist net, DelayModel delays, double clockNs) {
    this.net = net;
    this.delays = delays;
    this.registeredProducts = delays.dspNs() > clockNs - delays.registerNs();
  }

  /** Whether products on DSPs are registered inside the DSP (for a clock too fast for the combinational path). */
  boolean registeredProducts() {
    return registeredProducts;
  }

  /** A constant of the value's own type: no inputs, no delay. */
  public Signal constant(String name, Fixed value) {
    FixedType t = value.type();
    String literal = Bits.literal(value.raw(), t.width());
    return net.cell(name, t, List.of(), 0, "constant " + value, Resource.CONSTANT_VALUE, (out, in) -> "assign " + out + " = " + literal + ";");
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
    if (w > MAX_CARRY_BITS) {
      // 0 - a through the chunked subtractor: a one-bit zero placed at the result's LSB
      Signal zero = constant(name + "_z", Fixed.zero(FixedType.apUint(1)));
      Term z = new Term(zero, FixedType.intermediate(false, 1, 1 - t.fracBits()));
      return adder(name, z, new Term(a, a.type()), true, t, t);
    }
    String what = "negation " + w + " bits";
    return net.cell(name, t, List.of(a), delays.carryChain(w), what, Resource.prefix(Resource.Kind.ADDER, w, 0),
        (out, in) -> "assign " + out + " = " + Bits.zeros(w) + " - " + Bits.field(a, in.get(0), 0, w - 1) + ";");
  }

  /**
   * {@code a * b} of two variables: one DSP48E2 where the operands fit 27 x 18 signed, else partial products; LUTs
   * for a product narrower than 9 bits (see {@link #productDsps}).
   */
  public Signal mul(String name, Signal a, Signal b) {
    FixedType t = FixedOp.MUL.resultType(a.type(), b.type());
    return Products.variable(this, name, a, b, t);
  }

  /**
   * DSP48E2s that {@link #mul} uses for operands of these types (1 where they fit 27 x 18 signed, else the partial
   * products; 0 for a product narrower than 9 bits or with a one-bit operand, which is LUTs), for the cost estimate.
   */
  public static int productDsps(FixedType a, FixedType b) {
    return Products.dspCount(Products.signedWidth(a), Products.signedWidth(b));
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
   * The products of {@code a} by several constants on one adder graph that shares partial sums
   * ({@link MultipleConstantProduct}), each built by {@link Products.Shared#product} where the caller wants it.
   *
   * @param prefix the names of the shared partial sums, {@code <prefix><k>}
   */
  Products.Shared mulConsts(String prefix, Signal a, List<Fixed> constants, ConstantProduct.Strategy strategy) {
    return new Products.Shared(this, prefix, a, MultipleConstantProduct.plan(a.type(), constants, strategy));
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
    if (!equality && w > MAX_CARRY_BITS) {
      // a long order comparison: the sign (and zero) of the exact, chunked difference
      Signal d = sub(name + "_d", a, b);
      int m = d.width() - 1;
      return net.cell(name, FixedType.apUint(1), List.of(d), delays.luts(1 + Bits.reductionLevels(d.width())),
          "comparison " + op + " of a difference", Resource.of(Resource.Kind.EQUALITY, d.width()), (out, in) -> {
            String sign = in.get(0) + "[" + m + "]";
            String zero = "~|" + in.get(0);
            String e = switch (op) {
              case "<" -> sign;
              case ">=" -> "~" + sign;
              case ">" -> "~" + sign + " & ~(" + zero + ")";
              default -> sign + " | " + zero;
            };
            return "assign " + out + " = " + e + ";";
          });
    }
    double delay = equality ? delays.luts(1 + Bits.reductionLevels((w + 2) / 3)) : delays.carryChain(w);
    return net.cell(name, FixedType.apUint(1), List.of(a, b), delay, "comparison " + op + " " + w + " bits",
        Resource.of(equality ? Resource.Kind.EQUALITY : Resource.Kind.COMPARE, w), (out, in) -> "assign " + out + " = $signed(" + Bits.field(a, in.get(0), -sa, w - 1 - sa) + ") " + op
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
        + " bits", Resource.prefix(Resource.Kind.MUX, type.width(), Resource.ALL, 0, 0), (out, in) -> "assign " + out + " = " + in.get(0) + " ? " + in.get(1) + " : " + in.get(2) + ";");
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
      return net.cell(name, type, List.of(x.signal()), 0, "wiring " + w + " bits", Resource.wiring(ax),
          (out, in) -> "assign " + out + " = " + Bits.field(fx.signal(), in.get(0), -ax, w - 1 - ax) + ";");
    }
    if (carry > MAX_CARRY_BITS) {
      return chunked(name, fx, fy, ax, ay, subtract, (int) low, type);
    }
    String what = (subtract ? "subtractor " : "adder ") + carry + " bits";
    return net.cell(name, type, List.of(x.signal(), y.signal()), delays.carryChain(carry), what,
        Resource.prefix(Resource.Kind.ADDER, carry, ax, ay), (out, in) -> {
      String sum = out + "_s";
      String lowPart = low > 0 ? Bits.field(fx.signal(), in.get(0), -ax, low - 1 - ax) : "";
      return "wire [" + (carry - 1) + ":0] " + sum + " = " + Bits.field(fx.signal(), in.get(0), low - ax, w - 1 - ax)
          + (subtract ? " - " : " + ") + Bits.field(fy.signal(), in.get(1), low - ay, w - 1 - ay) + ";\n"
          + "assign " + out + " = " + Bits.concat(sum, lowPart) + ";";
    });
  }

  /**
   * A carry chain longer than {@link #MAX_CARRY_BITS} as one cell per chunk of at most that many bits, the carry
   * passed from chunk to chunk, so that the scheduler may put registers between them; the cell {@code name} only
   * gathers the chunks' sums. A subtraction adds the complement with a carry of 1 into the lowest chunk.
   */
  private Signal chunked(String name, Term x, Term y, long ax, long ay, boolean subtract, int low, FixedType type) {
    int w = type.width();
    int total = w - low;
    int count = (total + MAX_CARRY_BITS - 1) / MAX_CARRY_BITS;
    List<Signal> chunks = new ArrayList<>();
    List<Integer> lengths = new ArrayList<>();
    Signal previous = null;
    for (int j = 0; j < count; j++) {
      int offset = low + j * total / count; // even chunks
      int length = low + (j + 1) * total / count - offset;
      Signal carryIn = previous;
      int carryBit = j == 0 ? 0 : lengths.get(j - 1);
      List<Signal> inputs = carryIn == null ? List.of(x.signal(), y.signal())
          : List.of(x.signal(), y.signal(), carryIn);
      previous = net.cell(name + "_c" + j, FixedType.apUint(length + 1), inputs, delays.carryChain(length + 2),
          (subtract ? "subtractor " : "adder ") + length + " bits, chunk " + j + " of " + count,
          Resource.prefix(Resource.Kind.ADDER, length, ax - offset, ay - offset, Resource.ALL), (out, in) -> {
            String xs = Bits.field(x.signal(), in.get(0), offset - ax, offset + length - 1L - ax);
            String ys = Bits.field(y.signal(), in.get(1), offset - ay, offset + length - 1L - ay);
            String c = carryIn == null ? (subtract ? "1'b1" : "1'b0") : in.get(2) + "[" + carryBit + "]";
            // the carry in as an extra low bit: ({x, 1} + {y, c}) >> 1
            return "wire [" + (length + 1) + ":0] " + out + "_s = {" + xs + ", 1'b1} + {" + (subtract ? "~" + ys : ys)
                + ", " + c + "};\n"
                + "assign " + out + " = " + out + "_s[" + (length + 1) + ":1];";
          });
      chunks.add(previous);
      lengths.add(length);
    }
    List<Signal> inputs = new ArrayList<>(chunks);
    if (low > 0) {
      inputs.add(x.signal());
    }
    return net.cell(name, type, inputs, 0, "wiring " + w + " bits", Resource.of(Resource.Kind.WIRING, 0),
        (out, in) -> {
      List<String> parts = new ArrayList<>();
      for (int j = count - 1; j >= 0; j--) {
        parts.add(in.get(j) + "[" + (lengths.get(j) - 1) + ":0]");
      }
      if (low > 0) {
        parts.add(Bits.field(x.signal(), in.get(count), -ax, low - 1 - ax));
      }
      return "assign " + out + " = " + Bits.concat(parts) + ";";
    });
  }

  /** Bits {@code lo..hi} of a code as an expression, given the name the code has in a cell's stage. */
  @FunctionalInterface
  interface Field {
    String bits(String name, int lo, int hi);
  }

  /**
   * {@code s ? -v : v} in the W bits of {@code type}: {@code (v ^ {W{s}}) + s}, an incrementer on the carry chain,
   * chunked beyond {@link #MAX_CARRY_BITS} like {@link #adder}. The sign bit {@code s} is bit {@code signBit} of
   * {@code sign}, which may be {@code value} itself (a magnitude).
   */
  Signal conditionalNegate(String name, FixedType type, Signal value, Field field, Signal sign, int signBit) {
    int w = type.width();
    boolean own = sign == value;
    List<Signal> inputs = own ? List.of(value) : List.of(value, sign);
    if (w == 1) {
      // -v = v modulo 2
      return net.cell(name, type, List.of(value), 0, "wiring 1 bit", Resource.of(Resource.Kind.WIRING, 0),
          (out, in) -> "assign " + out + " = " + field.bits(in.get(0), 0, 0) + ";");
    }
    if (w <= MAX_CARRY_BITS) {
      return net.cell(name, type, inputs, delays.luts(1) + delays.carryChain(w), "conditional negation " + w + " bits",
          own ? Resource.of(Resource.Kind.ADDER, w) : Resource.prefix(Resource.Kind.ADDER, w, 0, Resource.ALL),
          (out, in) -> {
            String s = in.get(own ? 0 : 1) + "[" + signBit + "]";
            return "assign " + out + " = (" + field.bits(in.get(0), 0, w - 1) + " ^ " + Bits.replicate(w, s) + ") + {"
                + Bits.zeros(w - 1) + ", " + s + "};";
          });
    }
    int count = (w + MAX_CARRY_BITS - 1) / MAX_CARRY_BITS;
    List<Signal> chunks = new ArrayList<>();
    List<Integer> lengths = new ArrayList<>();
    Signal previous = null;
    for (int j = 0; j < count; j++) {
      int offset = j * w / count;
      int length = (j + 1) * w / count - offset;
      Signal carryIn = previous;
      int carryBit = j == 0 ? 0 : lengths.get(j - 1);
      List<Signal> in = new ArrayList<>(inputs);
      if (carryIn != null) {
        in.add(carryIn);
      }
      previous = net.cell(name + "_c" + j, FixedType.apUint(length + 1), in, delays.luts(1)
          + delays.carryChain(length + 2), "conditional negation " + length + " bits, chunk " + j + " of " + count,
          own ? Resource.of(Resource.Kind.ADDER, length)
              : Resource.prefix(Resource.Kind.ADDER, length, -offset, Resource.ALL, Resource.ALL), (out, names) -> {
            String s = names.get(own ? 0 : 1) + "[" + signBit + "]";
            String c = carryIn == null ? s : names.get(names.size() - 1) + "[" + carryBit + "]";
            return "wire [" + (length + 1) + ":0] " + out + "_s = {" + field.bits(names.get(0), offset,
                offset + length - 1) + " ^ " + Bits.replicate(length, s) + ", 1'b1} + {" + Bits.zeros(length) + ", "
                + c + "};\n"
                + "assign " + out + " = " + out + "_s[" + (length + 1) + ":1];";
          });
      chunks.add(previous);
      lengths.add(length);
    }
    return net.cell(name, type, chunks, 0, "wiring " + w + " bits", Resource.of(Resource.Kind.WIRING, 0),
        (out, in) -> {
      List<String> parts = new ArrayList<>();
      for (int j = count - 1; j >= 0; j--) {
        parts.add(in.get(j) + "[" + (lengths.get(j) - 1) + ":0]");
      }
      return "assign " + out + " = " + Bits.concat(parts) + ";";
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
      return net.cell(name, type, List.of(), 0, "constant 0", Resource.CONSTANT_VALUE, (out, in) -> "assign " + out + " = "
          + Bits.zeros(w) + ";");
    }
    return net.cell(name, type, List.of(x.signal()), delays.carryChain(carry), "negation " + carry + " bits",
        Resource.prefix(Resource.Kind.ADDER, carry, zx), (out, in) -> "assign " + out + " = " + Bits.zeros(w) + " - "
            + Bits.field(x.signal(), in.get(0), -zx, w - 1 - zx) + ";");
  }

  /** A cell that only rewires the bits of {@code x} into {@code type} (truncating or extending): no delay. */
  Signal wiring(String name, Term x, FixedType outView, FixedType type) {
    int w = type.width();
    long zx = (long) outView.fracBits() - x.fracBits();
    return net.cell(name, type, List.of(x.signal()), 0, "wiring " + w + " bits", Resource.wiring(zx),
        (out, in) -> "assign " + out + " = " + Bits.field(x.signal(), in.get(0), -zx, w - 1 - zx) + ";");
  }
}
