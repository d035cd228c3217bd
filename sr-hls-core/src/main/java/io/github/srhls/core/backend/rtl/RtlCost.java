package io.github.srhls.core.backend.rtl;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the RTL costs, estimated from the cells the lowering chose and the registers the schedule needs, before any
 * synthesis: the figures Yosys's {@code synth_xilinx -family xcup} (0.23) reports, by a per-primitive model
 * calibrated against it (the calibration benchmark {@code RtlCostBenchmark} prints both side by side).
 *
 * <p>The model, per cell (by what it is, with its output's width W): LUTs per bit of each kind of logic (adders,
 * divider steps, comparisons, multiplexers, overflow steps, reductions, shifters: the factors below); a DSP48E2
 * product is one DSP (none when one operand is a one-bit chunk of a constant: Yosys folds it); a LUT product a x b
 * about a x b LUTs; a LUT-ROM of E entries ceil(E / 64) LUTs per bit column that varies; a block-RAM ROM the fewest
 * RAMB18 of any shape for its varying columns, its second reader none; carry chains ceil(n / 4) CARRY4 (Yosys 0.23
 * maps xcup carry chains to CARRY4); constants, and cells of constants only, nothing.
 * Registers: each signal's copies ({@code _<s>__q1 … q<d>}) times the share of bits Yosys keeps ({@link #keptBits}),
 * cut at every copy some reader reads; a run of 3 or more copies between reads is a shift register that Yosys maps
 * into SRL16E/SRLC32E LUT RAM (one per bit per 32 copies, no FF); shorter runs are flip-flops. The valid chain is L
 * FFs. The site's RTL page has the table and the benchmark's figures.
 *
 * @param lut LUTs of logic
 * @param ff flip-flops
 * @param carry CARRY4 primitives
 * @param dsp DSP48E2 slices
 * @param bram18k block RAM in 18 Kb halves
 * @param lutram LUTs used as shift registers (SRLC32E)
 * @param lutByKind the LUTs of logic by the kind of cell they come from (adders, tables, ...)
 */
public record RtlCost(long lut, long ff, long carry, long dsp, long bram18k, long lutram, Map<String, Long> lutByKind) {

  public RtlCost {
    lutByKind = Collections.unmodifiableMap(new TreeMap<>(lutByKind));
  }

  /** A cell's share: LUTs (by the kind of logic, for the report), CARRY4, DSP48E2, RAMB18. */
  record Part(String kind, long lut, long carry, long dsp, long bram18k) {
    static final Part NONE = new Part("none", 0, 0, 0, 0);
  }

  /** What the figures are, for the reports. */
  public static final String BASIS = "estimate (sr-hls per-primitive model, calibrated against Yosys 0.23"
      + " synth_xilinx -family xcup)";

  /** Shortest run of register copies Yosys turns into a shift register ({@code shregmap -minlen 3}). */
  static final int SRL_MIN_LENGTH = 3;
  /** Copies one SRLC32E holds. */
  static final int SRL_LENGTH = 32;

  private static final Pattern BITS = Pattern.compile("(\\d+) bits?");
  private static final Pattern PRODUCT = Pattern.compile("(\\d+)x(\\d+)");
  private static final Pattern TABLE = Pattern.compile("(\\d+) x (\\d+)");
  private static final Pattern VARYING = Pattern.compile("(\\d+) varying bits");
  private static final Pattern POWERS = Pattern.compile("(\\d+) powers");

