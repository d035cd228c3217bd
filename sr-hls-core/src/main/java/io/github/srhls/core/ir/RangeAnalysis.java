package io.github.srhls.core.ir;

import io.github.srhls.core.expr.Builtin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The range each node's exact value can take, from the declared input ranges: guaranteed enclosures, since they
 * size the function tables and the integer bits of each node, and an overflow in the firmware would be silent. The
 * bounds hold for real arithmetic; the fixed-point firmware strays from it by its own errors, which the precision
 * plan adds on top.
 *
 * <p>Three methods, each where the one before loses the correlation between two uses of one value:
 *
 * <ol>
 *   <li>interval arithmetic, rounded outward ({@link IntervalOps});
 *   <li>a product as powers of its factors ({@link FactorPowers}): {@code x*x} and every even power is a square,
 *       not negative, so {@code 1 + a*a} is at least 1;
 *   <li>subdivision ({@link Subdivision}) of the ranges of the inputs an operand depends on, for the operands that
 *       must stay off an edge of their user's domain (a divisor off 0, a logarithm's argument above 0) where the
 *       first two cannot show it: the hull of the enclosures over the pieces is again an enclosure, and a tighter
 *       one. Bounded in work; where it proves nothing it looks for points where the operand really is at the edge
 *       and reports them ({@link DomainFinding}).
 * </ol>
 *
 * Identities such as {@code x - x} and {@code x / x} never reach this analysis: {@link GraphBuilder} folds them.
 */
public final class RangeAnalysis {
  /**
   * Work (node evaluations) all subdivisions of one model may spend together: under a second at worst on a
   * shared two-core machine (200 divisors that no subdivision settles), milliseconds for one.
   */
  static final long MAX_WORK = 5_000_000L;

  private RangeAnalysis() {}

  /** Each node's range, by id. */
  public static Interval[] analyze(Graph graph, List<Interval> inputRanges) {
    return of(graph, inputRanges).intervals();
  }

  /** Each node's range, and what the analysis found about operands it could not keep inside their domain. */
  public static Ranges of(Graph graph, List<Interval> inputRanges) {
    FactorPowers powers = new FactorPowers(graph);
    DomainFinding.Need[] needs = needs(graph);
    Interval[] r = new Interval[graph.size()];
    Map<Integer, DomainFinding> findings = new HashMap<>();
    long[] work = {MAX_WORK};
    for (int id = 0; id < r.length; id++) {
      r[id] = node(graph, powers, id, r, inputRanges);
      DomainFinding.Need need = needs[id];
      if (need != null && !need.holds(r[id])) {
        Subdivision s = new Subdivision(graph, powers, id, need, r, inputRanges, work);
        r[id] = r[id].intersect(s.enclosure());
        if (s.finding() != null) {
          findings.put(id, s.finding());
        }
      }
    }
    return new Ranges(r, findings);
  }

  /**
   * One node's range from its operands' ranges in {@code r} (inputs from {@code inputs}): interval arithmetic,
   * and for a product with a repeated factor the tighter of that and its factors' powers.
   */
  static Interval node(Graph graph, FactorPowers powers, int id, Interval[] r, List<Interval> inputs) {
    Node n = graph.node(id);
    if (n instanceof Node.Const c) {
      return Interval.point(c.value());
    }
    if (n instanceof Node.Input in) {
      return inputs.get(in.index());
    }
    Node.Op op = (Node.Op) n;
    Interval plain = IntervalOps.apply(op.op(), r[op.arg(0)], op.args().size() > 1 ? r[op.arg(1)] : null);
    Interval factored = op.op() == Builtin.MUL ? powers.range(id, r) : null;
    return factored == null ? plain : plain.intersect(factored);
  }

  /** What the live users of each node need of it: a divisor must not be 0, a logarithm's argument above it. */
  private static DomainFinding.Need[] needs(Graph graph) {
    boolean[] live = graph.live();
    DomainFinding.Need[] needs = new DomainFinding.Need[graph.size()];
    for (int id = 0; id < graph.size(); id++) {
      if (!live[id] || !(graph.node(id) instanceof Node.Op op)) {
        continue;
      }
      switch (op.op()) {
        case DIV -> needs[op.arg(1)] = stricter(needs[op.arg(1)], DomainFinding.Need.NONZERO);
        case CBRT -> needs[op.arg(0)] = stricter(needs[op.arg(0)], DomainFinding.Need.NONZERO);
        case LOG, LOG2, LOG10, SQRT -> needs[op.arg(0)] = DomainFinding.Need.POSITIVE;
        default -> { }
      }
    }
    return needs;
  }

  private static DomainFinding.Need stricter(DomainFinding.Need had, DomainFinding.Need need) {
    return had == DomainFinding.Need.POSITIVE ? had : need;
  }
}
