package io.github.srhls.core.simulation.host;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.project.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code report.json}: what the host simulation of one model found. Apart from {@link Timings}, the same
 * generated project and compiler give the same report.
 *
 * @param model the model name
 * @param version the model version
 * @param digest the generator's input digest, to tie the report to the generated project
 * @param vectors test vectors simulated
 * @param mismatches values that differ from the bit-accurate expected outputs
 * @param errorVsFloat64 per output, in output order: how far the simulated values are from the float64 reference
 * @param overflows copied from the manifest, by node or output name
 * @param tolerance the accepted largest absolute error vs float64; null means not checked
 * @param timings how long compiling and running took; null (and left out of the JSON) in the copy that is
 *     packaged, see {@link #withoutTimings()}
 * @param failures why the model failed, empty when it passed
 * @param passed true when the testbench exited with 0, every value matched and every error is within tolerance
 * @param classAgreement the share of vectors whose largest output is the same as float64's; null
 *     unless the model asks for it with testbench.classify
 */
@JsonPropertyOrder({"model", "version", "digest", "vectors", "mismatches", "errorVsFloat64", "classAgreement",
    "overflows", "tolerance", "timings", "failures", "passed"})
public record SimulationReport(
    String model,
    String version,
    String digest,
    int vectors,
    Mismatches mismatches,
    Map<String, ErrorStats> errorVsFloat64,
    Map<String, Long> overflows,
    Double tolerance,
    @JsonInclude(JsonInclude.Include.NON_NULL) Timings timings,
    List<String> failures,
    boolean passed,
    Double classAgreement) {

  public SimulationReport {
    errorVsFloat64 = Collections.unmodifiableMap(new LinkedHashMap<>(errorVsFloat64));
    overflows = Collections.unmodifiableMap(new TreeMap<>(overflows));
    failures = List.copyOf(failures);
  }

  /** A report without a class agreement. */
  public SimulationReport(String model, String version, String digest, int vectors, Mismatches mismatches,
      Map<String, ErrorStats> errorVsFloat64, Map<String, Long> overflows, Double tolerance, Timings timings,
      List<String> failures, boolean passed) {
    this(model, version, digest, vectors, mismatches, errorVsFloat64, overflows, tolerance, timings, failures,
        passed, null);
  }

  /** The same report without the timings: what two builds of the same project agree on byte for byte. */
  public SimulationReport withoutTimings() {
    return new SimulationReport(model, version, digest, vectors, mismatches, errorVsFloat64, overflows, tolerance,
        null, failures, passed, classAgreement);
  }

  /**
   * @param count how many values differ
   * @param byOutput how many values of each output differ, in output order
   * @param first the first ones of each output, at most {@link #SHOWN} per output, in file order
   */
  @JsonPropertyOrder({"count", "byOutput", "first"})
  public record Mismatches(int count, Map<String, Integer> byOutput, List<Mismatch> first) {
    public static final int SHOWN = 10;

    public Mismatches {
      byOutput = Collections.unmodifiableMap(new LinkedHashMap<>(byOutput));
      first = List.copyOf(first);
    }
  }

  /**
   * @param vector 0-based vector index (line number minus one in the data files)
   * @param output the output name
   * @param expected from {@code tb_output_predictions.dat}
   * @param actual what the simulation wrote
   */
  @JsonPropertyOrder({"vector", "output", "expected", "actual"})
  public record Mismatch(int vector, String output, double expected, double actual) {}

  @JsonPropertyOrder({"maxAbsError", "meanAbsError"})
  public record ErrorStats(double maxAbsError, double meanAbsError) {}

  /** How long this run took; left out of the report packaged in the zip, which must not vary between builds. */
  @JsonPropertyOrder({"compileMillis", "runMillis", "vectorsPerSecond"})
  public record Timings(long compileMillis, long runMillis, long vectorsPerSecond) {}

  /**
   * Reads the host simulation's part of a report.json, beside which the vendor flow may have added its own
   * section; null when the file is missing or holds no host simulation (only a vendor tool ran).
   *
   * @throws SrHlsException when the host part is malformed
   */
  public static SimulationReport readHostPart(Path report) {
    if (!Files.isRegularFile(report)) {
      return null;
    }
    return hostPart(JsonFiles.readObject(report), report);
  }

  /**
   * The host simulation's part of a report already read, {@code report} naming its file in messages; null when
   * only a vendor tool ran.
   */
  public static SimulationReport hostPart(ObjectNode full, Path report) {
    if (!full.has("vectors")) {
      return null;
    }
    ObjectNode host = full.deepCopy();
    host.remove("vendor");
    try {
      return JsonFiles.fromTree(host, SimulationReport.class);
    } catch (SrHlsException e) {
      throw new SrHlsException(report + ": " + e.getMessage() + "; run sr-hls:test again to write a current report",
          e);
    }
  }
}
