package io.github.srhls.core.backend.rtl;

import java.util.List;

/**
 * One primitive operation of the datapath: {@code out} computed from {@code inputs}. The scheduler decides in which
 * pipeline stage a cell sits and so which registered copy of each input it reads; {@link Body} writes the cell's
 * Verilog for those names.
 *
 * @param out the signal this cell defines
 * @param inputs the signals it reads, in the order {@link Body#verilog} receives their names
 * @param body its Verilog
 * @param delayNs its combinational delay by the target's delay model, from its inputs to {@code out} (for a cell
 *     with internal registers: from its last internal register to {@code out})
 * @param latency clock cycles between its inputs and {@code out} inside the cell itself (0: combinational; a
 *     block-RAM read or a DSP with its own registers has more)
 * @param what a few words for comments and error messages ("adder 17 bits", "sin table read")
 * @param resource what it is built of, for the cost estimate (set where the cell is made)
 */
public record Cell(Signal out, List<Signal> inputs, Body body, double delayNs, int latency, String what,
    Resource resource) {

  public Cell {
    inputs = List.copyOf(inputs);
    if (delayNs < 0 || latency < 0) {
      throw new IllegalArgumentException("negative delay or latency for " + what);
    }
  }

  /** Writes a cell's Verilog. */
  @FunctionalInterface
  public interface Body {
    /**
     * The statements that define {@code out}: the caller has declared {@code wire <out's range> <out>;} and the
     * text must contain exactly one {@code assign <out> = ...;} (or, for a cell with latency, drive a reg named
     * {@code out}, declared by the text itself, from {@code always @(posedge clk)} blocks). Local wires and regs the
     * text declares are named {@code <out>_<something>}, so that cells never collide.
     *
     * @param out the name of the cell's output
     * @param in the names of its inputs as seen in the cell's pipeline stage, in {@link Cell#inputs()} order
     */
    String verilog(String out, List<String> in);
  }
}
