package io.github.srhls.core.ir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Interval subdivision for one operand that must stay off an edge of its domain: the ranges of the inputs it
 * depends on are bisected, breadth first, widest first, and the operand enclosed over each piece; pieces whose
 * enclosure keeps off the edge are done, the others are bisected again. The hull of the enclosures over all pieces
 * encloses the operand, tighter than the enclosure over the whole box, as each piece sees less of the correlation
 * that interval arithmetic loses. At each piece the operand is also evaluated (float model) at its corners and
 * centre, looking for a point where it really is at the edge: then there is nothing to prove.
 *
 * <p>Bounded: at most {@link #MAX_BOXES} pieces, and within what is left of the model's work budget, so the result
 * never depends on the machine's speed.
 */
final class Subdivision {
  static final int MAX_BOXES = 4096;
  /** Up to this many inputs every corner of a piece is sampled; above, the lowest and highest corners only. */
  private static final int CORNER_DIMENSIONS = 4;

  private final Graph graph;
  private final FactorPowers powers;
  private final int target;
  private final DomainFinding.Need need;
  private final Interval[] global;
  private final List<Interval> inputRanges;
  /** The nodes the target depends on, itself included, in id order. */
  private final int[] cone;
  /** The inputs it depends on, by index. */
  private final int[] dims;
  private final Interval[] boxRanges;
  private final double[] values;
  /** The input ranges with the current piece's in place of the declared ones. */
  private final List<Interval> boxInputs;

  private Interval enclosure;
  private DomainFinding finding;
  private DomainFinding.Sample positive;
  private DomainFinding.Sample negative;
  private DomainFinding.Sample closest;

  /** A piece of the input box and the enclosure of its parent, which holds it until it is evaluated. */
  private record Piece(double[] lo, double[] hi, Interval parent) {}

  Subdivision(Graph graph, FactorPowers powers, int target, DomainFinding.Need need, Interval[] global,
      List<Interval> inputRanges, long[] work) {
    this.graph = graph;
    this.powers = powers;
    this.target = target;
    this.need = need;
    this.global = global;
    this.inputRanges = inputRanges;
    // the cone by one sweep down the ids (operands come before users), not by recursion: graphs can be deep
    boolean[] needed = new boolean[target + 1];
    needed[target] = true;
    List<Integer> nodes = new ArrayList<>();
    TreeSet<Integer> inputs = new TreeSet<>();
    for (int id = target; id >= 0; id--) {
      if (!needed[id]) {
        continue;
      }
      nodes.add(id);
      if (graph.node(id) instanceof Node.Input in) {
        inputs.add(in.index());
      } else if (graph.node(id) instanceof Node.Op op) {
        for (int a : op.args()) {
          needed[a] = true;
        }
      }
    }
    work[0] -= target + 1;
    this.cone = nodes.stream().mapToInt(Integer::intValue).sorted().toArray();
    this.dims = inputs.stream().mapToInt(Integer::intValue).toArray();
    this.boxRanges = new Interval[graph.size()];
    this.values = new double[graph.size()];
    this.boxInputs = new ArrayList<>(inputRanges);
    run(work);
  }

  /** An enclosure of the target over the whole input box. */
  Interval enclosure() {
    return enclosure;
  }

  /** What was found where the target could not be kept off the edge; null where it was. */
  DomainFinding finding() {
    return finding;
  }

  private void run(long[] work) {
    int samples = dims.length <= CORNER_DIMENSIONS ? (1 << dims.length) + 1 : 3;
    long cost = (long) cone.length * (1 + samples);
    // the whole box is always tried once, so a finding has a sample
    long maxBoxes = Math.max(1, Math.min(MAX_BOXES, work[0] / cost));
    double[] lo = new double[dims.length];
    double[] hi = new double[dims.length];
    for (int d = 0; d < dims.length; d++) {
      lo[d] = inputRanges.get(dims[d]).lo();
      hi[d] = inputRanges.get(dims[d]).hi();
    }
    double[] widths = new double[dims.length];
    for (int d = 0; d < dims.length; d++) {
      widths[d] = hi[d] - lo[d];
    }
    ArrayDeque<Piece> queue = new ArrayDeque<>();
    queue.add(new Piece(lo, hi, global[target]));
    Interval hull = null;
    boolean unresolved = false;
    int boxes = 0;
    while (!queue.isEmpty() && boxes < maxBoxes) {
      Piece p = queue.poll();
      boxes++;
      work[0] -= cost;
      if (sample(p)) {
        enclosure = Interval.ALL;
        finding = new DomainFinding(target, need, true,
            closest != null && need.violatedBy(closest.value()) ? List.of(closest) : List.of(negative, positive),
            dimList(), boxes);
        return;
      }
      Interval e = evaluate(p);
      if (need.holds(e)) {
        hull = union(hull, e);
        continue;
      }
      int d = widest(p, widths);
      double mid = d < 0 ? Double.NaN : 0.5 * (p.lo[d] + p.hi[d]);
      if (d < 0 || !(p.lo[d] < mid && mid < p.hi[d])) {
        // a point, or too narrow to halve: it stays as it is
        hull = union(hull, e);
        unresolved = true;
        continue;
      }
      double[] leftHi = p.hi.clone();
      leftHi[d] = mid;
      double[] rightLo = p.lo.clone();
      rightLo[d] = mid;
      queue.add(new Piece(p.lo, leftHi, e));
      queue.add(new Piece(rightLo, p.hi, e));
    }
    for (Piece p : queue) {
      hull = union(hull, p.parent);
      unresolved = true;
    }
    enclosure = hull == null ? global[target] : hull;
    if (unresolved && !need.holds(enclosure)) {
      finding = new DomainFinding(target, need, false, closest == null ? List.of() : List.of(closest), dimList(),
          boxes);
    }
  }

  /** The widest side of the piece relative to the declared range, or -1 for a point. */
  private static int widest(Piece p, double[] widths) {
    int best = -1;
    double most = 0;
    for (int d = 0; d < widths.length; d++) {
      double w = widths[d] > 0 ? (p.hi[d] - p.lo[d]) / widths[d] : 0;
      if (w > most) {
        most = w;
        best = d;
      }
    }
    return best;
  }

  /** The target's enclosure over the piece: every node of its cone again, within its enclosure over the box. */
  private Interval evaluate(Piece p) {
    List<Interval> inputs = boxInputs;
    for (int d = 0; d < dims.length; d++) {
      inputs.set(dims[d], new Interval(p.lo[d], p.hi[d]));
    }
    for (int id : cone) {
      Interval r = RangeAnalysis.node(graph, powers, id, boxRanges, inputs);
      boxRanges[id] = graph.node(id) instanceof Node.Op ? r.intersect(global[id]) : r;
    }
    return boxRanges[target].intersect(p.parent);
  }

  /** Samples the piece's centre and corners; true when a sample shows the target at the edge. */
  private boolean sample(Piece p) {
    int n = dims.length <= CORNER_DIMENSIONS ? 1 << dims.length : 2;
    for (int k = 0; k <= n; k++) {
      double[] point = new double[inputRanges.size()];
      for (int i = 0; i < point.length; i++) {
        point[i] = 0.5 * (inputRanges.get(i).lo() + inputRanges.get(i).hi());
      }
      for (int d = 0; d < dims.length; d++) {
        // k = 0 is the centre, then the corners
        boolean high = dims.length <= CORNER_DIMENSIONS ? ((k - 1) >> d & 1) != 0 : k == 2;
        point[dims[d]] = k == 0 ? 0.5 * (p.lo[d] + p.hi[d]) : high ? p.hi[d] : p.lo[d];
      }
      double v = value(point);
      if (Double.isNaN(v)) {
        continue;
      }
      DomainFinding.Sample s = new DomainFinding.Sample(point, v);
      if (closest == null || distance(v) < distance(closest.value())) {
        closest = s;
      }
      if (need.violatedBy(v)) {
        return true;
      }
      if (v > 0 && positive == null) {
        positive = s;
      } else if (v < 0 && negative == null) {
        negative = s;
      }
      if (positive != null && negative != null) {
        return true;
      }
    }
    return false;
  }

  /** How far a value is from the edge, on the side that matters. */
  private double distance(double v) {
    return need == DomainFinding.Need.NONZERO ? Math.abs(v) : v;
  }

  /** The target's value in the float model at one input vector. */
  private double value(double[] point) {
    double[] operands = new double[2];
    for (int id : cone) {
      Node n = graph.node(id);
      if (n instanceof Node.Const c) {
        values[id] = c.value();
      } else if (n instanceof Node.Input in) {
        values[id] = point[in.index()];
      } else {
        Node.Op op = (Node.Op) n;
        double[] a = op.args().size() == 2 ? operands : new double[op.args().size()];
        for (int k = 0; k < a.length; k++) {
          a[k] = values[op.arg(k)];
        }
        values[id] = FloatSemantics.apply(op.op(), a);
      }
    }
    return values[target];
  }

  private List<Integer> dimList() {
    List<Integer> list = new ArrayList<>();
    for (int d : dims) {
      list.add(d);
    }
    return list;
  }

  private static Interval union(Interval a, Interval b) {
    return a == null ? b : new Interval(Math.min(a.lo(), b.lo()), Math.max(a.hi(), b.hi()));
  }
}
