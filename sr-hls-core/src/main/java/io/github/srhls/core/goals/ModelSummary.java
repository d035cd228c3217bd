package io.github.srhls.core.goals;

import io.github.srhls.core.diag.Decimal;
import io.github.srhls.core.project.ProjectManifest;
import io.github.srhls.core.report.SimulationReport;
import io.github.srhls.core.simulation.host.SimulationResult.ErrorStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The few lines that end each model's build in the log: how it was tested, how close it is to the expressions,
 * and where its zip is, and what it holds. Latency and resources join them once a vendor synthesis reports them.
 */
final class ModelSummary {
  /** Outputs listed one per line; more are counted, to keep the summary on one screen. */
  static final int OUTPUTS_SHOWN = 8;

  private ModelSummary() {}

  /**
   * @param report the host simulation's report, or null when {@code sr-hls:test} did not run
   * @param zipBytes the zip's size
   * @param vendorIp whether the zip holds the vendor's IP under {@code ip/}; only then is it called an IP zip
   */
  static List<String> lines(ProjectManifest manifest, SimulationReport report, PackagedModel zip, long zipBytes,
      boolean vendorIp) {
    List<String> lines = new ArrayList<>();
    lines.add("---- " + manifest.name() + " " + manifest.version() + " ----");
    if (report == null) {
      lines.add("  simulated   no: sr-hls:test did not run (" + manifest.vectors() + " test vectors generated)");
    } else {
      lines.add("  simulated   " + report.vectors() + " vectors, " + (report.mismatches().count() == 0
          ? "every output bit-accurate" : report.mismatches().count() + " values differ from the expectation"));
      if (!report.passed()) {
        lines.add("  FAILED      " + String.join("; ", report.failures()));
      }
      lines.add("  vs float64  largest (mean) absolute error of each output:");
      int shown = 0;
      int width = manifest.outputs().stream().mapToInt(String::length).max().orElse(0);
      for (Map.Entry<String, ErrorStats> e : report.errorVsFloat64().entrySet()) {
        if (shown++ == OUTPUTS_SHOWN) {
          lines.add("              ... and " + (report.errorVsFloat64().size() - OUTPUTS_SHOWN)
              + " more outputs in report.json");
          break;
        }
        lines.add(String.format(Locale.ROOT, "              %-" + width + "s  %.3g (%.3g)", e.getKey(),
            e.getValue().maxAbsError(), e.getValue().meanAbsError()));
      }
      lines.add("  tolerance   " + (report.tolerance() == null ? "not set" : tolerance(report)));
      if (report.classAgreement() != null) {
        lines.add(String.format(Locale.ROOT, "  classes     %.2f%% of the vectors have the same largest output as in"
            + " float64", 100 * report.classAgreement()));
      }
    }
    lines.add("  overflows   " + overflows(manifest.overflows()));
    lines.add(String.format(Locale.ROOT, "  zip         %s (%.1f kB, classifier %s; %s)", zip.zip().normalize(),
        zipBytes / 1000.0, zip.classifier(),
        vendorIp ? "IP zip: the vendor's IP under ip/, the HLS project and its report" : "firmware zip: the HLS"
            + " project and its report, no vendor IP"));
    return lines;
  }

  /** {@code none}, or the total and the worst few nodes: {@code 14 on the test vectors: t3 12, y 2}. */
  private static String overflows(Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return "none on the test vectors";
    }
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    List<String> worst = counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(4).map(e -> e.getKey() + " " + e.getValue()).toList();
    return total + " on the test vectors: " + String.join(", ", worst) + (counts.size() > 4 ? ", ..." : "")
        + " (widen the types; see report.json)";
  }

  /** Whether every output met the tolerance; if not, by how much, in digits a reader takes in. */
  private static String tolerance(SimulationReport report) {
    double tolerance = report.tolerance();
    double worst = report.errorVsFloat64().values().stream().mapToDouble(ErrorStats::maxAbsError)
        .reduce(0, (a, b) -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b));
    return Decimal.brief(tolerance) + (report.errorVsFloat64().values().stream().allMatch(s -> s.within(tolerance))
        ? ", met by every output" : ", exceeded (errors up to " + Decimal.brief(worst) + ")");
  }
}
