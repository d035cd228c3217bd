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
      if (vendor.isPresent() || request.hostCsim() && project.manifest().hostSimulation()) {
        simulated.add(project);
      }
    }
    if (simulated.isEmpty()) {
      log.info("no generated project to simulate under " + request.outputDirectory());
      return new TestResult(List.of());
    }
    HostSimulator simulator = null;

    List<TestResult.ModelOutcome> outcomes = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Project project : simulated) {
      String name = project.manifest().name();
      Path work = request.workDirectory().resolve(name);
      Path reportFile = work.resolve(HostSimulator.REPORT);
      TestResult.ModelOutcome outcome = null;
      try {
        if (request.hostCsim() && project.manifest().hostSimulation()) {
          if (simulator == null) {
            simulator = new HostSimulator(HostCompiler.locate(request.compiler()), request.compilerFlags(),
                request.timeout(), headers, log);
          }
          SimulationReport report = simulator.simulate(project.directory(), project.manifest(), work);
          outcome = new TestResult.ModelOutcome(name, report.vectors(), report.mismatches().count(), reportFile);
          if (report.passed()) {
            log.info(name + ": " + report.vectors() + " vectors match bit for bit");
          } else {
            report.failures().forEach(f -> log.warn(name + ": " + f));
            failures.add(name + ": " + String.join("; ", report.failures()) + " (report: " + reportFile + ")");
          }
        }
        if (vendor.isPresent()) {
          VendorBuild.Result result =
              new VendorBuild(vendor.get(), request.vendor(), log).test(project.directory(), project.manifest(), work);
          result.failures().forEach(log::warn);
          failures.addAll(result.failures());
          if (outcome == null && result.report().csim() != null && result.report().csim().result() != null) {
            VendorReport.CsimResult csim = result.report().csim().result();
            outcome = new TestResult.ModelOutcome(name, csim.vectors(), csim.mismatches(), reportFile);
          }
        }
      } catch (SrHlsException e) {
        log.warn(name + ": " + e.getMessage());
        failures.add(name + ": " + e.getMessage());
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
}
