package io.github.srhls.core.backend.rtl;

import io.github.srhls.core.fixed.Fixed;
import io.github.srhls.core.fixed.FixedType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The products of one signal x by several constants as one adder graph that shares partial sums (multiple-constant
 * multiplication), planned before any cell exists so that the DSP-or-adders choice sees the shared cost.
 *
 * <p>The method is common-subexpression elimination over canonical signed digits (Hartley's): every constant
 * starts as its CSD terms {@code +-x*2^s}; the pattern of two terms that occurs most often across the constants
 * (the same two symbols at the same distance with the same relative sign) becomes a partial sum
 * {@code S = A +- B*2^d}, one adder built once, and every occurrence of it (no term used twice) becomes one term
 * {@code +-S*2^s}. Partial sums are symbols too, so they nest. It repeats while some pattern lowers the total count of
 * adders. Chosen over a graph search such as Hcub because it starts from CSD and only ever takes a step that lowers
 * the count, so it is never worse than CSD product by product (the bound: at most the sum of the constants' own CSD
 * adders, each step one fewer), it is deterministic, and its cost is small and bounded: each step scans the pairs of
 * terms of every constant, and there are fewer steps than CSD adders. Hcub finds somewhat fewer adders on large
 * random constant sets, but PySR models multiply one signal by a handful of short constants, where both find the
 * same few sharings.
 *
 * <p>The choice under {@code AUTO}: every product's cost is its own adders (the sum of its terms) at the product's
 * width plus an even share of each partial sum it uses, directly or through another one, at the partial sum's
 * width; while some product that fits DSPs costs more than its DSPs ({@link ConstantProduct#LUTS_PER_DSP} LUTs
 * each), the dearest such product moves to DSPs and the graph is planned again without it.
 *
 * @param products the plan of each constant, in the order given: {@code SHIFT_ADD} ones in the graph carry their
 *     own adders and their share of the graph's cost in LUT bits; the others are as {@link ConstantProduct#plan}
 * @param partials the shared partial sums, in the order they must be built (symbol {@code k + 1} is partial k)
 * @param terms each constant's terms in the graph (empty for a constant outside it): it is the sum of these
 * @param adders adders and subtractors of the graph: its partial sums and every product's own
 */
public record MultipleConstantProduct(List<ConstantProduct> products, List<Partial> partials, List<List<Term>> terms,
    int adders) {

  /** Symbol 0 is the signal x itself; symbol {@code k + 1} is partial sum k. */
  public static final int X = 0;

  /** A term {@code +-symbol * 2^shift} of a sum. */
  public record Term(int symbol, int shift, boolean negative) {}

  /**
   * A shared partial sum {@code first + second * 2^shift} (or minus), equal to {@code x * value}.
   *
   * @param width the bits of its exact signed code for every x of the signal's type
   */
  public record Partial(int first, int second, int shift, boolean subtract, BigInteger value, int width) {}

  public MultipleConstantProduct {
    products = List.copyOf(products);
    partials = List.copyOf(partials);
    terms = terms.stream().map(List::copyOf).toList();
  }

  /** Adders the graph's constants would take with their own CSD plans, each alone: the graph's bound. */
  public int separateAdders() {
    int n = 0;
    for (int i = 0; i < products.size(); i++) {
      if (!terms.get(i).isEmpty()) {
        n += Graph.own(ConstantProduct.csd(products.get(i).constant().raw()).stream()
            .map(d -> new Term(X, d.shift(), d.negative())).toList());
      }
    }
    return n;
  }

  /** The plan for {@code a * c} for every c of {@code constants}. */
  public static MultipleConstantProduct plan(FixedType a, List<Fixed> constants, ConstantProduct.Strategy strategy) {
    List<ConstantProduct> single = new ArrayList<>();
    BitSet inGraph = new BitSet();
    for (int i = 0; i < constants.size(); i++) {
      ConstantProduct p = ConstantProduct.plan(a, constants.get(i), strategy);
      single.add(p);
      boolean adders = p.implementation() == ConstantProduct.Implementation.SHIFT_ADD
          || p.implementation() == ConstantProduct.Implementation.DSP;
      if (adders && strategy != ConstantProduct.Strategy.DSP) {
        inGraph.set(i);
      }
    }
    while (true) {
      Graph g = Graph.of(a, constants, inGraph);
      double[] cost = g.costs(a, constants);
      int dearest = -1;
      double excess = 0;
      if (strategy == ConstantProduct.Strategy.AUTO) {
        for (int i = inGraph.nextSetBit(0); i >= 0; i = inGraph.nextSetBit(i + 1)) {
          int dsps = single.get(i).dsps();
          double over = cost[i] - (double) dsps * ConstantProduct.LUTS_PER_DSP;
          if (dsps > 0 && over > excess) {
            excess = over;
            dearest = i;
          }
        }
      }
      if (dearest < 0) {
        return g.plan(a, constants, single, inGraph, cost);
      }
      inGraph.clear(dearest);
    }
  }

  /** The greedy elimination over the constants in the graph. */
  private static final class Graph {
    final List<Partial> partials = new ArrayList<>();
    final List<List<Term>> terms = new ArrayList<>();

    static Graph of(FixedType a, List<Fixed> constants, BitSet inGraph) {
      Graph g = new Graph();
      for (int i = 0; i < constants.size(); i++) {
        List<Term> t = new ArrayList<>();
        if (inGraph.get(i)) {
          for (ConstantProduct.Digit d : ConstantProduct.csd(constants.get(i).raw())) {
            t.add(new Term(X, d.shift(), d.negative()));
          }
        }
        g.terms.add(t);
      }
      g.eliminate(a);
      return g;
    }

    /** A pattern of two terms: {@code first*2^s} and {@code second*2^(s+distance)}, signs equal or opposite. */
    private record Pattern(int first, int second, int distance, boolean opposite) implements Comparable<Pattern> {
      private static final Comparator<Pattern> ORDER = Comparator.comparingInt(Pattern::first)
          .thenComparingInt(Pattern::second).thenComparingInt(Pattern::distance)
          .thenComparing(Pattern::opposite);

      @Override
      public int compareTo(Pattern o) {
        return ORDER.compare(this, o);
      }
    }

    private void eliminate(FixedType a) {
      int cost = adders(partials.size(), terms);
      while (true) {
        // every pattern with its count of pairs (overlapping ones too: a ranking, the substitution decides)
        Map<Pattern, Integer> counts = new TreeMap<>();
        for (List<Term> t : terms) {
          for (int i = 0; i < t.size(); i++) {
            for (int j = 0; j < t.size(); j++) {
              Pattern p = pattern(t.get(i), t.get(j));
              if (p != null) {
                counts.merge(p, 1, Integer::sum);
              }
            }
          }
        }
        List<Map.Entry<Pattern, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.removeIf(e -> e.getValue() < 2);
        // most frequent first; ties by the pattern's order, so the plan is the same on every run
        ranked.sort(Map.Entry.<Pattern, Integer>comparingByValue().reversed());
        boolean taken = false;
        for (Map.Entry<Pattern, Integer> e : ranked) {
          Pattern p = e.getKey();
          BigInteger value = value(p.first()).add(value(p.second()).shiftLeft(p.distance())
              .multiply(BigInteger.valueOf(p.opposite() ? -1 : 1)));
          if (value.signum() == 0) {
            continue;
          }
          int symbol = partials.size() + 1;
          List<List<Term>> next = new ArrayList<>();
          for (List<Term> t : terms) {
            next.add(substitute(t, p, symbol));
          }
          int after = adders(partials.size() + 1, next);
          if (after < cost) {
            partials.add(new Partial(p.first(), p.second(), p.distance(), p.opposite(), value, width(a, value)));
            terms.clear();
            terms.addAll(next);
            cost = after;
            taken = true;
            break;
          }
        }
        if (!taken) {
          return;
        }
      }
    }

    /** The pattern of two terms in order (lower shift first, or lower symbol at one shift); null for another order. */
    private static Pattern pattern(Term x, Term y) {
      if (x.shift() > y.shift() || x.shift() == y.shift() && x.symbol() >= y.symbol()) {
        return null;
      }
      return new Pattern(x.symbol(), y.symbol(), y.shift() - x.shift(), x.negative() != y.negative());
    }

    /** The terms with the pattern's occurrences (each term at most once, lowest shifts first) replaced. */
    private static List<Term> substitute(List<Term> t, Pattern p, int symbol) {
      List<Term> sorted = new ArrayList<>(t);
      sorted.sort(Comparator.comparingInt(Term::shift).thenComparingInt(Term::symbol));
      boolean[] used = new boolean[sorted.size()];
      List<Term> out = new ArrayList<>();
      for (int i = 0; i < sorted.size(); i++) {
        Term x = sorted.get(i);
        if (used[i] || x.symbol() != p.first()) {
          continue;
        }
        for (int j = 0; j < sorted.size(); j++) {
          Term y = sorted.get(j);
          if (j != i && !used[j] && y.symbol() == p.second() && y.shift() == x.shift() + p.distance()
              && (x.negative() != y.negative()) == p.opposite()) {
            used[i] = true;
            used[j] = true;
            out.add(new Term(symbol, x.shift(), x.negative()));
            break;
          }
        }
      }
      for (int i = 0; i < sorted.size(); i++) {
        if (!used[i]) {
          out.add(sorted.get(i));
        }
      }
      out.sort(Comparator.comparingInt(Term::shift).thenComparingInt(Term::symbol));
      return out;
    }

    private BigInteger value(int symbol) {
      return symbol == X ? BigInteger.ONE : partials.get(symbol - 1).value();
    }

    /** Adders of a graph: one per partial sum, and each constant's own (see {@link #own}). */
    private static int adders(int partials, List<List<Term>> terms) {
      int n = partials;
      for (List<Term> t : terms) {
        n += own(t);
      }
      return n;
    }

    /** A sum of n terms takes n - 1 adders, and one more to negate when every term is negative. */
    static int own(List<Term> t) {
      if (t.isEmpty()) {
        return 0;
      }
      return t.stream().allMatch(Term::negative) ? t.size() : t.size() - 1;
    }

    /**
     * Each constant's cost in LUT bits: its own adders at the product's width, and an even share of every partial
     * sum it uses (directly or through another), split among the constants that use it.
     */
    double[] costs(FixedType a, List<Fixed> constants) {
      int n = terms.size();
      List<BitSet> uses = new ArrayList<>();
      for (int k = 0; k < partials.size(); k++) {
        uses.add(new BitSet());
      }
      for (int i = 0; i < n; i++) {
        for (Term t : terms.get(i)) {
          mark(t.symbol(), i, uses);
        }
      }
      double[] cost = new double[n];
      for (int i = 0; i < n; i++) {
        cost[i] = (double) own(terms.get(i)) * (a.width() + constants.get(i).type().width());
      }
      for (int k = 0; k < partials.size(); k++) {
        BitSet users = uses.get(k);
        double share = (double) partials.get(k).width() / Math.max(1, users.cardinality());
        for (int i = users.nextSetBit(0); i >= 0; i = users.nextSetBit(i + 1)) {
          cost[i] += share;
        }
      }
      return cost;
    }

    private void mark(int symbol, int constant, List<BitSet> uses) {
      if (symbol == X || uses.get(symbol - 1).get(constant)) {
        return;
      }
      uses.get(symbol - 1).set(constant);
      Partial p = partials.get(symbol - 1);
      mark(p.first(), constant, uses);
      mark(p.second(), constant, uses);
    }

    MultipleConstantProduct plan(FixedType a, List<Fixed> constants, List<ConstantProduct> single, BitSet inGraph,
        double[] cost) {
      List<ConstantProduct> products = new ArrayList<>();
      for (int i = 0; i < constants.size(); i++) {
        ConstantProduct s = single.get(i);
        if (inGraph.get(i)) {
          products.add(new ConstantProduct(s.constant(), ConstantProduct.Implementation.SHIFT_ADD, s.digits(),
              own(terms.get(i)), (int) Math.round(cost[i]), s.dsps()));
        } else if (s.implementation() == ConstantProduct.Implementation.SHIFT_ADD
            || s.implementation() == ConstantProduct.Implementation.DSP) {
          products.add(new ConstantProduct(s.constant(), ConstantProduct.Implementation.DSP, s.digits(), s.adders(),
              s.adderBits(), s.dsps()));
        } else {
          products.add(s);
        }
      }
      return new MultipleConstantProduct(products, partials, terms, adders(partials.size(), terms));
    }
  }

  /** Bits of the signed code of {@code x * value} for every x of type a. */
  static int width(FixedType a, BigInteger value) {
    BigInteger lo = a.signed() ? BigInteger.ONE.shiftLeft(a.width() - 1).negate() : BigInteger.ZERO;
    BigInteger hi = a.signed() ? BigInteger.ONE.shiftLeft(a.width() - 1).subtract(BigInteger.ONE)
        : BigInteger.ONE.shiftLeft(a.width()).subtract(BigInteger.ONE);
    BigInteger p = lo.multiply(value);
    BigInteger q = hi.multiply(value);
    return Math.max(p.bitLength(), q.bitLength()) + 1;
  }
}
