/**
 * The vendor's arbitrary-precision fixed-point types, bit for bit: {@link io.github.srhls.core.fixed.FixedType}
 * (types and modes), {@link io.github.srhls.core.fixed.Fixed} (exact values; assignment with quantization and
 * overflow; full-precision arithmetic), {@link io.github.srhls.core.fixed.FixedOp} (result types). The C++ host
 * headers shipped in {@code io/github/srhls/core/include/} compute the same bits, which a differential test checks
 * with g++; the vendor's headers are specified by the facts file fixed-point.md.
 */
package io.github.srhls.core.fixed;
