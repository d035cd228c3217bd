package io.github.srhls.core.model;

import java.util.Objects;

/**
 * The FPGA the firmware is for.
 *
 * @param part the vendor part name (letters, digits, {@code . _ -}); default {@value #DEFAULT_PART}
 * @param clockNs the clock period in nanoseconds, finite and positive; default 5
 */
public record TargetSpec(String part, double clockNs) {
  public static final String DEFAULT_PART = "xcvu9p-flga2577-2-e";
  public static final double DEFAULT_CLOCK_NS = 5;

  public TargetSpec {
    Objects.requireNonNull(part, "part");
  }
}
