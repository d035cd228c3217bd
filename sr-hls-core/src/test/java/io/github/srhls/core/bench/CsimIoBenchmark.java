package io.github.srhls.core.bench;

import static io.github.srhls.core.bench.CpuAndHeap.TICKS;
import static io.github.srhls.core.bench.CpuAndHeap.childTicks;
import static io.github.srhls.core.bench.CpuAndHeap.jvmMillis;
import static io.github.srhls.core.bench.CpuAndHeap.peakHeapBytes;
import static io.github.srhls.core.bench.CpuAndHeap.resetPeaks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.goals.TempProject;
import io.github.srhls.core.incremental.Fingerprint;
import io.github.srhls.core.project.ProjectManifest;
import io.github.srhls.core.simulation.host.HostCompiler;
import io.github.srhls.core.simulation.host.HostSimulator;
import io.github.srhls.core.simulation.host.IncludeHeaders;
import io.github.srhls.core.simulation.host.SimulationResult;
import io.github.srhls.core.testbench.BinaryVectors;
import io.github.srhls.core.testbench.TestbenchData;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host simulation's compile time and throughput on the example's jet tagger (16 inputs, 5 outputs), in CPU
 * seconds so that other work on the machine matters less. Not part of the normal test run:
 * {@code ./mvnw -B -o -pl sr-hls-core test -Dsrhls.benchmarks=true -Dtest=CsimIoBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. CPU times come from {@code /proc/self/stat} (Linux): the children's
 * user + system time, which counts g++ with everything it starts, and the csim program.
 */
@EnabledIfSystemProperty(named = "srhls.benchmarks", matches = "true")
class CsimIoBenchmark {
  private static final Path EXAMPLE = Path.of("../examples/jet-tagger/src/main/sr/jet_tagger.sr.yaml");
  @TempDir Path dir;

  private static String example(String precisionLine, int vectors) throws IOException {
    String model = Files.readString(EXAMPLE);
    assertTrue(model.contains("  default: ap_fixed<18,8>\n") && model.contains("  vectors: 1000\n"), model);
    return model.replace("  default: ap_fixed<18,8>\n", "  default: ap_fixed<18,8>\n" + precisionLine)
        .replace("  vectors: 1000\n", "  vectors: " + vectors + "\n");
  }

  /** g++ compiling the testbench and firmware as the host simulation does, for the uniform and auto plans. */
  @Test
  void compileCpuSeconds() throws Exception {
    for (String plan : List.of("uniform", "auto")) {
      TempProject p = TempProject.with(dir.resolve(plan), "jet_tagger.sr.yaml",
          example(plan.equals("auto") ? "  internal: auto\n" : "", 1000));
      p.generate();
      Path project = p.out().resolve("jet_tagger");
      Path include = IncludeHeaders.builtIn().extractTo(dir.resolve(plan + "-include"));
      double[] cpu = new double[3];
      for (int i = 0; i < cpu.length; i++) {
        long before = childTicks();
        run(List.of("g++", "-std=c++14", "-O2", "-I" + include, "-I" + project, "-I" + project.resolve("firmware"),
            "-DSRHLS_BINARY_IO", project.resolve("jet_tagger_test.cpp").toString(),
            project.resolve("firmware/jet_tagger.cpp").toString(), "-o", dir.resolve(plan + ".exe").toString()));
        cpu[i] = (childTicks() - before) / TICKS;
      }
      Arrays.sort(cpu);
      System.out.printf(Locale.ROOT, "BENCH host csim compile (g++ -O2, testbench + firmware), jet tagger %s: "
          + "%.2f s CPU (median of 3; min %.2f, max %.2f)%n", plan, cpu[1], cpu[0], cpu[2]);
    }
  }

  /**
   * The test side over 10^5, 10^6 and 10^7 vectors: the csim program (binary input, decimal results file, the
   * comparison) and the plugin's side (reading the summary), CPU time, vectors per second including all I/O, and the peak heap, which must not grow
   * with the vectors. The vectors are random inputs over the declared ranges; the expected outputs are the
   * firmware's own (from a first run), as this measures speed: that they agree with the Java model is what the
   * normal tests check.
   */
  @Test
  void throughputAndPeakHeap() throws Exception {
    TempProject p = TempProject.with(dir.resolve("p"), "jet_tagger.sr.yaml", example("", 1000));
    p.generate();
    Path generated = p.out().resolve("jet_tagger");
    HostSimulator simulator = new HostSimulator(HostCompiler.locate(null), List.of(), Duration.ofHours(1),
        IncludeHeaders.builtIn(), BuildLog.silent());
    for (int vectors : new int[] {100_000, 1_000_000, 10_000_000}) {
      Path project = dir.resolve("v" + vectors + "/jet_tagger");
      copy(generated, project);
      writeInputs(project.resolve(TestbenchData.INPUTS_BINARY), vectors);
      // a first run gives the firmware's outputs, which become the expectation (and the float64 reference)
      writeZeros(project.resolve(TestbenchData.EXPECTED_BINARY), vectors);
      writeZeros(project.resolve(TestbenchData.FLOAT64_BINARY), vectors);
      ProjectManifest m = ProjectManifest.read(project);
      ProjectManifest manifest = ProjectManifest.builder().name(m.name()).version(m.version()).digest(m.digest())
          .inputs(m.inputs()).outputs(m.outputs()).vectors(vectors).tolerance(m.tolerance())
          .hostSimulation(m.hostSimulation()).overflows(m.overflows()).modelFile(m.modelFile()).build();
      Path work = dir.resolve("v" + vectors + "/work");
      simulator.simulate(project, manifest, work);
      toBinary(work.resolve(TestbenchData.RESULTS), project.resolve(TestbenchData.EXPECTED_BINARY));
      Files.copy(project.resolve(TestbenchData.EXPECTED_BINARY), project.resolve(TestbenchData.FLOAT64_BINARY),
          StandardCopyOption.REPLACE_EXISTING);
      // the timed run's "compiler" copies the program just built, so that the CPU time counted is the run's
      Path built = dir.resolve("v" + vectors + "/built.exe");
      Files.copy(work.resolve("csim.exe"), built);
      HostSimulator prebuilt = new HostSimulator(new HostCompiler(List.of("sh", "-c",
          "while [ $# -gt 1 ]; do shift; done; cp '" + built + "' \"$1\"", "copy-prebuilt")), List.of(),
          Duration.ofHours(1), IncludeHeaders.builtIn(), BuildLog.silent());

      resetPeaks();
      long children = childTicks();
      long jvm = jvmMillis();
      long start = System.nanoTime();
      SimulationResult result = prebuilt.simulate(project, manifest, work);
      double wall = (System.nanoTime() - start) / 1e9;
      double csimCpu = (childTicks() - children) / TICKS;
      double javaCpu = (jvmMillis() - jvm) / 1000.0;
      assertEquals(List.of(), result.failures());
      assertEquals(vectors, result.vectors());
      System.out.printf(Locale.ROOT, "BENCH host csim test side, jet tagger, %,d vectors: csim program %.2f s CPU,"
          + " plugin side (JVM, all threads) %.2f s CPU: %.0f vectors/s incl. I/O and comparison (CPU); wall %.2f s"
          + " (%.0f vectors/s); peak heap %.1f MiB; csim_results.dat %,d bytes%n", vectors, csimCpu, javaCpu,
          vectors / (csimCpu + javaCpu), wall, vectors / wall, peakHeapBytes() / 1048576.0,
          Files.size(work.resolve(TestbenchData.RESULTS)));
      // the test goal's up-to-date key digests the whole project, data files included, in pieces
      resetPeaks();
      jvm = jvmMillis();
      Fingerprint.start().tree("project", project).done();
      System.out.printf(Locale.ROOT, "BENCH test goal's key over the project with %,d vectors (binary files %,d"
          + " bytes): %.2f s CPU, peak heap %.1f MiB%n", vectors, Files.size(project.resolve(
          TestbenchData.INPUTS_BINARY)) + 2 * Files.size(project.resolve(TestbenchData.EXPECTED_BINARY)),
          (jvmMillis() - jvm) / 1000.0,
          peakHeapBytes() / 1048576.0);
      deleteTree(dir.resolve("v" + vectors));
    }
  }

  private static void writeInputs(Path file, int vectors) throws IOException {
    SplittableRandom random = new SplittableRandom(2026);
    double[] row = new double[16];
    try (BinaryVectors.Writer w = new BinaryVectors.Writer(file, row.length)) {
      for (int v = 0; v < vectors; v++) {
        for (int i = 0; i < row.length; i++) {
          row[i] = -1 + 2 * random.nextDouble();
        }
        w.write(row);
      }
    }
  }

  /** The decimal results of the first run as the binary expectation, line by line. */
  private static void toBinary(Path results, Path file) throws IOException {
    double[] row = new double[5];
    try (BufferedReader in = Files.newBufferedReader(results);
        BinaryVectors.Writer w = new BinaryVectors.Writer(file, row.length)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] values = line.split(" ");
        for (int i = 0; i < row.length; i++) {
          row[i] = Double.parseDouble(values[i]);
        }
        w.write(row);
      }
    }
  }

  private static void writeZeros(Path file, int vectors) throws IOException {
    double[] row = new double[5];
    try (BinaryVectors.Writer w = new BinaryVectors.Writer(file, row.length)) {
      for (int v = 0; v < vectors; v++) {
        w.write(row);
      }
    }
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), String.join(" ", command));
  }

  private static void copy(Path from, Path to) throws IOException {
    List<Path> files = new ArrayList<>();
    try (var walk = Files.walk(from)) {
      walk.forEach(files::add);
    }
    for (Path f : files) {
      Path target = to.resolve(from.relativize(f).toString());
      if (Files.isDirectory(f)) {
        Files.createDirectories(target);
      } else {
        Files.copy(f, target);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    try (var walk = Files.walk(root)) {
      walk.forEach(files::add);
    }
    for (int i = files.size() - 1; i >= 0; i--) {
      Files.delete(files.get(i));
    }
  }

}
