package io.github.srhls.core.backend.rtl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints a scheduled netlist as one Verilog-2005 module with the sr-hls interface: {@code clk}, {@code rst},
 * {@code in_valid}, the input ports, {@code out_valid}, the output ports. A signal read k stages after the one that
 * produces it is read from {@code _<signal>__q<k>}, the last of a chain of k registers; the output ports are driven by
 * registers. Data registers have no reset (the mapping to DSP and SRL primitives needs none): {@code rst} clears
 * only the valid chain.
 */
public final class VerilogWriter {
  private VerilogWriter() {}

  /**
   * The module text.
   *
   * @param header comment lines without the comment marker, printed first
   */
  public static String module(String name, Netlist net, Schedule schedule, List<String> header) {
    Map<String, Integer> cellIndex = new HashMap<>();
    for (int i = 0; i < net.cells().size(); i++) {
      cellIndex.put(net.cells().get(i).out().name(), i);
    }
    // how many registered copies of each signal some reader needs, by signal name (sorted: stable text)
    Map<String, Integer> depth = new TreeMap<>();
    Map<String, Signal> signals = new HashMap<>();
    for (Signal in : net.inputs()) {
      signals.put(in.name(), in);
    }
    for (int i = 0; i < net.cells().size(); i++) {
      Cell c = net.cells().get(i);
      signals.put(c.out().name(), c.out());
      for (Signal in : c.inputs()) {
        need(depth, in, schedule.stages().get(i) - schedule.producedIn(net, in, cellIndex));
      }
    }
    for (Signal out : net.outputs().values()) {
      need(depth, out, schedule.latency() - schedule.producedIn(net, out, cellIndex));
    }

    StringBuilder b = new StringBuilder();
    for (String line : header) {
      b.append(line.isEmpty() ? "//" : "// " + line).append('\n');
    }
    b.append("module ").append(name).append(" (\n");
    List<String> ports = new ArrayList<>(List.of("input wire clk", "input wire rst", "input wire in_valid"));
    for (Signal in : net.inputs()) {
      ports.add("input wire " + in.range() + " " + in.name());
    }
    ports.add("output wire out_valid");
    net.outputs().forEach((port, s) -> ports.add("output wire " + s.range() + " " + port));
    b.append("  ").append(String.join(",\n  ", ports)).append("\n);\n");

    int stage = -1;
    for (int i = 0; i < net.cells().size(); i++) {
      Cell c = net.cells().get(i);
      int s = schedule.stages().get(i);
      if (s != stage) {
        b.append("\n  // stage ").append(s).append('\n');
        stage = s;
      }
      List<String> in = new ArrayList<>(c.inputs().size());
      for (Signal x : c.inputs()) {
        in.add(copy(x.name(), s - schedule.producedIn(net, x, cellIndex)));
      }
      b.append("  // ").append(c.what()).append('\n');
      if (c.latency() == 0) {
        b.append("  wire ").append(c.out().range()).append(' ').append(c.out().name()).append(";\n");
      }
      b.append(indent(c.body().verilog(c.out().name(), in)));
    }

    b.append("\n  // pipeline registers\n");
    depth.forEach((signal, d) -> {
      Signal s = signals.get(signal);
      for (int k = 1; k <= d; k++) {
        b.append("  reg ").append(s.range()).append(' ').append(copy(signal, k)).append(";\n");
      }
    });
    b.append("  always @(posedge clk) begin\n");
    depth.forEach((signal, d) -> {
      for (int k = 1; k <= d; k++) {
        b.append("    ").append(copy(signal, k)).append(" <= ").append(copy(signal, k - 1)).append(";\n");
      }
    });
    b.append("  end\n");

    int l = schedule.latency();
    b.append("\n  // the valid chain: ").append(l).append(l == 1 ? " cycle\n" : " cycles\n");
    b.append("  reg [").append(l - 1).append(":0] _valid;\n");
    b.append("  always @(posedge clk) begin\n");
    b.append("    _valid <= rst ? ").append(l).append("'b0 : ")
        .append(l == 1 ? "in_valid" : "{_valid[" + (l - 2) + ":0], in_valid}").append(";\n");
    b.append("  end\n");
    b.append("  assign out_valid = _valid[").append(l - 1).append("];\n");
    net.outputs().forEach((port, s) -> b.append("  assign ").append(port).append(" = ")
        .append(copy(s.name(), l - schedule.producedIn(net, s, cellIndex))).append(";\n"));
    return b.append("endmodule\n").toString();
  }

  private static void need(Map<String, Integer> depth, Signal s, int k) {
    if (k > 0) {
      depth.merge(s.name(), k, Math::max);
    }
  }

  private static String copy(String signal, int k) {
    return k == 0 ? signal : "_" + signal + "__q" + k;
  }

  private static String indent(String text) {
    StringBuilder b = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        b.append("  ").append(line).append('\n');
      }
    }
    return b.toString();
  }
}
