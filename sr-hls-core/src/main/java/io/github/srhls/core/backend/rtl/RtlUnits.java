package io.github.srhls.core.backend.rtl;

import io.github.srhls.core.design.units.ExpTable;
import io.github.srhls.core.design.units.LogTable;
import io.github.srhls.core.design.units.PeriodicTable;
import io.github.srhls.core.design.units.RootTable;
import io.github.srhls.core.design.units.Segments;
import io.github.srhls.core.design.units.TableUnit;
import io.github.srhls.core.design.units.TanhTable;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Lowers the function units ({@link TableUnit}) into cells of a netlist, bit for bit as {@link TableUnit#evaluate}
 * and the HLS C++ compute them. The generic arithmetic (products, sums, casts, compares, selects) comes from
 * {@link Arith}; what is particular to the units is here: table reads (ROMs), slicing a position into index and
 * fraction, the priority encoder that finds an argument's exponent, and multiplications by a power of two chosen by
 * a small integer (a multiplexer of shifted copies, no multiplier).
 *
 * <p>Every product by a power of two of the units' small ROMs (exp's 2^k, log's 2^-e, the roots' 2^-kq and 2^q) is
 * exact, and every later assignment depends only on the exact value it is given, so the shifted copy in a type of
 * our own choosing casts to the same bits as the C++ product of the ROM entry.
 *
 * <p>Tables: a coefficient table of at most {@link #LUT_ROM_MAX_BITS} bits is a LUT-ROM (a {@code case} in an
 * {@code always @*}, combinational, {@code rom_style = "distributed"}); a larger one is a block RAM (an initialized
 * memory, {@code rom_style = "block"}) with a registered read: a cell of latency 1. A LUT6 holds 64 bits of ROM, so
 * 4 Kib is 64 LUT6s of storage plus their multiplexers; above that one RAMB18E2 (18 Kib, 36 bits wide with
 * one read port, 18 with two) costs less than the LUTs, and smaller tables do not take a scarce block RAM. A table
 * wider than 36 bits takes more than one RAMB18E2. Block RAMs have two read ports: the second unit of this object
 * that reads a block-RAM table of the same contents (sin of two arguments of one type) reads the first one's memory;
 * a third reader gets a memory of its own. LUT-ROMs are not shared: every read is its own multiplexer anyway.
 */
public final class RtlUnits {
  /** Coefficient tables of more bits than this are block RAM; the rest are LUT-ROM. */
  public static final long LUT_ROM_MAX_BITS = 4096;

  private final Netlist net;
  private final Arith arith;
  private final DelayModel delays;
  private final long lutRomMaxBits;
  /** Block-RAM tables by contents, for their second read port. */
  private final Map<List<Fixed>, SharedRom> blockRoms = new HashMap<>();

  /** A block-RAM table's memory (declared by its first reader's cell) and how many ports read it. */
  private static final class SharedRom {
    final String memory;
    int readers = 1;

    SharedRom(String memory) {
      this.memory = memory;
    }
  }

  public RtlUnits(Netlist net, Arith arith, DelayModel delays) {
    this(net, arith, delays, LUT_ROM_MAX_BITS);
  }

  /** With another LUT-ROM limit: 0 puts every table in block RAM, {@link Long#MAX_VALUE} none. */
  public RtlUnits(Netlist net, Arith arith, DelayModel delays, long lutRomMaxBits) {
    this.net = net;
    this.arith = arith;
    this.delays = delays;
    this.lutRomMaxBits = lutRomMaxBits;
  }

  /** Whether a table of {@code entries} values of {@code width} bits goes to block RAM under the default limit. */
  public static boolean inBlockRam(int entries, int width) {
    return (long) entries * width > LUT_ROM_MAX_BITS;
  }

