package io.github.srhls.core.build;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.project.GeneratedProjects;
import io.github.srhls.core.project.GeneratedProjects.Project;
import io.github.srhls.core.sim.HostCompiler;
import io.github.srhls.core.sim.HostSimulator;
import io.github.srhls.core.sim.IncludeHeaders;
import io.github.srhls.core.sim.SimulationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code sr-hls:test}: the host C simulation of every generated project, in name order. Every model is
 * simulated even after one fails, so a single run reports all failures.
 */
public final class TestOrchestrator {

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
    for (Project project : GeneratedProjects.list(request.outputDirectory())) {
      if (project.manifest().hostSimulation()) {
        projects.add(project);
      } else {
        log.info(project.manifest().name() + " calls vendor math functions that only the vendor's HLS tools can "
            + "simulate; skipping its host simulation");
      }
    }
    if (projects.isEmpty()) {
      log.info("no generated project to simulate under " + request.outputDirectory());
      return new TestResult(List.of());
    }
    HostCompiler compiler = HostCompiler.locate(request.compiler());
    HostSimulator simulator =
        new HostSimulator(compiler, request.compilerFlags(), request.timeout(), headers, log);

    List<TestResult.ModelOutcome> outcomes = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Project project : projects) {
      String name = project.manifest().name();
      try {
        Path work = request.workDirectory().resolve(name);
        SimulationReport report = simulator.simulate(project.directory(), project.manifest(), work);
        Path reportFile = work.resolve(HostSimulator.REPORT);
        outcomes.add(new TestResult.ModelOutcome(name, report.vectors(), report.mismatches().count(), reportFile));
        if (report.passed()) {
          log.info(name + ": " + report.vectors() + " vectors match bit for bit");
        } else {
          report.failures().forEach(f -> log.warn(name + ": " + f));
          failures.add(name + ": " + String.join("; ", report.failures()) + " (report: " + reportFile + ")");
        }
      } catch (SrHlsException e) {
        log.warn(name + ": " + e.getMessage());
        failures.add(name + ": " + e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw new SrHlsException("host simulation failed for " + failures.size() + " of " + projects.size()
          + " models:\n  " + String.join("\n  ", failures));
    }
    return new TestResult(outcomes);
  }
}
