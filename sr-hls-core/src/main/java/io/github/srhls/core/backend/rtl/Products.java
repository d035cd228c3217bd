package io.github.srhls.core.backend.rtl;

import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedOp;
import io.github.srhls.core.fixed.FixedType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Products in cells. A variable product whose operands fit one DSP48E2 (27 x 18 signed) is one cell (in LUTs when
 * narrower than {@link #DSP_MIN_PRODUCT_BITS}); a wider one is split into DSP-sized partial products (low chunks
 * unsigned, 26 or 17 bits, zero-extended; the top chunk signed) summed by an adder tree. Constant products follow
 * their {@link ConstantProduct} plan. Every sum is computed modulo 2^W of the product's width W, which is exact
 * because the product fits its full-precision type.
 */
final class Products {
  private Products() {}

  /** Bits of the operand as a signed code: one more for an unsigned one. */
  static int signedWidth(FixedType t) {
    return t.width() + (t.signed() ? 0 : 1);
  }

  /**
   * Narrowest product put on a DSP48E2: Yosys's {@code synth_xilinx} leaves products of fewer bits, or with a one-bit
   * operand, in LUTs (measured with Yosys 0.23: 3 x 5 and 1 x 8 signed bits in LUTs, 4 x 5 and 2 x 7 on a DSP), and
   * a DSP spent on them would be wasted anyway.
   */
  static final int DSP_MIN_PRODUCT_BITS = 9;

  /** Whether a product of signed codes of these widths goes on a DSP48E2 (else LUTs). */
  static boolean onDsp(int wa, int wb) {
    return wa >= 2 && wb >= 2 && wa + wb >= DSP_MIN_PRODUCT_BITS;
  }

  /** DSP48E2s for a product of two signed codes of these widths, split in the orientation {@link #variable} takes. */
  static int dspCount(int wa, int wb) {
    if (count(wa, DelayModel.DSP_A_BITS, wb, DelayModel.DSP_B_BITS)
        > count(wa, DelayModel.DSP_B_BITS, wb, DelayModel.DSP_A_BITS)) {
      int w = wa;
      wa = wb;
      wb = w;
    }
    int dsps = 0;
    for (Chunk x : chunks(wa, DelayModel.DSP_A_BITS)) {
      for (Chunk y : chunks(wb, DelayModel.DSP_B_BITS)) {
        dsps += onDsp(x.signedLength(), y.signedLength()) ? 1 : 0;
      }
    }
    return dsps;
  }

  /** Partial products of a split with operand a on the port of {@code pa} bits. */
  private static int count(int wa, int pa, int wb, int pb) {
    return chunks(wa, pa).size() * chunks(wb, pb).size();
  }

  /** A chunk of a signed code: {@code length} bits from {@code offset}; the top one signed, the others unsigned. */
  record Chunk(int offset, int length, boolean top) {
    int signedLength() {
      return top ? length : length + 1;
    }
  }

  /** A signed code of w bits split for a DSP port of {@code port} signed bits. */
  static List<Chunk> chunks(int w, int port) {
    List<Chunk> chunks = new ArrayList<>();
    int offset = 0;
    while (w - offset > port) {
      chunks.add(new Chunk(offset, port - 1, false));
      offset += port - 1;
    }
    chunks.add(new Chunk(offset, w - offset, true));
    return chunks;
  }

  static Signal variable(Arith arith, String name, Signal a, Signal b, FixedType t) {
    return variable(arith, name, a, b, t, null);
  }

  /** {@link #variable}, where {@code b} may be the signal of a constant of this value (null: it is not). */
  private static Signal variable(Arith arith, String name, Signal a, Signal b, FixedType t, Fixed bValue) {
    Fixed[] value = {null, bValue};
    int wa = signedWidth(a.type());
    int wb = signedWidth(b.type());
    if (count(wa, DelayModel.DSP_A_BITS, wb, DelayModel.DSP_B_BITS)
        > count(wa, DelayModel.DSP_B_BITS, wb, DelayModel.DSP_A_BITS)) {
      Signal s = a;
      a = b;
      b = s;
      value[0] = bValue;
      value[1] = null;
      int w = wa;
      wa = wb;
      wb = w;
    }
    List<Chunk> ca = chunks(wa, DelayModel.DSP_A_BITS);
    List<Chunk> cb = chunks(wb, DelayModel.DSP_B_BITS);
    if (ca.size() == 1 && cb.size() == 1) {
      return partial(arith, name, a, ca.get(0), b, cb.get(0), t, value);
    }
    List<Arith.Term> terms = new ArrayList<>();
    for (int i = 0; i < ca.size(); i++) {
      for (int j = 0; j < cb.size(); j++) {
        Chunk x = ca.get(i);
        Chunk y = cb.get(j);
        int pw = x.signedLength() + y.signedLength();
        Signal p = partial(arith, name + "_p" + i + "_" + j, a, x, b, y, FixedType.intermediate(true, pw, pw),
            value);
        terms.add(Arith.Term.shifted(p, x.offset() + y.offset()));
      }
    }
    return sum(arith, name, terms, List.of(), t);
  }

  /**
   * One product of two chunks, written as a signed product at the output's width: on a DSP48E2, or in LUTs when it
   * is too narrow for one (a LUT array with its carry chains, counted as two LUT levels and a carry chain).
   */
  private static Signal partial(Arith arith, String name, Signal a, Chunk x, Signal b, Chunk y, FixedType t,
      Fixed[] value) {
    int w = t.width();
    boolean dsp = onDsp(x.signedLength(), y.signedLength());
    // a chunk of a constant that is 0 or plus or minus a power of two: Yosys makes the product a shift, no DSP
    Resource resource = Resource.product(dsp, x.signedLength(), y.signedLength(),
        shiftOnly(value[0], x) || shiftOnly(value[1], y));
    String what = (dsp ? "DSP48E2 product " : "LUT product ") + x.signedLength() + "x" + y.signedLength();
    if (dsp && arith.registeredProducts()) {
      // the DSP's A/B input registers, then its M/P register: two cycles, and a short path out of the DSP
      return arith.net().cell(name, t, List.of(a, b), arith.delays().dspRegisteredNs(), 2,
          what + " with its input and product registers", resource, (out, in) -> {
            int la = x.signedLength();
            int lb = y.signedLength();
            return "reg signed [" + (la - 1) + ":0] " + out + "_a;\n"
                + "reg signed [" + (lb - 1) + ":0] " + out + "_b;\n"
                + "reg signed [" + (w - 1) + ":0] " + out + ";\n"
                + "always @(posedge clk) begin\n"
                + "  " + out + "_a <= " + operand(a, in.get(0), x, la) + ";\n"
                + "  " + out + "_b <= " + operand(b, in.get(1), y, lb) + ";\n"
                + "  " + out + " <= " + extended(out + "_a", la, w) + " * " + extended(out + "_b", lb, w) + ";\n"
                + "end";
          });
    }
    double delay = dsp ? arith.delays().dspNs()
        : arith.delays().luts(2) + arith.delays().carryChain(x.signedLength() + y.signedLength());
    return arith.net().cell(name, t, List.of(a, b), delay, what, resource, (out, in) -> "assign " + out + " = $signed(" + operand(a, in.get(0), x, w) + ") * $signed("
            + operand(b, in.get(1), y, w) + ");");
  }

  /** Whether a chunk of a constant's code is 0 or plus or minus a power of two; false for no constant. */
  private static boolean shiftOnly(Fixed constant, Chunk c) {
    if (constant == null) {
      return false;
    }
    BigInteger v = constant.raw().shiftRight(c.offset());
    v = c.top() ? v : v.and(BigInteger.ONE.shiftLeft(c.length()).subtract(BigInteger.ONE));
    return v.abs().bitCount() <= 1;
  }

  /** A signed register of {@code from} bits sign-extended to {@code to} bits, as a signed expression. */
  private static String extended(String reg, int from, int to) {
    if (to <= from) {
      return reg;
    }
    return "$signed({{" + (to - from) + "{" + reg + "[" + (from - 1) + "]}}, " + reg + "})";
  }

  /** A chunk as a w-bit code: the top chunk sign-extended from the signal, a lower one zero-extended. */
  private static String operand(Signal s, String name, Chunk c, int w) {
    if (c.top() || c.length() >= w) {
      return Bits.field(s, name, c.offset(), c.offset() + w - 1L);
    }
    return Bits.concat(Bits.zeros(w - c.length()), Bits.field(s, name, c.offset(), c.offset() + c.length() - 1L));
  }

  static Signal constant(Arith arith, String name, Signal a, Fixed c, ConstantProduct plan) {
    FixedType t = FixedOp.MUL.resultType(a.type(), c.type());
    switch (plan.implementation()) {
      case ZERO -> {
        return arith.constant(name, Fixed.zero(t));
      }
      case DSP -> {
        Signal k = arith.constant(name + "_c", c);
        return variable(arith, name, a, k, t, c);
      }
      default -> {
        List<Arith.Term> plus = new ArrayList<>();
        List<Arith.Term> minus = new ArrayList<>();
        for (ConstantProduct.Digit d : plan.digits()) {
          if (d.shift() < t.width()) {
            (d.negative() ? minus : plus).add(Arith.Term.shifted(a, d.shift()));
          }
        }
        return sum(arith, name, plus, minus, t);
      }
    }
  }

  /**
   * The products of one signal by several constants on one {@link MultipleConstantProduct} graph. Its partial sums
   * are cells {@code <prefix><k>}, built with the first product that uses one; a product that uses none is built as
   * alone ({@link #constant}), so that a design without shared partial sums keeps its cells.
   */
  static final class Shared {
    private final Arith arith;
    private final String prefix;
    private final Signal a;
    private final MultipleConstantProduct plan;
    /** The signal, then the partial sums once built. */
    private final List<Signal> symbols = new ArrayList<>();

    Shared(Arith arith, String prefix, Signal a, MultipleConstantProduct plan) {
      this.arith = arith;
      this.prefix = prefix;
      this.a = a;
      this.plan = plan;
      symbols.add(a);
    }

    MultipleConstantProduct plan() {
      return plan;
    }

    /** The product by constant i into signal {@code name}. */
    Signal product(int i, String name) {
      ConstantProduct p = plan.products().get(i);
      List<MultipleConstantProduct.Term> terms = plan.terms().get(i);
      if (terms.stream().allMatch(t -> t.symbol() == MultipleConstantProduct.X)) {
        return constant(arith, name, a, p.constant(), p);
      }
      if (symbols.size() == 1) {
        for (int k = 0; k < plan.partials().size(); k++) {
          MultipleConstantProduct.Partial s = plan.partials().get(k);
          FixedType t = FixedType.intermediate(true, s.width(), s.width());
          symbols.add(arith.adder(prefix + k, Arith.Term.shifted(symbols.get(s.first()), 0),
              Arith.Term.shifted(symbols.get(s.second()), s.shift()), s.subtract(), t, t));
        }
      }
      List<Arith.Term> plus = new ArrayList<>();
      List<Arith.Term> minus = new ArrayList<>();
      for (MultipleConstantProduct.Term t : terms) {
        (t.negative() ? minus : plus).add(Arith.Term.shifted(symbols.get(t.symbol()), t.shift()));
      }
      return sum(arith, name, plus, minus, FixedOp.MUL.resultType(a.type(), p.constant().type()));
    }
  }

  /**
   * The sum of the plus terms minus the minus terms (codes in units of the output's LSB) into signal {@code name}
   * of type t: balanced adder trees, then one subtraction. Partial sums keep only the bits below the output's MSB.
   */
  static Signal sum(Arith arith, String name, List<Arith.Term> plus, List<Arith.Term> minus, FixedType t) {
    FixedType outView = FixedType.intermediate(t.signed(), t.width(), t.width());
    // a term shifted past the output's MSB adds nothing modulo 2^W
    plus = plus.stream().filter(x -> -x.fracBits() < t.width()).toList();
    minus = minus.stream().filter(x -> -x.fracBits() < t.width()).toList();
    int[] counter = {0};
    if (minus.isEmpty()) {
      if (plus.isEmpty()) {
        return arith.constant(name, Fixed.zero(t));
      }
      if (plus.size() == 1) {
        return arith.wiring(name, plus.get(0), outView, t);
      }
      List<Arith.Term> two = reduce(arith, name, plus, 2, t.width(), counter);
      return arith.adder(name, two.get(0), two.get(1), false, outView, t);
    }
    Arith.Term n = reduce(arith, name, minus, 1, t.width(), counter).get(0);
    if (plus.isEmpty()) {
      return arith.negate(name, n, outView, t);
    }
    Arith.Term p = reduce(arith, name, plus, 1, t.width(), counter).get(0);
    return arith.adder(name, p, n, true, outView, t);
  }

  /** Adds neighbours (by shift) pairwise until at most {@code target} terms are left. */
  private static List<Arith.Term> reduce(Arith arith, String name, List<Arith.Term> terms, int target, int outWidth,
      int[] counter) {
    List<Arith.Term> level = new ArrayList<>(terms);
    level.sort(Comparator.comparingInt(Arith.Term::fracBits).reversed());
    while (level.size() > target) {
      List<Arith.Term> next = new ArrayList<>();
      int k = 0;
      // pair only as many as needed to reach the target: a tree, not a chain
      int pairs = Math.min(level.size() / 2, level.size() - target);
      for (int p = 0; p < pairs; p++) {
        Arith.Term x = level.get(k++);
        Arith.Term y = level.get(k++);
        FixedType exact = FixedOp.ADD.resultType(x.view(), y.view());
        int f = exact.fracBits(); // <= 0: the LSB of the partial sum sits at bit -f of the output
        int w = Math.min(exact.width(), outWidth + f);
        FixedType view = FixedType.intermediate(exact.signed(), w, w - f);
        Signal s = arith.adder(name + "_s" + counter[0]++, x, y, false, view, view);
        next.add(new Arith.Term(s, view));
      }
      while (k < level.size()) {
        next.add(level.get(k++));
      }
      level = next;
    }
    return level;
  }
}