  /**
   * The unit's result for {@code arg}, a signal named {@code name} of {@code unit.resultType()}.
   *
   * @param name the result's name; sub-cells are named {@code <name>_<part>}
   * @param arg a signal of {@code unit.argType()}
   */
  public Signal lower(String name, TableUnit unit, Signal arg) {
    if (!arg.type().equals(unit.argType())) {
      throw new IllegalArgumentException(unit.function().canonicalName() + " unit " + name + " takes "
          + unit.argType() + ", not " + arg.type());
    }
    Signal out;
    if (unit instanceof PeriodicTable p) {
      out = periodic(name, p, arg);
    } else if (unit instanceof ExpTable e) {
      out = exp(name, e, arg);
    } else if (unit instanceof LogTable l) {
      out = log(name, l, arg);
    } else if (unit instanceof TanhTable h) {
      out = tanh(name, h, arg);
    } else if (unit instanceof RootTable r) {
      out = root(name, r, arg);
    } else {
      throw new IllegalArgumentException("no RTL for " + unit);
    }
    if (!out.type().equals(unit.resultType()) || !out.name().equals(name)) {
      throw new IllegalStateException(name + " came out as " + out + ", not " + unit.resultType());
    }
    return out;
  }

  /** sin, cos, tan: pos = x * scale wraps by the period; its integer part is the index, its fraction t. */
  private Signal periodic(String name, PeriodicTable p, Signal x) {
    Signal product = arith.mulConst(name + "_xs", x, p.scale());
    Signal pos = arith.cast(name + "_pos", product, p.positionType());
    return segments(name, p.segments(), pos, name);
  }

  /**
   * exp: u = x * scale; its low bits are the position in the octave, the rest k, clamped to the powers kept; the
   * segments' 2^f times 2^k is a shift.
   */
  private Signal exp(String name, ExpTable e, Signal x) {
    Signal u = arith.cast(name + "_u", arith.mulConst(name + "_xs", x, e.scale()), e.positionType());
    int f = e.positionFractionBits();
    int ib = e.indexBits();
    Signal pos = slice(name + "_pos", u, 0, e.indexType());
    // k = floor(u / N): the bits above the index, sign-extended to the exponent type
    FixedType kType = e.exponentType();
    Signal k = net.cell(name + "_k", kType, List.of(u), 0, "exp octave bits",
        Resource.of(Resource.Kind.WIRING, 0), (out, in) -> {
      int msb = u.width() - 1;
      int ext = kType.width() - (msb - (f + ib) + 1);
      return "assign " + out + " = {" + (ext > 0 ? "{" + ext + "{" + in.get(0) + "[" + msb + "]}}, " : "")
          + in.get(0) + "[" + msb + ":" + (f + ib) + "]};";
    });
    long kMin = Fixed.min(kType).raw().longValueExact();
    long kMax = Fixed.max(kType).raw().longValueExact();
    int lo = (int) Math.max(e.minExponent(), Math.min(e.maxExponent(), kMin));
    int hi = (int) Math.max(e.minExponent(), Math.min(e.maxExponent(), kMax));
    Signal kept = k;
    if (lo < hi) {
      if (e.minExponent() > kMin) {
        Signal min = arith.constant(name + "_kmin", Fixed.ofRaw(BigInteger.valueOf(e.minExponent()), kType));
        kept = arith.select(name + "_klo", arith.compare(name + "_below", kept, "<", min), min, kept, kType);
      }
      if (e.maxExponent() < kMax) {
        Signal max = arith.constant(name + "_kmax", Fixed.ofRaw(BigInteger.valueOf(e.maxExponent()), kType));
        kept = arith.select(name + "_khi", arith.compare(name + "_above", kept, ">", max), max, kept, kType);
      }
    }
    Signal m = segments(name + "_m", e.segments(), pos, name + "_m");
    Signal scaled = lo < hi ? shift(name + "_p", m, kept, lo, hi - lo + 1, v -> v, "exp 2^k scaling")
        : relabel(name + "_p", m, lo);
    return arith.cast(name, scaled, e.resultType());
  }

  /**
   * log: x = m 2^e by the priority encoder; (m - 1) N is x shifted by -e; the segments' log(m) plus e log(2), the
   * latter from a small ROM of exact products.
   */
  private Signal log(String name, LogTable l, Signal x) {
    int min = l.minExponent();
    int count = l.powers().size();
    int ib = l.indexBits();
    Signal idx = encoder(name + "_e", x, count);
    Signal shifted = shift(name + "_ms", x, idx, 0, count, j -> ib - (min + j), "log mantissa alignment");
    Signal pos = arith.cast(name + "_posx", shifted, l.indexType());
    if (x.signed()) {
      // a non-positive x is taken as the smallest positive value: e = min (the encoder gives it) and pos = 0
      Signal zero = arith.constant(name + "_zero", Fixed.zero(x.type()));
      Signal positive = arith.compare(name + "_gt0", x, ">", zero);
      pos = arith.select(name + "_pos", positive, pos,
          arith.constant(name + "_pos0", Fixed.zero(l.indexType())), l.indexType());
    }
    Signal v = segments(name + "_v", l.segments(), pos, name + "_v");
    List<Fixed> logs = exactMultiples(l.logOfTwo(), min, count);
    Signal eLog = romLut(name + "_elog", idx, logs, "e log(2)" + varying(logs));
    return arith.cast(name, arith.add(name + "_sum", v, eLog), l.resultType());
  }

