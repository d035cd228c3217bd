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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
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
  /** The driver's source, in the build directory. */
  static final String DRIVER = "sr_hls_driver.cpp";

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
   * Builds the simulator in {@code workDir} with {@code verilator} (its path or name on PATH), as
   * {@link SimulatorBuild#defaults()} says.
   *
   * @throws SrHlsException when Verilator or the compiler fails, with the tail of its output
   */
  public static Verilated build(ToolRunner runner, String verilator, Path workDir, List<Path> sources, String top,
      List<Port> inputs, List<Port> outputs) {
    return build(runner, verilator, workDir, sources, top, inputs, outputs, SimulatorBuild.defaults());
  }

  /**
   * Builds the simulator in {@code workDir}: Verilator writes the model's C++ into {@code obj/} (replaced), which is
   * then compiled as two units, the per-cycle code with the driver ({@code -O1}, or {@code -O0} when not
   * {@link SimulatorBuild#optimized()}) and the start-up code ({@code -O0}), beside Verilator's run-time library
   * ({@link RuntimeLibrary}, which also gives {@code -O0} units {@code verilated.h} precompiled), and linked into
   * {@code obj/sim}. One unit instead of one per generated file: each of
   * Verilator's files includes the same large headers, which cost more to compile than the model itself. Make is not
   * used; the file lists come from the makefiles Verilator writes ({@link VerilatedMakefiles}). Every step stops after
   * the build's timeout; a Verilator run that exits with 0 but printed {@code %Error} lines fails too.
   *
   * @throws SrHlsException when Verilator or the compiler fails, prints errors or times out, with the tail of its log
   */
  public static Verilated build(ToolRunner runner, String verilator, Path workDir, List<Path> sources, String top,
      List<Port> inputs, List<Port> outputs, SimulatorBuild how) {
    try {
      Files.createDirectories(workDir);
      Path obj = workDir.resolve("obj");
      deleteTree(obj);
      Path driver = workDir.resolve(DRIVER);
      Files.writeString(driver, VerilatorDriver.source(top, inputs, outputs), StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>(List.of(verilator, "--cc", "--Mdir", obj.toString(), "--top-module",
          top));
      for (Path s : sources) {
        command.add(s.toAbsolutePath().toString());
      }
      Path logFile = workDir.resolve(BUILD_LOG);
      ToolResult result = ranOrTail(runner, ToolInvocation.of("verilator", command).withWorkingDirectory(workDir)
          .withLogFile(logFile).withChatty(true).withTimeout(how.timeout()), "Verilator could not build " + top);
      if (!result.succeeded() || printedErrors(result)) {
        throw new SrHlsException("Verilator could not build " + top + " (" + (result.succeeded()
            ? "it printed errors" : result.describeExit()) + "):\n" + tail(result.lines()) + "\nsee " + logFile);
      }
      VerilatedMakefiles makefiles = VerilatedMakefiles.read(obj, "V" + top);
      // the run-time library is compiled without the build's own directory, so that its objects serve every build
      List<String> runtimeFlags = flags(makefiles);
      RuntimeLibrary.Lookup lookup = RuntimeLibrary.lookup(runner, how, makefiles, runtimeFlags);
      List<String> flags = new ArrayList<>(List.of("-I" + obj.toAbsolutePath()));
      flags.addAll(runtimeFlags);
      // units compiled at the library's level read verilated.h precompiled, when the cache has it
      List<String> unoptimized = new ArrayList<>(flags);
      lookup.found().flatMap(RuntimeLibrary.Runtime::headers).ifPresent(dir -> unoptimized.add(0, "-I" + dir));
      Path fastUnit = unit(obj, "sr_hls_fast.cpp", makefiles.fast(), "../" + DRIVER);
      Path slowUnit = makefiles.slow().isEmpty() ? null : unit(obj, "sr_hls_slow.cpp", makefiles.slow(), null);
      List<Path> objects = new ArrayList<>();
      List<Supplier<List<Path>>> steps = new ArrayList<>();
      steps.add(() -> List.of(how.optimized()
          ? compile(runner, how, flags, "-O1", fastUnit, obj.resolve("sr_hls_fast.o"), obj.resolve("sr_hls_fast.log"),
              "the simulator of " + top)
          : compile(runner, how, unoptimized, RuntimeLibrary.OPTIMIZATION, fastUnit, obj.resolve("sr_hls_fast.o"),
              obj.resolve("sr_hls_fast.log"), "the simulator of " + top)));
      if (slowUnit != null) {
        steps.add(() -> List.of(compile(runner, how, unoptimized, RuntimeLibrary.OPTIMIZATION, slowUnit,
            obj.resolve("sr_hls_slow.o"), obj.resolve("sr_hls_slow.log"), "the simulator of " + top)));
      }
      steps.add(() -> lookup.found().orElseGet(() -> RuntimeLibrary.fill(runner, runner.log(), how, makefiles,
          runtimeFlags, obj, lookup)).objects());
      for (List<Path> made : inParallel(steps)) {
        objects.addAll(made);
      }
      List<String> link = new ArrayList<>(how.compiler());
      objects.forEach(o -> link.add(o.toString()));
      link.addAll(makefiles.linkLibraries());
      link.addAll(List.of("-o", obj.resolve("sim").toString()));
      Path linkLog = obj.resolve("sr_hls_link.log");
      ToolResult linked = ranOrTail(runner, ToolInvocation.of("c++", link).withWorkingDirectory(obj)
          .withLogFile(linkLog).withChatty(true).withTimeout(how.timeout()), "cannot link the simulator of " + top);
      if (!linked.succeeded()) {
        throw new SrHlsException("cannot link the simulator of " + top + " (" + linked.describeExit() + "):\n"
            + tail(linked.lines()) + "\nsee " + linkLog);
      }
      return new Verilated(obj.resolve("sim"), top, inputs, outputs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** As {@link #build(ToolRunner, String, Path, List, String, List, List, SimulatorBuild)} with a timeout. */
  public static Verilated build(ToolRunner runner, String verilator, Path workDir, List<Path> sources, String top,
      List<Port> inputs, List<Port> outputs, Duration timeout) {
    return build(runner, verilator, workDir, sources, top, inputs, outputs,
        SimulatorBuild.defaults().withTimeout(timeout));
  }

  /** The preprocessor, language and warning flags of every unit, as Verilator's own makefile sets them. */
  private static List<String> flags(VerilatedMakefiles makefiles) {
    List<String> flags = new ArrayList<>(List.of("-I" + makefiles.include(),
        "-I" + makefiles.include().resolve("vltstd")));
    flags.addAll(makefiles.definitions());
    flags.addAll(makefiles.compileFlags());
    // -w: Verilator's output is not ours to warn about; its makefile silences most of the same warnings
    flags.addAll(List.of("-w", "-pthread"));
    return flags;
  }

  /** A unit that includes the given generated files (and first, if not null, the driver), in Verilator's order. */
  private static Path unit(Path obj, String name, List<String> classes, String first) throws IOException {
    // verilated.h first, before any other text: only then can the compiler read it precompiled
    StringBuilder b = new StringBuilder("#include \"verilated.h\"\n// written by sr-hls: Verilator's files compiled as "
        + "one unit\n");
    if (first != null) {
      b.append("#include \"").append(first).append("\"\n");
    }
    for (String c : classes) {
      b.append("#include \"").append(c).append(".cpp\"\n");
    }
    Path unit = obj.resolve(name);
    Files.writeString(unit, b.toString(), StandardCharsets.UTF_8);
    return unit;
  }

  /**
   * Compiles one unit into {@code object}, its output in {@code logFile}.
   *
   * @throws SrHlsException when the compiler fails or cannot finish, with the tail of its output
   */
  static Path compile(ToolRunner runner, SimulatorBuild how, List<String> flags, String optimization, Path source,
      Path object, Path logFile, String what) {
    try {
      Files.createDirectories(object.getParent());
    } catch (IOException e) {
      throw new SrHlsException("cannot create " + object.getParent() + ": " + e.getMessage(), e);
    }
    List<String> command = new ArrayList<>(how.compiler());
    command.addAll(flags);
    command.addAll(List.of(optimization, "-c", "-o", object.toString(), source.toString()));
    String failed = "the C++ compiler (" + how.compiler().get(0) + ") could not compile " + what;
    ToolResult result = ranOrTail(runner, ToolInvocation.of("c++", command).withWorkingDirectory(object.getParent())
        .withLogFile(logFile).withChatty(true).withTimeout(how.timeout()), failed);
    if (!result.succeeded()) {
      throw new SrHlsException(failed + " (" + result.describeExit() + "):\n" + tail(result.lines()) + "\nsee "
          + logFile);
    }
    return object;
  }

  /**
   * Runs the steps on up to two threads (the compilations are independent; two cover the machines CI runs on without
   * oversubscribing the models that are simulated in parallel), their results in step order; the first failure is
   * thrown after every step has ended.
   */
  private static List<List<Path>> inParallel(List<Supplier<List<Path>>> steps) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(2, steps.size()), r -> {
      Thread t = new Thread(r, "sr-hls-verilated-build");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<List<Path>>> futures = new ArrayList<>();
      for (Supplier<List<Path>> step : steps) {
        futures.add(pool.submit(step::get));
      }
      List<List<Path>> results = new ArrayList<>();
      RuntimeException first = null;
      for (Future<List<Path>> f : futures) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          if (first == null) {
            first = e.getCause() instanceof RuntimeException r ? r : new SrHlsException(String.valueOf(e.getCause()),
                e.getCause());
          }
        }
      }
      if (first != null) {
        throw first;
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SrHlsException("interrupted while building the RTL simulator", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
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
