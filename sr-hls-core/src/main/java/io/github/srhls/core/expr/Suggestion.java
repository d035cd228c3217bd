package io.github.srhls.core.expr;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** "Did you mean" for misspelt names: the nearest known name by edit distance, if it is near enough to help. */
final class Suggestion {
  private Suggestion() {}

  /**
   * The candidate nearest to {@code typed} (case-insensitive Levenshtein distance), if within 1 edit for names of up
   * to 3 characters and 2 edits for longer ones. Ties go to preferred names, then to the one whose length is
   * closest, then alphabetically, so the answer never depends on collection order.
   *
   * @param preferred which candidates win ties (canonical names over aliases)
   */
  static Optional<String> nearest(String typed, Collection<String> candidates, Predicate<String> preferred) {
    int limit = typed.length() <= 3 ? 1 : 2;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(typed.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d <= limit && (best == null || better(typed, candidate, d, best, bestDistance, preferred))) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean better(String typed, String candidate, int d, String best, int bestDistance,
      Predicate<String> preferred) {
    if (d != bestDistance) {
      return d < bestDistance;
    }
    boolean p = preferred.test(candidate);
    if (p != preferred.test(best)) {
      return p;
    }
    int lengthGap = Math.abs(candidate.length() - typed.length());
    int bestLengthGap = Math.abs(best.length() - typed.length());
    if (lengthGap != bestLengthGap) {
      return lengthGap < bestLengthGap;
    }
    return candidate.compareTo(best) < 0;
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