  /** tanh: |x| * scale saturates; from N on the value is one; odd. */
  private Signal tanh(String name, TanhTable h, Signal x) {
    Signal negative = x.signed() ? isNegative(name, x) : null;
    Signal a = magnitude(name + "_a", x, negative, h.magnitudeType());
    Signal pos = arith.cast(name + "_pos", arith.mulConst(name + "_as", a, h.scale()), h.positionType());
    FixedType rt = h.resultType();
    Signal v = segments(name + "_t", h.segments(), pos, name + "_t");
    Signal n = arith.constant(name + "_n", Fixed.ofRaw(BigInteger.valueOf(h.segments().size())
        .shiftLeft(h.positionFractionBits()), h.positionType()));
    Signal beyond = arith.compare(name + "_beyond", pos, ">=", n);
    Signal one = arith.constant(name + "_one", h.one());
    if (negative == null) {
      return arith.select(name, beyond, one, v, rt);
    }
    Signal w = arith.select(name + "_w", beyond, one, v, rt);
    Signal minus = arith.cast(name + "_minus", arith.neg(name + "_neg", w), rt);
    return arith.select(name, negative, minus, w, rt);
  }

  /**
   * sqrt, cbrt: |x| = m' 2^(kq) by the priority encoder; m' N / 2^k is |x| shifted; root(m') from the segments,
   * times 2^q by a shift; odd for cbrt, 0 for sqrt of a non-positive x, 0 at 0.
   */
  private Signal root(String name, RootTable r, Signal x) {
    int k = r.root();
    int min = r.minExponent();
    int count = r.powers().size();
    int ib = r.indexBits();
    Signal negative = x.signed() ? isNegative(name, x) : null;
    // sqrt of a negative x is 0 (selected below): x read in the magnitude type suffices there
    Signal a = magnitude(name + "_a", x, k == 3 ? negative : null, r.magnitudeType());
    Signal idx = encoder(name + "_e", a, count);
    IntUnaryOperator q = j -> Math.floorDiv(min + j, k);
    Signal shifted = shift(name + "_ms", a, idx, 0, count, j -> ib - k - k * q.applyAsInt(j),
        "root mantissa alignment");
    Signal pos = arith.cast(name + "_pos", shifted, r.indexType());
    Signal m = segments(name + "_m", r.segments(), pos, name + "_m");
    Signal v = shift(name + "_v", m, idx, 0, count, q, "root 2^q scaling");
    if (k == 3 && negative != null) {
      Signal minus = arith.neg(name + "_neg", v);
      v = arith.select(name + "_sv", negative, minus, arith.cast(name + "_pv", v, minus.type()), minus.type());
    }
    Signal value = arith.cast(name + "_r", v, r.resultType());
    Signal zero = arith.constant(name + "_zero", Fixed.zero(x.type()));
    Signal none = arith.compare(name + "_none", x, k == 2 && x.signed() ? "<=" : "==", zero);
    return arith.select(name, none, arith.constant(name + "_r0", Fixed.zero(r.resultType())), value,
        r.resultType());
  }

  private Signal isNegative(String name, Signal x) {
    return arith.compare(name + "_lt0", x, "<", arith.constant(name + "_x0", Fixed.zero(x.type())));
  }

  /** |x| in the magnitude type (one bit wider, where the negation cannot overflow); x itself where unsigned. */
  private Signal magnitude(String name, Signal x, Signal negative, FixedType type) {
    Signal plain = arith.cast(negative == null ? name : name + "_p", x, type);
    if (negative == null) {
      return plain;
    }
    Signal minus = arith.neg(name + "_n", x);
    if (!minus.type().equals(type)) {
      minus = arith.cast(name + "_nc", minus, type);
    }
    return arith.select(name, negative, minus, plain, type);
  }

