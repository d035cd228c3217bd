package io.github.srhls.core.toolchain.amd;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.incremental.Sha256;
import io.github.srhls.core.process.Executables;
import io.github.srhls.core.process.ToolInvocation;
import io.github.srhls.core.process.ToolResult;
import io.github.srhls.core.process.ToolRunner;
import io.github.srhls.core.project.ProjectManifest;
import io.github.srhls.core.toolchain.amd.VendorReport.CsimResult;
import io.github.srhls.core.toolchain.amd.VendorReport.CsynthResult;
import io.github.srhls.core.toolchain.amd.VendorReport.IpExport;
import io.github.srhls.core.toolchain.amd.VendorReport.Step;
import io.github.srhls.core.toolchain.amd.detect.HlsTool;
import io.github.srhls.core.toolchain.amd.reports.CosimReport;
import io.github.srhls.core.toolchain.amd.reports.CosimRpt;
import io.github.srhls.core.toolchain.amd.reports.CsynthReport;
import io.github.srhls.core.toolchain.amd.reports.CsynthXml;
import io.github.srhls.core.toolchain.amd.reports.SynthesisSummary;
import io.github.srhls.core.toolchain.amd.reports.ToolLog;
import io.github.srhls.core.toolchain.amd.scripts.HlsScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the vendor steps for one model in its {@link VendorWorkspace} and judges each from what the tool printed
 * and wrote: the error lines, the C simulation and co-simulation verdict lines, the testbench's summary line and
 * the report files. The exit status is checked too, but a zero one proves nothing (the tools have been seen
 * exiting with 0 after an error). Results go into the workspace's state and are returned as a {@link VendorReport};
 * the report package puts that into the model's report.json.
 */
public final class VendorBuild {

  private final HlsTool tool;
  private final VendorSettings settings;
  private final BuildLog log;
  private final ToolRunner runner;

  public VendorBuild(HlsTool tool, VendorSettings settings, BuildLog log) {
    this.tool = tool;
    this.settings = settings;
    this.log = log;
    this.runner = new ToolRunner(log);
  }

  /**
   * {@code sr-hls:test}: the C simulation, then synthesis and co-simulation when asked for. A step runs only when
   * the ones before it passed (a synthesis over budget still gets its co-simulation).
   *
   * @param project the generated project
   * @param work the model's work directory ({@code <workDirectory>/<name>})
   * @return the steps' results, and what failed
   */
  public Result test(Path project, ProjectManifest manifest, Path work) {
    VendorWorkspace ws = VendorWorkspace.open(project, manifest.digest(), work, tool, log);
    VendorStepKeys keys = VendorStepKeys.of(project, tool, settings.environment(), ws.dir());
    VendorReport report = ws.state();
    String name = manifest.name();
    List<String> failures = new ArrayList<>();
    try {
      if (settings.csim()) {
        Step<CsimResult> csim = reusedOrRun(ws, keys, name, VendorStep.CSIM, report.csim(),
            () -> csim(ws, manifest), report::withCsim);
        report = report.withCsim(csim);
        failures.addAll(csim.failures());
      }
      if (settings.runsSynthesis() && failures.isEmpty()) {
        report = synthesis(ws, keys, report, manifest, () -> upToDate(name, VendorStep.CSYNTH));
        Step<CsynthResult> csynth = report.csynth();
        failures.addAll(csynth.failures());
        if (settings.cosim() && onlyOverBudget(csynth)) {
          Step<CosimReport> cosim = reusedOrRun(ws, keys, name, VendorStep.COSIM, report.cosim(),
              () -> cosim(ws, manifest), report::withCosim);
          report = report.withCosim(cosim);
          failures.addAll(cosim.failures());
        }
      }
    } finally {
      ws.save(report);
    }
    return new Result(report, named(name, failures));
  }

  /**
   * What the test goal's vendor steps found.
   *
   * @param report every step's outcome, as in report.json
   * @param failures what failed, one message per problem, starting with the model's name; empty when every step
   *     passed
   */
  public record Result(VendorReport report, List<String> failures) {
    public Result {
      failures = List.copyOf(failures);
    }
  }

