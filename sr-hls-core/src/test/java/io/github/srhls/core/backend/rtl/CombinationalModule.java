package io.github.srhls.core.backend.rtl;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.process.ToolInvocation;
import io.github.srhls.core.process.ToolResult;
import io.github.srhls.core.process.ToolRunner;
import io.github.srhls.core.simulation.rtl.Port;
import io.github.srhls.core.simulation.rtl.Verilated;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A netlist as one combinational module with the sr-hls interface (every cell in stage 0, out_valid = in_valid), built
 * by the real Verilator: enough to check cells bit for bit until the pipelining writer exists.
 */
final class CombinationalModule {
  private static final ToolRunner RUNNER = new ToolRunner(BuildLog.silent());

  private CombinationalModule() {}

  static String verilog(String top, Netlist net) {
    StringBuilder b = new StringBuilder("module ").append(top).append(" (\n");
    b.append("  input wire clk,\n  input wire rst,\n  input wire in_valid,\n");
    for (Signal s : net.inputs()) {
      b.append("  input wire ").append(s.range()).append(' ').append(s.name()).append(",\n");
    }
    b.append("  output wire out_valid");
    for (Map.Entry<String, Signal> e : net.outputs().entrySet()) {
      b.append(",\n  output wire ").append(e.getValue().range()).append(' ').append(e.getKey());
    }
    b.append("\n);\n");
    for (Cell c : net.cells()) {
      if (c.latency() != 0) {
        throw new IllegalArgumentException("a combinational module has no room for " + c.what());
      }
      b.append("  // ").append(c.what()).append('\n');
      b.append("  wire ").append(c.out().range()).append(' ').append(c.out().name()).append(";\n");
      List<String> names = c.inputs().stream().map(Signal::name).toList();
      for (String line : c.body().verilog(c.out().name(), names).split("\n")) {
        b.append("  ").append(line).append('\n');
      }
    }
    b.append("  assign out_valid = in_valid;\n");
    for (Map.Entry<String, Signal> e : net.outputs().entrySet()) {
      b.append("  assign ").append(e.getKey()).append(" = ").append(e.getValue().name()).append(";\n");
    }
    return b.append("endmodule\n").toString();
  }

  /** Builds the module in {@code dir} and runs the vectors (raw input values in port order); raw outputs back. */
  static List<List<BigInteger>> run(Path dir, Netlist net, List<List<BigInteger>> vectors) throws IOException {
    Path source = dir.resolve("dut.v");
    Files.writeString(source, verilog("dut", net));
    List<Port> in = new ArrayList<>();
    for (Signal s : net.inputs()) {
      in.add(new Port(s.name(), s.width()));
    }
    List<Port> out = new ArrayList<>();
    for (Map.Entry<String, Signal> e : net.outputs().entrySet()) {
      out.add(new Port(e.getKey(), e.getValue().width()));
    }
    Verilated sim = Verilated.build(RUNNER, "verilator", dir.resolve("sim"), List.of(source), "dut", in, out);
    Verilated.Run run = sim.run(RUNNER, dir, vectors);
    if (run.outputs().size() != vectors.size() || run.latencyCycles() != 0) {
      throw new AssertionError(run.outputs().size() + " outputs for " + vectors.size() + " vectors, latency "
          + run.latencyCycles());
    }
    return run.outputs();
  }

  /**
   * Has Yosys read and elaborate the module written by {@link #run} in {@code dir} ({@code -noautowire}: an
   * undeclared name is an error); the log when it fails.
   */
  static String yosysProblems(Path dir) {
    ToolResult r = RUNNER.run(ToolInvocation.of("yosys", List.of("yosys", "-q", "-p",
        "read_verilog -noautowire dut.v; hierarchy -check -top dut; proc; check -assert")).withWorkingDirectory(dir)
        .withChatty(true));
    return r.succeeded() ? "" : r.describeExit() + "\n" + String.join("\n", r.lines());
  }

  /** The longest cell, for the message of a delay bound. */
  static Cell slowest(Netlist net) {
    return net.cells().stream().max(java.util.Comparator.comparingDouble(Cell::delayNs)).orElseThrow();
  }

  /** The raw bits of a value as an output port of its width carries them. */
  static BigInteger bits(BigInteger raw, int width) {
    return raw.and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
  }
}
