package io.github.srhls.core.report;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.project.ProjectManifest;
import io.github.srhls.core.simulation.host.SimulationResult;
import io.github.srhls.core.simulation.host.SimulationResult.ErrorStats;
import io.github.srhls.core.simulation.host.SimulationResult.Mismatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The host C simulation of one model as a test suite {@code sr-hls.<model>}: one case per output, failing when a
 * value of that output differs from the bit-accurate expectation (the detail lists the first such vectors with
 * their inputs) or when the output is further from the float64 reference than the model's tolerance.
 */
public final class CsimSuites {

  /** Suite names, and so file names, start with this; files with it in the reports directory are ours. */
  public static final String PREFIX = "sr-hls.";

  /** The case added when the model failed for a reason no output case shows (the testbench crashed). */
  public static final String TESTBENCH_CASE = "testbench";

  private CsimSuites() {}

  public static String suiteName(String model) {
    return PREFIX + model;
  }

  /**
   * @param inputs the test vectors' inputs, to show with mismatching vectors; null to leave them out
   */
  public static TestSuite of(ProjectManifest manifest, SimulationReport report, double[][] inputs) {
    String suite = suiteName(manifest.name());
    List<TestCase> cases = new ArrayList<>();
    boolean anOutputFailed = false;
    for (String output : manifest.outputs()) {
      Outcome outcome = outputOutcome(manifest, report, output, inputs);
      anOutputFailed |= outcome instanceof Outcome.Failed;
      cases.add(new TestCase(suite, output, 0, outcome));
    }
    if (!report.passed() && !anOutputFailed) {
      cases.add(new TestCase(suite, TESTBENCH_CASE, 0, new Outcome.Failed("sr-hls.testbench",
          report.failures().isEmpty() ? "the simulation failed" : report.failures().get(0),
          String.join("\n", report.failures()))));
    }
    SimulationResult.Timings t = report.timings();
    double seconds = t == null ? 0 : (t.compileMillis() + t.runMillis()) / 1000.0;
    return new TestSuite(suite, seconds, properties(manifest), cases);
  }

  /** The simulation could not run (the project does not compile, a step timed out): every output errors. */
  public static TestSuite notRun(ProjectManifest manifest, String reason, double seconds) {
    String suite = suiteName(manifest.name());
    return new TestSuite(suite, seconds, properties(manifest),
        OutputCases.errored(suite, manifest, "sr-hls.error", reason, "the host simulation could not run"));
  }

  /** The model is not simulated on the host (it needs the vendor's tools): every output is skipped. */
  public static TestSuite skipped(ProjectManifest manifest, String reason) {
    String suite = suiteName(manifest.name());
    return new TestSuite(suite, 0, properties(manifest), OutputCases.skipped(suite, manifest, reason));
  }

  /**
   * Deletes this plugin's report files (host and RTL suites) of models that are not listed (a model was removed or
   * renamed), leaving every other file of the directory alone.
   */
  public static void removeStale(Path reportsDirectory, Collection<String> models) {
    if (!Files.isDirectory(reportsDirectory)) {
      return;
    }
    // a current model's RTL suite (sr-hls.rtl.<model>) is kept too: the RTL step replaces or removes it
    List<String> current = models.stream()
        .flatMap(m -> Stream.of(JUnitXml.fileName(suiteName(m)), JUnitXml.fileName(RtlSuites.suiteName(m))))
        .toList();
    try (Stream<Path> files = Files.list(reportsDirectory)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith("TEST-" + PREFIX) && name.endsWith(".xml") && !current.contains(name)) {
          Files.delete(f);
        }
      }
    } catch (IOException e) {
      throw new SrHlsException("cannot remove old test reports from " + reportsDirectory + ": " + e.getMessage(), e);
    }
  }

  private static Outcome outputOutcome(ProjectManifest manifest, SimulationReport report, String output,
      double[][] inputs) {
    int mismatches = report.mismatches().byOutput().getOrDefault(output, 0);
    ErrorStats error = report.errorVsFloat64().get(output);
    Double tolerance = report.tolerance();
    // written so that a NaN error counts as above the tolerance, as the simulator judges it
    boolean aboveTolerance = tolerance != null && error != null && !error.within(tolerance);
    if (mismatches == 0 && !aboveTolerance) {
      return new Outcome.Passed();
    }
    List<String> message = new ArrayList<>();
    StringBuilder detail = new StringBuilder();
    if (mismatches > 0) {
      message.add(mismatches + " of " + report.vectors() + " values differ from the bit-accurate expectation");
      detail.append("First mismatching vectors (counted from 0, as the lines of tb_data/*.dat):\n");
      List<Mismatch> shown = report.mismatches().first().stream().filter(m -> m.output().equals(output)).toList();
      for (Mismatch m : shown) {
        detail.append("  vector ").append(m.vector());
        if (inputs != null && m.vector() < inputs.length) {
          detail.append(" (").append(inputsText(manifest.inputs(), inputs[m.vector()])).append(')');
        }
        detail.append(": expected ").append(m.expected()).append(", got ").append(m.actual()).append('\n');
      }
      if (mismatches > shown.size()) {
        detail.append("  ... and ").append(mismatches - shown.size()).append(" more\n");
      }
    }
    if (aboveTolerance) {
      message.add(error.aboveTolerance(tolerance));
    }
    if (error != null) {
      detail.append("Absolute error against the float64 reference: max ").append(error.maxAbsError())
          .append(", mean ").append(error.meanAbsError())
          .append(tolerance == null ? "" : "; tolerance " + tolerance).append('\n');
    }
    return new Outcome.Failed(mismatches > 0 ? "sr-hls.mismatch" : "sr-hls.tolerance",
        output + ": " + String.join("; ", message), detail.toString());
  }

  private static String inputsText(List<String> names, double[] values) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      parts.add((i < names.size() ? names.get(i) : "x" + i) + "=" + values[i]);
    }
    return String.join(", ", parts);
  }

  private static Map<String, String> properties(ProjectManifest manifest) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("sr-hls.model", manifest.name());
    p.put("sr-hls.version", manifest.version());
    p.put("sr-hls.digest", manifest.digest());
    p.put("sr-hls.vectors", Integer.toString(manifest.vectors()));
    if (manifest.tolerance() != null) {
      p.put("sr-hls.tolerance", manifest.tolerance().toString());
    }
    return p;
  }
}
