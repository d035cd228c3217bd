package io.github.srhls.core.toolchain.amd.scripts;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the vendor project scripts need to know about a model.
 *
 * @param top the top function, also the firmware and testbench file names
 * @param modelVersion for the scripts' header comment
 * @param part the FPGA part
 * @param clockNs the clock period in nanoseconds
 * @param ip the export metadata
 */
public record HlsProjectSpec(String top, String modelVersion, String part, double clockNs, IpMetadata ip) {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** AMD part names: {@code xcvu9p-flga2577-2-e}, {@code xczu7ev-ffvc1156-2-e}. Nothing Tcl would interpret. */
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  /** Versions go into comments only; keep them to one line of printable text. */
  private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]{1,200}");

  public HlsProjectSpec {
    if (top == null || !IDENTIFIER.matcher(top).matches()) {
      throw new IllegalArgumentException("top function '" + top + "' is not a C identifier");
    }
    if (modelVersion == null || !PRINTABLE.matcher(modelVersion).matches()) {
      throw new IllegalArgumentException("model version '" + modelVersion + "' must be one line of text");
    }
    if (part == null || !PART.matcher(part).matches()) {
      throw new IllegalArgumentException("part '" + part + "' must be letters, digits, '.', '_' and '-'");
    }
    if (!(clockNs > 0) || !Double.isFinite(clockNs)) {
      throw new IllegalArgumentException("clock period must be a positive number of ns, got " + clockNs);
    }
    Objects.requireNonNull(ip, "ip");
    if (!ip.name().equals(top)) {
      throw new IllegalArgumentException("IP name '" + ip.name() + "' differs from the top function '" + top + "'");
    }
  }
}
