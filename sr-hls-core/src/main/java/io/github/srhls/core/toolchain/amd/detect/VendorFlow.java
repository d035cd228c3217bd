package io.github.srhls.core.toolchain.amd.detect;

/** How a tool release is driven: which programs, which script, where the results go. */
public enum VendorFlow {
  /** Vivado HLS, 2020.1 and older: {@code vivado_hls -f <step>.tcl}. */
  VIVADO_HLS("vivado-hls", "Vivado HLS", "Tcl flow"),
  /** Vitis HLS 2020.2 to 2024.1 (deprecated from 2024.2): {@code vitis_hls -f <step>.tcl}. */
  VITIS_HLS("vitis-hls", "Vitis HLS", "Tcl flow"),
  /**
   * Vitis unified, 2023.2 and later: {@code v++ -c --mode hls} synthesises and {@code vitis-run --mode hls} runs
   * the other steps, both from {@code hls_config.cfg}.
   */
  VITIS_UNIFIED("vitis-unified", "Vitis", "unified flow (v++ and vitis-run with hls_config.cfg)");

  private final String key;
  private final String product;
  private final String description;

  VendorFlow(String key, String product, String description) {
    this.key = key;
    this.product = product;
    this.description = description;
  }

  /** The name in report.json. */
  public String key() {
    return key;
  }

  /** The product as AMD names it, for log lines. */
  public String product() {
    return product;
  }

  public String description() {
    return description;
  }

  /** Whether the steps are Tcl scripts run with {@code -f}. */
  public boolean tcl() {
    return this != VITIS_UNIFIED;
  }
}
