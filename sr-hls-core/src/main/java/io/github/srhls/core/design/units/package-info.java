/**
 * Function units: sr-hls's own table-based implementations of sin, cos, tan, the hyperbolic functions, exp, the
 * logarithms and the roots ({@link io.github.srhls.core.design.units.TableUnit} and the tables it is made of), computed
 * and quantized in Java and emitted into the firmware, so that every simulator computes the same bits; and
 * {@link io.github.srhls.core.design.units.VendorFunction}, a function left to the vendor's {@code hls::} math library.
 *
 * <p>In the pipeline: part of the planned design, which gives each function node one of these units.
 *
 * <p>May use (layer 8 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 7; today fixed, expr and ir. Not design, which uses it.
 */
package io.github.srhls.core.design.units;
