/**
 * The vendor's arbitrary-precision fixed-point types, bit for bit, in Java:
 * {@link io.github.srhls.core.fixed.FixedType} (types and modes), {@link io.github.srhls.core.fixed.Fixed} (exact
 * values; assignment with quantization and overflow; full-precision arithmetic) and
 * {@link io.github.srhls.core.fixed.FixedOp} (result types). The C++ host headers shipped in
 * {@code io/github/srhls/core/include/} compute the same bits, which a differential test checks with g++.
 *
 * <p>In the pipeline: at the bottom: the arithmetic of every stage that plans, computes or checks fixed-point values.
 *
 * <p>May use (layer 0 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): no other package of sr-hls.
 */
package io.github.srhls.core.fixed;