  /**
   * The segments' value at a position whose fraction is t's bits: the index is the integer part (its low index
   * bits), t the fraction; then the table read or Horner's rule, each sum cast to its step type.
   */
  private Signal segments(String name, Segments s, Signal position, String result) {
    int ft = s.degree() == 0 ? 0 : s.fractionType().width();
    int ib = s.indexBits();
    Signal index = slice(name + "_i", position, ft, FixedType.ufixed(Math.max(1, ib), Math.max(1, ib)));
    int d = s.degree();
    List<Signal> c = new ArrayList<>();
    for (int k = 0; k <= d; k++) {
      c.add(rom(d == 0 ? result : name + "_c" + k, index, s.coefficients().get(k), ib));
    }
    if (d == 0) {
      return c.get(0);
    }
    Signal t = slice(name + "_f", position, 0, s.fractionType());
    Signal sum = c.get(d);
    for (int k = d - 1; k >= 0; k--) {
      Signal product = arith.mul(name + "_m" + k, sum, t);
      Signal added = arith.add(name + "_a" + k, product, c.get(k));
      sum = arith.cast(k == 0 ? result : name + "_s" + k, added, s.stepTypes().get(k));
    }
    return sum;
  }

  /** Bits {@code lo} and up of a signal, as many as {@code type} has: the index and fraction of a position. */
  private Signal slice(String name, Signal in, int lo, FixedType type) {
    int hi = lo + type.width() - 1;
    if (hi >= in.width()) {
      // an index of no bits (one entry) or a position narrower than the table: zero-extend
      int have = Math.max(0, in.width() - lo);
      return net.cell(name, type, List.of(in), 0, "bit field", Resource.wiring(-lo),
          (out, n) -> "assign " + out + " = " + (have == 0 ? type.width() + "'d0" : "{" + (type.width() - have) + "'d0, " + n.get(0) + "["
          + (in.width() - 1) + ":" + lo + "]}") + ";");
    }
    return net.cell(name, type, List.of(in), 0, "bit field", Resource.wiring(-lo),
        (out, n) -> "assign " + out + " = " + n.get(0) + "[" + hi + ":" + lo + "];");
  }

  /** A coefficient table: LUT-ROM or block RAM by its size. */
  private Signal rom(String name, Signal index, List<Fixed> values, int indexBits) {
    if (values.size() == 1) {
      return arith.constant(name, values.get(0));
    }
    long bits = (long) values.size() * values.get(0).type().width();
    if (bits > lutRomMaxBits && values.size() == 1 << indexBits) {
      return romBlock(name, index, values);
    }
    return romLut(name, index, values, "table " + values.size() + " x " + values.get(0).type().width()
        + varying(values));
  }

  /**
   * {@code ", k varying bits"} when some bit columns of a table hold the same bit in every entry (synthesis keeps
   * no storage for those; the cost estimate reads this), else nothing.
   */
  static String varying(List<Fixed> values) {
    int w = values.get(0).type().width();
    int k = varyingBits(values);
    return k == w ? "" : ", " + k + " varying bits";
  }

  /** The bit columns of a table that are not the same in every entry. */
  static int varyingBits(List<Fixed> values) {
    int w = values.get(0).type().width();
    BigInteger mask = BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
    BigInteger first = values.get(0).raw().and(mask);
    BigInteger differ = BigInteger.ZERO;
    for (Fixed v : values) {
      differ = differ.or(v.raw().and(mask).xor(first));
    }
    return differ.bitCount();
  }

