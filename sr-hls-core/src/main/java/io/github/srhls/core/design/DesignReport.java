package io.github.srhls.core.design;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.srhls.core.design.units.FunctionUnit;
import io.github.srhls.core.fixed.FixedType;
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
 * @param inputs each input's name and own type, in {@code x[]} order
 * @param outputs each output's type and the expression it was compiled from (for PySR outputs, the hall-of-fame
 *     row chosen), in {@code y[]} order: what the site report shows; empty in a file of an older version
 * @param cost the cost estimate
 * @param rtl the pipelined RTL's figures, or why there is none; null when generate was asked for no RTL
 * @param nodes every temporary of the top function, in order
 * @param notes what the plan could not do as asked
 */
@JsonPropertyOrder({"plan", "errorBudget", "inputs", "outputs", "cost", "rtl", "nodes", "notes"})
public record DesignReport(String plan, Double errorBudget, List<Port> inputs, List<Output> outputs,
    DesignStats cost, Rtl rtl, List<NodeReport> nodes, List<String> notes) {

  public static final String FILE_NAME = "sr-hls-design.json";

  public DesignReport {
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    outputs = outputs == null ? List.of() : List.copyOf(outputs);
    nodes = List.copyOf(nodes);
    notes = List.copyOf(notes);
  }

  /**
   * The RTL back end's module, by its delay model: the pipeline it built for the target clock, and its data ports.
   * Where it could not emit the design, every figure is null and {@code note} says why.
   *
   * @param file the module's file in the generated project ({@code rtl/<name>.v})
   * @param top the module's name
   * @param part the part scheduled for
   * @param family the part's family (Yosys's name)
   * @param clockNs the clock period scheduled for
   * @param latencyCycles L, cycles from the inputs to the outputs
   * @param latencyNs L times the clock period
   * @param initiationInterval cycles between input vectors: 1, fully pipelined
   * @param criticalPathNs the longest register-to-register path the delay model predicts
   * @param wireType {@code input_t}: a test vector's value goes to it first, then to the input port's own type
   * @param inputs the data input ports in order, each with the type whose raw bits it carries
   * @param outputs the data output ports in order
   * @param estimate the resources the module is estimated to take (not a synthesis result), or null
   * @param note why there is no RTL, or null
   */
  @JsonPropertyOrder({"file", "top", "part", "family", "clockNs", "latencyCycles", "latencyNs", "initiationInterval",
      "criticalPathNs", "wireType", "inputs", "outputs", "estimate", "note"})
  public record Rtl(String file, String top, String part, String family, Double clockNs, Integer latencyCycles,
      Double latencyNs, Integer initiationInterval, Double criticalPathNs, String wireType, List<Port> inputs,
      List<Port> outputs, Estimate estimate, String note) {

    /** A design the RTL back end could not emit. */
    public static Rtl none(String note) {
      return new Rtl(null, null, null, null, null, null, null, null, null, null, null, null, null, note);
    }
  }

  /**
   * The RTL's resources as the RTL back end estimates them from the arithmetic it chose and the registers its
   * pipeline needs, by a per-primitive model calibrated against Yosys ({@code synth_xilinx}); an estimate, not a
   * synthesis result.
   *
   * @param basis what the figures are: {@code estimate (...)}
   * @param lut LUTs of logic
   * @param ff flip-flops
   * @param carry carry-chain primitives
   * @param dsp DSP48E2 slices
   * @param bram18k block RAM in 18 Kb halves
   * @param lutram LUTs used as shift registers
   * @param lutByKind the LUTs of logic by the kind of operation they implement (adder, lut rom, ...)
   */
  @JsonPropertyOrder({"basis", "lut", "ff", "carry", "dsp", "bram18k", "lutram", "lutByKind"})
  public record Estimate(String basis, long lut, long ff, long carry, long dsp, long bram18k, long lutram,
      java.util.Map<String, Long> lutByKind) {}

  /**
   * A data port of the RTL module.
   *
   * @param name the port's name (the input's or output's)
   * @param type the fixed-point type whose raw bits it carries ({@code FixedType.parse} reads it)
   * @param width its bits
   */
  @JsonPropertyOrder({"name", "type", "width"})
  public record Port(String name, String type, int width) {}

  /**
   * An output of the model as the firmware computes it.
   *
   * @param name the output's name
   * @param type the type of its value in the design (before the write to {@code result_t})
   * @param expression the expression text it was compiled from, as written in the model file or the hall of fame
   * @param pysr the hall-of-fame row it was taken from; null for an expression written in the model file
   */
  @JsonPropertyOrder({"name", "type", "expression", "pysr"})
  public record Output(String name, String type, String expression, PysrRow pysr) {}

  /**
   * The hall-of-fame row an output was taken from.
   *
   * @param file the CSV, relative to the project, {@code /}-separated
   * @param row its 0-based index in file order (PySR's {@code equations_} index)
   * @param complexity PySR's complexity
   * @param loss PySR's loss
   */
  @JsonPropertyOrder({"file", "row", "complexity", "loss"})
  public record PysrRow(String file, int row, int complexity, double loss) {}

  /** This report with the RTL's figures. */
  public DesignReport withRtl(Rtl figures) {
    return new DesignReport(plan, errorBudget, inputs, outputs, cost, figures, nodes, notes);
  }

  /** This report with the outputs' expressions and origins. */
  public DesignReport withOutputs(List<Output> described) {
    return new DesignReport(plan, errorBudget, inputs, described, cost, rtl, nodes, notes);
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
    List<Port> inputs = new ArrayList<>();
    for (int k = 0; k < g.inputNames().size(); k++) {
      FixedType t = d.inputTypes().get(k);
      inputs.add(new Port(g.inputNames().get(k), t.cpp(), t.width()));
    }
    List<Output> outputs = new ArrayList<>();
    for (int k = 0; k < g.outputs().size(); k++) {
      outputs.add(new Output(g.outputNames().get(k), d.type(g.outputs().get(k)).cpp(), null, null));
    }
    return new DesignReport(plan, errorBudget, inputs, outputs, DesignStats.of(d), null, nodes, d.notes());
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
