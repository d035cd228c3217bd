package io.github.srhls.core.backend.rtl;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;

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
    // the registered copies of each signal its readers need (sorted by name: stable text)
    SortedMap<String, SortedSet<Integer>> depths = schedule.readDepths(net);

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
        in.add(copy(x.name(), s - schedule.producedIn(net, x)));
      }
      b.append("  // ").append(c.what()).append('\n');
      if (c.latency() == 0) {
        b.append("  wire ").append(c.out().range()).append(' ').append(c.out().name()).append(";\n");
      }
      b.append(indent(c.body().verilog(c.out().name(), in)));
    }

    b.append("\n  // pipeline registers\n");
    depths.forEach((signal, reads) -> {
      Signal s = net.signal(signal);
      for (int k = 1; k <= reads.last(); k++) {
        b.append("  reg ").append(s.range()).append(' ').append(copy(signal, k)).append(";\n");
      }
    });
    b.append("  always @(posedge clk) begin\n");
    depths.forEach((signal, reads) -> {
      for (int k = 1; k <= reads.last(); k++) {
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
        .append(copy(s.name(), l - schedule.producedIn(net, s))).append(";\n"));
    return b.append("endmodule\n").toString();
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