  /** A LUT-ROM: a case over the index, the last entry as the default (indices past the end read it). */
  private Signal romLut(String name, Signal index, List<Fixed> values, String what) {
    FixedType type = values.get(0).type();
    int w = type.width();
    int aw = index.width();
    int levels = 1 + Math.max(0, (aw - 6 + 1) / 2);
    return net.cell(name, type, List.of(index), delays.luts(levels), "LUT-ROM " + what,
        Resource.table(Resource.Kind.LUT_ROM, values.size(), varyingBits(values)), (out, in) -> {
      StringBuilder b = new StringBuilder();
      b.append("(* rom_style = \"distributed\" *) reg [").append(w - 1).append(":0] ").append(out).append("_rom;\n");
      b.append("always @* begin\n  case (").append(in.get(0)).append(")\n");
      for (int i = 0; i < values.size() - 1; i++) {
        b.append("    ").append(aw).append("'d").append(i).append(": ").append(out).append("_rom = ")
            .append(literal(values.get(i))).append(";\n");
      }
      b.append("    default: ").append(out).append("_rom = ").append(literal(values.get(values.size() - 1)))
          .append(";\n  endcase\nend\n");
      b.append("assign ").append(out).append(" = ").append(out).append("_rom;\n");
      return b.toString();
    });
  }

  /**
   * A block-RAM ROM: an initialized memory read through a register, one cycle. A block RAM has two read ports, so
   * the second unit with the same table (sin of two arguments) reads the first one's memory.
   */
  private Signal romBlock(String name, Signal index, List<Fixed> values) {
    FixedType type = values.get(0).type();
    int w = type.width();
    SharedRom shared = blockRoms.get(values);
    if (shared != null && shared.readers < 2) {
      shared.readers++;
      String memory = shared.memory;
      return net.cell(name, type, List.of(index), delays.bramNs(), 1,
          "block-RAM ROM " + values.size() + " x " + w + varying(values) + ", second port of " + memory,
          Resource.table(Resource.Kind.BLOCK_RAM_SECOND_PORT, values.size(), varyingBits(values)), (out, in) ->
              "reg " + new Signal(out, type).range() + " " + out + ";\nalways @(posedge clk) begin\n  " + out
              + " <= " + memory + "[" + in.get(0) + "];\nend\n");
    }
    blockRoms.put(values, new SharedRom(name + "_mem"));
    return net.cell(name, type, List.of(index), delays.bramNs(), 1,
        "block-RAM ROM " + values.size() + " x " + w + varying(values),
        Resource.table(Resource.Kind.BLOCK_RAM, values.size(), varyingBits(values)), (out, in) -> {
          StringBuilder b = new StringBuilder();
          b.append("(* rom_style = \"block\" *) reg [").append(w - 1).append(":0] ").append(out).append("_mem [0:")
              .append(values.size() - 1).append("];\n");
          b.append("initial begin\n");
          for (int i = 0; i < values.size(); i++) {
            b.append("  ").append(out).append("_mem[").append(i).append("] = ").append(literal(values.get(i)))
                .append(";\n");
          }
          b.append("end\n");
          b.append("reg ").append(new Signal(out, type).range()).append(' ').append(out).append(";\n");
          b.append("always @(posedge clk) begin\n  ").append(out).append(" <= ").append(out).append("_mem[")
              .append(in.get(0)).append("];\nend\n");
          return b.toString();
        });
  }

