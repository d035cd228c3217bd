package io.github.srhls.core.bench;

import static io.github.srhls.core.bench.CpuAndHeap.TICKS;
import static io.github.srhls.core.bench.CpuAndHeap.childTicks;
import static io.github.srhls.core.bench.CpuAndHeap.jvmMillis;
import static io.github.srhls.core.bench.CpuAndHeap.peakHeapBytes;
import static io.github.srhls.core.bench.CpuAndHeap.resetPeaks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.project.ProjectManifest;
import io.github.srhls.core.simulation.rtl.RtlResult;
import io.github.srhls.core.simulation.rtl.Verilator;
import io.github.srhls.core.testbench.BinaryVectors;
import io.github.srhls.core.testbench.TestbenchData;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.util.ArrayList;
import java.util.SplittableRandom;
import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.goals.RtlEndToEndTest;
import io.github.srhls.core.goals.TempProject;
import io.github.srhls.core.process.ToolRunner;
import io.github.srhls.core.simulation.rtl.Port;
import io.github.srhls.core.simulation.rtl.RtlSimulator;
import io.github.srhls.core.simulation.rtl.Verilated;
import io.github.srhls.core.testbench.RtlTestbench;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RTL simulation's cost: Verilator's build of a generated module and its driver, and vectors per second over
 * 10^6 random vectors (raw-bit files written and read included); and the test goal's streamed RTL simulation at 10^5,
 * 10^6 (10^7) vectors, time and peak heap. Run with
 * {@code ./mvnw -B -o -pl sr-hls-core test -Dsrhls.benchmarks=true -Dtest=RtlSimulationBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "srhls.benchmarks", matches = "true")
class RtlSimulationBenchmark {
  static final int VECTORS = 1_000_000;

  @TempDir Path project;

  /** Generates {@link RtlEndToEndTest#UNIFORM} under {@code dir}; returns the generated project. */
  static Path generate(Path dir) throws IOException {
    TempProject temp = TempProject.with(dir, "uniform.sr.yaml", RtlEndToEndTest.UNIFORM);
    temp.generate();
    return temp.out().resolve("uniform");
  }

  @Test
  void buildAndAMillionVectors() throws Exception {
    Path generated = generate(project);
    RtlTestbench tb = RtlTestbench.read(generated).orElseThrow();
    List<Port> in = tb.inputs().stream().map(p -> new Port(p.name(), p.fixedType().width())).toList();
    List<Port> outPorts = tb.outputs().stream().map(p -> new Port(p.name(), p.fixedType().width())).toList();
    ToolRunner runner = new ToolRunner(BuildLog.silent());
    Path dir = project.resolve("sim");

    long t0 = System.nanoTime();
    Verilated sim = Verilated.build(runner, "verilator", dir, RtlSimulator.sources(generated), tb.top(), in, outPorts,
        Duration.ofMinutes(10));
    long t1 = System.nanoTime();
    Random random = new Random(1);
    Path vectors = dir.resolve("million.raw");
    try (Verilated.InputFile w = sim.inputFile(vectors)) {
      List<BigInteger> row = new ArrayList<>(in.size());
      for (int v = 0; v < VECTORS; v++) {
        row.clear();
        for (Port port : in) {
          row.add(new BigInteger(port.width(), random));
        }
        w.write(row);
      }
    }
    long t2 = System.nanoTime();
    Verilated.Run run = sim.run(runner, vectors, dir.resolve("million.out.raw"), Duration.ofMinutes(10));
    long t3 = System.nanoTime();
    assertEquals(VECTORS, run.outputs().size());
    System.out.printf(Locale.ROOT, "RTL simulation of uniform (L = %d cycles at %s ns): Verilator build %.1f s; "
        + "%d vectors in %.2f s (simulator and output parsing), %.0f vectors/s%n", run.latencyCycles(), tb.clockNs(),
        (t1 - t0) / 1e9, VECTORS, (t3 - t2) / 1e9, VECTORS / ((t3 - t2) / 1e9));
  }

