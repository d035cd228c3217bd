package io.github.srhls.core.toolchain.amd.reports;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * The numbers of a {@code <top>_csynth.xml}. Latencies and intervals are null where the report says
 * {@code undef} (the design has no fixed latency, e.g. a loop with a variable trip count).
 *
 * @param toolVersion {@code ReportVersion/Version}
 * @param part {@code UserAssignments/Part}
 * @param top {@code UserAssignments/TopModelName}
 * @param targetClockNs {@code UserAssignments/TargetClockPeriod}
 * @param estimatedClockNs {@code PerformanceEstimates/SummaryOfTimingAnalysis/EstimatedClockPeriod}
 * @param latency in clock cycles
 * @param interval initiation interval in clock cycles
 * @param used {@code AreaEstimates/Resources}
 * @param available {@code AreaEstimates/AvailableResources}
 */
@JsonPropertyOrder({"toolVersion", "part", "top", "targetClockNs", "estimatedClockNs", "latency", "interval", "used",
    "available"})
public record CsynthReport(
    String toolVersion,
    String part,
    String top,
    Double targetClockNs,
    Double estimatedClockNs,
    Latency latency,
    Interval interval,
    Resources used,
    Resources available) {

  public CsynthReport {
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(used, "used");
    Objects.requireNonNull(available, "available");
  }

  @JsonPropertyOrder({"best", "average", "worst"})
  public record Latency(Long best, Long average, Long worst) {}

  @JsonPropertyOrder({"min", "max"})
  public record Interval(Long min, Long max) {}

  /**
   * @param uram null when the report has no URAM (Vivado HLS before UltraScale+ support)
   */
  @JsonPropertyOrder({"bram18k", "dsp", "ff", "lut", "uram"})
  public record Resources(long bram18k, long dsp, long ff, long lut, Long uram) {}
}
