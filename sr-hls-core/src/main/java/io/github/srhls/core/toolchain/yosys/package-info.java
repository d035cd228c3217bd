/**
 * Open synthesis with Yosys: {@link io.github.srhls.core.toolchain.yosys.Yosys} finds the program and its version,
 * {@link io.github.srhls.core.toolchain.yosys.OpenSynthesis} maps the generated RTL onto the target family's cells
 * with {@code synth_xilinx} from a script file, and {@link io.github.srhls.core.toolchain.yosys.CellCounts} reads
 * the cells Yosys used from its JSON statistics ({@code stat -json}) into the figures of an
 * {@link io.github.srhls.core.toolchain.yosys.OpenSynthesisReport}: LUTs by size, flip-flops, carry chains, DSPs,
 * block RAM and LUT RAM. Yosys has no timing model for AMD parts: latency and clock come from the RTL back end's
 * pipeline and delay model, never from here.
 *
 * <p>In the pipeline: back ends → simulation → <b>toolchains</b> (AMD, and open tools beside it) → report.
 *
 * <p>May use (layer 14 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 13; today diag and process.
 */
package io.github.srhls.core.toolchain.yosys;