  /**
   * The test goal's RTL simulation ({@link RtlSimulator#simulate}) of 10^5 and 10^6 vectors (and 10^7 with
   * {@code -Dsrhls.rtlVectors=10000000}) streamed from {@code tb_data/*.bin}: wall time of the run (vector file
   * written, simulator, outputs compared), CPU of the JVM and of the simulator, and the peak heap, which must not grow
   * with the vectors. The inputs are random over the declared ranges; the expected outputs are the RTL's own (from a
   * first run), as this measures speed. The simulator's CPU figure includes its build (Verilator and the C++
   * compiler); the vectors per second are the run's alone.
   */
  @Test
  void streamedVectorsTimeAndPeakHeap() throws Exception {
    Path generated = generate(project);
    RtlTestbench tb = RtlTestbench.read(generated).orElseThrow();
    ProjectManifest manifest = ProjectManifest.read(generated);
    List<Port> in = tb.inputs().stream().map(p -> new Port(p.name(), p.fixedType().width())).toList();
    List<Port> outPorts = tb.outputs().stream().map(p -> new Port(p.name(), p.fixedType().width())).toList();
    ToolRunner runner = new ToolRunner(BuildLog.silent());
    Path dir = project.resolve("sim");
    Verilated sim = Verilated.build(runner, "verilator", dir, RtlSimulator.sources(generated), tb.top(), in, outPorts,
        Duration.ofMinutes(10));
    // the real Verilator: the run's wall time is measured apart from the build (RtlResult.Timings); the CPU figure
    // of the children includes the build, which takes about a second with the run-time library cached
    RtlSimulator simulator = new RtlSimulator(Verilator.locate(null, System.getenv(), runner).orElseThrow(),
        Duration.ofHours(1), BuildLog.silent());

    List<Integer> sizes = new ArrayList<>(List.of(100_000, 1_000_000));
    int most = Integer.getInteger("srhls.rtlVectors", 1_000_000);
    if (most > 1_000_000) {
      sizes.add(most);
    }
    for (int vectors : sizes) {
      writeInputs(generated.resolve(TestbenchData.INPUTS_BINARY), vectors);
      expectRtlOutputs(tb, sim, runner, generated, dir, in.size());
      Path work = project.resolve("work-" + vectors);

      resetPeaks();
      LiveHeap live = LiveHeap.watch();
      long children = childTicks();
      long jvm = jvmMillis();
      long start = System.nanoTime();
      RtlResult result = simulator.simulate(generated, manifest, tb, work);
      System.gc();
      Thread.sleep(200);  // GC notifications arrive on another thread
      long liveBytes = live.stop();
      double wall = (System.nanoTime() - start) / 1e9;
      double simCpu = (childTicks() - children) / TICKS;
      double javaCpu = (jvmMillis() - jvm) / 1000.0;
      assertEquals(List.of(), result.failures());
      assertEquals(vectors, result.vectors());
      System.out.printf(Locale.ROOT, "BENCH RTL simulation streamed from tb_data/*.bin, uniform (2 in, 2 out, L = %d)"
          + ", %,d vectors: run %.2f s wall (%.0f vectors/s incl. I/O), Verilator, compiler and simulator %.2f s CPU, JVM (all threads) %.2f s "
          + "CPU (%.0f vectors per CPU second, both); peak heap %.1f MiB (garbage included), most heap live after a "
          + "GC %.1f MiB (max heap %.0f MiB); vectors.raw + outputs.raw %,d bytes%n", result.latencyCycles(),
          vectors, result.timings().runMillis() / 1000.0, vectors / (result.timings().runMillis() / 1000.0), simCpu,
          javaCpu, vectors / (simCpu + javaCpu), peakHeapBytes() / 1048576.0, liveBytes / 1048576.0,
          Runtime.getRuntime().maxMemory() / 1048576.0,
          Files.size(work.resolve("rtl/vectors.raw")) + Files.size(work.resolve("rtl/outputs.raw")));
      assertTrue(wall > 0);
      Files.delete(work.resolve("rtl/vectors.raw"));
      Files.delete(work.resolve("rtl/outputs.raw"));
    }
  }

  private static void writeInputs(Path file, int vectors) throws IOException {
    SplittableRandom random = new SplittableRandom(2026);
    double[] row = new double[2];
    try (BinaryVectors.Writer w = new BinaryVectors.Writer(file, row.length)) {
      for (int v = 0; v < vectors; v++) {
        row[0] = -4 + 8 * random.nextDouble();
        row[1] = 0.5 + 2.5 * random.nextDouble();
        w.write(row);
      }
    }
  }

  /** Runs the inputs through the simulator and writes its outputs, as doubles, as the expected outputs. */
  private static void expectRtlOutputs(RtlTestbench tb, Verilated sim, ToolRunner runner, Path generated, Path dir,
      int width) throws IOException {
    Path raw = dir.resolve("setup.raw");
    Path outRaw = dir.resolve("setup.out.raw");
    try (BinaryVectors.Reader r = BinaryVectors.Reader.open(generated.resolve(TestbenchData.INPUTS_BINARY), width,
            "input");
        Verilated.InputFile w = sim.inputFile(raw)) {
      double[] row = new double[width];
      while (r.next(row)) {
        w.write(tb.inputBits(row));
      }
    }
    Verilated.Run run = sim.run(runner, raw, outRaw, Duration.ofHours(1));
    double[] row = new double[tb.outputs().size()];
    try (BinaryVectors.Writer w = new BinaryVectors.Writer(generated.resolve(TestbenchData.EXPECTED_BINARY),
            row.length)) {
      for (List<BigInteger> bits : run.outputs()) {
        for (int k = 0; k < row.length; k++) {
          FixedType type = tb.outputs().get(k).fixedType();
          BigInteger raw1 = bits.get(k);
          if (type.signed() && raw1.testBit(type.width() - 1)) {
            raw1 = raw1.subtract(BigInteger.ONE.shiftLeft(type.width()));
          }
          row[k] = Fixed.ofRaw(raw1, type).toDouble();
        }
        w.write(row);
      }
    }
    Files.delete(raw);
    Files.delete(outRaw);
  }

  /** The most heap in use right after any garbage collection while it watches: what the run holds, garbage not. */
  private static final class LiveHeap implements NotificationListener {
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private long most;

    static LiveHeap watch() {
      LiveHeap live = new LiveHeap();
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof NotificationEmitter emitter) {
          emitter.addNotificationListener(live, null, null);
          live.emitters.add(emitter);
        }
      }
      return live;
    }

    @Override
    public synchronized void handleNotification(Notification notification, Object handback) {
      if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
        return;
      }
      GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
          (CompositeData) notification.getUserData());
      long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
      most = Math.max(most, used);
    }

    synchronized long stop() throws Exception {
      for (NotificationEmitter emitter : emitters) {
        emitter.removeNotificationListener(this);
      }
      return most;
    }
  }
}
