package io.github.srhls.core.ir;

import io.github.srhls.core.expr.Builtin;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each product node as the factors it multiplies, with their powers, seen through the whole chain of
 * multiplications below it: {@code (x*y)*(x*z)} is x^2 y z. Plain interval arithmetic multiplies the two x's as if
 * they were independent, so x*x over [-3, 2] would reach -6; as a power it cannot be negative. Only products with a
 * repeated factor gain anything, and only those of few distinct factors are tracked.
 */
final class FactorPowers {
  /** A product of more distinct factors than this is left to plain products. */
  private static final int MAX_FACTORS = 32;

  /** By node id: the factors of a product node (null for other nodes, and for products of too many factors). */
  private final Map<Integer, Long>[] factors;
  /** Whether the product has a factor of power 2 or more. */
  private final boolean[] repeated;

  @SuppressWarnings("unchecked")
  FactorPowers(Graph graph) {
    factors = new Map[graph.size()];
    repeated = new boolean[graph.size()];
    for (int id = 0; id < graph.size(); id++) {
      if (graph.node(id) instanceof Node.Op op && op.op() == Builtin.MUL) {
        Map<Integer, Long> f = new TreeMap<>();
        if (add(f, op.arg(0)) && add(f, op.arg(1)) && f.size() <= MAX_FACTORS) {
          factors[id] = f;
          repeated[id] = f.values().stream().anyMatch(k -> k > 1);
        }
      }
    }
  }

  private boolean add(Map<Integer, Long> into, int id) {
    if (factors[id] == null) {
      into.merge(id, 1L, FactorPowers::sum);
      return true;
    }
    for (Map.Entry<Integer, Long> e : factors[id].entrySet()) {
      into.merge(e.getKey(), e.getValue(), FactorPowers::sum);
    }
    return true;
  }

  private static Long sum(Long a, Long b) {
    // the builder caps chains at 2^20 factors; saturate far above that rather than overflow
    return Math.min(a + b, 1L << 40);
  }

  /** The product's range from its factors' ranges and powers, or null where that is no better than plain. */
  Interval range(int id, Interval[] ranges) {
    if (!repeated[id]) {
      return null;
    }
    Interval r = Interval.point(1.0);
    for (Map.Entry<Integer, Long> e : factors[id].entrySet()) {
      r = IntervalOps.multiply(r, IntervalOps.power(ranges[e.getKey()], e.getValue()));
    }
    return r;
  }
}
