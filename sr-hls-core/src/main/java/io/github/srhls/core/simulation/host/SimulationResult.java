package io.github.srhls.core.simulation.host;

import io.github.srhls.core.diag.Decimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the host simulation of one model found. Apart from {@link Timings}, the same generated project and
 * compiler give the same result. Writing it down is the report's job ({@code io.github.srhls.core.report}).
 *
 * @param vectors test vectors simulated
 * @param mismatches values that differ from the bit-accurate expected outputs
 * @param errorVsFloat64 per output, in output order: how far the simulated values are from the float64 reference
 * @param classAgreement the share of vectors whose largest output is the same as float64's; null unless the model
 *     asks for it with testbench.classify
 * @param timings how long compiling and running took
 * @param failures why the model failed, empty when it passed
 */
public record SimulationResult(
    int vectors,
    Mismatches mismatches,
    Map<String, ErrorStats> errorVsFloat64,
    Double classAgreement,
    Timings timings,
    List<String> failures) {

  public SimulationResult {
    errorVsFloat64 = Collections.unmodifiableMap(new LinkedHashMap<>(errorVsFloat64));
    failures = List.copyOf(failures);
  }

  /** True when the testbench exited with 0, every value matched and every error is within tolerance. */
  public boolean passed() {
    return failures.isEmpty();
  }

  /**
   * @param count how many values differ
   * @param byOutput how many values of each output differ, in output order
   * @param first the first ones of each output, at most {@link #SHOWN} per output, in file order
   */
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
  public record Mismatch(int vector, String output, double expected, double actual) {}

  public record ErrorStats(double maxAbsError, double meanAbsError) {
    /** Whether the largest error is within {@code tolerance}; a NaN error is not. */
    public boolean within(double tolerance) {
      return maxAbsError <= tolerance;
    }

    /** Why an output with these errors fails {@code tolerance}, with numbers a reader can take in and what to do. */
    public String aboveTolerance(double tolerance) {
      if (!Double.isFinite(maxAbsError)) {
        return "not within the tolerance " + Decimal.brief(tolerance) + ": its error against the float64 reference"
            + " is " + maxAbsError + " for some vectors (an output of float64 or of the firmware is not finite: check"
            + " divisions and logarithms over the input ranges)";
      }
      return "up to " + Decimal.brief(maxAbsError) + " away from the float64 reference (mean "
          + Decimal.brief(meanAbsError) + "), above the tolerance " + Decimal.brief(tolerance) + "; if that error is"
          + " acceptable, raise testbench.tolerance to " + Decimal.ceiling(maxAbsError) + ", else make the firmware"
          + " more precise: wider types (precision.default or the output's type), or precision.internal: auto with"
          + " precision.error below the tolerance";
    }
  }

  /** How long this run took: the one part of the result that differs between two runs of the same project. */
  public record Timings(long compileMillis, long runMillis, long vectorsPerSecond) {}
}
