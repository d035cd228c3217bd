package io.github.srhls.core.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The products without a constant coefficient built so far, by their {@link Factors}, so a later product chain
 * can reuse one exactly or build on one it contains.
 */
final class ProductIndex {
  private final Map<Factors, Integer> ids = new HashMap<>();
  /**
   * The products by their lowest factor, each list in the order the products were made: a part of a product has
   * its lowest factor among the product's, so a search looks at those lists only.
   */
  private final Map<Integer, List<Factors>> byLowest = new HashMap<>();

  /** The node that computes exactly these factors, or null. */
  Integer find(Factors factors) {
    return ids.get(factors);
  }

  void add(Factors factors, int id) {
    if (ids.putIfAbsent(factors, id) == null) {
      byLowest.computeIfAbsent(factors.counts().firstKey(), k -> new ArrayList<>()).add(factors);
    }
  }

  /**
   * The factors of an existing product (of at least two) to build {@code wanted} on, or null if it contains none.
   * Preferred is a part whose complement is one factor or exists too, so {@code wanted} costs one multiplication
   * ({@code x^8} from {@code x^4} twice, not from {@code x^5}); then the largest part; then the earliest node
   * (then the first found, in an order fixed by the factors and the order products were made).
   */
  Factors reusable(Factors wanted) {
    int degree = wanted.degree();
    Factors best = null;
    boolean bestCompletes = false;
    int bestDegree = 0;
    int bestId = 0;
    for (int lowest : wanted.counts().keySet()) {
      for (Factors part : byLowest.getOrDefault(lowest, List.of())) {
        int d = part.degree();
        if (d >= degree || !wanted.contains(part)) {
          continue;
        }
        Factors rest = wanted.without(part);
        boolean completes = rest.degree() == 1 || ids.containsKey(rest);
        int id = ids.get(part);
        boolean better = best == null || (completes != bestCompletes ? completes
            : d != bestDegree ? d > bestDegree : id < bestId);
        if (better) {
          best = part;
          bestCompletes = completes;
          bestDegree = d;
          bestId = id;
        }
      }
    }
    return best;
  }
}
