/**
 * The RTL back end: the planned {@link io.github.srhls.core.design.Design} as synthesizable, fully pipelined
 * Verilog-2005 under {@code rtl/}. The design is first lowered into a {@link io.github.srhls.core.backend.rtl.Netlist}
 * of primitive {@link io.github.srhls.core.backend.rtl.Cell}s (adders, products, casts, table reads, ...), each with
 * its delay from the target family's delay model; a scheduler then places pipeline registers so that no stage is
 * longer than the clock period, and the writer prints the top module with the interface users instantiate.
 *
 * <p>{@link io.github.srhls.core.backend.rtl.Arith} lowers the fixed-point operations into cells bit-exact with
 * {@link io.github.srhls.core.fixed.Fixed}: adders split into chunks of at most 48 carry bits, products on DSP48E2
 * (split into partial products beyond 27 x 18), constant products as canonical-signed-digit adder graphs or DSPs by
 * the cost of {@link io.github.srhls.core.backend.rtl.ConstantProduct} (several constants of one value on one graph
 * that shares partial sums, {@link io.github.srhls.core.backend.rtl.MultipleConstantProduct}), casts as a rounding
 * adder then overflow
 * detection and selection, division as one non-restoring step per quotient bit.
 *
 * <p>In the pipeline: planned design → <b>back ends</b> → simulation (Verilator) and open synthesis (Yosys).
 *
 * <p>May use (layer 11 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 10; today diag, fixed, expr, ir, design.units and design. Not another back end.
 */
package io.github.srhls.core.backend.rtl;
