package io.github.srhls.core.ir;

import java.util.Map;

/**
 * What {@link RangeAnalysis} found: an enclosure of each node's exact values over the declared input ranges, and,
 * for each operand that had to stay off a domain edge (a divisor off 0, a logarithm's argument above it) and could
 * not be kept there, what the analysis found about it.
 *
 * @param intervals each node's range, by id
 * @param findings by node id, the operands that may reach their domain's edge
 */
public record Ranges(Interval[] intervals, Map<Integer, DomainFinding> findings) {
  public Ranges {
    findings = Map.copyOf(findings);
  }

  /** The range of one node. */
  public Interval of(int id) {
    return intervals[id];
  }
}
