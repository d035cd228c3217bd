/**
 * Function units: our own table-based implementations of sin, cos, exp, log and the other functions, computed
 * and quantized in Java and emitted into the firmware, so that every simulator computes the same bits.
 */
package io.github.srhls.core.design.units;
