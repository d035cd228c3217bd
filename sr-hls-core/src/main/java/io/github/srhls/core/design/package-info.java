/**
 * The planned design, the one thing every back end consumes: {@link io.github.srhls.core.design.Design} is the graph
 * with a fixed-point type for every node, the quantized constants and the function units, and nothing target-specific.
 * {@link io.github.srhls.core.design.DesignBuilder} plans it from a {@link io.github.srhls.core.design.DesignRequest},
 * with one type for all internal nodes or with {@link io.github.srhls.core.design.AutoPrecision} (the fewest bits that
 * keep every output within the error budget); {@link io.github.srhls.core.design.BitAccurateModel} computes in Java
 * what the firmware will compute, bit for bit; {@link io.github.srhls.core.design.DesignReport} is
 * {@code sr-hls-design.json}.
 *
 * <p>In the pipeline: IR → <b>planned design</b> → back ends, and the testbench's expected outputs.
 *
 * <p>May use (layer 9 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 8; today diag, fixed, expr, ir and design.units. No back end, simulation or toolchain.
 */
package io.github.srhls.core.design;
