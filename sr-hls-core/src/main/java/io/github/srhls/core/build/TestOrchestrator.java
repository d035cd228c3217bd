package io.github.srhls.core.build;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.incremental.Fingerprint;
import io.github.srhls.core.incremental.StepState;
import io.github.srhls.core.junit.CsimSuites;
import io.github.srhls.core.junit.JUnitXml;
import io.github.srhls.core.junit.TestSuite;
import io.github.srhls.core.model.VectorFile;
import io.github.srhls.core.process.ToolInvocation;
import io.github.srhls.core.process.ToolResult;
import io.github.srhls.core.process.ToolRunner;
import io.github.srhls.core.project.GeneratedProjects;
import io.github.srhls.core.project.JsonFiles;
import io.github.srhls.core.project.GeneratedProjects.Project;
import io.github.srhls.core.sim.HostCompiler;
import io.github.srhls.core.sim.HostSimulator;
import io.github.srhls.core.sim.IncludeHeaders;
import io.github.srhls.core.sim.SimulationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs {@code sr-hls:test}: the host C simulation of every generated project, in name order. Every model is
 * simulated even after one fails, so a single run reports all failures. Each model's outcome is also written as
 * JUnit XML ({@code TEST-sr-hls.<model>.xml}) when the request names a reports directory. A model that passed
 * before, and whose generated project, compiler, flags and headers are unchanged since, is not simulated again.
 */
public final class TestOrchestrator {

  /** Beside each model's report: the key of the last passing simulation, for the up-to-date check. */
  static final String STATE_FILE = "test-state.json";

  private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);

  private final IncludeHeaders headers;

  public TestOrchestrator() {
    this(IncludeHeaders.builtIn());
  }

  /** With other fixed-point headers than sr-hls's own (tests, or a user's vendor headers). */
  public TestOrchestrator(IncludeHeaders headers) {
    this.headers = headers;
  }

  /** @throws io.github.srhls.core.diag.SrHlsException on a failed simulation, with a user-facing message */
  public TestResult run(TestRequest request) {
    BuildLog log = request.log();
    List<Project> projects = new ArrayList<>();
    List<Project> all = GeneratedProjects.list(request.outputDirectory());
    if (request.reportsDirectory() != null) {
      CsimSuites.removeStale(request.reportsDirectory(), all.stream().map(p -> p.manifest().name()).toList());
    }
    for (Project project : all) {
      if (project.manifest().hostSimulation()) {
        projects.add(project);
      } else {
        String why = "calls vendor math functions that only the vendor's HLS tools can simulate";
        log.info(project.manifest().name() + " " + why + "; skipping its host simulation");
        junit(request, CsimSuites.skipped(project.manifest(), why));
      }
    }
    if (projects.isEmpty()) {
      log.info("no generated project to simulate under " + request.outputDirectory());
      return new TestResult(List.of());
    }
    HostCompiler compiler = HostCompiler.locate(request.compiler());
    HostSimulator simulator =
        new HostSimulator(compiler, request.compilerFlags(), request.timeout(), headers, log);
    String toolchain = toolchain(compiler, request);

    List<TestResult.ModelOutcome> outcomes = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Project project : projects) {
      String name = project.manifest().name();
      long start = System.nanoTime();
      try {
        Path work = request.workDirectory().resolve(name);
        Path reportFile = work.resolve(HostSimulator.REPORT);
        Path stateFile = work.resolve(STATE_FILE);
        String key = Fingerprint.start().text("toolchain", toolchain).tree("project", project.directory()).done();
        SimulationReport earlier = passedBefore(stateFile, key, reportFile);
        if (earlier != null) {
          junit(request, CsimSuites.of(project.manifest(), earlier, null));
          outcomes.add(new TestResult.ModelOutcome(name, earlier.vectors(), 0, reportFile));
          log.info(name + ": up to date, not simulated again (the generated project, compiler and flags are "
              + "unchanged since it passed with " + earlier.vectors() + " vectors)");
          continue;
        }
        StepState.forget(stateFile);
        SimulationReport report = simulator.simulate(project.directory(), project.manifest(), work);
        junit(request, CsimSuites.of(project.manifest(), report, report.mismatches().count() == 0 ? null
            : inputs(project)));
        outcomes.add(new TestResult.ModelOutcome(name, report.vectors(), report.mismatches().count(), reportFile));
        if (report.passed()) {
          new StepState(key, null).write(stateFile);
          log.info(name + ": " + report.vectors() + " vectors match bit for bit (" + seconds(start) + ")");
        } else {
          report.failures().forEach(f -> log.warn(name + ": " + f));
          failures.add(name + ": " + String.join("; ", report.failures()) + " (report: " + reportFile + ")");
        }
      } catch (SrHlsException e) {
        log.warn(name + ": " + e.getMessage());
        failures.add(name + ": " + e.getMessage());
        junit(request, CsimSuites.notRun(project.manifest(), e.getMessage(), (System.nanoTime() - start) / 1e9));
      }
    }
    if (!failures.isEmpty()) {
      throw new SrHlsException("host simulation failed for " + failures.size() + " of " + projects.size()
          + " models:\n  " + String.join("\n  ", failures));
    }
    return new TestResult(outcomes);
  }

  /** The report of the last run when it passed with the same key; null when the model must be simulated. */
  private static SimulationReport passedBefore(Path stateFile, String key, Path reportFile) {
    StepState state = StepState.read(stateFile);
    if (state == null || !state.key().equals(key) || !Files.isRegularFile(reportFile)) {
      return null;
    }
    try {
      SimulationReport report = JsonFiles.read(reportFile, SimulationReport.class);
      return report.passed() ? report : null;
    } catch (SrHlsException e) {
      return null;
    }
  }

  /**
   * What the simulation depends on besides the generated project: the compiler (as {@code --version} describes
   * it, so an upgrade in place counts), the flags and the fixed-point headers.
   */
  private String toolchain(HostCompiler compiler, TestRequest request) {
    Fingerprint f = Fingerprint.start().text("compiler", String.join("\u0000", compiler.command()))
        .text("flags", String.join("\u0000", request.compilerFlags()));
    List<String> command = new ArrayList<>(compiler.command());
    command.add("--version");
    try {
      ToolResult version = new ToolRunner(request.log()).run(ToolInvocation.of(compiler.name(), command)
          .withChatty(true).withTimeout(VERSION_TIMEOUT));
      f.text("version", version.exitCode() + "\n" + String.join("\n", version.lines()));
    } catch (SrHlsException e) {
      f.text("version", "unknown");
    }
    headers.contents().forEach(f::bytes);
    return f.done();
  }

  private static String seconds(long startNanos) {
    return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
  }

  private static void junit(TestRequest request, TestSuite suite) {
    if (request.reportsDirectory() != null) {
      JUnitXml.write(request.reportsDirectory(), suite);
    }
  }

  /** The test inputs, shown with mismatching vectors; null when they cannot be read (they are only an aid). */
  private static double[][] inputs(Project project) {
    try {
      return VectorFile.read(project.directory().resolve(HostSimulator.INPUTS), project.manifest().inputs());
    } catch (SrHlsException e) {
      return null;
    }
  }
}
