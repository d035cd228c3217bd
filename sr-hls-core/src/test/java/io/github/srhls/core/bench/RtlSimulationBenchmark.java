package io.github.srhls.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.goals.GenerateOrchestrator;
import io.github.srhls.core.goals.GenerateRequest;
import io.github.srhls.core.process.ToolRunner;
import io.github.srhls.core.simulation.rtl.Port;
import io.github.srhls.core.simulation.rtl.RtlSimulator;
import io.github.srhls.core.simulation.rtl.Verilated;
import io.github.srhls.core.testbench.RtlTestbench;
import java.io.BufferedWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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
 * 10^6 random vectors (hex files written and read included). Run with
 * {@code ./mvnw -B -pl sr-hls-core test -Dsrhls.benchmarks=true -Dtest=RtlSimulationBenchmark}.
 */
@EnabledIfSystemProperty(named = "srhls.benchmarks", matches = "true")
class RtlSimulationBenchmark {
  static final int VECTORS = 1_000_000;

  @TempDir Path project;

  @Test
  void buildAndAMillionVectors() throws Exception {
    Files.createDirectories(project.resolve("src/main/sr"));
    Files.writeString(project.resolve("src/main/sr/mixer.sr.yaml"), """
        format: sr-hls/v1
        name: mixer
        inputs:
          - {name: a, range: [-4, 4]}
          - {name: b, range: [0.5, 3], type: "ap_fixed<12,3,AP_RND,AP_SAT>"}
        outputs:
          - {name: y, expression: "a*b - 1.5*a + 0.3"}
          - {name: z, expression: "max(a, b) - abs(a)"}
        precision:
          default: "ap_fixed<18,6,AP_RND_CONV,AP_SAT>"
        target:
          clock-ns: 4
        """);
    Path out = project.resolve("target/generated-sources/sr-hls");
    new GenerateOrchestrator().run(GenerateRequest.builder().projectDirectory(project)
        .modelDirectory(project.resolve("src/main/sr")).outputDirectory(out).workDirectory(project.resolve("work"))
        .projectVersion("1").pluginVersion("bench").log(BuildLog.silent()).build());
    Path generated = out.resolve("mixer");
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
    Path vectors = dir.resolve("million.hex");
    try (BufferedWriter w = Files.newBufferedWriter(vectors, StandardCharsets.US_ASCII)) {
      for (int v = 0; v < VECTORS; v++) {
        for (int i = 0; i < in.size(); i++) {
          w.write((i == 0 ? "" : " ") + new BigInteger(in.get(i).width(), random)
              .toString(16));
        }
        w.write('\n');
      }
    }
    long t2 = System.nanoTime();
    Verilated.Run run = sim.run(runner, vectors, dir.resolve("million.out"), Duration.ofMinutes(10));
    long t3 = System.nanoTime();
    assertEquals(VECTORS, run.outputs().size());
    System.out.printf(Locale.ROOT, "RTL simulation of mixer (L = %d cycles at %s ns): Verilator build %.1f s; "
        + "%d vectors in %.2f s (simulator and output parsing), %.0f vectors/s%n", run.latencyCycles(), tb.clockNs(),
        (t1 - t0) / 1e9, VECTORS, (t3 - t2) / 1e9, VECTORS / ((t3 - t2) / 1e9));
  }
}
