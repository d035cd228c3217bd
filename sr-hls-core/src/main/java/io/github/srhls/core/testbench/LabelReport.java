package io.github.srhls.core.testbench;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.srhls.core.diag.Decimal;
import io.github.srhls.core.model.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How well the outputs classify the testbench's vectors against their labels ({@code testbench.labels}): per output
 * (class), the ROC AUC of the output as the score of its class, one against the rest; and the accuracy of the argmax,
 * the share of vectors whose largest output is their class. Both for the firmware, as the Java bit-accurate model
 * computes it (the bits the simulations confirm), and for the float64 expressions, so that what fixed point costs is
 * seen beside it. Generated into the project as {@value #FILE}, and copied into {@code report.json} by sr-hls:test.
 *
 * @param file the labels file, as the project names it
 * @param vectors how many vectors are labelled
 * @param form {@code classes} (one class per vector) or {@code targets} (one 0/1 target per output)
 * @param firmware the figures of the bit-accurate outputs
 * @param float64 the figures of the float64 outputs
 */
@JsonPropertyOrder({"file", "vectors", "form", "firmware", "float64"})
public record LabelReport(String file, int vectors, String form, Figures firmware, Figures float64) {
  /** Where generate puts it in the generated project. */
  public static final String FILE = TestbenchData.DIRECTORY + "/labels.json";

  /**
   * The figures of one set of outputs.
   *
   * @param accuracy the share of vectors whose largest output (the first, on ties) is their class; null when not
   *     every vector has exactly one class (targets that are not one-hot, or a one-output model)
   * @param auc per output, by name, the ROC AUC of the output against its class; null where it has none: no
   *     positive or no negative vector, or a NaN output
   */
  @JsonPropertyOrder({"accuracy", "auc"})
  public record Figures(Double accuracy, Map<String, Double> auc) {
    public Figures {
      auc = Collections.unmodifiableMap(new LinkedHashMap<>(auc));
    }
  }

  /** The figures of the expected outputs against the labels. */
  public static LabelReport of(String file, Labels labels, ExpectedOutputs expected, List<String> outputNames) {
    String form = labels instanceof Labels.Classes ? "classes" : "targets";
    return new LabelReport(file, labels.rows(), form, figures(labels, expected.bitAccurate(), outputNames),
        figures(labels, expected.float64(), outputNames));
  }

  /** The figures of {@code outputs[vector][k]} against the labels. */
  static Figures figures(Labels labels, double[][] outputs, List<String> outputNames) {
    int n = labels.rows();
    if (outputs.length != n) {
      throw new IllegalArgumentException(outputs.length + " output vectors, " + n + " labels");
    }
    int k = outputNames.size();
    Map<String, Double> auc = new LinkedHashMap<>();
    double[] scores = new double[n];
    for (int o = 0; o < k; o++) {
      for (int v = 0; v < n; v++) {
        scores[v] = outputs[v][o];
      }
      auc.put(outputNames.get(o), auc(labels, scores, o));
    }
    Double accuracy = null;
    int[] truth = new int[n];
    for (int v = 0; v < n; v++) {
      truth[v] = truth(labels, v, k);
    }
    if (k > 1 && Arrays.stream(truth).allMatch(t -> t >= 0)) {
      int right = 0;
      for (int v = 0; v < n; v++) {
        right += argmax(outputs[v]) == truth[v] ? 1 : 0;
      }
      accuracy = (double) right / n;
    }
    return new Figures(accuracy, auc);
  }

  /**
   * The ROC AUC of {@code scores} (one per labelled vector) as the scores of output {@code output}'s class, one
   * against the rest: the figure {@link Figures#auc()} gives that output, for one output computed alone (a
   * candidate of sr-hls:explore). Null where it has none: no positive or no negative vector, or a NaN score.
   */
  public static Double auc(Labels labels, double[] scores, int output) {
    int n = labels.rows();
    if (scores.length != n) {
      throw new IllegalArgumentException(scores.length + " scores, " + n + " labels");
    }
    boolean[] positive = new boolean[n];
    for (int v = 0; v < n; v++) {
      positive[v] = positive(labels, v, output);
    }
    double a = RocAuc.of(scores, positive);
    return Double.isNaN(a) ? null : a;
  }

  /** Whether vector {@code v} is a positive of output {@code o}: its class, or its target is 1. */
  private static boolean positive(Labels labels, int v, int o) {
    return labels instanceof Labels.Classes c ? c.classes()[v] == o : ((Labels.Targets) labels).targets()[v][o];
  }

  /** Vector {@code v}'s one class among {@code k} outputs, or -1 when it has none or several. */
  private static int truth(Labels labels, int v, int k) {
    if (labels instanceof Labels.Classes c) {
      return c.classes()[v];
    }
    int found = -1;
    for (int o = 0; o < k; o++) {
      if (positive(labels, v, o)) {
        if (found >= 0) {
          return -1;
        }
        found = o;
      }
    }
    return found;
  }

  /** The index of the largest value, the first on ties: the predicted class, as sr-hls:test's classAgreement has it. */
  static int argmax(double[] values) {
    int best = 0;
    for (int k = 1; k < values.length; k++) {
      if (values[k] > values[best]) {
        best = k;
      }
    }
    return best;
  }

  /**
   * One line for the build log: {@code labels jet_labels.csv (1000 vectors): accuracy 0.812 (float64 0.815); AUC
   * y0 0.934 (0.936), y1 ...}.
   */
  public String summary() {
    List<String> aucs = new ArrayList<>();
    for (Map.Entry<String, Double> e : firmware.auc().entrySet()) {
      aucs.add(e.getKey() + " " + brief(e.getValue()) + " (" + brief(float64.auc().get(e.getKey())) + ")");
    }
    return "labels " + file + " (" + vectors + " vectors): "
        + (firmware.accuracy() == null ? "" : "argmax accuracy " + brief(firmware.accuracy()) + " (float64 "
            + brief(float64.accuracy()) + "); ")
        + "ROC AUC of each output, firmware (float64): " + String.join(", ", aucs);
  }

  private static String brief(Double v) {
    return v == null ? "n/a" : Decimal.significant(v, 4);
  }
}
