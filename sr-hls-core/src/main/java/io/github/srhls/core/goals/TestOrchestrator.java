package io.github.srhls.core.goals;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.ParallelInOrder;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.explore.ParetoDocument;
import io.github.srhls.core.incremental.FileDigests;
import io.github.srhls.core.incremental.Fingerprint;
import io.github.srhls.core.incremental.StepState;
import io.github.srhls.core.process.ToolInvocation;
import io.github.srhls.core.process.ToolResult;
import io.github.srhls.core.process.ToolRunner;
import io.github.srhls.core.project.GeneratedProjects;
import io.github.srhls.core.project.GeneratedProjects.Project;
import io.github.srhls.core.report.CsimSuites;
import io.github.srhls.core.report.JUnitXml;
import io.github.srhls.core.report.ModelReport;
import io.github.srhls.core.report.RtlReport;
import io.github.srhls.core.report.RtlSuites;
import io.github.srhls.core.report.SimulationReport;
import io.github.srhls.core.report.TestSuite;
import io.github.srhls.core.simulation.host.HostCompiler;
import io.github.srhls.core.simulation.host.HostSimulator;
import io.github.srhls.core.simulation.host.IncludeHeaders;
import io.github.srhls.core.simulation.host.SimulationResult;
import io.github.srhls.core.simulation.rtl.Port;
import io.github.srhls.core.simulation.rtl.RtlResult;
import io.github.srhls.core.simulation.rtl.RtlSimulator;
import io.github.srhls.core.simulation.rtl.SimulatorBuild;
import io.github.srhls.core.simulation.rtl.Verilator;
import io.github.srhls.core.simulation.rtl.VerilatorDriver;
import io.github.srhls.core.testbench.BinaryVectors;
import io.github.srhls.core.testbench.RtlTestbench;
import io.github.srhls.core.testbench.TestbenchData;
import io.github.srhls.core.toolchain.amd.VendorBuild;
import io.github.srhls.core.toolchain.amd.VendorReport;
import io.github.srhls.core.toolchain.amd.VendorSettings;
import io.github.srhls.core.toolchain.amd.detect.HlsTool;
import io.github.srhls.core.toolchain.amd.detect.VendorDetector;
import io.github.srhls.core.toolchain.yosys.OpenSynthesisReport;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Runs {@code sr-hls:test}: the host C simulation of every generated project, in name order, and, when a vendor
 * HLS tool is found, its C simulation (and synthesis and co-simulation when asked for). Every model is simulated
 * even after one fails, so a single run reports all failures. Each model's host outcome is also written as JUnit
 * XML ({@code TEST-sr-hls.<model>.xml}) when the request names a reports directory. A model whose host simulation
 * passed before, and whose generated project, compiler, flags and headers are unchanged since, is not simulated
 * on the host again. A project with RTL ({@code rtl/}) is simulated with Verilator too, when it is found (see
 * {@link RtlSimulation}); its outcome goes into report.json's {@code rtl} section and the suite
 * {@code sr-hls.rtl.<model>}, and it is not simulated again while its RTL, test vectors and Verilator are unchanged
 * since it passed. With open synthesis asked for, Yosys synthesises every model's RTL after its simulations
 * ({@link OpenSynthesisStep}), and its counts are held against the synthesis budgets when no vendor synthesis ran.
 */
public final class TestOrchestrator {

  /** Beside each model's report: the key of the last passing simulation, for the up-to-date check. */
  static final String STATE_FILE = "test-state.json";

  /** Beside each model's report: the key of the last passing RTL simulation. */
  static final String RTL_STATE_FILE = "rtl-state.json";

  /**
   * Beside each model's report: the digests of the generated project's files as the up-to-date checks last read
   * them, so that a warm build reads only the files that may have changed ({@link FileDigests}).
   */
  static final String DIGESTS_FILE = "file-digests.json";

