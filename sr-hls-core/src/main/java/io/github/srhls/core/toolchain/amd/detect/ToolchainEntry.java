package io.github.srhls.core.toolchain.amd.detect;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A Maven toolchain of type {@code hls} as the plugin read it from {@code toolchains.xml}:
 *
 * <pre>{@code
 * <toolchain>
 *   <type>hls</type>
 *   <provides><vendor>amd</vendor><version>2023.2</version></provides>
 *   <configuration><installDir>/tools/Xilinx/Vitis_HLS/2023.2</installDir></configuration>
 * </toolchain>
 * }</pre>
 *
 * @param vendor the declared vendor ({@code amd}, {@code xilinx}); may be null
 * @param version the declared version; may be null. The version the tool prints is the one used.
 * @param installDir the installation: a directory with {@code bin/vitis_hls}, {@code bin/vivado_hls}, or
 *     {@code bin/v++} and {@code bin/vitis-run}
 */
public record ToolchainEntry(String vendor, String version, Path installDir) {
  public ToolchainEntry {
    Objects.requireNonNull(installDir, "installDir");
  }

  /** How it appears in log lines and messages. */
  public String describe() {
    StringBuilder b = new StringBuilder("the toolchain of type hls");
    if (vendor != null || version != null) {
      b.append(" (");
      if (vendor != null) {
        b.append("vendor ").append(vendor);
      }
      if (version != null) {
        b.append(vendor != null ? ", " : "").append("version ").append(version);
      }
      b.append(")");
    }
    return b.append(" in toolchains.xml").toString();
  }
}