  /**
   * {@code sr-hls:package}: the IP export, after a synthesis unless an earlier one of the same generated project
   * with the same tool is still there.
   *
   * @return the steps' results and the IP zip, or what failed: the synthesis, the export, or a budget
   */
  public Export export(Path project, ProjectManifest manifest, Path work) {
    return export(project, manifest, work, ip -> { });
  }

  /**
   * As {@link #export(Path, ProjectManifest, Path)}, with a check of the IP zip the tool wrote: a zip it refuses
   * (with an {@link SrHlsException}) fails the export step, so its key is never recorded and the next build exports
   * again instead of taking the refused zip as up to date.
   */
  public Export export(Path project, ProjectManifest manifest, Path work, Consumer<Path> ipCheck) {
    VendorWorkspace ws = VendorWorkspace.open(project, manifest.digest(), work, tool, log);
    VendorStepKeys keys = VendorStepKeys.of(project, tool, settings.environment(), ws.dir());
    VendorReport report = ws.state();
    String name = manifest.name();
    try {
      report = synthesis(ws, keys, report, manifest, () -> log.info(name + ": reusing the synthesis in "
          + ws.dir().resolve(HlsScripts.WORK) + " (same generated project, same tool)"));
      Step<CsynthResult> csynth = report.csynth();
      if (!csynth.passed()) {
        return new Export(report, null, named(name, csynth.failures()));
      }
      String zipName = expectedZipName(ws);
      Optional<Path> exported = reusableExport(ws, keys, report, zipName);
      if (exported.isPresent()) {
        ipCheck.accept(exported.get());
        upToDate(name, VendorStep.EXPORT);
        return new Export(report, exported.get(), List.of());
      }
      keys.forget(VendorStep.EXPORT);
      ws.deleteOutputs(zipName);
      Run run = run(ws, VendorStep.EXPORT, name);
      List<String> failures = new ArrayList<>(run.problems());
      List<Path> zips = ws.outputs(zipName);
      IpExport ip = null;
      if (zips.isEmpty()) {
        failures.add("it wrote no " + zipName + "; " + logHint(ws, VendorStep.EXPORT));
      } else {
        ip = new IpExport(zipName, Sha256.ofFile(zips.get(0)));
        try {
          ipCheck.accept(zips.get(0));
          log.info(name + ": IP exported to " + zips.get(0));
        } catch (SrHlsException e) {
          failures.add(e.getMessage());
        }
      }
      report = report.withExport(step(VendorStep.EXPORT, ip, failures, run.millis()));
      if (!failures.isEmpty()) {
        return new Export(report, null, named(name, prefixed(VendorStep.EXPORT, failures)));
      }
      promote(ws, keys, report, VendorStep.EXPORT, ip.sha256());
      return new Export(report, zips.get(0), List.of());
    } finally {
      ws.save(report);
    }
  }

  /**
   * The step's result of an earlier build when it passed with this build's key; otherwise the step runs, and its
   * key is recorded when it passed.
   *
   * @param withStep the report with a result of this step in it, as it is saved when the key is recorded
   */
  private <T> Step<T> reusedOrRun(VendorWorkspace ws, VendorStepKeys keys, String name, VendorStep step,
      Step<T> kept, Supplier<Step<T>> run, Function<Step<T>, VendorReport> withStep) {
    if (passed(kept) && keys.upToDate(step)) {
      upToDate(name, step);
      return kept;
    }
    keys.forget(step);
    Step<T> ran = run.get();
    if (ran.passed()) {
      promote(ws, keys, withStep.apply(ran), step, null);
    }
    return ran;
  }

