package io.github.srhls.core.simulation.host;

import static io.github.srhls.core.testbench.TestbenchData.EXPECTED;
import static io.github.srhls.core.testbench.TestbenchData.EXPECTED_BINARY;
import static io.github.srhls.core.testbench.TestbenchData.FLOAT64;
import static io.github.srhls.core.testbench.TestbenchData.FLOAT64_BINARY;
import static io.github.srhls.core.testbench.TestbenchData.INPUTS;
import static io.github.srhls.core.testbench.TestbenchData.INPUTS_BINARY;
import static io.github.srhls.core.testbench.TestbenchData.RESULTS;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.process.ToolInvocation;
import io.github.srhls.core.process.ToolResult;
import io.github.srhls.core.process.ToolRunner;
import io.github.srhls.core.project.ProjectManifest;
import io.github.srhls.core.testbench.BinaryVectors;
import io.github.srhls.core.testbench.TestbenchData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Simulates one generated project on the host: compiles {@code <name>_test.cpp} and {@code firmware/<name>.cpp}
 * into {@code <work>/csim.exe}, runs it in the project directory and compares its output file with the expected
 * outputs. A project generated with the exact binary data files ({@code tb_data/*.bin}) is simulated from those:
 * the testbench neither parses decimal text nor is compared through it (it compares as it runs and writes a
 * summary), and the result is the same as from the decimal files. It returns what it found; the report package
 * writes it down.
 */
public final class HostSimulator {

  /** Files this simulator leaves in a model's work directory. */
  static final String EXECUTABLE = "csim.exe";

  /**
   * Defined when compiling a project that has the exact binary data files: the testbench then reads those, writes
   * the decimal results and makes the comparison itself, writing its summary ({@link CsimSummary}; see
   * {@code srhls_csim_io.h}).
   */
  static final String BINARY_IO = "SRHLS_BINARY_IO";

  /** Compiler errors shown in the exception message; the log file has all of them. */
  static final int ERRORS_SHOWN = 5;

  /** gcc and clang: {@code file:line:col: error: text} (the column may be missing, "fatal error" too). */
  private static final Pattern COMPILER_ERROR = Pattern.compile("^(.+?):(\\d+)(?::(\\d+))?: (?:fatal )?error: .*$");

  private final ToolRunner runner;
  private final HostCompiler compiler;
  private final List<String> compilerFlags;
  private final Duration timeout;
  private final IncludeHeaders headers;
  private final BuildLog log;

  /**
   * @param compiler the host compiler
   * @param compilerFlags added after sr-hls's own flags, so they can override them
   * @param timeout for each of compile and run
   * @param headers the fixed-point headers to compile against
   * @param log progress
   */
  public HostSimulator(HostCompiler compiler, List<String> compilerFlags, Duration timeout, IncludeHeaders headers,
      BuildLog log) {
    this.runner = new ToolRunner(log);
    this.compiler = compiler;
    this.compilerFlags = List.copyOf(compilerFlags);
    this.timeout = timeout;
    this.headers = headers;
    this.log = log;
  }

  /**
   * Simulates one project. A failing comparison or testbench is reported in the returned result
   * ({@link SimulationResult#passed()} false), not thrown.
   *
   * @param project the generated project directory
   * @param manifest its manifest
   * @param work this model's work directory ({@code workDirectory/<name>})
   * @throws SrHlsException when there is no result: the project is incomplete, it does not compile, a step
   *     times out, or the testbench wrote no complete results
   */
  public SimulationResult simulate(Path project, ProjectManifest manifest, Path work) {
    String name = manifest.name();
    Path testbench = project.resolve(name + "_test.cpp");
    Path firmware = project.resolve("firmware").resolve(name + ".cpp");
    for (Path required : List.of(testbench, firmware, project.resolve(INPUTS), project.resolve(EXPECTED),
        project.resolve(FLOAT64))) {
      if (!Files.isRegularFile(required)) {
        throw new SrHlsException("generated project " + project + " is incomplete: " + required
            + " is missing; run sr-hls:generate again");
      }
    }
    Path results = work.resolve(RESULTS);
    Path summaryFile = work.resolve(CsimSummary.FILE);
    Path executable = work.resolve(EXECUTABLE);
    deleteStale(results, summaryFile, executable);
    Path include = headers.extractTo(work.resolve("include"));
    // projects generated with the exact binary data files are simulated from them; others (hand-written ones, for
    // instance) from the decimal files, as the vendor's tools do
    boolean binary = Stream.of(INPUTS_BINARY, EXPECTED_BINARY, FLOAT64_BINARY)
        .allMatch(file -> Files.isRegularFile(project.resolve(file)));

    List<String> command = new ArrayList<>(compiler.command());
    command.addAll(List.of("-std=c++14", "-O2", "-I" + include.toAbsolutePath(), "-I" + project.toAbsolutePath(),
        "-I" + project.resolve("firmware").toAbsolutePath()));
    if (binary) {
      command.add("-D" + BINARY_IO);
    }
    command.addAll(compilerFlags);
    command.addAll(List.of(testbench.toAbsolutePath().toString(), firmware.toAbsolutePath().toString(), "-o",
        executable.toAbsolutePath().toString()));
    log.info("compiling the host simulation of " + name + " with " + compiler.name());
    ToolResult compiled = runner.run(ToolInvocation.of(compiler.name(), command)
        .withWorkingDirectory(work)
        .withTimeout(timeout)
        .withLogFile(work.resolve("compile.log"))
        .withArgumentFile(work.resolve("compile.args")));
    if (!compiled.succeeded()) {
      throw new SrHlsException(compileFailure(name, compiled, work.resolve("compile.log")));
    }

    log.info("running the host simulation of " + name + " (" + manifest.vectors() + " vectors)");
    List<String> run = new ArrayList<>(List.of(executable.toAbsolutePath().toString(),
        results.toAbsolutePath().toString()));
    if (binary) {
      run.add(summaryFile.toAbsolutePath().toString());
    }
    ToolResult ran = runner.run(ToolInvocation.of("csim-" + name, run)
        .withWorkingDirectory(project)
        .withTimeout(timeout)
        .withLogFile(work.resolve("csim.log")));
    List<String> failures = new ArrayList<>();
    if (!ran.succeeded()) {
      // Paths stay out of report texts so the report (and the zip holding it) does not depend on the checkout.
      failures.add("the testbench " + (ran.crashed() ? "" : "returned ") + ran.describeExit()
          + "; its output is in csim.log beside the report");
    }
    OutputComparison comparison = binary
        ? comparedByTestbench(project, manifest, summaryFile, results, failures)
        : comparedHere(project, manifest, results, failures);
    failures.addAll(comparison.failures());

    long runMillis = ran.duration().toMillis();
    SimulationResult.Timings timings = new SimulationResult.Timings(compiled.duration().toMillis(), runMillis,
        Math.round(comparison.vectors() * 1000.0 / Math.max(1, runMillis)));
    return new SimulationResult(comparison.vectors(), comparison.mismatches(), comparison.errorVsFloat64(),
        manifest.classify() ? comparison.classAgreement() : null, timings, failures);
  }

  /** The first compiler errors, with the generated file, line and column as the compiler printed them. */
  static String compileFailure(String model, ToolResult compiled, Path logFile) {
    List<String> errors = compiled.lines().stream().filter(l -> COMPILER_ERROR.matcher(l).matches()).toList();
    List<String> shown = errors.isEmpty()
        ? compiled.lines().subList(Math.max(0, compiled.lines().size() - 15), compiled.lines().size())
        : errors.subList(0, Math.min(ERRORS_SHOWN, errors.size()));
    StringBuilder b = new StringBuilder("cannot compile the host simulation of model '").append(model)
        .append("' (").append(compiled.tool()).append(' ').append(compiled.describeExit()).append("):");
    shown.forEach(line -> b.append("\n  ").append(line));
    if (errors.size() > shown.size()) {
      b.append("\n  ... and ").append(errors.size() - shown.size()).append(" more errors");
    }
    return b.append("\nfull compiler output: ").append(logFile).toString();
  }

  /** Reads the decimal results and compares them with the decimal data files, all held in memory. */
  private static OutputComparison comparedHere(Path project, ProjectManifest manifest, Path results,
      List<String> failures) {
    int width = manifest.outputs().size();
    TestbenchData actual;
    try {
      actual = TestbenchData.read(results, width, "output");
    } catch (SrHlsException e) {
      failures.add(Files.exists(results) ? e.getMessage() : "the testbench wrote no " + results);
      throw new SrHlsException(String.join("; ", failures), e);
    }
    TestbenchData expected = TestbenchData.read(project.resolve(EXPECTED), width, "output");
    checkVectors(manifest, expected.size(), failures);
    return OutputComparison.of(manifest.outputs(), expected, actual,
        TestbenchData.read(project.resolve(FLOAT64), width, "output"), manifest.tolerance());
  }

  /**
   * The comparison the testbench made over the binary files as it ran: only its summary is read, so nothing here
   * grows with the number of vectors.
   */
  private static OutputComparison comparedByTestbench(Path project, ProjectManifest manifest, Path summaryFile,
      Path results, List<String> failures) {
    int width = manifest.outputs().size();
    CsimSummary summary;
    try {
      summary = CsimSummary.read(summaryFile, width);
    } catch (SrHlsException e) {
      failures.add(Files.exists(summaryFile) ? e.getMessage() : "the testbench wrote no " + summaryFile);
      throw new SrHlsException(String.join("; ", failures), e);
    }
    int expected = vectorsIn(project.resolve(EXPECTED_BINARY), width);
    checkVectors(manifest, expected, failures);
    return OutputComparison.of(manifest.outputs(), summary, project.resolve(EXPECTED), expected, results,
        project.resolve(FLOAT64), vectorsIn(project.resolve(FLOAT64_BINARY), width), manifest.tolerance());
  }

  private static void checkVectors(ProjectManifest manifest, int expected, List<String> failures) {
    if (expected != manifest.vectors()) {
      failures.add(EXPECTED + " has " + expected + " vectors but the manifest says " + manifest.vectors()
          + "; regenerate with sr-hls:generate");
    }
  }

  private static int vectorsIn(Path binaryFile, int width) {
    try (BinaryVectors.Reader reader = BinaryVectors.Reader.open(binaryFile, width, "output")) {
      return Math.toIntExact(reader.vectors());
    } catch (ArithmeticException e) {
      throw new SrHlsException(binaryFile + ": more vectors than sr-hls can count (" + Integer.MAX_VALUE + ")", e);
    }
  }

  /** A result left by an earlier run must not be mistaken for this run's. */
  private static void deleteStale(Path... files) {
    for (Path file : files) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new SrHlsException("cannot delete " + file + " from an earlier run: " + e.getMessage(), e);
      }
    }
  }
}
