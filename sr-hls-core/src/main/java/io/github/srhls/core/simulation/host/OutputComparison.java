package io.github.srhls.core.simulation.host;

import io.github.srhls.core.simulation.host.SimulationResult.ErrorStats;
import io.github.srhls.core.simulation.host.SimulationResult.Mismatch;
import io.github.srhls.core.simulation.host.SimulationResult.Mismatches;
import io.github.srhls.core.testbench.TestbenchData;
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
    return of(outputs, VectorRows.of(expected), VectorRows.of(actual), VectorRows.of(float64), tolerance);
  }

  /** Compares vector by vector, holding one vector of each file at a time. */
  static OutputComparison of(List<String> outputs, VectorRows expected, VectorRows actual, VectorRows float64,
      Double tolerance) {
    List<String> failures = new ArrayList<>();
    if (actual.size() != expected.size()) {
      failures.add("the simulation wrote " + actual.size() + " vectors to " + actual.file().getFileName() + " but "
          + expected.file().getFileName() + " has " + expected.size());
    }
    if (float64.size() != expected.size()) {
      failures.add(float64.file().getFileName() + " has " + float64.size() + " vectors but "
          + expected.file().getFileName() + " has " + expected.size() + "; regenerate with sr-hls:generate");
    }
    int vectors = Math.min(actual.size(), Math.min(expected.size(), float64.size()));
    int width = outputs.size();

    int count = 0;
    int[] byOutput = new int[width];
    List<Mismatch> first = new ArrayList<>();
    double[] max = new double[width];
    double[] sum = new double[width];
    int agree = 0;
    double[] want = new double[width];
    double[] got = new double[width];
    double[] reference = new double[width];
    for (int v = 0; v < vectors; v++) {
      if (!expected.next(want) || !actual.next(got) || !float64.next(reference)) {
        throw new IllegalStateException("a data file ended before its size said");
      }
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
    if (count > 0) {
      Mismatch m = first.get(0);
      failures.add(count + " of " + vectors * width + " values differ from " + expected.file().getFileName()
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