  /**
   * The priority encoder: the position j (0 to count - 1) of the highest set bit among bits 1 to count - 1 of x,
   * 0 when none is set or x is negative. For x of F fraction bits that is e + F where 2^e <= x < 2^(e+1), the
   * exponent {@code PowersOfTwo.exponent} finds among the powers 2^-F ... 2^(count - 1 - F).
   */
  private Signal encoder(String name, Signal x, int count) {
    int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(count - 1));
    FixedType type = FixedType.ufixed(bits, bits);
    int levels = 1 + (int) Math.ceil(Math.log(Math.max(2, count)) / Math.log(4));
    return net.cell(name, type, List.of(x), delays.luts(levels), "priority encoder " + count + " powers",
        Resource.of(Resource.Kind.ENCODER, count), (out, in) -> {
          StringBuilder b = new StringBuilder();
          b.append("reg [").append(bits - 1).append(":0] ").append(out).append("_j;\n");
          b.append("always @* begin\n  ").append(out).append("_j = ").append(bits).append("'d0;\n");
          String indent = "  ";
          if (x.signed()) {
            b.append("  if (!").append(in.get(0)).append('[').append(x.width() - 1).append("]) begin\n");
            indent = "    ";
          }
          for (int j = 1; j < count && j < x.width(); j++) {
            b.append(indent).append("if (").append(in.get(0)).append('[').append(j).append("]) ").append(out)
                .append("_j = ").append(bits).append("'d").append(j).append(";\n");
          }
          if (x.signed()) {
            b.append("  end\n");
          }
          b.append("end\nassign ").append(out).append(" = ").append(out).append("_j;\n");
          return b.toString();
        });
  }

  /**
   * x times 2^p(v) for the selector's values v = first + j (j from 0 to count - 1; others read the last), exact:
   * a multiplexer of shifted copies. The result type holds every product.
   */
  private Signal shift(String name, Signal x, Signal selector, int first, int count, IntUnaryOperator pOfValue,
      String what) {
    int[] p = new int[count];
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (int j = 0; j < count; j++) {
      p[j] = pOfValue.applyAsInt(first + j);
      lo = Math.min(lo, p[j]);
      hi = Math.max(hi, p[j]);
    }
    int pMin = lo;
    int pMax = hi;
    int step = 0;
    for (int pj : p) {
      step = BigInteger.valueOf(step).gcd(BigInteger.valueOf(pj - pMin)).intValue();
    }
    int w = x.width() + hi - lo;
    FixedType type = FixedType.intermediate(x.signed(), w, x.type().intBits() + hi);
    int sw = selector.width();
    BigInteger mask = BigInteger.ONE.shiftLeft(sw).subtract(BigInteger.ONE);
    int levels = Math.max(1, (Math.min(sw, 32 - Integer.numberOfLeadingZeros(count)) + 1) / 2);
    return net.cell(name, type, List.of(x, selector), delays.luts(levels), what,
        Resource.shifter(sw, count, Math.max(1, step)), (out, in) -> {
      StringBuilder b = new StringBuilder();
      b.append("reg [").append(w - 1).append(":0] ").append(out).append("_s;\n");
      b.append("always @* begin\n  case (").append(in.get(1)).append(")\n");
      for (int j = 0; j < count; j++) {
        String label = j == count - 1 ? "default"
            : sw + "'h" + BigInteger.valueOf(first + j).and(mask).toString(16);
        b.append("    ").append(label).append(": ").append(out).append("_s = ")
            .append(shifted(in.get(0), x, pMax - p[j], p[j] - pMin)).append(";\n");
      }
      b.append("  endcase\nend\nassign ").append(out).append(" = ").append(out).append("_s;\n");
      return b.toString();
    });
  }

  /** x times 2^p for one p: the same bits read with the binary point moved. */
  private Signal relabel(String name, Signal x, int p) {
    FixedType type = FixedType.intermediate(x.signed(), x.width(), x.type().intBits() + p);
    return net.cell(name, type, List.of(x), 0, "power-of-two scaling", Resource.wiring(0),
        (out, in) -> "assign " + out + " = " + in.get(0) + ";");
  }

  /** {ext copies of x's sign (or 0), x, zeros}: x's bits moved up by {@code zeros}. */
  private static String shifted(String in, Signal x, int ext, int zeros) {
    List<String> parts = new ArrayList<>();
    if (ext > 0) {
      parts.add("{" + ext + "{" + (x.signed() ? in + "[" + (x.width() - 1) + "]" : "1'b0") + "}}");
    }
    parts.add(in);
    if (zeros > 0) {
      parts.add("{" + zeros + "{1'b0}}");
    }
    return parts.size() == 1 ? in : "{" + String.join(", ", parts) + "}";
  }

  /** e c for e = first ... first + count - 1, exact, in the narrowest signed type with c's fraction bits. */
  private static List<Fixed> exactMultiples(Fixed c, int first, int count) {
    List<BigInteger> raws = new ArrayList<>();
    int bits = 1;
    for (int j = 0; j < count; j++) {
      BigInteger r = c.raw().multiply(BigInteger.valueOf(first + j));
      raws.add(r);
      bits = Math.max(bits, r.bitLength() + 1);
    }
    FixedType type = FixedType.intermediate(true, bits, bits - c.type().fracBits());
    List<Fixed> values = new ArrayList<>();
    for (BigInteger r : raws) {
      values.add(Fixed.ofRaw(r, type));
    }
    return values;
  }

  /** A value's raw bits as a sized Verilog literal. */
  private static String literal(Fixed v) {
    int w = v.type().width();
    return w + "'h" + v.raw().and(BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE)).toString(16);
  }
}
