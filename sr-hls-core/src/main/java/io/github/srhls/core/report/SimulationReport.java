package io.github.srhls.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.srhls.core.project.ProjectManifest;
import io.github.srhls.core.simulation.host.SimulationResult;
import io.github.srhls.core.simulation.host.SimulationResult.ErrorStats;
import io.github.srhls.core.simulation.host.SimulationResult.Mismatches;
import io.github.srhls.core.simulation.host.SimulationResult.Timings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The host simulation's section of report.json (its top-level keys after the model's name, version and digest,
 * which {@link ModelReport} writes): the simulation's result, with what it was judged against copied from the
 * manifest. The components are in the order of the file's keys.
 *
 * @param vectors test vectors simulated
 * @param mismatches values that differ from the bit-accurate expected outputs
 * @param errorVsFloat64 per output, in output order: how far the simulated values are from the float64 reference
 * @param classAgreement the share of vectors whose largest output is the same as float64's; null unless the model
 *     asks for it with testbench.classify
 * @param overflows copied from the manifest, by node or output name
 * @param tolerance the accepted largest absolute error vs float64; null means not checked
 * @param timings how long compiling and running took; null (and left out of the JSON) in the copy that is
 *     packaged, see {@link #withoutTimings()}
 * @param failures why the model failed, empty when it passed
 * @param passed true when the testbench exited with 0, every value matched and every error is within tolerance
 */
@JsonPropertyOrder({"vectors", "mismatches", "errorVsFloat64", "classAgreement", "overflows", "tolerance", "timings",
    "failures", "passed"})
public record SimulationReport(
    int vectors,
    Mismatches mismatches,
    Map<String, ErrorStats> errorVsFloat64,
    Double classAgreement,
    Map<String, Long> overflows,
    Double tolerance,
    @JsonInclude(JsonInclude.Include.NON_NULL) Timings timings,
    List<String> failures,
    boolean passed) {

  public SimulationReport {
    errorVsFloat64 = Collections.unmodifiableMap(new LinkedHashMap<>(errorVsFloat64));
    overflows = Collections.unmodifiableMap(new TreeMap<>(overflows));
    failures = List.copyOf(failures);
  }

  /** The section for what the simulation of the manifest's project found. */
  public static SimulationReport of(ProjectManifest manifest, SimulationResult result) {
    return new SimulationReport(result.vectors(), result.mismatches(), result.errorVsFloat64(),
        result.classAgreement(), manifest.overflows(), manifest.tolerance(), result.timings(), result.failures(),
        result.passed());
  }

  /** The same section without the timings: what two builds of the same project agree on byte for byte. */
  public SimulationReport withoutTimings() {
    return new SimulationReport(vectors, mismatches, errorVsFloat64, classAgreement, overflows, tolerance, null,
        failures, passed);
  }
}