  /**
   * The report with the synthesis in it: the earlier build's, with the budgets checked again, where it can be reused
   * (then {@code reused} says so); otherwise a new one, whose key is recorded when only budgets failed.
   */
  private VendorReport synthesis(VendorWorkspace ws, VendorStepKeys keys, VendorReport report,
      ProjectManifest manifest, Runnable reused) {
    Step<CsynthResult> kept = reusableSynthesis(ws, keys, report, manifest.name());
    if (kept != null) {
      reused.run();
      return report.withBudgetsChecked(kept);
    }
    Step<CsynthResult> csynth = synthesise(ws, keys, manifest);
    VendorReport withCsynth = report.withCsynth(csynth);
    if (onlyOverBudget(csynth)) {
      promote(ws, keys, withCsynth, VendorStep.CSYNTH, null);
    }
    return withCsynth;
  }

  /**
   * What the package goal's vendor steps found.
   *
   * @param report every step's outcome, as in report.json
   * @param ip the IP zip the tool wrote; null when something failed
   * @param failures what failed, one message per problem, starting with the model's name; empty when the IP was
   *     exported
   */
  public record Export(VendorReport report, Path ip, List<String> failures) {
    public Export {
      failures = List.copyOf(failures);
    }
  }

  /**
   * The synthesis of an earlier build, with the budgets checked again, when its key is this build's and its report
   * is still there; null when it must run. A synthesis over budget is reused too: only the budgets changed.
   */
  private Step<CsynthResult> reusableSynthesis(VendorWorkspace ws, VendorStepKeys keys, VendorReport report,
      String name) {
    Step<CsynthResult> earlier = report.csynth();
    if (earlier == null || !onlyOverBudget(earlier) || !keys.upToDate(VendorStep.CSYNTH)
        || ws.output(name + "_csynth.xml", "syn", "report").isEmpty()) {
      return null;
    }
    return judgeBudgets(earlier.result().report(), List.of(), earlier.millis());
  }

  /** A new synthesis makes the co-simulation and export that followed the old one stale. */
  private Step<CsynthResult> synthesise(VendorWorkspace ws, VendorStepKeys keys, ProjectManifest manifest) {
    keys.forget(VendorStep.CSYNTH, VendorStep.COSIM, VendorStep.EXPORT);
    return csynth(ws, manifest);
  }

  /** The IP zip of an earlier export with this build's key, unchanged since (by its SHA-256); empty otherwise. */
  private static Optional<Path> reusableExport(VendorWorkspace ws, VendorStepKeys keys, VendorReport report,
      String zipName) {
    if (!passed(report.export()) || report.export().result() == null) {
      return Optional.empty();
    }
    String sha256 = report.export().result().sha256();
    // the first in path order, as the export took it
    Optional<Path> zip = ws.output(zipName);
    return keys.recorded(VendorStep.EXPORT)
        .filter(state -> sha256.equals(state.output()))
        .flatMap(state -> zip.filter(z -> Sha256.ofFile(z).equals(sha256)));
  }

  /** Saves the step's results first and records its key after, so a key never stands for results not kept. */
  private static void promote(VendorWorkspace ws, VendorStepKeys keys, VendorReport report, VendorStep step,
      String output) {
    ws.save(report);
    keys.record(step, output);
  }

  private static boolean passed(Step<?> step) {
    return step != null && step.passed();
  }

  private void upToDate(String model, VendorStep step) {
    log.info(model + ": vendor " + step.description() + " is up to date, not run again (the generated project, "
        + "the tool and its settings are unchanged since it succeeded)");
  }

