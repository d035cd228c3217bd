package io.github.srhls.plugin;

import io.github.srhls.core.toolchain.amd.VendorSettings;
import io.github.srhls.core.toolchain.amd.detect.ToolchainEntry;
import io.github.srhls.core.toolchain.amd.reports.Budgets;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The abstract base of the goals that drive a vendor HLS tool ({@code test} and {@code package}), with what they
 * share: how the tool is found, its time limit and the synthesis budgets.
 */
abstract class AbstractVendorMojo extends AbstractSrHlsMojo {

  /**
   * The AMD HLS tool: the path of {@code vitis_hls}, {@code vivado_hls} or {@code v++}, an installation directory
   * ({@code /tools/Xilinx/Vitis_HLS/2023.1}) or a program name on the PATH. Unset means: a toolchain of type
   * {@code hls} in toolchains.xml, else {@code XILINX_HLS}, {@code XILINX_VITIS}, {@code XILINX_VIVADO}, else the
   * PATH.
   */
  @Parameter(property = "sr-hls.hlsTool")
  String hlsTool;

  /** Fail when no vendor HLS tool is found, instead of simulating on the host only. */
  @Parameter(property = "sr-hls.requireVendor", defaultValue = "false")
  boolean requireVendor;

  /** Do not look for a vendor HLS tool at all. */
  @Parameter(property = "sr-hls.vendor.skip", defaultValue = "false")
  boolean skipVendor;

  /** Time limit in seconds for each run of the vendor tool (C simulation, synthesis, co-simulation, export). */
  @Parameter(property = "sr-hls.vendorTimeout", defaultValue = "3600")
  int vendorTimeout;

  /** Largest worst-case latency, in clock cycles, that synthesis may report; unset means no limit. */
  @Parameter(property = "sr-hls.maxLatencyCycles")
  Long maxLatencyCycles;

  /** Most DSP slices synthesis may use; unset means no limit. */
  @Parameter(property = "sr-hls.maxDsp")
  Long maxDsp;

  /** Most LUTs synthesis may use; unset means no limit. */
  @Parameter(property = "sr-hls.maxLut")
  Long maxLut;

  /** Most flip-flops synthesis may use; unset means no limit. */
  @Parameter(property = "sr-hls.maxFf")
  Long maxFf;

  /** Most BRAM_18K blocks synthesis may use; unset means no limit. */
  @Parameter(property = "sr-hls.maxBram")
  Long maxBram;

  /**
   * Fail the build when budgets are set but nothing in the build measured them (no vendor tool, or no synthesis
   * ran); otherwise that is one warning.
   */
  @Parameter(property = "sr-hls.enforceBudgets", defaultValue = "false")
  boolean enforceBudgets;

  /**
   * The vendor part of the request.
   *
   * @param csim run the vendor's C simulation
   * @param synthesis run synthesis
   * @param cosim run co-simulation
   * @param export run the IP export
   */
  VendorSettings vendorSettings(boolean csim, boolean synthesis, boolean cosim, boolean export) {
    return VendorSettings.builder()
        .enabled(!skipVendor)
        .hlsTool(hlsTool)
        .toolchains(skipVendor ? List.of() : hlsToolchains())
        .environment(System.getenv())
        .requireVendor(requireVendor)
        .csim(csim)
        .synthesis(synthesis)
        .cosim(cosim)
        .export(export)
        .budgets(new Budgets(maxLatencyCycles, maxDsp, maxLut, maxFf, maxBram))
        .timeout(Duration.ofSeconds(vendorTimeout))
        .build();
  }

  /** Set on the project when its budgets need nothing more in this build (measured, or said to be unchecked). */
  static final String BUDGETS_SETTLED = "io.github.srhls.budgetsSettled";

  /** Whether an earlier goal of this build settled the budgets of this project. */
  boolean budgetsSettledEarlier() {
    return project != null && Boolean.TRUE.equals(project.getContextValue(BUDGETS_SETTLED));
  }

  void budgetsSettled() {
    if (project != null) {
      project.setContextValue(BUDGETS_SETTLED, Boolean.TRUE);
    }
  }

  /** The toolchains of type {@code hls}; none outside a build (tests without a session). */
  private List<ToolchainEntry> hlsToolchains() {
    return session == null ? List.of() : HlsToolchains.of(session);
  }
}
