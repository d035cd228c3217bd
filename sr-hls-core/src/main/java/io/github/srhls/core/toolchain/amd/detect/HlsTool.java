package io.github.srhls.core.toolchain.amd.detect;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An AMD HLS installation that was found and will be used.
 *
 * @param flow how it is driven
 * @param version the release, as the tool printed it
 * @param program {@code vivado_hls} or {@code vitis_hls} for the Tcl flows, {@code v++} for the unified flow
 * @param vitisRun {@code vitis-run} beside {@code v++} for the unified flow; null for the Tcl flows
 * @param foundBy how it was found, for the log: {@code the hlsTool parameter}, {@code XILINX_HLS}, ...
 */
public record HlsTool(VendorFlow flow, HlsVersion version, Path program, Path vitisRun, String foundBy) {

  public HlsTool {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(foundBy, "foundBy");
    if ((flow == VendorFlow.VITIS_UNIFIED) != (vitisRun != null)) {
      throw new IllegalArgumentException("vitis-run is needed by, and only by, the unified flow");
    }
  }

  /** The one line that says which tool is used, where it is and how it was found. */
  public String describe() {
    String where = flow == VendorFlow.VITIS_UNIFIED ? program + " and " + vitisRun : program.toString();
    return "AMD " + flow.product() + " " + version + " at " + where + " (found through " + foundBy + "), "
        + flow.description();
  }
}
