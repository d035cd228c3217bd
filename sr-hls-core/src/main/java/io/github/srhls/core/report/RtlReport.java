package io.github.srhls.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.srhls.core.simulation.rtl.RtlResult;
import io.github.srhls.core.simulation.rtl.RtlResult.Mismatches;
import io.github.srhls.core.simulation.rtl.RtlResult.Timings;
import java.math.BigDecimal;
import java.util.List;

/**
 * The RTL simulation's section of report.json, under {@code rtl}: which simulator ran the Verilog, on how many
 * vectors, what it got wrong, and the pipeline's timing as observed. The components are in the order of the
 * section's keys.
 *
 * @param simulator the simulator, {@code Verilator}
 * @param version what {@code verilator --version} says
 * @param vectors test vectors simulated
 * @param mismatches output values whose raw bits differ from the Java model's, with the first few
 * @param latencyCycles cycles from an input to its output (L)
 * @param latencyNs L times the clock period the RTL was pipelined for (target.clock-ns)
 * @param initiationInterval cycles between two inputs: 1, the pipeline takes a vector every cycle
 * @param timings how long building and running took; left out of the copy that is packaged
 * @param failures why the RTL failed, empty when it passed
 * @param passed every output bit matched and the latency is the planned one
 */
@JsonPropertyOrder({"simulator", "version", "vectors", "mismatches", "latencyCycles", "latencyNs",
    "initiationInterval", "timings", "failures", "passed"})
public record RtlReport(
    String simulator,
    String version,
    int vectors,
    Mismatches mismatches,
    int latencyCycles,
    double latencyNs,
    int initiationInterval,
    @JsonInclude(JsonInclude.Include.NON_NULL) Timings timings,
    List<String> failures,
    boolean passed) {

  public static final String SIMULATOR = "Verilator";

  public RtlReport {
    failures = List.copyOf(failures);
  }

  public static RtlReport of(RtlResult result) {
    // L x clock in decimal, so 3 x 3.3 ns is 9.9 and not 9.899999999999999
    double ns = BigDecimal.valueOf(result.clockNs()).multiply(BigDecimal.valueOf(result.latencyCycles()))
        .doubleValue();
    return new RtlReport(SIMULATOR, result.simulator(), result.vectors(), result.mismatches(),
        result.latencyCycles(), ns, 1, result.timings(), result.failures(), result.passed());
  }

  /** The same section without the timings: what two builds of the same project agree on byte for byte. */
  public RtlReport withoutTimings() {
    return new RtlReport(simulator, version, vectors, mismatches, latencyCycles, latencyNs, initiationInterval, null,
        failures, passed);
  }
}