  /** The estimate for a scheduled netlist. */
  public static RtlCost of(Netlist net, Schedule schedule) {
    long[] sum = new long[6];
    Map<String, Long> byKind = new TreeMap<>();
    Map<String, String> kindOf = new HashMap<>();
    // signals that are constants: constant cells and cells of constants only (Yosys folds them, registers too)
    Set<String> constants = new HashSet<>();
    // selections between two constants (a saturation value): every bit is the condition, its inverse or constant
    Set<String> oneBit = new HashSet<>();
    for (Cell c : net.cells()) {
      if (c.inputs().stream().allMatch(s -> constants.contains(s.name()))) {
        constants.add(c.out().name());
        continue;
      }
      if (c.what().startsWith("multiplexer") && c.inputs().size() == 3
          && constants.contains(c.inputs().get(1).name()) && constants.contains(c.inputs().get(2).name())) {
        oneBit.add(c.out().name());
        continue;
      }
      Part p = cell(c, constants);
      kindOf.put(c.out().name(), p.kind());
      sum[0] += p.lut();
      sum[2] += p.carry();
      sum[3] += p.dsp();
      sum[4] += p.bram18k();
      if (p.lut() > 0) {
        byKind.merge(p.kind(), p.lut(), Long::sum);
      }
    }
    // register copies: per signal, the copies its readers read
    SortedMap<String, SortedSet<Integer>> taps = schedule.readDepths(net);
    for (Map.Entry<String, SortedSet<Integer>> e : taps.entrySet()) {
      if (constants.contains(e.getKey())) {
        continue; // a constant's copies are constants
      }
      int width = oneBit.contains(e.getKey()) ? 1 : net.signal(e.getKey()).width();
      long w = Math.round(width * keptBits(kindOf.getOrDefault(e.getKey(), "input")));
      int previous = 0;
      for (int k : e.getValue()) {
        int run = k - previous;
        if (run >= SRL_MIN_LENGTH) {
          sum[5] += w * ((run + SRL_LENGTH - 1) / SRL_LENGTH);
        } else {
          sum[1] += w * run;
        }
        previous = k;
      }
    }
    sum[1] += schedule.latency();
    return new RtlCost(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], byKind);
  }

  /*
   * LUTs per bit of each kind of logic, fitted (non-negative least squares, relative error) to Yosys 0.23's
   * synth_xilinx -family xcup over RtlCostBenchmark's 77 designs. Yosys trims and merges across cells (-flatten):
   * comparisons with a constant and multiplexers before a register mostly vanish into other LUTs and the
   * flip-flops' set and reset pins, an adder loses the high bits nobody reads; a divider step, an overflow step and
   * a reduction cost more than one LUT per bit.
   */
  static final double ADDER = 0.85;
  static final double COMPARE = 0.1;
  static final double MUX = 0.3;
  static final double MUX_CONSTANT = 0.75;
  static final double OVERFLOW = 1.45;
  static final double DIVIDER = 1.45;
  static final double ROM = 1.0;
  static final double LUT_PRODUCT = 1.0;
  static final double SHIFTER = 0.55;
  static final double REDUCE = 1.0;
  static final double ENCODER = 2.0;

  /**
   * The share of a register copy's bits that Yosys keeps, by the kind of cell that produces the signal (fitted like
   * the LUT factors): the high bits of a sum or a divider's partial remainder that no later cell reads are removed,
   * sign bits merged, a DSP's product register goes into the DSP (PREG). Others keep every bit.
   */
  static double keptBits(String kind) {
    return switch (kind) {
      case "adder" -> 0.8;
      case "divider" -> 0.55;
      case "dsp" -> 0.65;
      case "mux", "mux constant" -> 0.55;
      default -> 1.0;
    };
  }

  /** One cell's share; {@code constants} are the signals known to be constant. */
  static Part cell(Cell c, Set<String> constants) {
    String what = c.what();
    int w = c.out().width();
    int in = c.inputs().isEmpty() ? 0 : c.inputs().get(0).width();
    boolean constantInput = c.inputs().stream().anyMatch(s -> constants.contains(s.name()));
    if (what.startsWith("DSP48E2 product")) {
      Matcher m = PRODUCT.matcher(what);
      if (constantInput && m.find() && Math.min(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) <= 2) {
        // a one-bit chunk of a constant is 0 or 1: Yosys folds the product into wiring, no DSP
        return Part.NONE;
      }
      return new Part("dsp", 0, 0, 1, 0);
    }
    if (what.startsWith("LUT product")) {
      Matcher m = PRODUCT.matcher(what);
      long bits = m.find() ? Long.parseLong(m.group(1)) * Long.parseLong(m.group(2)) : w;
      return new Part("lut product", luts(LUT_PRODUCT, bits), carry4(w), 0, 0);
    }
    if (what.startsWith("block-RAM ROM")) {
      if (what.contains("second port")) {
        return Part.NONE;
      }
      Matcher m = TABLE.matcher(what);
      long entries = m.find() ? Long.parseLong(m.group(1)) : 1;
      return new Part("block ram", 0, 0, 0, bram18(entries, varying(what, w)));
    }
    if (what.startsWith("LUT-ROM")) {
      long entries = 1L << Math.min(in, 30);
      Matcher m = TABLE.matcher(what);
      if (m.find()) {
        entries = Math.min(entries, Long.parseLong(m.group(1)));
      }
      return new Part("lut rom", luts(ROM, (long) varying(what, w) * ((entries + 63) / 64)), 0, 0, 0);
    }
    if (what.startsWith("divider step")) {
      int n = bits(what, w);
      return new Part("divider", luts(DIVIDER, n), carry4(n), 0, 0);
    }
    if (what.startsWith("adder") || what.startsWith("subtractor") || what.startsWith("negation")
        || what.startsWith("rounding adder") || what.startsWith("conditional negation")) {
      int n = bits(what, w);
      return new Part("adder", luts(ADDER, n), carry4(n), 0, 0);
    }
    if (what.startsWith("comparison")) {
      int n = bits(what, in);
      if (what.startsWith("comparison ==") || what.startsWith("comparison !=")) {
        return new Part("compare", luts(COMPARE, n), 0, 0, 0);
      }
      if (what.contains("of a difference")) {
        return new Part("compare", luts(COMPARE, in), 0, 0, 0);
      }
      return new Part("compare", luts(COMPARE, n), constantInput ? 0 : (n + 11) / 12, 0, 0);
    }
    if (what.startsWith("multiplexer")) {
      return constantInput ? new Part("mux constant", luts(MUX_CONSTANT, w), 0, 0, 0)
          : new Part("mux", luts(MUX, w), 0, 0, 0);
    }
    if (what.startsWith("overflow")) {
      return new Part("overflow", luts(OVERFLOW, w), 0, 0, 0);
    }
    if (what.startsWith("range check") || what.startsWith("sticky bit")) {
      int n = bits(what, in);
      return new Part("reduce", luts(REDUCE, n), 0, 0, 0);
    }
    if (what.startsWith("rounding increment") || what.startsWith("quotient sign")) {
      return new Part("reduce", luts(REDUCE, 2), 0, 0, 0);
    }
    if (what.startsWith("priority encoder")) {
      Matcher m = POWERS.matcher(what);
      long count = m.find() ? Long.parseLong(m.group(1)) : in;
      return new Part("encoder", luts(ENCODER, (count + 3) / 4 * w), 0, 0, 0);
    }
    if (what.startsWith("wiring") || what.startsWith("constant") || what.startsWith("bit field")
        || what.startsWith("power-of-two scaling") || what.startsWith("exp octave bits")) {
      return Part.NONE;
    }
    // a multiplexer of shifted copies (exp's 2^k, log's 2^-e, the roots' scalings): W LUTs per 4 choices
    int selector = c.inputs().size() > 1 ? c.inputs().get(1).width() : 1;
    return new Part("shifter", luts(SHIFTER, (long) w * Math.max(1, (selector + 1) / 2)), 0, 0, 0);
  }

  private static long luts(double perBit, long bits) {
    return Math.round(perBit * bits);
  }

  /** A table's bit columns that are not the same in every entry. */
  private static int varying(String what, int width) {
    Matcher m = VARYING.matcher(what);
    return m.find() ? Integer.parseInt(m.group(1)) : width;
  }

  private static int bits(String what, int otherwise) {
    Matcher m = BITS.matcher(what);
    return m.find() ? Integer.parseInt(m.group(1)) : otherwise;
  }

  private static long carry4(long bits) {
    return (bits + 3) / 4;
  }

  /**
   * RAMB18E2s for a ROM of {@code entries} words of {@code width} bits: the configuration 512 x 36, 1K x 18,
   * 2K x 9, 4K x 4, 8K x 2 or 16K x 1 that needs the fewest (UG573).
   */
  static long bram18(long entries, int width) {
    long best = Long.MAX_VALUE;
    int[][] shapes = {{512, 36}, {1024, 18}, {2048, 9}, {4096, 4}, {8192, 2}, {16384, 1}};
    for (int[] s : shapes) {
      long n = ((entries + s[0] - 1) / s[0]) * ((width + s[1] - 1) / s[1]);
      best = Math.min(best, n);
    }
    return best;
  }

  /** The figures as a list for messages: LUT, FF, CARRY, DSP, BRAM18, LUT RAM. */
  public List<Long> figures() {
    return List.of(lut, ff, carry, dsp, bram18k, lutram);
  }
}
