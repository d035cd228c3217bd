/**
 * RTL simulation of the generated Verilog with Verilator: {@link io.github.srhls.core.simulation.rtl.VerilatorDriver}
 * writes a C++ driver of our own for the module's interface (clk, rst, in_valid, the input ports, out_valid, the
 * output ports), {@link io.github.srhls.core.simulation.rtl.Verilated} builds the module with it and streams raw-bit
 * vectors through it, one per clock cycle, reading the outputs and the latency it observed.
 * {@link io.github.srhls.core.simulation.rtl.RtlSimulator} does that for a generated project's {@code rtl/} with the
 * {@link io.github.srhls.core.simulation.rtl.Verilator} found on the machine, on the project's test vectors, and
 * compares every output bit with the Java model's ({@link io.github.srhls.core.simulation.rtl.RtlResult}).
 *
 * <p>In the pipeline: back ends → <b>simulation</b> → report. Beside the host C simulation, never using it.
 *
 * <p>May use (layer 13 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 12; today diag, fixed, process, project and testbench.
 */
package io.github.srhls.core.simulation.rtl;
