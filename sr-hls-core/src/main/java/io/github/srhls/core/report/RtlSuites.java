package io.github.srhls.core.report;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.project.ProjectManifest;
import io.github.srhls.core.simulation.rtl.RtlResult.Mismatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The RTL simulation of one model as a test suite {@code sr-hls.rtl.<model>}, beside the host simulation's
 * {@code sr-hls.<model>} ({@link CsimSuites}): one case per output, failing when a value of that output differs from
 * the Java model's in any bit (the detail lists the first such vectors, with values and raw bits), and a case
 * {@value #PIPELINE_CASE} when the RTL failed for a reason no output shows (its latency is not the planned one).
 */
public final class RtlSuites {

  /** Suite names start with this, after {@link CsimSuites#PREFIX}; no model name has a dot, so none collides. */
  public static final String PREFIX = CsimSuites.PREFIX + "rtl.";

  public static final String PIPELINE_CASE = "pipeline";

  private RtlSuites() {}

  public static String suiteName(String model) {
    return PREFIX + model;
  }

  public static TestSuite of(ProjectManifest manifest, RtlReport report) {
    String suite = suiteName(manifest.name());
    List<TestCase> cases = new ArrayList<>();
    boolean anOutputFailed = false;
    for (String output : manifest.outputs()) {
      int mismatches = report.mismatches().byOutput().getOrDefault(output, 0);
      Outcome outcome = new Outcome.Passed();
      if (mismatches > 0) {
        anOutputFailed = true;
        StringBuilder detail = new StringBuilder("First mismatching vectors (counted from 0, as the lines of "
            + "tb_data/*.dat):\n");
        List<Mismatch> shown = report.mismatches().first().stream().filter(m -> m.output().equals(output)).toList();
        for (Mismatch m : shown) {
          detail.append("  vector ").append(m.vector()).append(": expected ").append(m.expected()).append(" (")
              .append(m.expectedBits()).append("), got ").append(m.actual()).append(" (").append(m.actualBits())
              .append(")\n");
        }
        if (mismatches > shown.size()) {
          detail.append("  ... and ").append(mismatches - shown.size()).append(" more\n");
        }
        outcome = new Outcome.Failed("sr-hls.rtl.mismatch", output + ": " + mismatches + " of " + report.vectors()
            + " values of the RTL differ from the Java model's", detail.toString());
      }
      cases.add(new TestCase(suite, output, 0, outcome));
    }
    if (!report.passed() && !anOutputFailed) {
      cases.add(new TestCase(suite, PIPELINE_CASE, 0, new Outcome.Failed("sr-hls.rtl.pipeline",
          report.failures().isEmpty() ? "the RTL simulation failed" : report.failures().get(0),
          String.join("\n", report.failures()))));
    }
    double seconds = report.timings() == null ? 0
        : (report.timings().buildMillis() + report.timings().runMillis()) / 1000.0;
    Map<String, String> p = properties(manifest);
    p.put("sr-hls.rtl.simulator", report.version());
    p.put("sr-hls.rtl.latencyCycles", Integer.toString(report.latencyCycles()));
    p.put("sr-hls.rtl.latencyNs", String.format(Locale.ROOT, "%s", report.latencyNs()));
    p.put("sr-hls.rtl.initiationInterval", Integer.toString(report.initiationInterval()));
    return new TestSuite(suite, seconds, p, cases);
  }

  /** The RTL could not be simulated (Verilator failed, printed errors or timed out): every output errors. */
  public static TestSuite notRun(ProjectManifest manifest, String reason, double seconds) {
    String suite = suiteName(manifest.name());
    return new TestSuite(suite, seconds, properties(manifest),
        OutputCases.errored(suite, manifest, "sr-hls.rtl.error", reason, "the RTL simulation could not run"));
  }

  /** The RTL is not simulated in this build (no Verilator): every output is skipped. */
  public static TestSuite skipped(ProjectManifest manifest, String reason) {
    String suite = suiteName(manifest.name());
    return new TestSuite(suite, 0, properties(manifest), OutputCases.skipped(suite, manifest, reason));
  }

  /** Deletes the model's RTL suite file, when the RTL is not simulated at all (turned off, or no RTL). */
  public static void remove(Path reportsDirectory, String model) {
    Path file = reportsDirectory.resolve(JUnitXml.fileName(suiteName(model)));
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new SrHlsException("cannot remove the old test report " + file + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, String> properties(ProjectManifest manifest) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("sr-hls.model", manifest.name());
    p.put("sr-hls.version", manifest.version());
    p.put("sr-hls.digest", manifest.digest());
    p.put("sr-hls.vectors", Integer.toString(manifest.vectors()));
    return p;
  }
}
