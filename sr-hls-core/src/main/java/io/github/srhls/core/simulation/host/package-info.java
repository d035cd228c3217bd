/**
 * Host C simulation of a generated project: find a C++ compiler, build the testbench against sr-hls's own
 * fixed-point headers, run it, compare its outputs bit for bit with the expected ones and against the float64
 * reference, and write {@code report.json}.
 */
package io.github.srhls.core.simulation.host;
