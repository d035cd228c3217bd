package io.github.srhls.core.simulation.rtl;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import io.github.srhls.core.process.ToolRunner;
import io.github.srhls.core.project.ProjectManifest;
import io.github.srhls.core.simulation.rtl.RtlResult.Mismatch;
import io.github.srhls.core.simulation.rtl.RtlResult.Mismatches;
import io.github.srhls.core.testbench.RtlTestbench;
import io.github.srhls.core.testbench.RtlTestbench.PortType;
import io.github.srhls.core.testbench.TestbenchData;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Simulates the RTL of one generated project with Verilator: builds {@code rtl/*.v} with sr-hls's driver into
 * {@code <work>/rtl/}, streams every test vector through it (the inputs' raw bits, {@link RtlTestbench#inputBits})
 * and compares every output bit with the Java model's expected outputs. It returns what it found; the report
 * package writes it down.
 */
public final class RtlSimulator {

  /** The directory under a model's work directory that holds the build and the vector files. */
  public static final String DIRECTORY = "rtl";

  /** Mismatches named in the failure message; the report and the JUnit XML have more. */
  static final int IN_MESSAGE = 3;

  private final ToolRunner runner;
  private final Verilator verilator;
  private final Duration timeout;
  private final BuildLog log;

  /**
   * @param verilator the simulator
   * @param timeout for each of build and run
   * @param log progress
   */
  public RtlSimulator(Verilator verilator, Duration timeout, BuildLog log) {
    this.runner = new ToolRunner(log);
    this.verilator = verilator;
    this.timeout = timeout;
    this.log = log;
  }

  public Verilator verilator() {
    return verilator;
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
    TestbenchData inputs = TestbenchData.read(project.resolve(TestbenchData.INPUTS), inputNames.size(), "input");
    TestbenchData expected = TestbenchData.read(project.resolve(TestbenchData.EXPECTED), outputNames.size(),
        "output");
    if (inputs.size() != expected.size()) {
      throw new SrHlsException(TestbenchData.EXPECTED + " has " + expected.size() + " vectors but "
          + TestbenchData.INPUTS + " has " + inputs.size() + "; run sr-hls:generate again");
    }

    Path dir = work.resolve(DIRECTORY);
    List<Port> in = ports(testbench.inputs());
    List<Port> out = ports(testbench.outputs());
    log.info("building the RTL of " + name + " with " + verilator.version());
    long start = System.nanoTime();
    Verilated sim = Verilated.build(runner, verilator.program(), dir, sources, testbench.top(), in, out, timeout);
    long built = System.nanoTime();
    List<List<BigInteger>> vectors = new ArrayList<>(inputs.size());
    for (double[] v : inputs.vectors()) {
      vectors.add(testbench.inputBits(v));
    }
    deleteStale(dir.resolve("outputs.hex"));
    log.info("running the RTL simulation of " + name + " (" + vectors.size() + " vectors)");
    Verilated.Run run = sim.run(runner, dir, vectors, timeout);
    long ran = System.nanoTime();

    List<String> failures = new ArrayList<>();
    if (run.outputs().size() != vectors.size()) {
      failures.add("the RTL gave " + run.outputs().size() + " outputs for " + vectors.size() + " vectors");
    }
    Mismatches mismatches = compare(testbench, expected, run.outputs(), out);
    if (mismatches.count() > 0) {
      List<String> shown = new ArrayList<>();
      for (Mismatch m : mismatches.first().subList(0, Math.min(IN_MESSAGE, mismatches.first().size()))) {
        shown.add("vector " + m.vector() + ", output " + m.output() + ": expected " + m.expected() + " ("
            + m.expectedBits() + "), got " + m.actual() + " (" + m.actualBits() + ")");
      }
      failures.add(mismatches.count() + " of " + vectors.size() * out.size() + " output values of the RTL differ "
          + "from the Java model's; first: " + String.join("; ", shown));
    }
    int latency = vectors.isEmpty() ? testbench.latencyCycles() : run.latencyCycles();
    if (latency != testbench.latencyCycles()) {
      failures.add("the RTL gave its first output " + latency + " cycles after its input, but it was pipelined for "
          + testbench.latencyCycles() + " (" + RtlTestbench.FILE + ")");
    }
    return new RtlResult(verilator.version(), vectors.size(), mismatches, latency, testbench.latencyCycles(),
        testbench.clockNs(), new RtlResult.Timings((built - start) / 1_000_000, (ran - built) / 1_000_000),
        failures);
  }

  private static List<Port> ports(List<PortType> types) {
    return types.stream().map(p -> new Port(p.name(), p.fixedType().width())).toList();
  }

  /**
   * Every output value, bit for bit; an output type too wide for its values to be doubles is compared as the
   * double the expected outputs file holds, as the host simulation compares it.
   */
  static Mismatches compare(RtlTestbench testbench, TestbenchData expected, List<List<BigInteger>> actual,
      List<Port> ports) {
    int width = ports.size();
    int[] byOutput = new int[width];
    List<Mismatch> first = new ArrayList<>();
    int count = 0;
    int vectors = Math.min(expected.size(), actual.size());
    for (int v = 0; v < vectors; v++) {
      double[] want = expected.vectors().get(v);
      List<BigInteger> wantBits = testbench.expectedBits(want);
      List<BigInteger> got = actual.get(v);
      for (int k = 0; k < width; k++) {
        Port port = ports.get(k);
        FixedType type = testbench.outputs().get(k).fixedType();
        Fixed gotValue = Fixed.ofRaw(signedValue(got.get(k), type), type);
        boolean same = RtlTestbench.exactAsDouble(type)
            ? port.raw(wantBits.get(k)).equals(got.get(k))
            : Double.doubleToLongBits(gotValue.toDouble()) == Double.doubleToLongBits(want[k]);
        if (same) {
          continue;
        }
        if (byOutput[k] < Mismatches.SHOWN) {
          Fixed wantValue = Fixed.ofRaw(wantBits.get(k), type);
          first.add(new Mismatch(v, port.name(), decimal(wantValue), decimal(gotValue),
              hex(port.raw(wantBits.get(k)), port.width()), hex(got.get(k), port.width())));
        }
        byOutput[k]++;
        count++;
      }
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int k = 0; k < width; k++) {
      counts.put(ports.get(k).name(), byOutput[k]);
    }
    return new Mismatches(count, counts, first);
  }

  /** The value of raw bits as the type reads them: two's complement when it is signed. */
  private static BigInteger signedValue(BigInteger bits, FixedType type) {
    return type.signed() && bits.testBit(type.width() - 1) ? bits.subtract(BigInteger.ONE.shiftLeft(type.width()))
        : bits;
  }

  private static String decimal(Fixed value) {
    return value.toBigDecimal().stripTrailingZeros().toPlainString();
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