  private Step<CsimResult> csim(VendorWorkspace ws, ProjectManifest manifest) {
    Run run = run(ws, VendorStep.CSIM, manifest.name());
    List<String> failures = new ArrayList<>(run.problems());
    Optional<Integer> errors = run.log().csimErrors();
    if (errors.isEmpty() && failures.isEmpty()) {
      failures.add("it printed no 'CSim done with 0 errors' line; " + logHint(ws, VendorStep.CSIM));
    } else if (errors.isPresent() && errors.get() > 0) {
      failures.add("it reported 'CSim done with " + errors.get() + " errors'");
    }
    CsimResult result = null;
    Optional<int[]> summary = run.log().testbenchSummary();
    if (summary.isPresent()) {
      result = new CsimResult(summary.get()[0], summary.get()[1]);
      if (result.mismatches() > 0) {
        failures.add(result.mismatches() + " output values differ from the bit-accurate expectation (the MISMATCH"
            + " lines in " + ws.logFile(VendorStep.CSIM) + " show the first)");
      }
      if (result.vectors() != manifest.vectors()) {
        failures.add("the testbench simulated " + result.vectors() + " vectors, but tb_data has "
            + manifest.vectors());
      }
    } else if (failures.isEmpty()) {
      failures.add("sr-hls's testbench printed no summary line ('sr-hls testbench: N vectors, M mismatches')");
    }
    Step<CsimResult> step = step(VendorStep.CSIM, result, failures, run.millis());
    if (step.passed()) {
      log.info(manifest.name() + ": vendor C simulation passed, " + result.vectors() + " vectors bit for bit with "
          + tool.flow().product() + " " + tool.version());
    }
    return step;
  }

  private Step<CsynthResult> csynth(VendorWorkspace ws, ProjectManifest manifest) {
    String name = manifest.name();
    String fileName = name + "_csynth.xml";
    ws.deleteOutputs(fileName, "syn", "report");
    Run run = run(ws, VendorStep.CSYNTH, name);
    List<String> failures = new ArrayList<>(run.problems());
    Optional<Path> xml = ws.output(fileName, "syn", "report");
    if (xml.isEmpty()) {
      failures.add("it wrote no syn/report/" + fileName + "; " + logHint(ws, VendorStep.CSYNTH));
      return step(VendorStep.CSYNTH, null, failures, run.millis());
    }
    CsynthReport report;
    try {
      report = CsynthXml.read(xml.get());
    } catch (SrHlsException e) {
      failures.add(e.getMessage());
      return step(VendorStep.CSYNTH, null, failures, run.millis());
    }
    SynthesisSummary.lines(name, tool, report).forEach(log::info);
    return judgeBudgets(report, prefixed(VendorStep.CSYNTH, failures), run.millis());
  }

  /** Whether the synthesis ran and wrote its report, whatever the budgets say. */
  private static boolean onlyOverBudget(Step<CsynthResult> csynth) {
    return csynth.result() != null
        && csynth.failures().size() == csynth.result().budgetViolations().size();
  }

  /** The synthesis step with the budgets checked against its report; budget messages are failures too. */
  private Step<CsynthResult> judgeBudgets(CsynthReport report, List<String> toolFailures, long millis) {
    List<String> violations = settings.budgets().violations(report);
    List<String> failures = new ArrayList<>(toolFailures);
    violations.forEach(v -> failures.add("synthesis over budget: " + v));
    return new Step<>(failures.isEmpty(), new CsynthResult(report, violations), failures, millis);
  }

  private Step<CosimReport> cosim(VendorWorkspace ws, ProjectManifest manifest) {
    String name = manifest.name();
    String fileName = name + "_cosim.rpt";
    ws.deleteOutputs(fileName, "sim", "report");
    Run run = run(ws, VendorStep.COSIM, name);
    List<String> failures = new ArrayList<>(run.problems());
    Optional<String> verdict = run.log().cosimVerdict();
    if (verdict.isEmpty() && failures.isEmpty()) {
      failures.add("it printed no '*** C/RTL co-simulation finished: PASS ***' line; "
          + logHint(ws, VendorStep.COSIM));
    } else if (verdict.isPresent() && !verdict.get().equals("PASS")) {
      failures.add("C/RTL co-simulation finished: " + verdict.get());
    }
    run.log().testbenchSummary().filter(s -> s[1] > 0).ifPresent(s -> failures.add(s[1] + " output values of the"
        + " RTL differ from the bit-accurate expectation"));
    CosimReport report = null;
    Optional<Path> rpt = ws.output(fileName, "sim", "report");
    if (rpt.isEmpty()) {
      failures.add("it wrote no sim/report/" + fileName);
    } else {
      try {
        report = CosimRpt.read(rpt.get());
        log.info(SynthesisSummary.cosimLine(name, report));
        if (!report.passed() && failures.stream().noneMatch(f -> f.contains("finished: FAIL"))) {
          failures.add(fileName + " says " + report.status() + " for " + report.rtl());
        }
      } catch (SrHlsException e) {
        failures.add(e.getMessage());
      }
    }
    return step(VendorStep.COSIM, report, failures, run.millis());
  }

