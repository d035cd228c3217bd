package io.github.srhls.core.design;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.srhls.core.design.units.FunctionUnit;
import io.github.srhls.core.design.units.TableUnit;
import io.github.srhls.core.ir.Graph;
import io.github.srhls.core.ir.Interval;
import io.github.srhls.core.ir.NodeText;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sr-hls-design.json}: what the firmware computes, node by node, and what it costs, written by generate
 * beside the firmware so users can read the plan before any synthesis.
 *
 * @param plan {@code uniform} or {@code auto}
 * @param errorBudget the budget auto worked to (null under uniform, or when it was derived per output)
 * @param cost the cost estimate
 * @param nodes every temporary of the top function, in order
 * @param notes what the plan could not do as asked
 */
@JsonPropertyOrder({"plan", "errorBudget", "cost", "nodes", "notes"})
public record DesignReport(String plan, Double errorBudget, DesignStats cost, List<NodeReport> nodes,
    List<String> notes) {

  public static final String FILE_NAME = "sr-hls-design.json";

  public DesignReport {
    nodes = List.copyOf(nodes);
    notes = List.copyOf(notes);
  }

  /**
   * @param name the temporary in the C++ ({@code t12})
   * @param expression what it computes
   * @param type its C++ type
   * @param range where its exact value lies for inputs in their declared ranges (null where unbounded)
   * @param unit the function unit computing it, if any ({@code sin: 1024-entry table})
   */
  @JsonPropertyOrder({"name", "expression", "type", "range", "unit"})
  public record NodeReport(String name, String expression, String type, double[] range, String unit) {}

  public static DesignReport of(Design d, String plan, Double errorBudget) {
    Graph g = d.graph();
    List<NodeReport> nodes = new ArrayList<>();
    for (int id = 0; id < g.size(); id++) {
      if (!d.isLive(id)) {
        continue;
      }
      Interval r = d.ranges().get(id);
      String unit = d.units().containsKey(id) ? describe(d, id) : null;
      nodes.add(new NodeReport("t" + id, NodeText.of(g, id), d.type(id).cpp(),
          r.bounded() ? new double[] {r.lo(), r.hi()} : null, unit));
    }
    return new DesignReport(plan, errorBudget, DesignStats.of(d), nodes, d.notes());
  }

  /** {@code sin: 256 segments of degree 1}, or {@code hls::sin}. */
  private static String describe(Design d, int id) {
    FunctionUnit unit = d.units().get(id);
    String f = unit.function().canonicalName();
    if (unit instanceof TableUnit t) {
      return f + ": " + t.segments().size() + " segments of degree " + t.segments().degree();
    }
    return "hls::" + f;
  }
}
