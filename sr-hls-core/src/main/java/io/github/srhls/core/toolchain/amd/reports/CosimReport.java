package io.github.srhls.core.toolchain.amd.reports;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * The row of a {@code <top>_cosim.rpt} for the RTL that was simulated. Numbers are null where the report says
 * {@code NA}.
 *
 * @param rtl {@code Verilog} or {@code VHDL}
 * @param status {@code Pass}, {@code Fail} or {@code NA}
 * @param latency min, average and max in clock cycles
 * @param interval min, average and max in clock cycles
 */
@JsonPropertyOrder({"rtl", "status", "latency", "interval"})
public record CosimReport(String rtl, String status, Span latency, Span interval) {

  public CosimReport {
    Objects.requireNonNull(rtl, "rtl");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(interval, "interval");
  }

  public boolean passed() {
    return status.equalsIgnoreCase("Pass");
  }

  @JsonPropertyOrder({"min", "avg", "max"})
  public record Span(Long min, Long avg, Long max) {}
}
