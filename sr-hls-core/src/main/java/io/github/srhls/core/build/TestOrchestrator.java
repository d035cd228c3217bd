package io.github.srhls.core.build;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.project.GeneratedProjects;
import io.github.srhls.core.project.GeneratedProjects.Project;
import io.github.srhls.core.sim.HostCompiler;
import io.github.srhls.core.sim.HostSimulator;
import io.github.srhls.core.sim.IncludeHeaders;
import io.github.srhls.core.sim.SimulationReport;
import io.github.srhls.core.vendor.HlsTool;
import io.github.srhls.core.vendor.VendorBuild;
import io.github.srhls.core.vendor.VendorDetector;
import io.github.srhls.core.vendor.VendorReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@code sr-hls:test}: the host C simulation of every generated project, in name order, and, when a vendor
 * HLS tool is found, its C simulation (and synthesis and co-simulation when asked for). Every model is simulated
 * even after one fails, so a single run reports all failures.
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
    List<Project> projects = GeneratedProjects.list(request.outputDirectory());
    if (projects.isEmpty()) {
      log.info("no generated project to simulate under " + request.outputDirectory());
      return new TestResult(List.of());
    }
    Optional<HlsTool> vendor = request.vendor().enabled()
        ? new VendorDetector(log).detect(request.vendor())
        : Optional.empty();
    List<Project> simulated = new ArrayList<>();
    for (Project project : projects) {
      if (!project.manifest().hostSimulation()) {
        log.info(project.manifest().name() + " calls vendor math functions that only the vendor's HLS tools can "
            + "simulate; skipping its host simulation");
      }
      if (vendor.isPresent() || hostRuns(request, project)) {
        simulated.add(project);
      }
    }
    if (simulated.isEmpty()) {
      log.info(request.hostCsim() ? "no generated project to simulate under " + request.outputDirectory()
          : "the host simulation is skipped and there is no vendor tool: nothing was simulated");
      return new TestResult(List.of());
    }
    List<TestResult.ModelOutcome> outcomes = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    HostSimulator simulator = simulated.stream().anyMatch(p -> hostRuns(request, p))
        ? new HostSimulator(HostCompiler.locate(request.compiler()), request.compilerFlags(), request.timeout(),
            headers, log)
        : null;
    for (Project project : simulated) {
      String name = project.manifest().name();
      Path work = request.workDirectory().resolve(name);
      TestResult.ModelOutcome outcome = null;
      if (hostRuns(request, project)) {
        outcome = hostSimulation(simulator, log, project, work, failures);
      }
      // after a host failure too: the vendor's verdict tells a wrong design from a wrong host model
      if (vendor.isPresent()) {
        TestResult.ModelOutcome vendorOutcome = vendorSteps(request, vendor.get(), project, work, failures);
        outcome = outcome == null ? vendorOutcome : outcome;
      }
      if (outcome != null) {
        outcomes.add(outcome);
      }
    }
    if (!failures.isEmpty()) {
      long failed = simulated.stream().filter(p -> failures.stream().anyMatch(f -> f.startsWith(
          p.manifest().name() + ": "))).count();
      throw new SrHlsException((vendor.isPresent() ? "sr-hls:test" : "host simulation") + " failed for " + failed
          + " of " + simulated.size() + " models:\n  " + String.join("\n  ", failures));
    }
    return new TestResult(outcomes);
  }

  private static boolean hostRuns(TestRequest request, Project project) {
    return request.hostCsim() && project.manifest().hostSimulation();
  }

  /** The host simulation of one model; what fails is added to {@code failures}. */
  private static TestResult.ModelOutcome hostSimulation(HostSimulator simulator, BuildLog log, Project project,
      Path work, List<String> failures) {
    String name = project.manifest().name();
    Path reportFile = work.resolve(HostSimulator.REPORT);
    try {
      SimulationReport report = simulator.simulate(project.directory(), project.manifest(), work);
      if (report.passed()) {
        log.info(name + ": " + report.vectors() + " vectors match bit for bit");
      } else {
        report.failures().forEach(f -> log.warn(name + ": " + f));
        failures.add(name + ": " + String.join("; ", report.failures()) + " (report: " + reportFile + ")");
      }
      return new TestResult.ModelOutcome(name, report.vectors(), report.mismatches().count(), reportFile);
    } catch (SrHlsException e) {
      log.warn(name + ": " + e.getMessage());
      failures.add(name + ": " + e.getMessage());
      return null;
    }
  }

  /** The vendor tool's steps for one model; the outcome of its C simulation, when it got that far. */
  private static TestResult.ModelOutcome vendorSteps(TestRequest request, HlsTool tool, Project project, Path work,
      List<String> failures) {
    BuildLog log = request.log();
    String name = project.manifest().name();
    try {
      VendorBuild.Result result =
          new VendorBuild(tool, request.vendor(), log).test(project.directory(), project.manifest(), work);
      result.failures().forEach(log::warn);
      failures.addAll(result.failures());
      VendorReport.Step<VendorReport.CsimResult> csim = result.report().csim();
      if (csim == null || csim.result() == null) {
        return null;
      }
      return new TestResult.ModelOutcome(name, csim.result().vectors(), csim.result().mismatches(),
          work.resolve(HostSimulator.REPORT));
    } catch (SrHlsException e) {
      log.warn(name + ": " + e.getMessage());
      failures.add(name + ": " + e.getMessage());
      return null;
    }
  }
}
