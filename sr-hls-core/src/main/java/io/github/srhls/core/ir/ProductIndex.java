package io.github.srhls.core.ir;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The products without a constant coefficient built so far, by their {@link Factors}, so a later product chain
 * can reuse one exactly or build on one it contains.
 */
final class ProductIndex {
  /** In the order the products were made, which makes every choice below depend only on what came before. */
  private final Map<Factors, Integer> ids = new LinkedHashMap<>();

  /** The node that computes exactly these factors, or null. */
  Integer find(Factors factors) {
    return ids.get(factors);
  }

  void add(Factors factors, int id) {
    ids.putIfAbsent(factors, id);
  }

  /**
   * The factors of an existing product (of at least two) to build {@code wanted} on, or null if it contains none.
   * Preferred is a part whose complement is one factor or exists too, so {@code wanted} costs one multiplication
   * ({@code x^8} from {@code x^4} twice, not from {@code x^5}); then the largest part; then the earliest node.
   */
  Factors reusable(Factors wanted) {
    int degree = wanted.degree();
    Factors best = null;
    boolean bestCompletes = false;
    int bestDegree = 0;
    int bestId = 0;
    for (Map.Entry<Factors, Integer> e : ids.entrySet()) {
      Factors part = e.getKey();
      int d = part.degree();
      if (d >= degree || !wanted.contains(part)) {
        continue;
      }
      Factors rest = wanted.without(part);
      boolean completes = rest.degree() == 1 || ids.containsKey(rest);
      int id = e.getValue();
      boolean better = best == null || (completes != bestCompletes ? completes
          : d != bestDegree ? d > bestDegree : id < bestId);
      if (better) {
        best = part;
        bestCompletes = completes;
        bestDegree = d;
        bestId = id;
      }
    }
    return best;
  }
}