  private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);

  private final IncludeHeaders headers;
  /** How many models are simulated at once; 0 for {@link TestRequest#threads}. */
  private final int threads;
  /** Where programs are looked up ({@code PATH}): this JVM's environment but in tests. */
  private final Map<String, String> environment;
  private final TestProbe probe;

  public TestOrchestrator() {
    this(IncludeHeaders.builtIn());
  }

  /** With other fixed-point headers than sr-hls's own (tests, or a user's vendor headers). */
  public TestOrchestrator(IncludeHeaders headers) {
    this(headers, System.getenv());
  }

  /** With another environment to find Verilator in (tests). */
  TestOrchestrator(IncludeHeaders headers, Map<String, String> environment) {
    this(headers, environment, 0);
  }

  /** Simulating at most {@code threads} models at once (1: one after the other; 0: as the request says). */
  TestOrchestrator(IncludeHeaders headers, Map<String, String> environment, int threads) {
    this(headers, environment, threads, TestProbe.NONE);
  }

  /** Telling {@code probe} what the up-to-date checks read (tests). */
  TestOrchestrator(IncludeHeaders headers, Map<String, String> environment, int threads, TestProbe probe) {
    this.threads = threads;
    this.headers = headers;
    this.environment = Map.copyOf(environment);
    this.probe = probe;
  }

  /** @throws io.github.srhls.core.diag.SrHlsException on a failed simulation, with a user-facing message */
  public TestResult run(TestRequest request) {
    BuildLog log = request.log();
    List<Project> projects = GeneratedProjects.list(request.outputDirectory());
    if (request.reportsDirectory() != null) {
      CsimSuites.removeStale(request.reportsDirectory(), projects.stream().map(p -> p.manifest().name()).toList());
    }
    Optional<HlsTool> vendor = request.vendor().enabled()
        ? new VendorDetector(log).detect(request.vendor().detection())
        : Optional.empty();
    Optional<RtlSimulator> rtl = rtlSimulator(request, projects);
    List<Project> simulated = new ArrayList<>();
    for (Project project : projects) {
      if (!hostRuns(request, project)) {
        // the host simulation writes them with its section; without it they go into the report all the same
        ModelReport.addLabels(request.workDirectory().resolve(project.manifest().name()), project.manifest(),
            project.directory());
      }
      if (!project.manifest().hostSimulation()) {
        String why = "calls vendor math functions that only the vendor's HLS tools can simulate";
        log.info(project.manifest().name() + " " + why + "; skipping its host simulation");
        junit(request, CsimSuites.skipped(project.manifest(), why));
      }
      boolean rtlRuns = rtl.isPresent() && hasRtl(project);
      if (request.reportsDirectory() != null && !rtlRuns) {
        if (hasRtl(project) && request.rtlSimulation() != RtlSimulation.OFF) {
          junit(request, RtlSuites.skipped(project.manifest(), "Verilator was not found"));
        } else {
          RtlSuites.remove(request.reportsDirectory(), project.manifest().name());
        }
      }
      if (vendor.isPresent() || hostRuns(request, project) || rtlRuns) {
        simulated.add(project);
      }
    }
    boolean open = request.openSynthesis().enabled();
    if (!open) {
      // counts of an earlier run with open synthesis on are not this run's
      projects.forEach(p -> OpenSynthesisStep.remove(p, request.workDirectory().resolve(p.manifest().name())));
    }
    if (simulated.isEmpty()) {
      log.info(request.hostCsim() ? "no generated project to simulate under " + request.outputDirectory()
          : "the host simulation is skipped and there is no vendor tool: nothing was simulated");
      if (!open || projects.isEmpty()) {
        return new TestResult(List.of(), settleBudgets(request, vendor, projects, Map.of(), new ArrayList<>()));
      }
    }
    List<TestResult.ModelOutcome> outcomes = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    HostCompiler compiler = null;
    String toolchain = null;
    if (simulated.stream().anyMatch(p -> hostRuns(request, p))) {
      compiler = HostCompiler.locate(request.compiler());
      toolchain = toolchain(compiler, request);
    }
    Set<String> failedModels = new TreeSet<>();
    HostCompiler hostCompiler = compiler;
    String hostToolchain = toolchain;
    // models are simulated in parallel, bounded by the cores, their lines logged in model order; a vendor tool's
    // runs stay one at a time (each takes gigabytes, and licences may be counted)
    List<Simulated> results = ParallelInOrder.run(simulated.stream().<Function<BuildLog, Simulated>>map(
        project -> modelLog -> simulate(request.withLog(modelLog), project, hostCompiler, hostToolchain, rtl,
            vendor)).toList(), vendor.isPresent() ? 1 : threads > 0 ? threads : request.threads(), log);
    // models whose RTL failed its simulation here: synthesising it would count the cells of a wrong module
    Set<String> rtlFailed = new TreeSet<>();
    for (Simulated r : results) {
      if (r.rtlFailed()) {
        rtlFailed.add(r.model());
      }
      if (r.outcome() != null) {
        outcomes.add(r.outcome());
      }
      if (!r.failures().isEmpty()) {
        failedModels.add(r.model());
        failures.addAll(r.failures());
      }
    }
    Map<String, OpenSynthesisReport> counts = new TreeMap<>();
    if (open) {
      OpenSynthesisStep step = new OpenSynthesisStep(request.openSynthesis(), log);
      for (Project project : projects) {
        if (rtlFailed.contains(project.manifest().name())) {
          OpenSynthesisStep.skip(project, request.workDirectory().resolve(project.manifest().name()), log);
          continue;
        }
        int failuresBefore = failures.size();
        step.run(project, request.workDirectory().resolve(project.manifest().name()), failures)
            .ifPresent(r -> counts.put(project.manifest().name(), r));
        if (failures.size() > failuresBefore) {
          failedModels.add(project.manifest().name());
        }
      }
    }
    // the model file's budget, which chose the rows on the estimate, is confirmed by Yosys or its miss reported
    for (Project project : projects) {
      String model = project.manifest().name();
      OpenSynthesisReport r = counts.get(model);
      Optional<ParetoDocument> pareto = r == null ? Optional.empty()
          : SelectionBudgetCheck.read(request.workDirectory().resolve(model));
      if (pareto.isPresent()) {
        List<String> confirmed = new ArrayList<>();
        List<String> missed = SelectionBudgetCheck.violations(pareto.get(), project.manifest().outputs().size(),
            model, r, OpenSynthesisStep.plannedLatency(project), confirmed);
        confirmed.forEach(log::info);
        if (!missed.isEmpty()) {
          failures.addAll(missed);
          failedModels.add(model);
        }
      }
    }
    int failuresBefore = failures.size();
    boolean settled = settleBudgets(request, vendor, projects, counts, failures);
    for (String failure : failures.subList(failuresBefore, failures.size())) {
      int colon = failure.indexOf(':'); // the budget messages start with the model's name
      failedModels.add(colon > 0 ? failure.substring(0, colon) : failure);
    }
    if (!failures.isEmpty()) {
      boolean hostOnly = vendor.isEmpty() && !open && simulated.stream().noneMatch(p -> rtl.isPresent() && hasRtl(p));
      throw new SrHlsException((hostOnly ? "host simulation" : "sr-hls:test") + " failed for "
          + failedModels.size() + " of " + (open ? projects.size() : simulated.size()) + " models:\n  "
          + String.join("\n  ", failures));
    }
    return new TestResult(outcomes, settled);
  }

  /** One model's simulations: its outcome (null when none ran to a result) and what failed. */
  /** @param rtlFailed whether the RTL failed its simulation here: synthesising it would count a wrong module */
  private record Simulated(String model, TestResult.ModelOutcome outcome, List<String> failures, boolean rtlFailed) {}

  /** The host, RTL and vendor simulations of one model, logging to the request's log. */
  private Simulated simulate(TestRequest request, Project project, HostCompiler compiler, String toolchain,
      Optional<RtlSimulator> rtl, Optional<HlsTool> vendor) {
    List<String> failures = new ArrayList<>();
    Path work = request.workDirectory().resolve(project.manifest().name());
    // read before the host simulation replaces report.json: what an up-to-date RTL simulation reports again
    RtlReport earlierRtl = ModelReport.readIfValid(work).map(ModelReport::rtl).orElse(null);
    FileDigests digests = FileDigests.load(work.resolve(DIGESTS_FILE));
    TestResult.ModelOutcome outcome = null;
    if (hostRuns(request, project)) {
      HostSimulator simulator = new HostSimulator(compiler, request.compilerFlags(), request.timeout(),
          headers, request.log());
      outcome = hostSimulation(request, simulator, toolchain, project, work, digests, failures);
    }
    boolean rtlFailed = false;
    if (rtl.isPresent() && hasRtl(project)) {
      int before = failures.size();
      RtlReport rtlReport = rtlSimulation(request,
          new RtlSimulator(rtl.get().verilator(), rtl.get().build(), request.log()), project, work, earlierRtl,
          digests, failures);
      rtlFailed = failures.size() > before;
      if (outcome == null && rtlReport != null) {
        outcome = new TestResult.ModelOutcome(project.manifest().name(), rtlReport.vectors(),
            rtlReport.mismatches().count(), ModelReport.file(work));
      }
    }
    digests.save();
    probe.filesRead(project.manifest().name(), digests.filesRead());
    // after a host failure too: the vendor's verdict tells a wrong design from a wrong host model
    if (vendor.isPresent()) {
      TestResult.ModelOutcome vendorOutcome = vendorSteps(request, vendor.get(), project, work, failures);
      outcome = outcome == null ? vendorOutcome : outcome;
    }
    return new Simulated(project.manifest().name(), outcome, failures, rtlFailed);
  }

  /**
   * Whether the synthesis budgets were measured here; if not, says so or fails ({@link BudgetCheck}). Without a
   * vendor synthesis, open synthesis's counts measure them when there are any: what exceeds a budget is added to
   * {@code failures}.
   *
   * @param counts open synthesis's counts by model name; empty when it did not run
   */
  private static boolean settleBudgets(TestRequest request, Optional<HlsTool> vendor, List<Project> projects,
      Map<String, OpenSynthesisReport> counts, List<String> failures) {
    VendorSettings settings = request.vendor();
    if (projects.isEmpty() || vendor.isPresent() && settings.runsSynthesis()) {
      return BudgetCheck.measured(settings.budgets(), "the vendor's synthesis", request.log());
    }
    if (!counts.isEmpty()) {
      List<String> latencyUnknown = new ArrayList<>();
      for (Project project : projects) {
        String model = project.manifest().name();
        if (counts.containsKey(model)) {
          Long latency = OpenSynthesisStep.plannedLatency(project);
          if (latency == null) {
            latencyUnknown.add(model);
          }
          failures.addAll(OpenSynthesisBudgets.violations(settings.budgets(), model, counts.get(model), latency));
        }
      }
      if (settings.budgets().maxLatencyCycles() != null && !latencyUnknown.isEmpty()) {
        request.log().warn("maxLatencyCycles=" + settings.budgets().maxLatencyCycles() + " was not checked for "
            + String.join(", ", latencyUnknown) + ": open synthesis counts cells and has no latency, no vendor"
            + " synthesis ran, and the generated project does not describe its RTL's latency ("
            + RtlTestbench.FILE + "; generate it again with this version of sr-hls)");
      }
      return BudgetCheck.measured(settings.budgets(), "Yosys's open synthesis", request.log());
    }
    BudgetCheck.Unmeasured why = !settings.enabled() ? BudgetCheck.Unmeasured.VENDOR_SKIPPED
        : vendor.isEmpty() ? BudgetCheck.Unmeasured.NO_TOOL : BudgetCheck.Unmeasured.TEST_WITHOUT_SYNTHESIS;
    return BudgetCheck.unmeasured(settings.budgets(), why, "sr-hls:test", request.budgetScope(), request.log());
  }

  private static boolean hostRuns(TestRequest request, Project project) {
    return request.hostCsim() && project.manifest().hostSimulation();
  }

  /** The host simulation of one model, unless it is up to date; what fails is added to {@code failures}. */
  private static TestResult.ModelOutcome hostSimulation(TestRequest request, HostSimulator simulator,
      String toolchain, Project project, Path work, FileDigests digests, List<String> failures) {
    BuildLog log = request.log();
    String name = project.manifest().name();
    long start = System.nanoTime();
    Path reportFile = ModelReport.file(work);
    Path stateFile = work.resolve(STATE_FILE);
    try {
      String key = Fingerprint.start().text("toolchain", toolchain).tree("project", project.directory(), digests)
          .done();
      SimulationReport earlier = passedBefore(stateFile, key, work);
      if (earlier != null) {
        junit(request, CsimSuites.of(project.manifest(), earlier, null));
        log.info(name + ": up to date, not simulated again (the generated project, compiler and flags are "
            + "unchanged since it passed with " + earlier.vectors() + " vectors)");
        return new TestResult.ModelOutcome(name, earlier.vectors(), 0, reportFile);
      }
      StepState.forget(stateFile);
      ModelReport.delete(work);
      SimulationResult result = simulator.simulate(project.directory(), project.manifest(), work);
      SimulationReport report = SimulationReport.of(project.manifest(), result);
      ModelReport.of(project.manifest(), project.directory()).withHost(report).write(work);
      junit(request, CsimSuites.of(project.manifest(), report, report.mismatches().count() == 0 ? null
          : inputs(project, report)));
      if (report.passed()) {
        new StepState(key, null).write(stateFile);
        log.info(name + ": " + report.vectors() + " vectors match bit for bit (" + seconds(start) + ")");
      } else {
        report.failures().forEach(f -> log.warn(name + ": " + f));
        failures.add(name + ": " + String.join("; ", report.failures()) + " (report: " + reportFile + ")");
      }
      return new TestResult.ModelOutcome(name, report.vectors(), report.mismatches().count(), reportFile);
    } catch (SrHlsException e) {
      log.warn(name + ": " + e.getMessage());
      failures.add(name + ": " + e.getMessage());
      junit(request, CsimSuites.notRun(project.manifest(), e.getMessage(), (System.nanoTime() - start) / 1e9));
      return null;
    }
  }

  private static boolean hasRtl(Project project) {
    return Files.isRegularFile(project.directory().resolve(RtlTestbench.FILE));
  }

  /**
   * The RTL simulator when some project has RTL and it is to be simulated; empty when none is, or when Verilator
   * is not found and not required (then the build says so, once).
   *
   * @throws SrHlsException when Verilator is required and not found, or the configured one is no Verilator
   */
  private Optional<RtlSimulator> rtlSimulator(TestRequest request, List<Project> projects) {
    if (request.rtlSimulation() == RtlSimulation.OFF || projects.stream().noneMatch(TestOrchestrator::hasRtl)) {
      return Optional.empty();
    }
    BuildLog log = request.log();
    Optional<Verilator> verilator = Verilator.locate(request.verilator(), environment, new ToolRunner(log));
    if (verilator.isEmpty()) {
      String hint = "install it (Debian, Ubuntu: apt-get install verilator) or give its path with the verilator "
          + "parameter (-Dsr-hls.verilator)";
      if (request.rtlSimulation() == RtlSimulation.REQUIRED) {
        throw new SrHlsException("the RTL simulation is required (rtlSimulation=required) but Verilator was not "
            + "found on the PATH: " + hint);
      }
      log.infoOncePerBuild("Verilator was not found on the PATH, so the generated RTL is not simulated; " + hint
          + ", or set -Dsr-hls.rtlSimulation=required to make this an error");
      return Optional.empty();
    }
    SimulatorBuild build = new SimulatorBuild(HostCompiler.locate(request.compiler(), environment).command(),
        verilatorCache(request, environment), true, request.timeout());
    return Optional.of(new RtlSimulator(verilator.get(), build, log));
  }

  /**
   * Where Verilator's run-time library is kept: the request's directory (a relative one from the project directory,
   * inside it), none for {@code none}, else the user's cache directory.
   */
  static Optional<Path> verilatorCache(TestRequest request, Map<String, String> environment) {
    String asked = request.verilatorCache();
    if (asked == null) {
      return Optional.of(SimulatorBuild.defaultRuntimeCache(environment, System.getProperty("user.home")));
    }
    if (asked.equals("none")) {
      return Optional.empty();
    }
    Path given;
    try {
      given = Path.of(asked);
    } catch (InvalidPathException e) {
      throw new SrHlsException("verilatorCache '" + asked + "' is not a path: " + e.getReason() + "; give a "
          + "directory, or none (-Dsr-hls.verilatorCache)");
    }
    if (given.isAbsolute()) {
      return Optional.of(given.normalize());
    }
    Path project = request.projectDirectory().toAbsolutePath().normalize();
    Path resolved = project.resolve(given).normalize();
    if (!resolved.startsWith(project)) {
      throw new SrHlsException("verilatorCache '" + asked + "' leads outside the project directory " + project
          + "; give a directory inside it, an absolute path, or none (-Dsr-hls.verilatorCache)");
    }
    return Optional.of(resolved);
  }

  /**
   * The RTL simulation of one model, unless it is up to date; what fails is added to {@code failures}.
   *
   * @param earlier the RTL section of the report of the last run, null when there is none
   * @return the section written into report.json; null when the simulation could not run
   */
  private static RtlReport rtlSimulation(TestRequest request, RtlSimulator simulator, Project project, Path work,
      RtlReport earlier, FileDigests digests, List<String> failures) {
    BuildLog log = request.log();
    String name = project.manifest().name();
    long start = System.nanoTime();
    Path stateFile = work.resolve(RTL_STATE_FILE);
    try {
      RtlTestbench testbench = RtlTestbench.read(project.directory()).orElseThrow();
      String key = rtlKey(simulator.verilator(), testbench, project.directory(), digests);
      StepState state = StepState.read(stateFile);
      if (state != null && state.key().equals(key) && earlier != null && earlier.passed()) {
        ModelReport.addRtl(work, project.manifest(), earlier);
        junit(request, RtlSuites.of(project.manifest(), earlier));
        log.info(name + ": RTL up to date, not simulated again (the RTL, its test vectors and Verilator are "
            + "unchanged since it passed with " + earlier.vectors() + " vectors)");
        return earlier;
      }
      StepState.forget(stateFile);
      RtlResult result = simulator.simulate(project.directory(), project.manifest(), testbench, work);
      RtlReport report = RtlReport.of(result);
      ModelReport.addRtl(work, project.manifest(), report);
      junit(request, RtlSuites.of(project.manifest(), report));
      if (report.passed()) {
        new StepState(key, null).write(stateFile);
        log.info(name + ": RTL simulation with " + report.version() + ": " + report.vectors() + " vectors match "
            + "bit for bit; latency " + report.latencyCycles() + " cycles (" + report.latencyNs() + " ns), "
            + "initiation interval 1 (" + seconds(start) + ")");
      } else {
        report.failures().forEach(f -> log.warn(name + ": RTL: " + f));
        failures.add(name + ": RTL simulation: " + String.join("; ", report.failures()) + " (report: "
            + ModelReport.file(work) + ")");
      }
      return report;
    } catch (SrHlsException e) {
      log.warn(name + ": " + e.getMessage());
      failures.add(name + ": " + e.getMessage());
      ModelReport.removeRtl(work);
      junit(request, RtlSuites.notRun(project.manifest(), e.getMessage(), (System.nanoTime() - start) / 1e9));
      return null;
    }
  }

  /**
   * What the RTL simulation depends on: Verilator (its path and version), the driver sr-hls writes for these
   * ports, the Verilog and the RTL description ({@code rtl/}), and the test vectors with their expected outputs
   * (decimal, and binary where the project has them).
   */
  private static String rtlKey(Verilator verilator, RtlTestbench testbench, Path project, FileDigests digests) {
    List<Port> in = testbench.inputs().stream().map(p -> new Port(p.name(), p.fixedType().width())).toList();
    List<Port> out = testbench.outputs().stream().map(p -> new Port(p.name(), p.fixedType().width())).toList();
    Fingerprint key = Fingerprint.start().text("verilator", verilator.program() + "\u0000" + verilator.version())
        .text("driver", VerilatorDriver.source(testbench.top(), in, out))
        .tree("rtl", project.resolve(RtlSimulator.DIRECTORY), digests)
        .file("inputs", project.resolve(TestbenchData.INPUTS), digests)
        .file("expected", project.resolve(TestbenchData.EXPECTED), digests);
    // the binary files, when there are, are what the simulation reads
    for (String binary : List.of(TestbenchData.INPUTS_BINARY, TestbenchData.EXPECTED_BINARY)) {
      if (Files.isRegularFile(project.resolve(binary))) {
        key.file(binary, project.resolve(binary), digests);
      }
    }
    return key.done();
  }

  /** The vendor tool's steps for one model; the outcome of its C simulation, when it got that far. */
  private static TestResult.ModelOutcome vendorSteps(TestRequest request, HlsTool tool, Project project, Path work,
      List<String> failures) {
    BuildLog log = request.log();
    String name = project.manifest().name();
    try {
      VendorBuild.Result result =
          new VendorBuild(tool, request.vendor(), log).test(project.directory(), project.manifest(), work);
      ModelReport.addVendor(work, project.manifest(), result.report());
      result.failures().forEach(log::warn);
      failures.addAll(result.failures());
      VendorReport.Step<VendorReport.CsimResult> csim = result.report().csim();
      if (csim == null || csim.result() == null) {
        return null;
      }
      return new TestResult.ModelOutcome(name, csim.result().vectors(), csim.result().mismatches(),
          ModelReport.file(work));
    } catch (SrHlsException e) {
      log.warn(name + ": " + e.getMessage());
      failures.add(name + ": " + e.getMessage());
      return null;
    }
  }

  /** The report of the last run when it passed with the same key; null when the model must be simulated. */
  private static SimulationReport passedBefore(Path stateFile, String key, Path work) {
    StepState state = StepState.read(stateFile);
    if (state == null || !state.key().equals(key)) {
      return null;
    }
    return ModelReport.readIfValid(work).map(ModelReport::host).filter(SimulationReport::passed).orElse(null);
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

  /**
   * The test inputs, shown with mismatching vectors; null when they cannot be read (they are only an aid). From
   * the binary file, only the vectors shown are read (the others stay null), however many vectors there are.
   */
  private static double[][] inputs(Project project, SimulationReport report) {
    int width = project.manifest().inputs().size();
    try {
      Path binary = project.directory().resolve(TestbenchData.INPUTS_BINARY);
      if (Files.isRegularFile(binary)) {
        List<SimulationResult.Mismatch> shown = report.mismatches().first();
        try (BinaryVectors.Reader reader = BinaryVectors.Reader.open(binary, width, "input")) {
          int last = shown.stream().mapToInt(SimulationResult.Mismatch::vector).max().orElse(-1);
          double[][] rows = new double[(int) Math.min(last + 1, reader.vectors())][];
          for (SimulationResult.Mismatch m : shown) {
            if (m.vector() < rows.length) {
              rows[m.vector()] = reader.vector(m.vector());
            }
          }
          return rows;
        }
      }
      Path file = project.directory().resolve(TestbenchData.INPUTS);
      return TestbenchData.read(file, width, "input").vectors().toArray(double[][]::new);
    } catch (SrHlsException | UncheckedIOException e) {
      return null;
    }
  }
}
