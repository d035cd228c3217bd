package io.github.srhls.core.toolchain.amd;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.toolchain.amd.detect.DetectionRequest;
import io.github.srhls.core.toolchain.amd.detect.ToolchainEntry;
import io.github.srhls.core.toolchain.amd.reports.Budgets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the build asks of the vendor tools.
 *
 * @param enabled false: do not look for a vendor tool at all ({@code sr-hls.vendor.skip})
 * @param hlsTool the tool to use: an executable ({@code /tools/Xilinx/Vitis_HLS/2023.1/bin/vitis_hls}), an
 *     installation directory ({@code /tools/Xilinx/Vitis/2024.2}) or a program name looked up on the PATH; null
 *     or blank means detect it
 * @param toolchains the Maven toolchains of type {@code hls}, in toolchains.xml order (the one Maven's
 *     toolchains plugin selected first)
 * @param environment the environment to detect the tool in and to run it with (normally the build's own)
 * @param requireVendor fail when no vendor tool is found instead of simulating on the host only
 * @param csim run the vendor's C simulation in {@code sr-hls:test}
 * @param synthesis run synthesis in {@code sr-hls:test}
 * @param cosim run synthesis and C/RTL co-simulation in {@code sr-hls:test}
 * @param export run the IP export in {@code sr-hls:package} and put the IP zip into the attached zip
 * @param budgets limits on the synthesis estimates
 * @param timeout for each step (one run of the tool)
 */
public record VendorSettings(
    boolean enabled,
    String hlsTool,
    List<ToolchainEntry> toolchains,
    Map<String, String> environment,
    boolean requireVendor,
    boolean csim,
    boolean synthesis,
    boolean cosim,
    boolean export,
    Budgets budgets,
    Duration timeout) {

  /** Vendor steps can take long: synthesis of a large model, or RTL simulation of many vectors. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

  public VendorSettings {
    hlsTool = hlsTool == null || hlsTool.isBlank() ? null : hlsTool.strip();
    toolchains = toolchains == null ? List.of() : List.copyOf(toolchains);
    environment = environment == null ? Map.of() : new TreeMap<>(environment);
    budgets = budgets == null ? Budgets.NONE : budgets;
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new SrHlsException("vendorTimeout must be a positive number of seconds, not " + timeout.toSeconds()
          + " (set <vendorTimeout> or -Dsr-hls.vendorTimeout)");
    }
  }

  /** No vendor tool: the host simulation only, as without this feature. */
  public static VendorSettings disabled() {
    return builder().enabled(false).environment(System.getenv()).build();
  }

  /** Settings built by name, enabled unless turned off. */
  public static Builder builder() {
    return new Builder();
  }

  /** What the detector needs to find the tool. */
  public DetectionRequest detection() {
    return new DetectionRequest(hlsTool, toolchains, environment, requireVendor, timeout);
  }

  /** Whether the test goal runs synthesis (asked for, or needed by co-simulation). */
  public boolean runsSynthesis() {
    return synthesis || cosim;
  }

  /**
   * The components by name. Unset, the settings are enabled, run no step and do not require a tool; the others are
   * null, and the constructor gives them their defaults (an empty environment, no budgets, the default timeout).
   */
  public static final class Builder {
    private boolean enabled = true;
    private String hlsTool;
    private List<ToolchainEntry> toolchains;
    private Map<String, String> environment;
    private boolean requireVendor;
    private boolean csim;
    private boolean synthesis;
    private boolean cosim;
    private boolean export;
    private Budgets budgets;
    private Duration timeout;

    private Builder() {}

    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    public Builder hlsTool(String hlsTool) {
      this.hlsTool = hlsTool;
      return this;
    }

    public Builder toolchains(List<ToolchainEntry> toolchains) {
      this.toolchains = toolchains;
      return this;
    }

    public Builder environment(Map<String, String> environment) {
      this.environment = environment;
      return this;
    }

    public Builder requireVendor(boolean requireVendor) {
      this.requireVendor = requireVendor;
      return this;
    }

    public Builder csim(boolean csim) {
      this.csim = csim;
      return this;
    }

    public Builder synthesis(boolean synthesis) {
      this.synthesis = synthesis;
      return this;
    }

    public Builder cosim(boolean cosim) {
      this.cosim = cosim;
      return this;
    }

    public Builder export(boolean export) {
      this.export = export;
      return this;
    }

    public Builder budgets(Budgets budgets) {
      this.budgets = budgets;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** @throws SrHlsException for a timeout that is not positive */
    public VendorSettings build() {
      return new VendorSettings(enabled, hlsTool, toolchains, environment, requireVendor, csim, synthesis, cosim,
          export, budgets, timeout);
    }
  }
}
