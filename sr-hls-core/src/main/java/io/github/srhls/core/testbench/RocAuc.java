package io.github.srhls.core.testbench;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The area under the ROC curve of a score against binary labels, in the Mann–Whitney form: the probability that a
 * random positive scores above a random negative, ties counting one half. Computed from ranks (ties get their
 * average rank), in O(n log n).
 */
public final class RocAuc {
  private RocAuc() {}

  /**
   * The AUC of {@code scores} for {@code positive}; NaN when there are no positives or no negatives, or a score is
   * NaN (it has no place in the order).
   */
  public static double of(double[] scores, boolean[] positive) {
    int n = scores.length;
    if (positive.length != n) {
      throw new IllegalArgumentException(n + " scores, " + positive.length + " labels");
    }
    long positives = 0;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(scores[i])) {
        return Double.NaN;
      }
      positives += positive[i] ? 1 : 0;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    // the sum of the positives' ranks (1-based), a tie group sharing its average rank
    double rankSum = 0;
    for (int start = 0; start < n; ) {
      int end = start;
      while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) {
        end++;
      }
      double averageRank = (start + end) / 2.0 + 1;
      for (int k = start; k <= end; k++) {
        if (positive[order[k]]) {
          rankSum += averageRank;
        }
      }
      start = end + 1;
    }
    double u = rankSum - positives * (positives + 1) / 2.0;
    return u / ((double) positives * negatives);
  }
}