  /** One tool run and what is wrong with it whatever the step: exit status, error lines, no run at all. */
  private Run run(VendorWorkspace ws, VendorStep step, String model) {
    List<String> command = step.command(tool);
    String program = Executables.name(step.program(tool));
    log.info(model + ": vendor " + step.description() + ": " + program + " "
        + String.join(" ", command.subList(1, command.size())) + " in " + ws.dir());
    Path logFile = ws.logFile(step);
    // Every line is judged as it arrives: a verdict may follow a million lines of chatter.
    ToolLog output = new ToolLog();
    ToolResult result;
    try {
      result = runner.run(ToolInvocation.of(program, command)
          .withWorkingDirectory(ws.dir())
          .withEnvironment(settings.environment())
          .withTimeout(settings.timeout())
          .withLogFile(logFile)
          .withListener(output));
    } catch (SrHlsException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw e;
      }
      // did not start, or timed out (the process tree is already stopped)
      return new Run(new ToolLog(), List.of(e.getMessage() + "; the limit is vendorTimeout"
          + " (-Dsr-hls.vendorTimeout=<seconds>); the tool's output is in " + logFile), 0);
    }
    List<String> problems = new ArrayList<>();
    if (!result.succeeded()) {
      problems.add(result.tool() + " " + (result.crashed() ? "" : "ended with ") + result.describeExit());
    }
    long errors = output.errorCount();
    if (errors > 0) {
      problems.add(result.tool() + " printed " + errors + " error line" + (errors == 1 ? "" : "s")
          + (result.succeeded() ? " (though it exited with 0)" : "") + ":" + output.quotedErrors()
          + "\n    full output: " + logFile);
    }
    return new Run(output, problems, result.duration().toMillis());
  }

  /** What a step run left to judge: the output, the problems found so far, how long it ran. */
  private record Run(ToolLog log, List<String> problems, long millis) {}

  private static <T> Step<T> step(VendorStep step, T result, List<String> failures, long millis) {
    return new Step<>(failures.isEmpty(), result, prefixed(step, failures), millis);
  }

  private static List<String> prefixed(VendorStep step, List<String> failures) {
    String prefix = "vendor " + step.description() + ": ";
    return failures.stream().map(f -> f.startsWith("vendor ") ? f : prefix + f).toList();
  }

  private static String logHint(VendorWorkspace ws, VendorStep step) {
    return "see " + ws.logFile(step);
  }

  private static List<String> named(String model, List<String> failures) {
    return failures.stream().map(f -> model + ": " + f).toList();
  }

  /** The IP zip name, as {@code package.output.file} in the generated config gives it for every flow. */
  private static String expectedZipName(VendorWorkspace ws) {
    Path config = ws.dir().resolve(HlsScripts.CONFIG);
    try {
      for (String line : Files.readAllLines(config, StandardCharsets.UTF_8)) {
        String l = line.strip();
        if (l.startsWith("package.output.file=")) {
          String value = l.substring("package.output.file=".length()).strip();
          Path file = Path.of(value).getFileName();
          if (file != null && file.toString().endsWith(".zip")) {
            return file.toString();
          }
        }
      }
    } catch (IOException e) {
      throw new SrHlsException("cannot read " + config + ": " + e.getMessage(), e);
    }
    throw new SrHlsException(config + " has no package.output.file=<name>.zip; regenerate with sr-hls:generate");
  }
}
