package io.github.srhls.core.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.srhls.core.compile.CompiledModel;
import io.github.srhls.core.compile.ModelCompiler;
import io.github.srhls.core.design.BitAccurateModel;
import io.github.srhls.core.design.DesignReport;
import io.github.srhls.core.design.DesignStats;
import io.github.srhls.core.design.ModelDesign;
import io.github.srhls.core.design.units.PeriodicTable;
import io.github.srhls.core.design.units.Segments;
import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.goals.GenerateOrchestrator;
import io.github.srhls.core.goals.GenerateRequest;
import io.github.srhls.core.model.ModelReader;
import io.github.srhls.core.model.ModelSpec;
import io.github.srhls.core.project.JsonFiles;
import io.github.srhls.core.testbench.TestbenchData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uniform against automatic precision on a 16-input, 5-output classifier of sin, cos, products and sums of
 * standardized inputs, ap_fixed<16,6> inputs and outputs, 256-entry tables, 10,000 standard-normal vectors.
 * Prints error, class agreement and cost; run with
 * {@code ./mvnw -B -pl sr-hls-core test -Dsrhls.benchmarks=true -Dtest=NumericsBenchmark}.
 */
@EnabledIfSystemProperty(named = "srhls.benchmarks", matches = "true")
class NumericsBenchmark {
  static final String MODEL = """
      format: sr-hls/v1
      name: %s
      inputs: {count: 16, range: [-5, 5], type: "ap_fixed<16,6>"}
      outputs:
        - {name: g, expression: "-0.163*sin(2*x14 - 1.03)*cos(2*x14 - 1.03) - sin(x14 + 1.76) + 0.25*x0*x3"}
        - {name: q, expression: "0.42*cos(x2 - x9)*x4 + 0.31*sin(1.7*x11) - 0.12*x5*x6 + 0.08"}
        - {name: w, expression: "sin(x8)*cos(x10) + 0.27*(x13 + x14)*x3 - 0.35*cos(x1)"}
        - {name: z, expression: "0.61*sin(x8)*cos(x10) - 0.22*cos(x1*x6) + 0.15*x12 - 0.1*x7*x15"}
        - {name: t, expression: "0.33*(x0 + x1 + x2 + x3)*sin(x5) + 0.47*cos(x9)*cos(x13) - 0.11*x7"}
      precision:
        default: "ap_fixed<16,6>"
      %s
      %s
      testbench: {vectors: 10000, seed: 42, distribution: normal}
      """;

  @TempDir Path project;

  /** Error and ROM of one sin unit by degree and size: what the polynomial segments buy. */
  @Test
  void segmentShapes() {
    FixedType arg = FixedType.fixed(24, 4);
    FixedType value = FixedType.fixed(18, 2);
    for (int degree = 0; degree <= Segments.MAX_DEGREE; degree++) {
      StringBuilder line = new StringBuilder();
      for (int bits : new int[] {6, 8}) {
        PeriodicTable unit = PeriodicTable.of(Builtin.SIN, arg, value, bits, degree);
        double worst = 0;
        for (double x = -8; x < 8; x += 1.0 / 4096) {
          Fixed fx = Fixed.fromDouble(x, arg);
          worst = Math.max(worst, Math.abs(unit.evaluate(fx).toDouble() - Math.sin(fx.toDouble())));
        }
        line.append(String.format(Locale.ROOT, "; %d segments: max error %.2g, %d table bits, %d DSP", 1 << bits,
            worst, unit.segments().tableBits(), DesignStats.hornerDsp(unit.segments())));
      }
      System.out.printf(Locale.ROOT, "BENCH sin, %s, degree %d%s%n", value.cpp(), degree, line);
    }
  }

  @Test
  void uniformAgainstAuto() throws IOException {
    run("uniform_plan", "", "functions: {default: {size: 256}}");
    run("auto_sized_tables", "  internal: auto\n  error: 0.02", "");
    run("auto_256_tables", "  internal: auto\n  error: 0.03", "functions: {default: {size: 256}}");
  }

  private void run(String name, String precision, String functions) throws IOException {
    Path dir = project.resolve("src/main/sr");
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".sr.yaml");
    Files.writeString(file, MODEL.formatted(name, precision, functions).replace("\n      \n", "\n"));
    new GenerateOrchestrator().run(GenerateRequest.builder().projectDirectory(project).modelDirectory(dir)
        .includes(List.of(name + ".sr.yaml")).outputDirectory(project.resolve("out"))
        .workDirectory(project.resolve("work")).projectVersion("1").pluginVersion("bench").log(BuildLog.silent())
        .build());
    Path gen = project.resolve("out").resolve(name);
    int outputs = 5;
    double[][] expected = read(gen.resolve(TestbenchData.EXPECTED), outputs);
    double[][] float64 = read(gen.resolve(TestbenchData.FLOAT64), outputs);
    double[] max = new double[outputs];
    double[] sum = new double[outputs];
    int agree = 0;
    for (int v = 0; v < expected.length; v++) {
      for (int k = 0; k < outputs; k++) {
        double e = Math.abs(expected[v][k] - float64[v][k]);
        max[k] = Math.max(max[k], e);
        sum[k] += e;
      }
      agree += argmax(expected[v]) == argmax(float64[v]) ? 1 : 0;
    }
    DesignReport report = JsonFiles.read(gen.resolve(DesignReport.FILE_NAME), DesignReport.class);
    DesignStats cost = report.cost();
    StringBuilder errors = new StringBuilder();
    for (int k = 0; k < outputs; k++) {
      errors.append(String.format(Locale.ROOT, " %.4f/%.4f", max[k], sum[k] / expected.length));
    }
    System.out.printf(Locale.ROOT, "BENCH %s: max/mean abs error per output%s; class agreement %.2f%%;"
        + " total bits %d, multipliers %d (+%d by constants, +%d interpolating, ~%d DSP), tables %d (%d bits)%n",
        name, errors, 100.0 * agree / expected.length, cost.totalBits(), cost.multipliers(),
        cost.constantMultipliers(), cost.interpolationMultipliers(), cost.estimatedDsp(), cost.tables(),
        cost.tableBits());
    System.out.printf(Locale.ROOT, "BENCH %s: units %s%n", name, report.nodes().stream()
        .map(DesignReport.NodeReport::unit).filter(java.util.Objects::nonNull).sorted().toList());

    // Java model throughput on the same design
    ModelSpec spec = new ModelReader().read(file, project, "1");
    CompiledModel compiled = new ModelCompiler(project).compile(spec);
    BitAccurateModel model = new BitAccurateModel(
        ModelDesign.of(spec, compiled, spec.file().getFileName().toString()));
    double[][] inputs = read(gen.resolve(TestbenchData.INPUTS), 16);
    long start = System.nanoTime();
    for (double[] x : inputs) {
      model.evaluate(x);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(10_000, inputs.length);
    System.out.printf(Locale.ROOT, "BENCH %s: Java bit-accurate model %.0f vectors/s%n", name,
        inputs.length / seconds);
  }

  private static int argmax(double[] v) {
    int best = 0;
    for (int k = 1; k < v.length; k++) {
      if (v[k] > v[best]) {
        best = k;
      }
    }
    return best;
  }

  private static double[][] read(Path dat, int width) {
    return TestbenchData.read(dat, width, "value").vectors().toArray(double[][]::new);
  }
}
