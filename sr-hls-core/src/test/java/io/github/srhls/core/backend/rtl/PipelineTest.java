package io.github.srhls.core.backend.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.process.ToolRunner;
import io.github.srhls.core.simulation.rtl.Port;
import io.github.srhls.core.simulation.rtl.Verilated;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler and the writer on a hand-built netlist: a chain of adders with a short branch. Whatever the clock,
 * the module computes the same values, and the latency the real Verilator observes is the schedule's.
 */
class PipelineTest {
  private static final FixedType INT16 = FixedType.apInt(16);
  private static final DelayModel DELAYS = DelayModel.ULTRASCALE_PLUS_2;

  /** y = ((a + b) + b) + b ... six times, z = a - b: one long path and one short one. */
  private static Netlist chain() {
    Netlist net = new Netlist();
    Signal a = net.input("a", INT16);
    Signal b = net.input("b", INT16);
    Signal s = a;
    for (int i = 0; i < 6; i++) {
      s = net.cell("_s" + i, INT16, List.of(s, b), DELAYS.carryChain(16), "adder 16 bits",
          Resource.prefix(Resource.Kind.ADDER, 16, 0, 0), (out, in) -> "assign " + out + " = " + in.get(0) + " + " + in.get(1) + ";");
    }
    Signal d = net.cell("_d", INT16, List.of(a, b), DELAYS.carryChain(16), "subtractor 16 bits",
        Resource.prefix(Resource.Kind.ADDER, 16, 0, 0), (out, in) -> "assign " + out + " = " + in.get(0) + " - " + in.get(1) + ";");
    net.output("y", s);
    net.output("z", d);
    return net;
  }

  @Test
  void aFasterClockGivesMoreStagesAndTheSameValues(@TempDir Path dir) throws Exception {
    Schedule slow = Schedule.of(chain(), DELAYS, 20);
    Schedule fast = Schedule.of(chain(), DELAYS, 1.5);
    assertEquals(1, slow.latency(), "six adders fit one 20 ns stage");
    assertTrue(fast.latency() >= 6, "one adder per 1.5 ns stage: " + fast.latency());
    assertTrue(fast.criticalPathNs() <= 1.5, "critical path " + fast.criticalPathNs());
    Random random = new Random(3);
    List<List<BigInteger>> vectors = new ArrayList<>();
    for (int k = 0; k < 300; k++) {
      vectors.add(List.of(BigInteger.valueOf(random.nextInt(65536) - 32768),
          BigInteger.valueOf(random.nextInt(65536) - 32768)));
    }
    for (Schedule schedule : List.of(slow, fast)) {
      Path work = dir.resolve("clock" + schedule.latency());
      Files.createDirectories(work);
      Path source = work.resolve("chain.v");
      Files.writeString(source, VerilogWriter.module("chain", chain(), schedule, List.of("test")));
      Verilated sim = Verilated.build(new ToolRunner(BuildLog.silent()), "verilator", work.resolve("sim"),
          List.of(source), "chain", List.of(new Port("a", 16), new Port("b", 16)),
          List.of(new Port("y", 16), new Port("z", 16)));
      Verilated.Run run = sim.run(new ToolRunner(BuildLog.silent()), work, vectors);
      assertEquals(schedule.latency(), run.latencyCycles());
      for (int k = 0; k < vectors.size(); k++) {
        short a = vectors.get(k).get(0).shortValue();
        short b = vectors.get(k).get(1).shortValue();
        assertEquals((a + 6 * b) & 0xFFFF, run.outputs().get(k).get(0).intValue(), "y of vector " + k);
        assertEquals((a - b) & 0xFFFF, run.outputs().get(k).get(1).intValue(), "z of vector " + k);
      }
    }
  }

  @Test
  void aCellSlowerThanTheClockIsAnErrorNamingItAndTheShortestPeriod() {
    SrHlsException e = assertThrows(SrHlsException.class, () -> Schedule.of(chain(), DELAYS, 0.5));
    assertTrue(e.getMessage().contains("adder 16 bits") && e.getMessage().contains("shortest period possible"),
        e.getMessage());
  }

  /**
   * Two cells too slow for the clock, the slower one second: the error names the slower one and the period it needs
   * (the first too-slow cell's period would not be enough either).
   */
  @Test
  void theErrorNamesTheSlowestCellNotTheFirstTooSlowOne() {
    Netlist net = new Netlist();
    Signal a = net.input("a", INT16);
    Signal slow = net.cell("_slow", INT16, List.of(a), 2.0, "slow cell", Resource.of(Resource.Kind.WIRING, 16),
        (out, in) -> "assign " + out + " = " + in.get(0) + ";");
    Signal slowest = net.cell("_slowest", INT16, List.of(slow), 3.0, "slowest cell", Resource.of(Resource.Kind.WIRING, 16),
        (out, in) -> "assign " + out + " = " + in.get(0) + ";");
    net.output("y", slowest);
    SrHlsException e = assertThrows(SrHlsException.class, () -> Schedule.of(net, DELAYS, 1.0));
    String expected = String.format(java.util.Locale.ROOT, "%.2f ns", 3.0 + DELAYS.registerNs());
    assertTrue(e.getMessage().contains("slowest cell (_slowest)") && e.getMessage().contains(expected)
        && !e.getMessage().contains("_slow)"), e.getMessage());
  }
}
