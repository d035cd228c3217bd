package io.github.srhls.core.ir;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The factors of a product chain: a multiset of node ids (each with how many times it is multiplied in), ordered by
 * id. Two chains that multiply the same nodes have equal factors however they were written or grouped, which is
 * what lets the {@link GraphBuilder} share them.
 *
 * @param counts node id to multiplicity (at least 1), ascending by id; never modified
 */
record Factors(SortedMap<Integer, Integer> counts) {
  static final Factors NONE = new Factors(new TreeMap<>());

  Factors {
    counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
  }

  static Factors of(int id) {
    return power(id, 1);
  }

  static Factors power(int id, int count) {
    return new Factors(new TreeMap<>(Map.of(id, count)));
  }

  /** How many factors, counted with multiplicity. */
  int degree() {
    int n = 0;
    for (int c : counts.values()) {
      n += c;
    }
    return n;
  }

  boolean isEmpty() {
    return counts.isEmpty();
  }

  /** The only factor of a degree-one product. */
  int single() {
    return counts.firstKey();
  }

  Factors times(Factors other) {
    TreeMap<Integer, Integer> sum = new TreeMap<>(counts);
    other.counts.forEach((id, c) -> sum.merge(id, c, Integer::sum));
    return new Factors(sum);
  }

  /** Whether every factor of {@code part} is here at least as often. */
  boolean contains(Factors part) {
    for (Map.Entry<Integer, Integer> e : part.counts.entrySet()) {
      if (counts.getOrDefault(e.getKey(), 0) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** These factors without {@code part}, which they must contain. */
  Factors without(Factors part) {
    TreeMap<Integer, Integer> rest = new TreeMap<>(counts);
    part.counts.forEach((id, c) -> rest.compute(id, (k, have) -> have - c == 0 ? null : have - c));
    return new Factors(rest);
  }

  /**
   * How to split a product that shares nothing with earlier ones: a power {@code x^k} by square and multiply
   * ({@code x^(k/2)} squared, or {@code x^(k-1) * x}); otherwise all but the highest-numbered factor, so a chain
   * is built up from its lowest ids and its prefixes are shared.
   */
  Factors fresh() {
    int last = counts.lastKey();
    if (counts.size() == 1) {
      int k = counts.get(last);
      return power(last, k % 2 == 0 ? k / 2 : k - 1);
    }
    return new Factors(counts.headMap(last));
  }
}
