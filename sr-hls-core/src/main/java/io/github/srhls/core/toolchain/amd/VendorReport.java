package io.github.srhls.core.toolchain.amd;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.srhls.core.toolchain.amd.detect.HlsTool;
import io.github.srhls.core.toolchain.amd.reports.CosimReport;
import io.github.srhls.core.toolchain.amd.reports.CsynthReport;
import java.util.List;
import java.util.Objects;

/**
 * What the vendor tool found for one model: the {@code vendor} section of report.json, and the state kept beside
 * the tool's project ({@code <work>/vendor/vendor-report.json}) so a later goal can reuse an up-to-date synthesis.
 * A step that has not run is null.
 *
 * @param tool the flow's key ({@code vitis-hls}, {@code vivado-hls}, {@code vitis-unified})
 * @param version the tool's release
 * @param digest the generated project's digest the steps ran on
 */
@JsonPropertyOrder({"tool", "version", "digest", "csim", "csynth", "cosim", "export"})
public record VendorReport(
    String tool,
    String version,
    String digest,
    Step<CsimResult> csim,
    Step<CsynthResult> csynth,
    Step<CosimReport> cosim,
    Step<IpExport> export) {

  public VendorReport {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(digest, "digest");
  }

  static VendorReport empty(HlsTool tool, String digest) {
    return new VendorReport(tool.flow().key(), tool.version().toString(), digest, null, null, null, null);
  }

  /** Whether it was made by the same tool on the same generated project, so its steps still hold. */
  boolean matches(HlsTool tool, String digest) {
    return this.tool.equals(tool.flow().key()) && version.equals(tool.version().toString())
        && this.digest.equals(digest);
  }

  VendorReport withCsim(Step<CsimResult> step) {
    return new VendorReport(tool, version, digest, step, csynth, cosim, export);
  }

  /** A new synthesis makes an earlier co-simulation and export stale. */
  VendorReport withCsynth(Step<CsynthResult> step) {
    return new VendorReport(tool, version, digest, csim, step, null, null);
  }

  /** The same synthesis with the budgets checked again: what followed it still holds. */
  VendorReport withBudgetsChecked(Step<CsynthResult> step) {
    return new VendorReport(tool, version, digest, csim, step, cosim, export);
  }

  VendorReport withCosim(Step<CosimReport> step) {
    return new VendorReport(tool, version, digest, csim, csynth, step, export);
  }

  VendorReport withExport(Step<IpExport> step) {
    return new VendorReport(tool, version, digest, csim, csynth, cosim, step);
  }

  /**
   * One step's outcome.
   *
   * @param passed whether the step passed (tool output, reports and budgets)
   * @param result what it produced; null when it produced nothing readable
   * @param failures why it failed; empty when it passed
   * @param millis how long the tool ran; 0 when read from the packaged copy of report.json, which leaves it out
   */
  @JsonPropertyOrder({"passed", "result", "failures", "millis"})
  public record Step<T>(boolean passed, T result, List<String> failures, long millis) {
    public Step {
      failures = List.copyOf(failures);
    }
  }

  /**
   * @param vectors test vectors the testbench simulated (from its summary line)
   * @param mismatches output values that differ from the bit-accurate expectation
   */
  @JsonPropertyOrder({"vectors", "mismatches"})
  public record CsimResult(int vectors, int mismatches) {}

  /**
   * @param report the synthesis estimates
   * @param budgetViolations budgets the estimates exceed
   */
  @JsonPropertyOrder({"report", "budgetViolations"})
  public record CsynthResult(CsynthReport report, List<String> budgetViolations) {
    public CsynthResult {
      budgetViolations = List.copyOf(budgetViolations);
    }
  }

  /**
   * @param file the IP zip's name, as the tool wrote it; it is put under {@code ip/} in the attached zip
   * @param sha256 of the IP zip
   */
  @JsonPropertyOrder({"file", "sha256"})
  public record IpExport(String file, String sha256) {}
}
