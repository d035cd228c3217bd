package io.github.srhls.core.backend.rtl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the RTL costs, estimated from the cells the lowering chose and the registers the schedule needs, before any
 * synthesis: the figures Yosys's {@code synth_xilinx -family xcup} (0.23) reports, by a per-primitive model
 * calibrated against it (the calibration benchmark {@code RtlCostBenchmark} prints both side by side).
 *
 * <p>The model reads each cell's {@link Resource} (what it is built of, recorded where it is made) and follows
 * what Yosys does with it: bits nobody reads are removed with the logic and registers behind them
 * ({@link #liveBits}); LUTs per bit of each kind of logic (the fitted factors below); a DSP48E2 product is one DSP
 * (none when an operand is a constant 0 or plus or minus a power of two: wiring); a LUT-ROM of E entries
 * ceil(E / 64) LUTs per bit column that varies; a block-RAM ROM the fewest RAMB18 for its varying columns, 18-bit
 * ports when a second reader makes it true dual-port; carry chains ceil(n / 4) CARRY4 (Yosys 0.23 maps xcup carry
 * chains to CARRY4); constants, and cells of constants only, nothing. Registers bit by bit:
 * runs of 3 or more copies are shift registers (LUTRAM), shorter ones flip-flops; the valid chain is L FFs. The
 * site's RTL page has the table and the benchmark's figures, in and out of the fit.
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
  record Part(String kind, double lut, long carry, long dsp, long bram18k) {
    static final Part NONE = new Part("none", 0, 0, 0, 0);
  }

  /** What the figures are, for the reports. */
  public static final String BASIS = "estimate (sr-hls per-primitive model, calibrated against Yosys 0.23"
      + " synth_xilinx -family xcup)";

  /** Shortest run of register copies Yosys turns into a shift register ({@code shregmap -minlen 3}). */
  static final int SRL_MIN_LENGTH = 3;
  /** Copies one SRLC32E holds. */
  static final int SRL_LENGTH = 32;

  /** The estimate for a scheduled netlist. */
  public static RtlCost of(Netlist net, Schedule schedule) {
    List<Cell> cells = net.cells();
    // signals that are constants: constant cells and cells of constants only (Yosys folds them, registers too)
    Set<String> constants = new HashSet<>();
    // selections between two constants (a saturation value): every bit is the condition, its inverse or constant
    Set<String> oneBit = new HashSet<>();
    // selections among constants, nested (sign's -1, 0 or 1): each bit is a function of the conditions only, and
    // the bits that are not constant are copies of at most one distinct bit per condition; a register keeps those
    Map<String, Integer> conditionBits = new HashMap<>();
    for (Cell c : cells) {
      if (c.inputs().stream().allMatch(s -> constants.contains(s.name()))) {
        constants.add(c.out().name());
      } else if (c.resource().kind() == Resource.Kind.MUX && c.inputs().size() == 3
          && constants.contains(c.inputs().get(1).name()) && constants.contains(c.inputs().get(2).name())) {
        oneBit.add(c.out().name());
        conditionBits.put(c.out().name(), 1);
      } else if (c.resource().kind() == Resource.Kind.MUX && c.inputs().size() == 3
          && c.inputs().subList(1, 3).stream().allMatch(
              s -> constants.contains(s.name()) || conditionBits.containsKey(s.name()))) {
        conditionBits.put(c.out().name(), 1 + conditionBits.getOrDefault(c.inputs().get(1).name(), 0)
            + conditionBits.getOrDefault(c.inputs().get(2).name(), 0));
      }
    }
    Map<String, Integer> live = liveBits(net);
    Map<String, List<Cell>> readers = sameStageReaders(net, schedule, live);
    // block-RAM tables by shape (entries, varying bits): a second reader makes a table true dual-port
    Map<List<Long>, long[]> tables = new TreeMap<>(Comparator.comparing(List::toString));
    long[] sum = new long[6];
    Map<String, Double> byKind = new TreeMap<>();
    for (Cell c : cells) {
      String name = c.out().name();
      int bits = live.getOrDefault(name, 0);
      if (constants.contains(name) || oneBit.contains(name) || bits == 0) {
        continue; // folded, or nobody reads it: removed
      }
      if (c.resource().kind() == Resource.Kind.BLOCK_RAM || c.resource().kind() == Resource.Kind.BLOCK_RAM_SECOND_PORT) {
        long[] n = tables.computeIfAbsent(List.of(c.resource().a(), c.resource().bits()), k -> new long[2]);
        n[c.resource().kind() == Resource.Kind.BLOCK_RAM ? 0 : 1]++;
        continue;
      }
      Part p = cell(net, schedule, c, bits, live, constants, readers);
      sum[2] += p.carry();
      sum[3] += p.dsp();
      sum[4] += p.bram18k();
      if (p.lut() > 0) {
        byKind.merge(p.kind(), p.lut(), Double::sum);
      }
    }
    for (Map.Entry<List<Long>, long[]> t : tables.entrySet()) {
      long entries = t.getKey().get(0);
      int width = t.getKey().get(1).intValue();
      long dual = Math.min(t.getValue()[0], t.getValue()[1]);
      sum[4] += dual * bram18(entries, width, true) + (t.getValue()[0] - dual) * bram18(entries, width, false);
    }
    registers(net, schedule, live, constants, conditionBits, sum);
    sum[1] += schedule.latency();
    Map<String, Long> rounded = new TreeMap<>();
    double lut = 0;
    for (Map.Entry<String, Double> e : byKind.entrySet()) {
      lut += e.getValue();
      rounded.put(e.getKey(), Math.round(e.getValue()));
    }
    return new RtlCost(Math.round(lut), sum[1], sum[2], sum[3], sum[4], sum[5], rounded);
  }

  /**
   * The cells that read each signal in the stage it is produced in (not a registered copy), looking through wirings
   * to the logic behind them: what ABC can merge the signal's logic into. Cells nobody reads are left out.
   */
  static Map<String, List<Cell>> sameStageReaders(Netlist net, Schedule schedule, Map<String, Integer> live) {
    List<Cell> cells = net.cells();
    Map<String, List<Cell>> direct = new HashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      Cell c = cells.get(i);
      if (live.getOrDefault(c.out().name(), 0) == 0) {
        continue;
      }
      for (Signal in : new java.util.LinkedHashSet<>(c.inputs())) {
        if (schedule.stages().get(i) == schedule.producedIn(net, in)) {
          direct.computeIfAbsent(in.name(), k -> new ArrayList<>()).add(c);
        }
      }
    }
    Map<String, List<Cell>> readers = new HashMap<>();
    for (int i = cells.size() - 1; i >= 0; i--) {
      List<Cell> through = new ArrayList<>();
      for (Cell r : direct.getOrDefault(cells.get(i).out().name(), List.of())) {
        if (r.resource().kind() == Resource.Kind.WIRING) {
          through.addAll(readers.getOrDefault(r.out().name(), List.of()));
        } else {
          through.add(r);
        }
      }
      readers.put(cells.get(i).out().name(), through);
    }
    return readers;
  }

  /**
   * How many low bits of each signal some reader needs (Yosys removes the rest, and the logic only they need): all
   * of an output port's; of a cell's input, what the cell's {@link Resource#reads} say for the bits of its output
   * that are needed. Signals nobody reads have none.
   */
  static Map<String, Integer> liveBits(Netlist net) {
    Map<String, Integer> live = new HashMap<>();
    for (Signal out : net.outputs().values()) {
      live.merge(out.name(), out.width(), Math::max);
    }
    List<Cell> cells = net.cells();
    for (int i = cells.size() - 1; i >= 0; i--) {
      Cell c = cells.get(i);
      int bits = live.getOrDefault(c.out().name(), 0);
      if (bits == 0) {
        continue;
      }
      for (int j = 0; j < c.inputs().size(); j++) {
        Signal in = c.inputs().get(j);
        live.merge(in.name(), needed(c.resource().read(j), bits, in.width()), Math::max);
      }
    }
    return live;
  }

  /**
   * The lowest bit of an input that a reader reads, by its {@link Resource#reads} entry: a reader whose output bit k is
   * input bit k - o reads nothing under bit -o (a field's low end).
   */
  private static int lowestBit(int read) {
    return Resource.isBit(read) ? Resource.bit(0) - read : Resource.isFrom(read) ? Resource.from(0) - read
        : read == Resource.ALL ? 0 : Math.max(0, -read);
  }

  /** The low bits of an input of {@code width} bits a reader needs for {@code bits} low bits of its output. */
  private static int needed(int read, int bits, int width) {
    if (read == Resource.ALL || Resource.isFrom(read)) {
      return width;
    }
    if (Resource.isBit(read)) {
      return Math.min(width, Resource.bit(0) - read + 1);
    }
    return (int) Math.max(0, Math.min(width, (long) bits - read));
  }

  /**
   * The pipeline's registers, bit by bit, as Yosys keeps them: a bit is copied up to the deepest copy a reader of
   * that bit reads (a reader of an adder's low bits does not keep its high bits' copies); between two copies that
   * are read, a run of 3 or more copies nobody else reads is a shift register ({@code shregmap}: one SRLC32E per 32),
   * shorter runs are flip-flops. Bits that a wiring fills with zeros or with copies of the sign are not kept twice;
   * of a selection among constants only its distinct condition bits are kept ({@code opt_merge} merges equal
   * flip-flops, constant ones vanish). Of a DSP product's first copies a fitted share is counted
   * ({@link #DSP_REGISTER_KEPT}). A
   * restoring divider's quotient bits pass from step to step unchanged: each rides a shift register over the
   * divider's stages, and a step's register keeps its partial remainder only.
   */
  private static void registers(Netlist net, Schedule schedule, Map<String, Integer> live, Set<String> constants,
      Map<String, Integer> conditionBits, long[] sum) {
    List<Cell> cells = net.cells();
    // per signal: (depth, bits read) for every reader that reads a registered copy
    Map<String, List<int[]>> reads = new HashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      Cell c = cells.get(i);
      if (live.getOrDefault(c.out().name(), 0) == 0) {
        continue;
      }
      for (int j = 0; j < c.inputs().size(); j++) {
        Signal in = c.inputs().get(j);
        int depth = schedule.stages().get(i) - schedule.producedIn(net, in);
        if (depth > 0) {
          int r = c.resource().read(j);
          // a reader whose output bit k is input bit k - o reads nothing under bit -o (a field's low end)
          int lo = lowestBit(r);
          int hi = needed(r, live.get(c.out().name()), in.width()) - 1;
          reads.computeIfAbsent(in.name(), x -> new ArrayList<>()).add(new int[] {depth, lo, hi});
        }
      }
    }
    for (Signal out : net.outputs().values()) {
      int depth = schedule.latency() - schedule.producedIn(net, out);
      if (depth > 0) {
        reads.computeIfAbsent(out.name(), x -> new ArrayList<>()).add(new int[] {depth, 0, out.width() - 1});
      }
    }
    Map<String, Integer> copies = new HashMap<>();
    long productCopies = 0;
    for (Map.Entry<String, List<int[]>> e : reads.entrySet()) {
      String name = e.getKey();
      if (constants.contains(name)) {
        continue; // a constant's copies are constants
      }
      Signal s = net.signal(name);
      int index = net.cellOf(s);
      Cell producer = index < 0 ? null : cells.get(index);
      Resource.Kind kind = producer == null ? Resource.Kind.WIRING : producer.resource().kind();
      int maxDepth = e.getValue().stream().mapToInt(r -> r[0]).max().orElse(0);
      copies.put(name, maxDepth);
      int width = Math.min(s.width(), conditionBits.getOrDefault(name, s.width()));
      // a divider step's quotient bits (its low done + 1) are counted with the divider's shift registers
      int firstBit = kind == Resource.Kind.DIVIDER_STEP ? (int) producer.resource().a() + 1 : 0;
      boolean intoDsp = kind == Resource.Kind.DSP && producer.latency() == 0;
      boolean intoReset = selectsConstant(net, producer, constants);
      // a LUT-ROM's columns that are the same in every entry are constant flip-flops, removed; which columns vary
      // is not recorded, only how many: the most expensive bits are taken to be those
      int varying = kind == Resource.Kind.LUT_ROM ? (int) producer.resource().bits() : Integer.MAX_VALUE;
      List<long[]> perBit = new ArrayList<>();
      for (int bit = firstBit; bit < width; bit++) {
        if (producer != null && !kept(producer, bit)) {
          continue;
        }
        SortedSet<Integer> taps = new TreeSet<>();
        for (int[] r : e.getValue()) {
          if (bit >= r[1] && bit <= r[2]) {
            taps.add(r[0]);
          }
        }
        if (!taps.isEmpty() && copiesInput(net, schedule, producer, bit, taps.last(), reads)) {
          continue;
        }
        int previous = 0;
        long flops = 0;
        long shift = 0;
        for (int k : taps) {
          int run = k - previous;
          if (previous == 0 && intoDsp) {
            run--; // the first copy: maybe the DSP's P register
            productCopies++;
          } else if (previous == 0 && intoReset && run >= SRL_MIN_LENGTH) {
            run--; // the first copy: a flip-flop whose set or reset pin does the selection
            flops++;
          }
          if (run >= SRL_MIN_LENGTH) {
            shift += (run + SRL_LENGTH - 1) / SRL_LENGTH;
          } else {
            flops += run;
          }
          previous = k;
        }
        perBit.add(new long[] {flops, shift});
      }
      perBit.sort(Comparator.comparingLong((long[] b) -> b[0] + b[1]).reversed());
      for (long[] b : perBit.subList(0, Math.min(perBit.size(), varying))) {
        sum[1] += b[0];
        sum[5] += b[1];
      }
    }
    sum[1] += Math.round(productCopies * DSP_REGISTER_KEPT);
    // each quotient bit of a divider: from the step that makes it, through the registers of the later steps
    int copiesAfter = 0;
    for (int i = cells.size() - 1; i >= 0; i--) {
      Cell c = cells.get(i);
      if (c.resource().kind() != Resource.Kind.DIVIDER_STEP) {
        continue;
      }
      boolean continued = i + 1 < cells.size() && cells.get(i + 1).resource().kind() == Resource.Kind.DIVIDER_STEP
          && cells.get(i + 1).inputs().contains(c.out());
      if (!continued) {
        copiesAfter = 0; // the last step of a divider
      }
      copiesAfter += copies.getOrDefault(c.out().name(), 0);
      if (copiesAfter >= SRL_MIN_LENGTH) {
        sum[5] += (copiesAfter + SRL_LENGTH - 1) / SRL_LENGTH;
      } else {
        sum[1] += copiesAfter;
      }
    }
  }

  /**
   * Whether the register copies of bit {@code bit} of a wiring's output are those of its input's bit: made in the
   * same stage and the input's bit copied at least as deep, the flip-flops have the same data and Yosys's
   * {@code opt_merge} keeps one of each (a cast that only widens, registered beside the value it widens).
   */
  private static boolean copiesInput(Netlist net, Schedule schedule, Cell c, int bit, int deepest,
      Map<String, List<int[]>> reads) {
    if (c == null || c.resource().kind() != Resource.Kind.WIRING || c.inputs().size() != 1) {
      return false;
    }
    int o = c.resource().read(0);
    Signal in = c.inputs().get(0);
    if (o == Resource.ALL || Resource.isBit(o) || Resource.isFrom(o)
        || schedule.producedIn(net, in) != schedule.producedIn(net, c.out())) {
      return false;
    }
    long j = (long) bit - o;
    for (int[] r : reads.getOrDefault(in.name(), List.of())) {
      if (r[0] >= deepest && j >= r[1] && j <= r[2]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a signal is a selection with a constant side (a clamp), directly or through wirings: Yosys puts that
   * selection into the set or reset pin of the signal's first flip-flop, which then cannot start a shift register.
   */
  private static boolean selectsConstant(Netlist net, Cell c, Set<String> constants) {
    while (c != null && c.resource().kind() == Resource.Kind.WIRING && c.inputs().size() == 1) {
      int index = net.cellOf(c.inputs().get(0));
      c = index < 0 ? null : net.cells().get(index);
    }
    return c != null && c.resource().kind() == Resource.Kind.MUX && c.inputs().size() == 3
        && c.inputs().subList(1, 3).stream().anyMatch(s -> constants.contains(s.name()));
  }

  /** Whether a register keeps bit {@code bit} of a cell's output: not a wiring's zero or repeated sign. */
  private static boolean kept(Cell c, int bit) {
    Resource r = c.resource();
    if (r.kind() != Resource.Kind.WIRING || c.inputs().size() != 1 || r.read(0) == Resource.ALL) {
      return true;
    }
    // output bit k is input bit k - o: zeros below, the sign (or zeros) above, kept once as the input's top bit
    long k = (long) bit - r.read(0);
    return k >= 0 && k < c.inputs().get(0).width();
  }

  /*
   * LUTs per bit of each kind of logic (per bit that is read), fitted to Yosys 0.23's synth_xilinx -family xcup by a
   * linear program (least total relative error, every training design within 25%) on the designs RtlCostBenchmark
   * marks "fit"; it prints the error on the held-out designs too. ABC merges small functions across cells
   * (-flatten): comparisons and multiplexers of two variables vanish into the LUTs they drive; a selection with a
   * constant side (a clamp, a saturation) costs by what reads it ({@link #constantSide}); a rounding adder is its
   * carry chain alone. The refit with those three rules (read from netlists of tiny modules) kept ROM at the earlier
   * fit's value and fitted the others together; the priority encoder's figures below were measured, not fitted, and
   * SHIFTER was fitted after them alone (fit 52/52, mean 4.0%; held out 36/36, mean 7.0%). A clamp's comparisons with
   * its bounds (COMPARE_CONSTANT, about 0.25 per bit alone) landed in its selections' factors, as every clamp has both.
   * No training design has a product in LUTs: LUT_PRODUCT is a x b by construction, not fitted.
   */
  static final double ADDER = 0.95;
  static final double CONSTANT_ADDER = 0.6;
  static final double COMPARE = 0.0;
  static final double MUX = 0.0;
  static final double MUX_CONSTANT = 0.79;
  static final double MUX_CONSTANT_MERGED = 0.62;
  static final double MUX_CONSTANT_READ = 0.68;
  static final double COMPARE_CONSTANT = 0.0;
  static final double INCREMENT = 0.02;
  static final double OVERFLOW = 0.96;
  static final double OVERFLOW_MERGED = 0.0;
  static final double OVERFLOW_READ = 0.52;
  /*
   * A divider step's add/subtract chain {x, 1} + {D ^ m, m}: where the dividend bit it brings down is a constant (the
   * zeros a fractional divisor shifts in, or a constant dividend) Yosys feeds the chain's DI from x and folds D ^ m
   * into the sum LUT, one LUT per bit; where that bit varies it feeds DI from D ^ m, which then takes a LUT of its
   * own beside the sum's, two per bit (seen in the netlists of u_div: steps q38 to q14 against q13 to q0).
   */
  static final double DIVIDER = 1.0;
  static final double DIVIDER_VARIABLE_BIT = 2.0;
  static final double ROM = 1.03;
  static final double LUT_PRODUCT = 1.0;
  static final double REDUCE = 3.91;
  /*
   * A priority encoder and the shifter it drives, measured on tiny modules (Yosys 0.23, xcup): an encoder of n powers
   * alone is about 1.25 LUTs per power (n = 8 to 48: 4 to 63 LUTs); with a shifter of its n choices in the same
   * stage ABC folds the encoder into every result bit, and the pair costs about 4.3 LUTs more per choice whatever the
   * shifter's read bits (n = 16 to 26, 4 to 18 bits read: 45 to 170 LUTs, irregular). A shifter whose selector is a
   * register is a multiplexer per read bit of its distinct sources, ceil(sources / 4) LUTs each (a 19-way shifter of
   * 16 bits: 120 LUTs), by the fitted SHIFTER factor (the other two are the measured ones, not fitted).
   */
  static final double ENCODER = 1.25;
  static final double SHIFTER_AFTER_ENCODER = 4.3;
  static final double SHIFTER = 1.18;
  /**
   * The share of a DSP product's first register copy counted as flip-flops, fitted. Not registers moved into the
   * DSP: Yosys 0.23 packs none into a DSP48E2 (site page rtl.md); where the rest goes is not established.
   */
  static final double DSP_REGISTER_KEPT = 0.75;

  /**
   * One cell's share, for the {@code bits} low bits of its output that are read; {@code live}: each signal's bits
   * that are read ({@link #liveBits}); {@code readers}: the cells that read each signal in its own stage
   * ({@link #sameStageReaders}).
   */
  static Part cell(Netlist net, Schedule schedule, Cell c, int bits, Map<String, Integer> live, Set<String> constants,
      Map<String, List<Cell>> readers) {
    Resource r = c.resource();
    int w = c.out().width();
    int in = c.inputs().isEmpty() ? 0 : c.inputs().get(0).width();
    boolean constantInput = c.inputs().stream().anyMatch(s -> constants.contains(s.name()));
    return switch (r.kind()) {
      case WIRING, CONSTANT, BLOCK_RAM, BLOCK_RAM_SECOND_PORT -> Part.NONE; // block RAM: counted by shape
      // by a constant 0 or plus or minus a power of two: Yosys folds the product into wiring, no DSP
      case DSP -> r.bits() == 1 ? Part.NONE : new Part("dsp", 0, 0, 1, 0);
      case LUT_PRODUCT -> r.bits() == 1 ? Part.NONE
          : new Part("lut product", LUT_PRODUCT * r.a() * r.b(), carry4(w), 0, 0);
      case LUT_ROM -> {
        long entries = Math.min(1L << Math.min(in, 30), r.a());
        yield new Part("lut rom", ROM * Math.min(r.bits(), bits) * ((entries + 63) / 64), 0, 0, 0);
      }
      case DIVIDER_STEP -> new Part("divider", (bringsDownVariable(c, constants) ? DIVIDER_VARIABLE_BIT : DIVIDER)
          * r.bits(), carry4(r.bits()), 0, 0);
      case ADDER -> {
        // the low bits of one term pass beside the chain; the chain ends at the highest bit that is read
        long low = w - r.bits();
        long n = Math.max(0, Math.min(r.bits(), bits - low));
        yield constantInput ? new Part("constant adder", CONSTANT_ADDER * n, carry4(n), 0, 0)
            : new Part("adder", ADDER * n, carry4(n), 0, 0);
      }
      case INCREMENT -> {
        long low = w - r.bits();
        long n = Math.max(0, Math.min(r.bits(), bits - low));
        yield new Part("increment", INCREMENT * n, carry4(n), 0, 0);
      }
      case COMPARE -> constantInput ? new Part("compare constant", COMPARE_CONSTANT * r.bits(), 0, 0, 0)
          : new Part("compare", COMPARE * r.bits(), (r.bits() + 11) / 12, 0, 0);
      case EQUALITY -> new Part("compare", COMPARE * r.bits(), 0, 0, 0);
      case MUX -> constantInput ? constantSide("mux constant", MUX_CONSTANT, MUX_CONSTANT_MERGED, MUX_CONSTANT_READ,
          bits, readers.getOrDefault(c.out().name(), List.of())) : new Part("mux", MUX * bits, 0, 0, 0);
      case OVERFLOW -> constantSide("overflow", OVERFLOW, OVERFLOW_MERGED, OVERFLOW_READ,
          bits * overflowLutsPerBit(net, c), readers.getOrDefault(c.out().name(), List.of()));
      case REDUCE -> new Part("reduce", REDUCE * r.bits(), 0, 0, 0);
      case LOGIC_BIT -> new Part("reduce", REDUCE * 2, 0, 0, 0);
      case ENCODER -> new Part("encoder", ENCODER * r.bits(), 0, 0, 0);
      case SHIFTER -> shifter(net, schedule, c, bits, live);
    };
  }

  /**
   * A multiplexer of shifted copies (exp's 2^k, log's 2^-e, the roots' scalings), {@code bits} low bits read: fed by
   * a priority encoder in its own stage, {@link #SHIFTER_AFTER_ENCODER} per choice; else, per bit from the lowest
   * one read ({@link #lowestRead}) up, a multiplexer of that bit's distinct sources (the input bits the shifts bring
   * there, and a zero or sign bit where some shift brings none), {@link #SHIFTER} per ceil(sources / 4). The shifts
   * are every multiple of the resource's step between the least and the greatest (a root's mantissa alignment
   * shifts by the root's degree, the others by one).
   */
  static Part shifter(Netlist net, Schedule schedule, Cell c, int bits, Map<String, Integer> live) {
    long choices = c.resource().a();
    Signal selector = c.inputs().get(1);
    int producer = net.cellOf(selector);
    if (producer >= 0 && net.cells().get(producer).resource().kind() == Resource.Kind.ENCODER
        && schedule.producedIn(net, selector) == schedule.producedIn(net, c.out())) {
      return new Part("shifter", SHIFTER_AFTER_ENCODER * choices, 0, 0, 0);
    }
    int width = c.inputs().get(0).width();
    int range = c.out().width() - width; // the greatest shift less the least
    long step = Math.max(1, c.resource().b());
    long luts = 0;
    for (int k = lowestRead(net, live, c.out()); k < bits; k++) {
      // the shifts z (multiples of step up to range) that bring input bit k - z here
      long lo = Math.max(0, k - width + 1);
      long hi = Math.min(k, range);
      long sources = hi < lo ? 0 : hi / step - (lo + step - 1) / step + 1;
      boolean filled = k < range || k >= width;
      luts += (sources + (filled ? 1 : 0) + 3) / 4;
    }
    return new Part("shifter", SHIFTER * luts, 0, 0, 0);
  }

  /**
   * A selection with a constant side (a clamp's multiplexer, a cast's saturation), per bit by what reads it in its
   * own stage: nothing (only its registers, whose set and reset pins take the selection), one adder or multiplexer
   * (ABC merges the selection into that cell's LUT per bit), or anything else (a DSP's operand, several readers: a
   * LUT per bit of its own, seen in the netlists of u_ops_auto and jet_auto_dsp).
   */
  private static Part constantSide(String kind, double registered, double merged, double read, int bits,
      List<Cell> readers) {
    if (readers.isEmpty()) {
      return new Part(kind, registered * bits, 0, 0, 0);
    }
    Resource.Kind reader = readers.get(0).resource().kind();
    if (readers.size() == 1 && reader != Resource.Kind.DSP && reader != Resource.Kind.BLOCK_RAM
        && reader != Resource.Kind.BLOCK_RAM_SECOND_PORT) {
      return new Part(kind + " merged", merged * bits, 0, 0, 0);
    }
    return new Part(kind + " read", read * bits, 0, 0, 0);
  }

  /**
   * LUTs per bit of a cast's overflow selection as ABC maps it: each result bit is a function of its own bit and of
   * the whole overflow condition (the rounded value's carry-out and top bit, the range check's source bits), which
   * ABC copies into every bit rather than sharing; up to 6 inputs that is one LUT6, 7 a LUT7 (two LUTs and a MUXF7),
   * more a LUT8 or its decomposition (four). Measured on tiny modules with Yosys 0.23: a 24-bit saturation after a
   * rounding increment costs 25, 48, 94 and 103 LUTs with a range check of 2, 4, 6 and 10 bits; 51 without the
   * increment and a 10-bit check.
   */
  static int overflowLutsPerBit(Netlist net, Cell c) {
    boolean rounded = false;
    long check = 0;
    for (Signal in : c.inputs()) {
      int index = net.cellOf(in);
      Resource r = index < 0 ? null : net.cells().get(index).resource();
      if (r != null && r.kind() == Resource.Kind.INCREMENT) {
        rounded = true;
      } else if (r != null && r.kind() == Resource.Kind.REDUCE && in != c.inputs().get(0)) {
        check = r.bits();
      }
    }
    long fanIn = 2 + (rounded ? 1 : 0) + check;
    return fanIn <= 6 ? 1 : fanIn <= 7 || !rounded ? 2 : 4;
  }

  /**
   * The lowest bit of a signal that some reader reads: 0 for an output port, else the least of its live readers'
   * low ends (a field's reader reads nothing under the field's first bit). Synthesis removes the bits below it, and
   * the logic only they need.
   */
  static int lowestRead(Netlist net, Map<String, Integer> live, Signal s) {
    if (net.outputs().containsValue(s)) {
      return 0;
    }
    int lowest = s.width();
    for (Cell c : net.cells()) {
      if (live.getOrDefault(c.out().name(), 0) == 0) {
        continue;
      }
      for (int j = 0; j < c.inputs().size(); j++) {
        if (c.inputs().get(j).name().equals(s.name())) {
          lowest = Math.min(lowest, lowestBit(c.resource().read(j)));
        }
      }
    }
    return lowest;
  }

  /** Whether a divider step brings down a dividend bit that is not a constant (the one input it reads one bit of). */
  private static boolean bringsDownVariable(Cell c, Set<String> constants) {
    for (int j = 0; j < c.inputs().size(); j++) {
      if (Resource.isBit(c.resource().read(j)) && !constants.contains(c.inputs().get(j).name())) {
        return true;
      }
    }
    return false;
  }

  private static long carry4(long bits) {
    return (bits + 3) / 4;
  }

  /**
   * RAMB18E2s for a ROM of {@code entries} words of {@code width} bits read through one port: the configuration
   * 512 x 36 (simple dual-port), 1K x 18, 2K x 9, 4K x 4, 8K x 2 or 16K x 1 that needs the fewest (UG573).
   */
  static long bram18(long entries, int width) {
    return bram18(entries, width, false);
  }

  /**
   * RAMB18E2s for a ROM read through one port or two: with two read ports the block is true dual-port, whose ports
   * are at most 18 bits wide (no 512 x 36), so a table of 19 to 36 bits takes two.
   */
  static long bram18(long entries, int width, boolean twoPorts) {
    long best = Long.MAX_VALUE;
    int[][] shapes = {{512, 36}, {1024, 18}, {2048, 9}, {4096, 4}, {8192, 2}, {16384, 1}};
    for (int[] s : shapes) {
      if (twoPorts && s[1] > 18) {
        continue;
      }
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
