package io.github.srhls.core.diag;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** "Did you mean" for misspelt names (functions, variables, keys): the nearest known name by edit distance, if it is near enough to help. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate nearest to {@code typed} by case-insensitive Levenshtein distance, within 1 edit for names of up
   * to 3 characters and 2 edits for longer ones. Ties go, in turn, to a pure omission or extra letter over a
   * substitution ({@code sn} is more likely {@code sin} than {@code sc}), to preferred names, to the longest common
   * prefix, then alphabetically, so the answer never depends on collection order. Numbered names of the same stem
   * ({@code x32} and {@code x30}) are never suggested for each other: there the number is the point, not a typo.
   *
   * @param preferred which candidates win ties (canonical names over aliases)
   */
  public static Optional<String> nearest(String typed, Collection<String> candidates, Predicate<String> preferred) {
    String t = typed.toLowerCase(Locale.ROOT);
    int limit = typed.length() <= 3 ? 1 : 2;
    Ranked best = null;
    for (String candidate : candidates) {
      String c = candidate.toLowerCase(Locale.ROOT);
      int d = distance(t, c);
      if (d <= limit && !sameStemOtherNumber(t, c)) {
        Ranked r = new Ranked(candidate, d, isSubsequence(t, c) || isSubsequence(c, t), preferred.test(candidate),
            commonPrefix(t, c));
        if (best == null || r.beats(best)) {
          best = r;
        }
      }
    }
    return Optional.ofNullable(best).map(Ranked::name);
  }

  private record Ranked(String name, int distance, boolean omission, boolean preferred, int prefix) {
    boolean beats(Ranked o) {
      if (distance != o.distance) {
        return distance < o.distance;
      }
      if (omission != o.omission) {
        return omission;
      }
      if (preferred != o.preferred) {
        return preferred;
      }
      if (prefix != o.prefix) {
        return prefix > o.prefix;
      }
      return name.compareTo(o.name) < 0;
    }
  }

  private static boolean sameStemOtherNumber(String a, String b) {
    String stemA = stripDigits(a);
    String stemB = stripDigits(b);
    return stemA.length() < a.length() && stemB.length() < b.length() && stemA.equals(stemB);
  }

  private static String stripDigits(String s) {
    int end = s.length();
    while (end > 0 && Character.isDigit(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  private static boolean isSubsequence(String shorter, String longer) {
    int i = 0;
    for (int j = 0; j < longer.length() && i < shorter.length(); j++) {
      if (shorter.charAt(i) == longer.charAt(j)) {
        i++;
      }
    }
    return i == shorter.length();
  }

  private static int commonPrefix(String a, String b) {
    int n = 0;
    while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
      n++;
    }
    return n;
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
