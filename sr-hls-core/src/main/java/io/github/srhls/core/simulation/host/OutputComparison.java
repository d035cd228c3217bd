package io.github.srhls.core.simulation.host;

import io.github.srhls.core.simulation.host.SimulationResult.ErrorStats;
import io.github.srhls.core.simulation.host.SimulationResult.Mismatch;
import io.github.srhls.core.simulation.host.SimulationResult.Mismatches;
import io.github.srhls.core.testbench.TestbenchData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares what the simulation wrote with the bit-accurate expected outputs (exactly) and with the float64
 * reference (absolute error per output).
 *
 * @param vectors vectors compared
 * @param mismatches values that are not bit-identical to the expectation
 * @param errorVsFloat64 per output in output order
 * @param failures reasons to fail: missing vectors, mismatches, errors above the tolerance
 * @param classAgreement the share of vectors whose largest simulated output is the largest float64 output too
 */
record OutputComparison(int vectors, Mismatches mismatches, Map<String, ErrorStats> errorVsFloat64,
    List<String> failures, double classAgreement) {

  static OutputComparison of(List<String> outputs, TestbenchData expected, TestbenchData actual,
      TestbenchData float64, Double tolerance) {
    List<String> failures = sizeFailures(expected.file(), expected.size(), actual.file(), actual.size(),
        float64.file(), float64.size());
    int vectors = Math.min(actual.size(), Math.min(expected.size(), float64.size()));
    int width = outputs.size();

    int count = 0;
    int[] byOutput = new int[width];
    List<Mismatch> first = new ArrayList<>();
    double[] max = new double[width];
    double[] sum = new double[width];
    int agree = 0;
    for (int v = 0; v < vectors; v++) {
      double[] want = expected.vectors().get(v);
      double[] got = actual.vectors().get(v);
      double[] reference = float64.vectors().get(v);
      agree += argmax(got) == argmax(reference) ? 1 : 0;
      for (int o = 0; o < width; o++) {
        // Bit-for-bit like the testbench: 0.0 and -0.0 differ, NaN equals NaN.
        if (Double.doubleToLongBits(want[o]) != Double.doubleToLongBits(got[o])) {
          if (byOutput[o] < Mismatches.SHOWN) {
            first.add(new Mismatch(v, outputs.get(o), want[o], got[o]));
          }
          byOutput[o]++;
          count++;
        }
        // Equal infinities are no error; anything involving NaN makes the error NaN, which Math.max keeps.
        double error = got[o] == reference[o] ? 0 : Math.abs(got[o] - reference[o]);
        max[o] = Math.max(max[o], error);
        sum[o] += error;
      }
    }
    return tally(outputs, expected.file(), vectors, count, byOutput, first, max, sum, agree, failures, tolerance);
  }

  /**
   * The comparison the testbench made itself ({@link CsimSummary}), turned into the same result and messages.
   *
   * @param expected the expected outputs' decimal file, named in messages, and its number of vectors
   * @param results the decimal results file, named in messages
   * @param float64 the float64 reference's decimal file, named in messages, and its number of vectors
   */
  static OutputComparison of(List<String> outputs, CsimSummary summary, Path expected, int expectedSize,
      Path results, Path float64, int float64Size, Double tolerance) {
    List<String> failures = sizeFailures(expected, expectedSize, results, summary.vectors(), float64, float64Size);
    List<Mismatch> first = new ArrayList<>();
    for (CsimSummary.Shown m : summary.first()) {
      first.add(new Mismatch(m.vector(), outputs.get(m.output()), m.expected(), m.actual()));
    }
    int count = 0;
    for (int n : summary.mismatches()) {
      count += n;
    }
    return tally(outputs, expected, summary.compared(), count, summary.mismatches().clone(), first,
        summary.maxError(), summary.sumError(), summary.agree(), failures, tolerance);
  }

  private static List<String> sizeFailures(Path expected, int expectedSize, Path actual, int actualSize,
      Path float64, int float64Size) {
    List<String> failures = new ArrayList<>();
    if (actualSize != expectedSize) {
      failures.add("the simulation wrote " + actualSize + " vectors to " + actual.getFileName() + " but "
          + expected.getFileName() + " has " + expectedSize);
    }
    if (float64Size != expectedSize) {
      failures.add(float64.getFileName() + " has " + float64Size + " vectors but "
          + expected.getFileName() + " has " + expectedSize + "; regenerate with sr-hls:generate");
    }
    return failures;
  }

  private static OutputComparison tally(List<String> outputs, Path expected, int vectors, int count,
      int[] byOutput, List<Mismatch> first, double[] max, double[] sum, int agree, List<String> failures,
      Double tolerance) {
    int width = outputs.size();
    if (count > 0) {
      Mismatch m = first.get(0);
      failures.add(count + " of " + vectors * width + " values differ from " + expected.getFileName()
          + "; first: vector " + m.vector() + ", output " + m.output() + ": expected " + m.expected() + ", got "
          + m.actual());
    }

    Map<String, ErrorStats> errors = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int o = 0; o < width; o++) {
      counts.put(outputs.get(o), byOutput[o]);
      ErrorStats stats = new ErrorStats(max[o], vectors == 0 ? 0 : sum[o] / vectors);
      errors.put(outputs.get(o), stats);
      // Written so that a NaN error fails too.
      if (tolerance != null && !stats.within(tolerance)) {
        failures.add("output " + outputs.get(o) + " is " + stats.aboveTolerance(tolerance));
      }
    }
    return new OutputComparison(vectors, new Mismatches(count, counts, first), errors, failures,
        vectors == 0 ? 0 : (double) agree / vectors);
  }

  /** The index of the largest value, the first on ties: the predicted class of a classifier's outputs. */
  static int argmax(double[] values) {
    int best = 0;
    for (int k = 1; k < values.length; k++) {
      if (values[k] > values[best]) {
        best = k;
      }
    }
    return best;
  }
}
