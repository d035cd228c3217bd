/**
 * The Java model of the vendor's arbitrary-precision fixed-point types: types, quantization and overflow, the
 * full-precision result types of the operators. It computes the bit-accurate expected outputs that the C++ host
 * header and the vendor's headers must reproduce.
 */
package io.github.srhls.core.fixed;
