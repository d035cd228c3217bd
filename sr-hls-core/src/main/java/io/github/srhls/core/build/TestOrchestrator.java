package io.github.srhls.core.build;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.junit.CsimSuites;
import io.github.srhls.core.junit.JUnitXml;
import io.github.srhls.core.junit.TestSuite;
import io.github.srhls.core.model.VectorFile;
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
 * simulated even after one fails, so a single run reports all failures. Each model's outcome is also written as
 * JUnit XML ({@code TEST-sr-hls.<model>.xml}) when the request names a reports directory.
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

    List<TestResult.ModelOutcome> outcomes = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Project project : projects) {
      String name = project.manifest().name();
      long start = System.nanoTime();
      try {
        Path work = request.workDirectory().resolve(name);
        SimulationReport report = simulator.simulate(project.directory(), project.manifest(), work);
        junit(request, CsimSuites.of(project.manifest(), report, report.mismatches().count() == 0 ? null
            : inputs(project)));
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
        junit(request, CsimSuites.notRun(project.manifest(), e.getMessage(), (System.nanoTime() - start) / 1e9));
      }
    }
    if (!failures.isEmpty()) {
      throw new SrHlsException("host simulation failed for " + failures.size() + " of " + projects.size()
          + " models:\n  " + String.join("\n  ", failures));
    }
    return new TestResult(outcomes);
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
