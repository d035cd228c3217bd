package io.github.srhls.core.backend.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.srhls.core.design.units.ExpTable;
import io.github.srhls.core.design.units.LogTable;
import io.github.srhls.core.design.units.PeriodicTable;
import io.github.srhls.core.design.units.RootTable;
import io.github.srhls.core.design.units.TableUnit;
import io.github.srhls.core.design.units.TanhTable;
import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.fixed.Overflow;
import io.github.srhls.core.fixed.Quantization;
import io.github.srhls.core.process.ToolInvocation;
import io.github.srhls.core.process.ToolResult;
import io.github.srhls.core.process.ToolRunner;
import io.github.srhls.core.simulation.rtl.Port;
import io.github.srhls.core.simulation.rtl.Verilated;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every function unit kind at degrees 0 to 3, lowered into one netlist (each case its own input and output port),
 * built once with the real Verilator and compared bit for bit with {@link TableUnit#evaluate}: every argument of the
 * narrow types (so every table boundary), and for the wide ones the type's ends, 0, the powers of two and their
 * neighbours, and random arguments.
 */
class RtlUnitsTest {
  private static final DelayModel DELAYS = DelayModel.ULTRASCALE_PLUS_2;
  private static final int RANDOM_ARGUMENTS = 3000;

  private static final List<Builtin> FUNCTIONS = List.of(Builtin.SIN, Builtin.COS, Builtin.TAN, Builtin.EXP,
      Builtin.LOG, Builtin.LOG2, Builtin.LOG10, Builtin.TANH, Builtin.SQRT, Builtin.CBRT);

  /** An argument type with the result types that suit each function, and the index bits per degree. */
  private record Types(FixedType arg, FixedType bounded, FixedType grows, FixedType log, int wideIndex,
      int narrowIndex) {}

  private static final List<Types> TYPES = List.of(
      // narrow: every argument is simulated
      new Types(FixedType.fixed(10, 4), FixedType.fixed(12, 2), FixedType.fixed(12, 5),
          FixedType.fixed(12, 4), 6, 4),
      // unsigned argument, results that round and saturate
      new Types(FixedType.ufixed(11, 5), FixedType.fixed(13, 2, Quantization.AP_RND, Overflow.AP_SAT),
          FixedType.fixed(14, 8, Quantization.AP_RND_CONV, Overflow.AP_SAT), FixedType.fixed(12, 4), 5, 3),
      // typical
      new Types(FixedType.fixed(16, 6), FixedType.fixed(18, 2), FixedType.fixed(18, 8, Quantization.AP_RND,
          Overflow.AP_SAT), FixedType.fixed(16, 5), 7, 5),
      // wide: the degree-0 tables are larger than a LUT-ROM
      new Types(FixedType.fixed(24, 8), FixedType.fixed(24, 3), FixedType.fixed(26, 12), FixedType.fixed(24, 6),
          9, 5));

  private static TableUnit unit(Builtin f, Types t, int degree) {
    int bits = degree == 0 ? t.wideIndex() : t.narrowIndex();
    return switch (f) {
      case SIN, COS -> PeriodicTable.of(f, t.arg(), t.bounded(), bits, degree);
      case TAN -> PeriodicTable.of(f, t.arg(), t.grows(), bits, degree);
      case EXP -> ExpTable.of(t.arg(), t.grows(), bits, degree);
      case LOG, LOG2, LOG10 -> LogTable.of(f, t.arg(), t.log(), bits, degree);
      case TANH -> TanhTable.of(t.arg(), t.bounded(), bits, degree);
      case SQRT, CBRT -> RootTable.of(f, t.arg(), t.grows(), bits, degree);
      default -> throw new IllegalArgumentException(f.toString());
    };
  }

  /**
   * Every kind at every degree for every argument type; tan's segments of degree 1 to 3 fitted only for arguments
   * within 0.7 of 0, as the plan builds them (the arguments beyond fall on plain segments, simulated too).
   */
  private static List<TableUnit> allUnits() {
    List<TableUnit> units = new ArrayList<>();
    for (Types t : TYPES) {
      for (Builtin f : FUNCTIONS) {
        for (int degree = 0; degree <= 3; degree++) {
          units.add(f == Builtin.TAN && degree > 0
              ? PeriodicTable.tan(t.arg(), t.grows(), t.narrowIndex(), degree, 0.7) : unit(f, t, degree));
        }
      }
    }
    return units;
  }

  @Test
  void everyUnitKindAtEveryDegreeIsBitExactWithTheJavaModel(@TempDir Path dir) {
    List<TableUnit> units = allUnits();
    Netlist net = new Netlist();
    RtlUnits lowering = new RtlUnits(net, new Arith(net, DELAYS), DELAYS);
    for (int k = 0; k < units.size(); k++) {
      net.output("y" + k, lowering.lower("_u" + k, units.get(k), net.input("x" + k, units.get(k).argType())));
    }
    boolean blockRam = net.cells().stream().anyMatch(c -> c.latency() == 1 && c.what().startsWith("block-RAM"));
    assertTrue(blockRam, "the wide degree-0 tables are in block RAM");
    simulate(dir, "units", net, units, 5.0);
  }

  @Test
  void blockRamTablesAtAFastClockAreBitExactToo(@TempDir Path dir) {
    List<TableUnit> units = new ArrayList<>();
    Types typical = TYPES.get(2);
    for (Builtin f : List.of(Builtin.SIN, Builtin.EXP, Builtin.LOG2, Builtin.TANH, Builtin.CBRT)) {
      for (int degree = 0; degree <= 3; degree++) {
        units.add(unit(f, typical, degree));
      }
    }
    // the same tables again: the second reader of a table takes its block RAM's other port, the third a new one
    units.add(unit(Builtin.SIN, typical, 0));
    units.add(unit(Builtin.SIN, typical, 0));
    units.add(unit(Builtin.EXP, typical, 2));
    Netlist net = new Netlist();
    RtlUnits lowering = new RtlUnits(net, new Arith(net, DELAYS), DELAYS, 0);
    for (int k = 0; k < units.size(); k++) {
      net.output("y" + k, lowering.lower("_u" + k, units.get(k), net.input("x" + k, units.get(k).argType())));
    }
    // (tables of equal contents elsewhere share too)
    assertTrue(net.cells().stream().filter(c -> c.what().contains("second port")).count() >= 4,
        "sin's table twice, exp's three tables once");
    simulate(dir, "bram", net, units, 3.0);
  }

  @Test
  void tablesAboveTheLimitAreBlockRamWithARegisteredReadAndTheOthersLutRom() {
    Netlist net = new Netlist();
    RtlUnits lowering = new RtlUnits(net, new Arith(net, DELAYS), DELAYS);
    Types typical = TYPES.get(2);
    // 256 x 18 bits = 4.5 Kib: block RAM; 32 x 18: LUT-ROM
    TableUnit large = PeriodicTable.of(Builtin.SIN, typical.arg(), typical.bounded(), 8, 0);
    TableUnit small = PeriodicTable.of(Builtin.SIN, typical.arg(), typical.bounded(), 5, 0);
    lowering.lower("_large", large, net.input("a", typical.arg()));
    lowering.lower("_small", small, net.input("b", typical.arg()));
    Cell read = net.cells().stream().filter(c -> c.out().name().equals("_large")).findFirst().orElseThrow();
    assertEquals(1, read.latency(), read.what());
    Cell lut = net.cells().stream().filter(c -> c.out().name().equals("_small")).findFirst().orElseThrow();
    assertEquals(0, lut.latency(), lut.what());
    assertTrue(RtlUnits.inBlockRam(256, 18) && !RtlUnits.inBlockRam(32, 18) && !RtlUnits.inBlockRam(256, 16));
  }

  @Test
  void yosysMapsTheLargeTableOfTwoUnitsToOneBlockRamAndTheSmallOnesToLuts(@TempDir Path dir) throws Exception {
    Netlist net = new Netlist();
    RtlUnits lowering = new RtlUnits(net, new Arith(net, DELAYS), DELAYS);
    Types typical = TYPES.get(2);
    // 256 x 18 bits: one RAMB18E2 for two readers; 32 x 18 and 64 x 18: logic (LUT5, LUT6), not LUTRAM
    net.output("y", lowering.lower("_y", PeriodicTable.of(Builtin.SIN, typical.arg(), typical.bounded(), 8, 0),
        net.input("a", typical.arg())));
    net.output("z", lowering.lower("_z", PeriodicTable.of(Builtin.COS, typical.arg(), typical.bounded(), 5, 0),
        net.input("b", typical.arg())));
    net.output("w", lowering.lower("_w", PeriodicTable.of(Builtin.SIN, typical.arg(), typical.bounded(), 6, 0),
        net.input("c", typical.arg())));
    // a second sin of the same type: its table is read through the block RAM's other port
    net.output("v", lowering.lower("_v", PeriodicTable.of(Builtin.SIN, typical.arg(), typical.bounded(), 8, 0),
        net.input("d", typical.arg())));
    Path source = dir.resolve("tables.v");
    Files.writeString(source, VerilogWriter.module("tables", net, Schedule.of(net, DELAYS, 5), List.of("test")));
    Path stat = dir.resolve("stat.json");
    ToolResult result = new ToolRunner(BuildLog.silent()).run(ToolInvocation.of("yosys", List.of("yosys", "-q",
        "-p", "synth_xilinx -family xcup -noiopad -top tables; tee -q -o " + stat + " stat -json",
        source.toString())).withWorkingDirectory(dir));
    assertTrue(result.succeeded(), String.join("\n", result.lines()));
    JsonNode cells = new ObjectMapper().readTree(stat.toFile()).path("modules").path("\\tables")
        .path("num_cells_by_type");
    assertEquals(1, cells.path("RAMB18E2").asInt(), cells.toString());
    cells.fieldNames().forEachRemaining(type -> assertTrue(!type.startsWith("RAM") || type.equals("RAMB18E2"),
        "no distributed RAM for a ROM: " + cells));
    assertTrue(cells.path("LUT6").asInt() > 0 && cells.path("LUT5").asInt() > 0, cells.toString());
  }

  /** Schedules, writes, builds and runs the netlist; every output must equal the unit's evaluate. */
  private static void simulate(Path dir, String top, Netlist net, List<TableUnit> units, double clockNs) {
    List<List<Fixed>> arguments = new ArrayList<>();
    int vectors = 0;
    for (int k = 0; k < units.size(); k++) {
      List<Fixed> args = arguments(units.get(k).argType(), new Random(k));
      arguments.add(args);
      vectors = Math.max(vectors, args.size());
    }
    List<List<BigInteger>> rows = new ArrayList<>();
    for (int v = 0; v < vectors; v++) {
      List<BigInteger> row = new ArrayList<>();
      for (List<Fixed> args : arguments) {
        row.add(args.get(v % args.size()).raw());
      }
      rows.add(row);
    }
    try {
      Schedule schedule = Schedule.of(net, DELAYS, clockNs);
      Path source = dir.resolve(top + ".v");
      Files.writeString(source, VerilogWriter.module(top, net, schedule, List.of("RtlUnitsTest")));
      List<Port> in = net.inputs().stream().map(s -> new Port(s.name(), s.width())).toList();
      List<Port> out = new ArrayList<>();
      net.outputs().forEach((name, s) -> out.add(new Port(name, s.width())));
      ToolRunner runner = new ToolRunner(BuildLog.silent());
      Verilated sim = Verilated.build(runner, "verilator", dir.resolve("sim"), List.of(source), top, in, out);
      Verilated.Run run = sim.run(runner, dir, rows);
      assertEquals(schedule.latency(), run.latencyCycles(), "latency");
      assertEquals(vectors, run.outputs().size());
      List<String> mismatches = new ArrayList<>();
      int wrongCases = 0;
      for (int k = 0; k < units.size(); k++) {
        TableUnit unit = units.get(k);
        int wrong = 0;
        for (int v = 0; v < vectors; v++) {
          Fixed x = arguments.get(k).get(v % arguments.get(k).size());
          Fixed expected = unit.evaluate(x);
          BigInteger got = run.outputs().get(v).get(k);
          if (!got.equals(out.get(k).raw(expected.raw())) && wrong++ < 3) {
            mismatches.add(String.format("%s deg %d %s -> %s, x = %s: RTL %s, Java %s (raw %s)",
                unit.function().canonicalName(), unit.segments().degree(), unit.argType(), unit.resultType(), x,
                Fixed.ofRaw(signedRaw(got, unit.resultType()), unit.resultType()), expected, expected.raw()));
          }
        }
        wrongCases += wrong > 0 ? 1 : 0;
      }
      assertTrue(mismatches.isEmpty(), wrongCases + " of " + units.size() + " units differ; first:\n"
          + String.join("\n", mismatches));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static BigInteger signedRaw(BigInteger bits, FixedType type) {
    return type.signed() && bits.testBit(type.width() - 1) ? bits.subtract(BigInteger.ONE.shiftLeft(type.width()))
        : bits;
  }

  /**
   * Every argument of a type up to 12 bits; otherwise its ends, 0, +-1 LSB, the powers of two and their
   * neighbours, and random ones.
   */
  static List<Fixed> arguments(FixedType type, Random random) {
    BigInteger min = Fixed.min(type).raw();
    BigInteger max = Fixed.max(type).raw();
    List<Fixed> args = new ArrayList<>();
    if (type.width() <= 12) {
      for (BigInteger r = min; r.compareTo(max) <= 0; r = r.add(BigInteger.ONE)) {
        args.add(Fixed.ofRaw(r, type));
      }
      return args;
    }
    Set<BigInteger> raws = new LinkedHashSet<>();
    for (long d = 0; d <= 2; d++) {
      raws.add(min.add(BigInteger.valueOf(d)));
      raws.add(max.subtract(BigInteger.valueOf(d)));
      raws.add(BigInteger.valueOf(d));
      raws.add(BigInteger.valueOf(-d));
    }
    for (int b = 0; b < type.width(); b++) {
      for (long d = -1; d <= 1; d++) {
        BigInteger p = BigInteger.ONE.shiftLeft(b).add(BigInteger.valueOf(d));
        raws.add(p);
        raws.add(p.negate());
      }
    }
    for (int i = 0; i < RANDOM_ARGUMENTS; i++) {
      raws.add(new BigInteger(type.width(), random).add(min));
    }
    for (BigInteger r : raws) {
      if (r.compareTo(min) >= 0 && r.compareTo(max) <= 0) {
        args.add(Fixed.ofRaw(r, type));
      }
    }
    return args;
  }
}
