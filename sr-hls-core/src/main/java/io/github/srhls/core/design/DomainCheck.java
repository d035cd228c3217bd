package io.github.srhls.core.design;

import io.github.srhls.core.expr.Builtin;
import io.github.srhls.core.ir.DomainFinding;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.Interval;
import io.github.srhls.core.ir.Node;
import io.github.srhls.core.ir.NodeText;
import io.github.srhls.core.ir.Ranges;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Operations whose argument can leave their domain for inputs in the declared ranges: log of a non-positive value,
 * sqrt of a negative one, division by a range holding zero. The firmware gives them a defined value (see the
 * function units and the division), but the float model does not, so the user hears of it with the output and
 * the subexpression named.
 */
final class DomainCheck {
  private DomainCheck() {}

  /** @param vendor functions computed by the vendor's library, which decides their value outside the domain */
  static List<String> notes(Graph g, Ranges analysis, boolean[] live, Set<Builtin> vendor) {
    Interval[] ranges = analysis.intervals();
    List<String> notes = new ArrayList<>();
    for (int id = 0; id < g.size(); id++) {
      if (!live[id] || !(g.node(id) instanceof Node.Op op)) {
        continue;
      }
      Interval a = ranges[op.arg(0)];
      String problem = switch (op.op()) {
        case LOG, LOG2, LOG10 -> a.lo() <= 0
            ? String.format(Locale.ROOT, "takes arguments down to %.4g, where the logarithm is undefined; the unit"
                + " gives its value at the smallest positive argument there", a.lo())
            : null;
        case SQRT -> a.lo() < 0
            ? String.format(Locale.ROOT, "takes arguments down to %.4g; the table gives 0 for negative ones", a.lo())
            : null;
        case DIV -> ranges[op.arg(1)].contains(0.0)
            ? "divides by " + NodeText.of(g, op.arg(1)) + zeroDivisor(g, analysis.findings().get(op.arg(1)))
                + "; the firmware saturates there"
            : null;
        default -> null;
      };
      if (problem != null && vendor.contains(op.op())) {
        problem = problem.substring(0, problem.indexOf(';')) + "; there the value is whatever hls::"
            + op.op().canonicalName() + " gives";
      }
      if (problem != null) {
        notes.add("output '" + firstOutputUsing(g, id) + "': " + NodeText.of(g, id) + " " + problem
            + " (over the declared input ranges)");
      }
    }
    return notes;
  }

  /** Where the divisor is 0 as the range analysis found it, or that its range holds 0. */
  private static String zeroDivisor(Graph g, DomainFinding found) {
    // a divisor that is also a logarithm's argument was examined for that: reaching below 0 says nothing of 0
    return found != null && found.real() && found.need() == DomainFinding.Need.NONZERO ? ", which " + found.describe(g).replace(" over the declared input ranges", "")
        .replace(", inside the declared input ranges", "") : ", whose range holds 0";
  }

  private static String firstOutputUsing(Graph g, int id) {
    for (int k = 0; k < g.outputs().size(); k++) {
      if (reaches(g, g.outputs().get(k), id)) {
        return g.outputNames().get(k);
      }
    }
    return "?";
  }

  private static boolean reaches(Graph g, int from, int target) {
    boolean[] seen = new boolean[g.size()];
    List<Integer> stack = new ArrayList<>(List.of(from));
    while (!stack.isEmpty()) {
      int n = stack.remove(stack.size() - 1);
      if (n == target) {
        return true;
      }
      if (!seen[n] && g.node(n) instanceof Node.Op op) {
        seen[n] = true;
        stack.addAll(op.args());
      }
    }
    return false;
  }
}
