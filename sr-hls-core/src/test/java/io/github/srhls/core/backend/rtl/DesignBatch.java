package io.github.srhls.core.backend.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.srhls.core.design.BitAccurateModel;
import io.github.srhls.core.design.Design;
import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.ir.NodeText;
import io.github.srhls.core.process.ToolRunner;
import io.github.srhls.core.simulation.rtl.Port;
import io.github.srhls.core.simulation.rtl.Verilated;
import io.github.srhls.core.simulation.rtl.SimulatorBuild;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Random;

/**
 * Many designs checked against the Java model in one Verilator build: each design is lowered into one shared netlist
 * under its own tag ({@code d<k>_}), so the module has every design's ports side by side. Vector j gives every design
 * its own j-th input vector (random codes of each input's type, and its edges: the extremes, 0, +-1 LSB, the clamp
 * bounds); every output of every vector must equal {@link BitAccurateModel}'s bit for bit, and the latency Verilator
 * observes must be the schedule's.
 */
final class DesignBatch {
  private static final ToolRunner RUNNER = new ToolRunner(BuildLog.silent());

  /** A design, what it is for messages, and how its products by constants are built. */
  record Case(String label, Design design, ConstantProduct.Strategy constants) {
    Case(String label, Design design) {
      this(label, design, ConstantProduct.Strategy.AUTO);
    }
  }

  /** What a batch run found. */
  record Outcome(Schedule schedule, int observedLatency, int values, Netlist net) {}

  private DesignBatch() {}

