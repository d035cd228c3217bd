package io.github.srhls.core.simulation.rtl;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.process.ToolInvocation;
import io.github.srhls.core.process.ToolResult;
import io.github.srhls.core.process.ToolRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module built by Verilator with {@link VerilatorDriver}: {@link #build} compiles it into an executable under a
 * work directory, {@link #run} streams raw-bit vectors through it.
 *
 * @param executable the simulator
 * @param top the module's name
 * @param inputs its data input ports, in order
 * @param outputs its data output ports, in order
 */
public record Verilated(Path executable, String top, List<Port> inputs, List<Port> outputs) {

  /** Verilator's output, in the build directory. */
  public static final String BUILD_LOG = "verilator.log";
  /** The simulator's own output, beside its output file. */
  public static final String RUN_LOG = "rtl-sim.log";

  /** The driver's input file, in the work directory of {@link #run(ToolRunner, Path, List)}. */
  static final String VECTORS_FILE = "vectors.raw";
  /** The driver's output file, beside it. */
  static final String OUTPUTS_FILE = "outputs.raw";

  private static final Pattern SUMMARY = Pattern.compile("sr-hls-rtl vectors (\\d+) latency (-?\\d+)");

  public Verilated {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** What a run observed: one list of raw output values per vector, and the pipeline's latency in cycles. */
  public record Run(List<List<BigInteger>> outputs, int latencyCycles, ToolResult tool) {}

  /** What a run observed apart from its outputs, which {@link #execute} leaves in its output file. */
  public record Ran(int latencyCycles, ToolResult tool) {}

  /**
   * Builds the simulator in {@code workDir} (replaced), with {@code verilator} (its path or name on PATH).
   *
   * @throws SrHlsException when Verilator fails, with the tail of its output
   */
  public static Verilated build(ToolRunner runner, String verilator, Path workDir, List<Path> sources, String top,
      List<Port> inputs, List<Port> outputs) {
    return build(runner, verilator, workDir, sources, top, inputs, outputs, ToolInvocation.DEFAULT_TIMEOUT);
  }

  /**
   * As {@link #build(ToolRunner, String, Path, List, String, List, List)}, stopping Verilator (and the compiler and
   * make it started) after {@code timeout}. A build that exits with 0 but printed {@code %Error} lines fails too.
   *
   * @throws SrHlsException when Verilator fails, prints errors or times out, with the tail of its log
   */
  public static Verilated build(ToolRunner runner, String verilator, Path workDir, List<Path> sources, String top,
      List<Port> inputs, List<Port> outputs, Duration timeout) {
    try {
      Files.createDirectories(workDir);
      Path driver = workDir.resolve("sr_hls_driver.cpp");
      Files.writeString(driver, VerilatorDriver.source(top, inputs, outputs), StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>(List.of(verilator, "--cc", "--exe", "--build", "-j", "2",
          "--Mdir", workDir.resolve("obj").toString(), "--top-module", top, "-o", "sim"));
      for (Path s : sources) {
        command.add(s.toAbsolutePath().toString());
      }
      command.add(driver.toAbsolutePath().toString());
      Path logFile = workDir.resolve(BUILD_LOG);
      ToolResult result = ranOrTail(runner, ToolInvocation.of("verilator", command).withWorkingDirectory(workDir)
          .withLogFile(logFile).withChatty(true).withTimeout(timeout), "Verilator could not build " + top);
      if (!result.succeeded() || printedErrors(result)) {
        throw new SrHlsException("Verilator could not build " + top + " (" + (result.succeeded()
            ? "it printed errors" : result.describeExit()) + "):\n" + tail(result.lines()) + "\nsee " + logFile);
      }
      return new Verilated(workDir.resolve("obj").resolve("sim"), top, inputs, outputs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs every vector (one list of raw input values per vector, in port order) through the module.
   *
   * @throws SrHlsException when the simulator fails or its outputs do not add up
   */
  public Run run(ToolRunner runner, Path workDir, List<List<BigInteger>> vectors) {
    return run(runner, workDir, vectors, ToolInvocation.DEFAULT_TIMEOUT);
  }

  /** As {@link #run(ToolRunner, Path, List)}, stopping the simulator after {@code timeout}. */
  public Run run(ToolRunner runner, Path workDir, List<List<BigInteger>> vectors, Duration timeout) {
    Path in = workDir.resolve(VECTORS_FILE);
    try (InputFile w = inputFile(in)) {
      for (List<BigInteger> vector : vectors) {
        w.write(vector);
      }
    } catch (IOException e) {
      throw new SrHlsException("cannot write " + in + ": " + e.getMessage(), e);
    }
    return run(runner, in, workDir.resolve(OUTPUTS_FILE), timeout);
  }

  /** Runs the vectors of a file already written in the driver's format; the outputs go to {@code out}. */
  public Run run(ToolRunner runner, Path in, Path out) {
    return run(runner, in, out, ToolInvocation.DEFAULT_TIMEOUT);
  }

  /**
   * Runs the vectors of a file already written in the driver's format ({@link #inputFile}); the outputs go to
   * {@code out}, the simulator's own output to {@code rtl-sim.log} beside it.
   *
   * @throws SrHlsException when the simulator fails, prints errors, times out or its outputs do not add up, with
   *     the tail of its log
   */
  public Run run(ToolRunner runner, Path in, Path out, Duration timeout) {
    Ran ran = execute(runner, in, out, timeout);
    List<List<BigInteger>> values = new ArrayList<>();
    RawVectors layout = new RawVectors(outputs);
    int[] record = layout.record();
    try (RawVectors.Reader r = layout.reader(out)) {
      while (r.next(record)) {
        List<BigInteger> row = new ArrayList<>(outputs.size());
        for (int k = 0; k < outputs.size(); k++) {
          row.add(layout.big(record, k));
        }
        values.add(row);
      }
    } catch (IOException e) {
      throw new SrHlsException("cannot read " + out + ": " + e.getMessage(), e);
    }
    return new Run(values, ran.latencyCycles(), ran.tool());
  }

  /**
   * Runs the vectors of a file already written in the driver's format and leaves the outputs in {@code out}, one
   * record per vector ({@link RawVectors}), for the caller to read as a stream; the simulator's own output goes to
   * {@code rtl-sim.log} beside it.
   *
   * @throws SrHlsException when the simulator fails, prints errors or times out, with the tail of its log
   */
  public Ran execute(ToolRunner runner, Path in, Path out, Duration timeout) {
    Path logFile = out.toAbsolutePath().resolveSibling(RUN_LOG);
    String failed = "the RTL simulation of " + top + " failed";
    ToolResult result = ranOrTail(runner, ToolInvocation.of("rtl-sim", List.of(executable.toString(),
        in.toString(), out.toString())).withChatty(true).withTimeout(timeout).withLogFile(logFile), failed);
    Matcher m = SUMMARY.matcher(result.lines().isEmpty() ? "" : result.lines().get(result.lines().size() - 1));
    if (!result.succeeded() || !m.matches() || printedErrors(result)) {
      throw new SrHlsException(failed + " (" + (result.succeeded() ? "it printed errors" : result.describeExit())
          + "):\n" + tail(result.lines()) + "\nsee " + logFile);
    }
    return new Ran(Integer.parseInt(m.group(2)), result);
  }

  /** Creates (or replaces) a file of input vectors in the driver's format, to write one vector after the other. */
  public InputFile inputFile(Path file) throws IOException {
    RawVectors layout = new RawVectors(inputs);
    return new InputFile(layout, layout.writer(file), layout.record());
  }

  /** A file of input vectors being written in the driver's format, one vector after the other. */
  public static final class InputFile implements java.io.Closeable {
    private final RawVectors layout;
    private final RawVectors.Writer writer;
    private final int[] record;

    private InputFile(RawVectors layout, RawVectors.Writer writer, int[] record) {
      this.layout = layout;
      this.writer = writer;
      this.record = record;
    }

    /** Appends one vector: the input ports' raw values (two's complement or unsigned), in port order. */
    public void write(List<BigInteger> vector) throws IOException {
      for (int i = 0; i < layout.ports(); i++) {
        layout.put(record, i, vector.get(i));
      }
      writer.write(record);
    }

    @Override
    public void close() throws IOException {
      writer.close();
    }
  }

  /**
   * Runs a tool; when it cannot finish (a timeout, an interruption) the message gets the tail of what it logged
   * until it was stopped, which is what says where it hung.
   */
  private static ToolResult ranOrTail(ToolRunner runner, ToolInvocation invocation, String what) {
    try {
      return runner.run(invocation);
    } catch (SrHlsException e) {
      List<String> logged = List.of();
      try {
        if (invocation.logFile() != null && Files.isRegularFile(invocation.logFile())) {
          logged = Files.readAllLines(invocation.logFile(), StandardCharsets.UTF_8);
        }
      } catch (IOException | UncheckedIOException unreadable) {
        // the message without the tail still says what happened
      }
      throw new SrHlsException(what + ": " + e.getMessage() + (logged.isEmpty() ? "" : ":\n" + tail(logged))
          + (invocation.logFile() == null ? "" : "\nsee " + invocation.logFile()), e);
    }
  }

  /** Verilator and the models it builds report errors as {@code %Error...} lines, whatever their exit code. */
  private static boolean printedErrors(ToolResult result) {
    return result.lines().stream().anyMatch(l -> l.startsWith("%Error"));
  }

  private static String tail(List<String> lines) {
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }
}
