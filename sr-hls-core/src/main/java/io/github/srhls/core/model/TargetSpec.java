package io.github.srhls.core.model;

import io.github.srhls.core.diag.SourcePosition;
import java.util.Objects;

/**
 * The FPGA the firmware is for.
 *
 * @param part the vendor part name (letters, digits, {@code . _ -}); default {@value #DEFAULT_PART}
 * @param clockNs the clock period in nanoseconds, finite and positive; default 5
 * @param partAt where {@code target.part}'s value is written, or null when the model file does not set it
 * @param clockAt where {@code target.clock-ns}'s value is written, or null when the model file does not set it
 */
public record TargetSpec(String part, double clockNs, SourcePosition partAt, SourcePosition clockAt) {
  public static final String DEFAULT_PART = "xcvu9p-flga2577-2-e";
  public static final double DEFAULT_CLOCK_NS = 5;

  public TargetSpec {
    Objects.requireNonNull(part, "part");
  }

  /** A target written nowhere (the defaults, or a test's). */
  public TargetSpec(String part, double clockNs) {
    this(part, clockNs, null, null);
  }
}