  /**
   * Builds, runs and compares; fails with the first mismatches (design, inputs, expected, got).
   *
   * @param edgeOneIn about one input value in this many is an edge value
   */
  static Outcome verify(Path dir, List<Case> cases, double clockNs, int vectors, long seed, int edgeOneIn)
      throws IOException {
    Netlist net = new Netlist();
    Arith arith = new Arith(net, DelayModel.ULTRASCALE_PLUS_2);
    List<DesignLowering.Ports> ports = new ArrayList<>();
    for (int k = 0; k < cases.size(); k++) {
      ports.add(DesignLowering.lower(cases.get(k).design(), net, arith, cases.get(k).constants(), "d" + k + "_"));
    }
    Schedule schedule = Schedule.of(net, DelayModel.ULTRASCALE_PLUS_2, clockNs);
    Path source = dir.resolve("batch.v");
    Files.writeString(source, VerilogWriter.module("batch", net, schedule, List.of("test batch")));
    List<Port> in = new ArrayList<>();
    List<Port> out = new ArrayList<>();
    for (DesignLowering.Ports p : ports) {
      p.inputs().forEach(s -> in.add(new Port(s.name(), s.width())));
      p.outputs().forEach(s -> out.add(new Port(s.name(), s.width())));
    }
    if (System.getProperty("rtl.keep") != null) {
      Files.copy(source, Path.of(System.getProperty("rtl.keep")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    long start = System.nanoTime();
    Verilated sim = build(dir.resolve("sim"), source, "batch", in, out);
    System.out.printf("batch of %d designs: %d cells, %d kB of Verilog, Verilator build %.1f s%n", cases.size(),
        net.cells().size(), Files.size(source) / 1000, (System.nanoTime() - start) / 1e9);

    Random random = new Random(seed);
    List<List<BigInteger>> rows = new ArrayList<>();
    List<double[][]> inputs = new ArrayList<>(); // per vector, per case
    for (int j = 0; j < vectors; j++) {
      List<BigInteger> row = new ArrayList<>();
      double[][] perCase = new double[cases.size()][];
      for (int k = 0; k < cases.size(); k++) {
        Design d = cases.get(k).design();
        List<Signal> portsOfCase = ports.get(k).inputs();
        perCase[k] = new double[portsOfCase.size()];
        for (int i = 0; i < portsOfCase.size(); i++) {
          FixedType t = portsOfCase.get(i).type();
          BigInteger drawn = random.nextInt(edgeOneIn) == 0 ? edge(random, t, d, i) : randomCode(random, t);
          perCase[k][i] = Fixed.ofRaw(drawn, t).toDouble();
          // the port gets what the model's input path makes of the value, as RtlModule.inputBits gives it: under
          // AP_SAT_SYM the most negative code is no value of the type
          row.add(Fixed.fromDouble(perCase[k][i], d.inputType()).cast(t).raw());
        }
      }
      rows.add(row);
      inputs.add(perCase);
    }
    Verilated.Run run = sim.run(RUNNER, dir, rows);
    assertEquals(vectors, run.outputs().size(), "one output row per vector");

    List<String> mismatches = new ArrayList<>();
    Set<Integer> failed = new HashSet<>(); // one mismatch shown per design
    int compared = 0;
    List<BitAccurateModel> models = cases.stream().map(c -> new BitAccurateModel(c.design())).toList();
    for (int j = 0; j < vectors; j++) {
      int column = 0;
      for (int k = 0; k < cases.size(); k++) {
        double[] want = models.get(k).evaluate(inputs.get(j)[k]);
        for (int o = 0; o < want.length; o++) {
          Signal port = ports.get(k).outputs().get(o);
          double got = value(run.outputs().get(j).get(column++), port.type());
          compared++;
          if (Double.doubleToLongBits(got) != Double.doubleToLongBits(want[o] == 0 ? 0.0 : want[o])
              && mismatches.size() < 12 && failed.add(k)) {
            Design d = cases.get(k).design();
            mismatches.add(cases.get(k).label() + ": " + d.graph().outputNames().get(o) + " = "
                + NodeText.of(d.graph(), d.graph().outputs().get(o)) + " at " + Arrays.toString(inputs.get(j)[k])
                + " (vector " + j + "): model " + want[o] + ", RTL " + got + "\n    " + types(d));
          }
        }
      }
    }
    if (!mismatches.isEmpty()) {
      fail(mismatches.size() + "+ mismatches of " + compared + " values, e.g.\n  " + String.join("\n  ",
          mismatches));
    }
    assertEquals(schedule.latency(), run.latencyCycles(), "the latency Verilator observes is the schedule's");
    return new Outcome(schedule, run.latencyCycles(), compared, net);
  }

  /**
   * {@link Verilated#build} with the per-cycle C++ compiled at -O0: a few hundred vectors run as fast either way,
   * and the build of a large batch takes less time.
   */
  static Verilated build(Path work, Path source, String top, List<Port> in, List<Port> out) {
    return Verilated.build(RUNNER, "verilator", work, List.of(source), top, in, out,
        SimulatorBuild.defaults().withOptimized(false));
  }

  /** The value of a port's raw bits, as the double the model returns (0.0 rather than -0.0). */
  static double value(BigInteger raw, FixedType t) {
    BigInteger code = t.signed() && raw.testBit(t.width() - 1) ? raw.subtract(BigInteger.ONE.shiftLeft(t.width()))
        : raw;
    return Fixed.ofRaw(code, t).toDouble() + 0.0;
  }

  static BigInteger randomCode(Random random, FixedType t) {
    BigInteger raw = new BigInteger(t.width(), random);
    return t.signed() && raw.testBit(t.width() - 1) ? raw.subtract(BigInteger.ONE.shiftLeft(t.width())) : raw;
  }

  /** The extremes, 0, +-1 LSB, the neighbours of the extremes, and the clamp's bounds and their neighbours. */
  static BigInteger edge(Random random, FixedType t, Design d, int input) {
    BigInteger min = Fixed.min(t).raw();
    BigInteger max = Fixed.max(t).raw();
    List<BigInteger> edges = new ArrayList<>(List.of(min, max, BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(),
        min.add(BigInteger.ONE), max.subtract(BigInteger.ONE)));
    if (!d.clamps().isEmpty()) {
      Design.InputClamp c = d.clamps().get(input);
      for (Fixed bound : List.of(c.lo(), c.hi())) {
        BigInteger b = bound.cast(t).raw();
        edges.addAll(List.of(b, b.add(BigInteger.ONE), b.subtract(BigInteger.ONE)));
      }
    }
    BigInteger e = edges.get(random.nextInt(edges.size()));
    return e.max(min).min(max);
  }

  private static String types(Design d) {
    StringBuilder b = new StringBuilder("types:");
    for (int id = 0; id < d.graph().size(); id++) {
      if (d.isLive(id)) {
        b.append(" t").append(id).append('=').append(d.type(id).cpp());
      }
    }
    b.append(" result=").append(d.resultType().cpp());
    if (!d.clamps().isEmpty()) {
      b.append(" clamps=").append(d.clamps());
    }
    return b.toString();
  }
}
