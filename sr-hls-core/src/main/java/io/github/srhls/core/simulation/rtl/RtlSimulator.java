package io.github.srhls.core.simulation.rtl;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.process.ToolRunner;
import io.github.srhls.core.project.ProjectManifest;
import io.github.srhls.core.simulation.rtl.RtlResult.Mismatch;
import io.github.srhls.core.simulation.rtl.RtlResult.Mismatches;
import io.github.srhls.core.testbench.BinaryVectors;
import io.github.srhls.core.testbench.RtlTestbench;
import io.github.srhls.core.testbench.RtlTestbench.PortType;
import io.github.srhls.core.testbench.TestbenchData;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Simulates the RTL of one generated project with Verilator: builds {@code rtl/*.v} with sr-hls's driver into
 * {@code <work>/rtl/}, streams every test vector through it (the inputs' raw bits, {@link RtlTestbench#inputBits})
 * and compares every output bit with the Java model's expected outputs. The vectors come from the binary data files
 * ({@code tb_data/*.bin}) one at a time, so that the heap does not grow with them; a project without those is
 * simulated from the decimal {@code .dat} files, read whole. It returns what it found; the report package writes it
 * down.
 */
public final class RtlSimulator {

  /** The directory under a model's work directory that holds the build and the vector files. */
  public static final String DIRECTORY = "rtl";

  /** From this many vectors on, the simulator's per-cycle code is compiled with optimisation. */
  static final long OPTIMIZED_FROM = 400_000;

  /** Mismatches named in the failure message; the report and the JUnit XML have more. */
  static final int IN_MESSAGE = 3;

  private final ToolRunner runner;
  private final Verilator verilator;
  private final SimulatorBuild build;
  private final Duration timeout;
  private final BuildLog log;

  /**
   * @param verilator the simulator
   * @param timeout for each of build and run
   * @param log progress
   */
  public RtlSimulator(Verilator verilator, Duration timeout, BuildLog log) {
    this(verilator, SimulatorBuild.defaults().withTimeout(timeout), log);
  }

  /**
   * @param verilator the simulator
   * @param build how the simulator is compiled; its timeout is also the run's
   * @param log progress
   */
  public RtlSimulator(Verilator verilator, SimulatorBuild build, BuildLog log) {
    this.runner = new ToolRunner(log);
    this.verilator = verilator;
    this.build = build;
    this.timeout = build.timeout();
    this.log = log;
  }

  public Verilator verilator() {
    return verilator;
  }

  /** How the simulator is compiled. */
  public SimulatorBuild build() {
    return build;
  }

  /**
   * The per-cycle code optimised only for many vectors: from about 4 x 10^5 vectors -O1 saves more running than it
   * costs compiling (measured on the example: 0.54 s more to compile, as -O0 reads verilated.h precompiled, and
   * 1.3 µs less per vector).
   */
  private SimulatorBuild buildFor(long vectors) {
    return build.withOptimized(vectors >= OPTIMIZED_FROM);
  }

  /** The Verilog sources of a project's RTL: the {@code .v} and {@code .sv} files of {@code rtl/}, in name order. */
  public static List<Path> sources(Path project) {
    Path rtl = project.resolve(DIRECTORY);
    if (!Files.isDirectory(rtl)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(rtl)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".v") || f.getFileName().toString().endsWith(".sv"))
          .sorted().toList();
    } catch (IOException e) {
      throw new SrHlsException("cannot list " + rtl + ": " + e.getMessage(), e);
    }
  }

  /**
   * Simulates one project. Wrong output bits, or a latency other than planned, are reported in the result
   * ({@link RtlResult#passed()} false), not thrown.
   *
   * @throws SrHlsException when there is no result: the RTL or its testbench data is missing, Verilator cannot
   *     build it or prints errors, the simulation fails, prints errors or times out
   */
  public RtlResult simulate(Path project, ProjectManifest manifest, RtlTestbench testbench, Path work) {
    String name = manifest.name();
    List<Path> sources = sources(project);
    if (sources.isEmpty()) {
      throw new SrHlsException("generated project " + project + " has " + RtlTestbench.FILE + " but no Verilog in "
          + DIRECTORY + "/; run sr-hls:generate again");
    }
    List<String> inputNames = testbench.inputs().stream().map(PortType::name).toList();
    List<String> outputNames = testbench.outputs().stream().map(PortType::name).toList();
    if (!inputNames.equals(manifest.inputs()) || !outputNames.equals(manifest.outputs())) {
      throw new SrHlsException(project.resolve(RtlTestbench.FILE) + " has ports " + inputNames + " -> "
          + outputNames + " but the model has " + manifest.inputs() + " -> " + manifest.outputs()
          + "; run sr-hls:generate again");
    }
    Path dir = work.resolve(DIRECTORY);
    List<Port> in = ports(testbench.inputs());
    List<Port> out = ports(testbench.outputs());
    // projects generated with the exact binary data files are simulated from them as streams; others (hand-written
    // ones, for instance) from the decimal files, held in memory
    boolean binary = Files.isRegularFile(project.resolve(TestbenchData.INPUTS_BINARY))
        && Files.isRegularFile(project.resolve(TestbenchData.EXPECTED_BINARY));
    return binary ? streamed(project, name, testbench, dir, sources, in, out)
        : inMemory(project, name, testbench, dir, sources, in, out);
  }

  /** From the binary data files, read as streams, so that the heap does not grow with the vectors. */
  private RtlResult streamed(Path project, String name, RtlTestbench testbench, Path dir, List<Path> sources,
      List<Port> in, List<Port> out) {
    try (BinaryVectors.Reader inputs = BinaryVectors.Reader.open(project.resolve(TestbenchData.INPUTS_BINARY),
            in.size(), "input");
        BinaryVectors.Reader expected = BinaryVectors.Reader.open(project.resolve(TestbenchData.EXPECTED_BINARY),
            out.size(), "output")) {
      if (inputs.vectors() != expected.vectors()) {
        throw new SrHlsException(TestbenchData.EXPECTED_BINARY + " has " + expected.vectors() + " vectors but "
            + TestbenchData.INPUTS_BINARY + " has " + inputs.vectors() + "; run sr-hls:generate again");
      }
      if (inputs.vectors() > Integer.MAX_VALUE) {
        throw new SrHlsException(project.resolve(TestbenchData.INPUTS_BINARY) + ": more vectors than sr-hls can "
            + "count (" + Integer.MAX_VALUE + ")");
      }
      return run(name, testbench, dir, sources, in, out, (int) inputs.vectors(), inputs::next, expected::next);
    }
  }

  /** From the decimal data files, each read whole. */
  private RtlResult inMemory(Path project, String name, RtlTestbench testbench, Path dir, List<Path> sources,
      List<Port> in, List<Port> out) {
    TestbenchData inputs = TestbenchData.read(project.resolve(TestbenchData.INPUTS), in.size(), "input");
    TestbenchData expected = TestbenchData.read(project.resolve(TestbenchData.EXPECTED), out.size(), "output");
    if (inputs.size() != expected.size()) {
      throw new SrHlsException(TestbenchData.EXPECTED + " has " + expected.size() + " vectors but "
          + TestbenchData.INPUTS + " has " + inputs.size() + "; run sr-hls:generate again");
    }
    return run(name, testbench, dir, sources, in, out, inputs.size(), rows(inputs), rows(expected));
  }

  /** Where the vectors come from, one at a time: fills the array, false at the end. */
  @FunctionalInterface
  private interface Rows {
    boolean next(double[] row);
  }

  private static Rows rows(TestbenchData data) {
    Iterator<double[]> it = data.vectors().iterator();
    return row -> {
      if (!it.hasNext()) {
        return false;
      }
      System.arraycopy(it.next(), 0, row, 0, row.length);
      return true;
    };
  }

  /**
   * Builds the simulator and runs the vectors through it: the driver's input file is written as the inputs are read
   * (the Java model's raw bits, {@link InputBits}), and its output file is compared as it is read beside the
   * expected outputs ({@link OutputCheck}), one vector at a time.
   */
  private RtlResult run(String name, RtlTestbench testbench, Path dir, List<Path> sources, List<Port> in,
      List<Port> out, int vectors, Rows inputs, Rows expected) {
    log.info("building the RTL of " + name + " with " + verilator.version());
    long start = System.nanoTime();
    Verilated sim = Verilated.build(runner, verilator.program(), dir, sources, testbench.top(), in, out,
        buildFor(vectors));
    long built = System.nanoTime();
    Path vectorFile = dir.resolve(Verilated.VECTORS_FILE);
    Path outputFile = dir.resolve(Verilated.OUTPUTS_FILE);
    deleteStale(outputFile);
    try {
      RawVectors inLayout = new RawVectors(in);
      InputBits bits = new InputBits(testbench, inLayout);
      try (RawVectors.Writer w = inLayout.writer(vectorFile)) {
        double[] row = new double[in.size()];
        int[] record = inLayout.record();
        while (inputs.next(row)) {
          bits.encode(row, record);
          w.write(record);
        }
      }
      log.info("running the RTL simulation of " + name + " (" + vectors + " vectors)");
      Verilated.Ran ran = sim.execute(runner, vectorFile, outputFile, timeout);
      OutputCheck check = new OutputCheck(testbench, out);
      RawVectors outLayout = new RawVectors(out);
      long outputs = 0;
      try (RawVectors.Reader r = outLayout.reader(outputFile)) {
        double[] want = new double[out.size()];
        int[] record = outLayout.record();
        for (; r.next(record); outputs++) {
          if (expected.next(want)) {
            check.vector((int) outputs, want, record);
          }
        }
      }
      long done = System.nanoTime();
      return result(testbench, vectors, outputs, ran.latencyCycles(), check.mismatches(), out.size(),
          new RtlResult.Timings((built - start) / 1_000_000, (done - built) / 1_000_000));
    } catch (IOException e) {
      throw new SrHlsException("cannot write or read the RTL simulation's vector files in " + dir + ": "
          + e.getMessage(), e);
    }
  }

  /** The result, with a failure for each way the run differs from the Java model and the plan. */
  private RtlResult result(RtlTestbench testbench, int vectors, long outputs, int observedLatency,
      Mismatches mismatches, int outputPorts, RtlResult.Timings timings) {
    List<String> failures = new ArrayList<>();
    if (outputs != vectors) {
      failures.add("the RTL gave " + outputs + " outputs for " + vectors + " vectors");
    }
    if (mismatches.count() > 0) {
      List<String> shown = new ArrayList<>();
      for (Mismatch m : mismatches.first().subList(0, Math.min(IN_MESSAGE, mismatches.first().size()))) {
        shown.add("vector " + m.vector() + ", output " + m.output() + ": expected " + m.expected() + " ("
            + m.expectedBits() + "), got " + m.actual() + " (" + m.actualBits() + ")");
      }
      failures.add(mismatches.count() + " of " + (long) vectors * outputPorts + " output values of the RTL differ "
          + "from the Java model's; first: " + String.join("; ", shown));
    }
    int latency = vectors == 0 ? testbench.latencyCycles() : observedLatency;
    if (latency != testbench.latencyCycles()) {
      failures.add("the RTL gave its first output " + latency + " cycles after its input, but it was pipelined for "
          + testbench.latencyCycles() + " (" + RtlTestbench.FILE + ")");
    }
    return new RtlResult(verilator.version(), vectors, mismatches, latency, testbench.latencyCycles(),
        testbench.clockNs(), timings, failures);
  }

  private static List<Port> ports(List<PortType> types) {
    return types.stream().map(p -> new Port(p.name(), p.fixedType().width())).toList();
  }

  /** {@code 0x} and one hex digit per started nibble of the port, leading zeros kept. */
  static String hex(BigInteger bits, int width) {
    String digits = bits.toString(16);
    int wanted = (width + 3) / 4;
    return "0x" + "0".repeat(Math.max(0, wanted - digits.length())) + digits;
  }

  private static void deleteStale(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new SrHlsException("cannot delete " + file + " from an earlier run: " + e.getMessage(), e);
    }
  }
}
