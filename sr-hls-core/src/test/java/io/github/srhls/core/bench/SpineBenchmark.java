package io.github.srhls.core.bench;

import static io.github.srhls.core.bench.CpuAndHeap.peakHeapBytes;
import static io.github.srhls.core.bench.CpuAndHeap.resetPeaks;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.goals.GenerateOrchestrator;
import io.github.srhls.core.goals.GenerateRequest;
import io.github.srhls.core.goals.GenerateResult;
import io.github.srhls.core.goals.TestOrchestrator;
import io.github.srhls.core.goals.TestRequest;
import io.github.srhls.core.goals.TestResult;
import io.github.srhls.core.project.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spine's benchmarks. They print figures and are not part of the normal test run; run them with
 * {@code ./mvnw -B -pl sr-hls-core test -Dsrhls.benchmarks=true -Dtest=SpineBenchmark}.
 */
@EnabledIfSystemProperty(named = "srhls.benchmarks", matches = "true")
class SpineBenchmark {
  @TempDir Path project;

  /** generate for a 5-output PySR run whose hall-of-fame files have 10,000 rows each: time and peak heap. */
  @Test
  void generateFromLargeHallOfFame() throws IOException {
    Path run = project.resolve("src/main/sr/pysr/outputs/20260101_120000_abcdef");
    Files.createDirectories(run);
    SplittableRandom random = new SplittableRandom(3);
    StringBuilder model = new StringBuilder("""
        format: sr-hls/v1
        name: big_hof
        inputs: {count: 16, range: [-4, 4]}
        outputs:
        """);
    for (int k = 1; k <= 5; k++) {
      StringBuilder csv = new StringBuilder("Complexity,Loss,Equation\n");
      double loss = 10;
      for (int row = 0; row < 10_000; row++) {
        loss *= 0.9995;
        csv.append(row + 1).append(',').append(loss).append(",\"").append(randomExpression(random, row % 12 + 1))
            .append("\"\n");
      }
      Files.writeString(run.resolve("hall_of_fame_output" + k + ".csv"), csv);
      model.append("  - name: y").append(k).append('\n')
          .append("    pysr: {file: pysr/outputs/20260101_120000_abcdef, select: best, output: ").append(k)
          .append("}\n");
    }
    model.append("testbench: {vectors: 10000, seed: 1}\n");
    Files.writeString(project.resolve("src/main/sr/big_hof.sr.yaml"), model);

    resetPeaks();
    long start = System.nanoTime();
    GenerateResult result = new GenerateOrchestrator().run(request());
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(List.of("big_hof"), result.generated());
    System.out.printf(Locale.ROOT, "BENCH generate 5 x 10,000-row hall of fame, 10,000 vectors: %.2f s, peak heap"
        + " %.1f MiB%n", seconds, peakHeapBytes() / 1048576.0);
  }

  /** Host csim of a 16-input, 5-output sin/cos model: compile time and vectors per second over 10^6 vectors. */
  @Test
  void hostSimulationThroughput() throws IOException {
    Path dir = project.resolve("src/main/sr");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("jet.sr.yaml"), """
        format: sr-hls/v1
        name: jet
        inputs: {count: 16, range: [-3, 3]}
        outputs:
          - {name: g, expression: "-0.163*sin(2*x14 - 1.03)*cos(x3) - sin(x14 + 1.76) + 0.31*x0*x5"}
          - {name: q, expression: "cos(x1 + x2) * 0.82 - 0.44*sin(x7*x8) + x9*0.127 - 0.05"}
          - {name: w, expression: "sin(x10)*cos(x11) + cos(x12 - 0.3)*x13 - 0.29*x15*x4"}
          - {name: z, expression: "0.61*cos(2*x14 - 1.03) + x6*x6*0.083 - sin(x0 - x1)"}
          - {name: t, expression: "sin(x14 + 1.76)*0.5 + cos(x3)*x2 - 0.2*sin(x5 + x6)"}
        testbench: {vectors: 1000000, seed: 11}
        """);
    long start = System.nanoTime();
    new GenerateOrchestrator().run(request());
    double generateSeconds = (System.nanoTime() - start) / 1e9;
    TestResult result = new TestOrchestrator().run(TestRequest.builder().projectDirectory(project)
        .outputDirectory(project.resolve("out")).workDirectory(project.resolve("work")).log(BuildLog.silent())
        .build());
    assertEquals(0, result.models().get(0).mismatches());
    @SuppressWarnings("unchecked")
    Map<String, Object> report = JsonFiles.read(result.models().get(0).report(), Map.class);
    System.out.printf(Locale.ROOT, "BENCH host csim 16 inputs, 5 outputs (sin/cos), 10^6 vectors: generate %.1f s,"
        + " timings %s%n", generateSeconds, report.get("timings"));
  }

  private GenerateRequest request() {
    return GenerateRequest.builder().projectDirectory(project).modelDirectory(project.resolve("src/main/sr"))
        .outputDirectory(project.resolve("out")).workDirectory(project.resolve("work")).projectVersion("1.0.0")
        .pluginVersion("bench").log(BuildLog.silent()).build();
  }

  private static String randomExpression(SplittableRandom r, int depth) {
    if (depth <= 1) {
      return r.nextBoolean() ? "x" + r.nextInt(16) : String.valueOf(Math.round(r.nextDouble(-3, 3) * 1e6) / 1e6);
    }
    return switch (r.nextInt(5)) {
      case 0 -> "(" + randomExpression(r, depth - 1) + " + " + randomExpression(r, depth / 2) + ")";
      case 1 -> "(" + randomExpression(r, depth - 1) + " * " + randomExpression(r, depth / 2) + ")";
      case 2 -> "(" + randomExpression(r, depth - 1) + " - " + randomExpression(r, depth / 2) + ")";
      case 3 -> "sin(" + randomExpression(r, depth - 1) + ")";
      default -> "cos(" + randomExpression(r, depth - 1) + ")";
    };
  }

}
