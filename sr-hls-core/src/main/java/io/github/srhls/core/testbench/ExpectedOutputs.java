package io.github.srhls.core.testbench;

import io.github.srhls.core.design.BitAccurateModel;
import io.github.srhls.core.design.Design;
import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.Progress;
import io.github.srhls.core.ir.FloatEvaluator;
import io.github.srhls.core.ir.Graph;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the test vectors must give: the design's outputs bit for bit, which the testbench compares with, and the
 * float64 reference, which the report measures the error against.
 *
 * @param bitAccurate per vector, what the design computes
 * @param float64 per vector, what the model's expressions compute in double precision
 * @param overflows how often each node ({@code t<id>}) or output, by name, overflowed; only those that did
 */
public record ExpectedOutputs(double[][] bitAccurate, double[][] float64, Map<String, Long> overflows) {

  /**
   * Evaluates every vector both ways.
   *
   * @param reference the model's graph before typing, evaluated in double precision
   * @param log progress when there are many vectors
   */
  public static ExpectedOutputs of(Design design, Graph reference, double[][] inputs, BuildLog log) {
    BitAccurateModel bitAccurate = new BitAccurateModel(design);
    FloatEvaluator float64 = new FloatEvaluator(reference);
    double[][] expected = new double[inputs.length][];
    double[][] floats = new double[inputs.length][];
    Progress progress = new Progress(log, design.name(), "expected outputs", inputs.length);
    for (int v = 0; v < inputs.length; v++) {
      expected[v] = bitAccurate.evaluate(inputs[v]);
      floats[v] = float64.evaluate(inputs[v]);
      progress.done(v + 1);
    }
    return new ExpectedOutputs(expected, floats, overflows(design, bitAccurate));
  }

  /**
   * Evaluates every vector both ways as it comes and hands it to {@code sink} with its two results; no vector is
   * kept, so the memory needed does not grow with their number.
   *
   * @param reference the model's graph before typing, evaluated in double precision
   * @param log progress when there are many vectors
   * @return how often each node ({@code t<id>}) or output overflowed, as {@link #overflows()}
   */
  public static Map<String, Long> each(Design design, Graph reference, TestVectors.Source vectors, Sink sink,
      BuildLog log) {
    BitAccurateModel bitAccurate = new BitAccurateModel(design);
    FloatEvaluator float64 = new FloatEvaluator(reference);
    Progress progress = new Progress(log, design.name(), "expected outputs", vectors.size());
    long[] done = {0};
    vectors.forEach(inputs -> {
      sink.accept(inputs, bitAccurate.evaluate(inputs), float64.evaluate(inputs));
      progress.done(++done[0]);
    });
    return overflows(design, bitAccurate);
  }

  /** Where {@link #each} puts each vector with what it must give. */
  public interface Sink {
    void accept(double[] inputs, double[] bitAccurate, double[] float64);
  }

  private static Map<String, Long> overflows(Design design, BitAccurateModel model) {
    Map<String, Long> counts = new TreeMap<>();
    long[] nodes = model.overflowCounts();
    for (int id = 0; id < nodes.length; id++) {
      if (nodes[id] > 0) {
        counts.put("t" + id, nodes[id]);
      }
    }
    long[] outputs = model.outputOverflowCounts();
    for (int k = 0; k < outputs.length; k++) {
      if (outputs[k] > 0) {
        counts.put(design.graph().outputNames().get(k), outputs[k]);
      }
    }
    return counts;
  }
}
