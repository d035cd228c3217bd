/**
 * Host C simulation of a generated project: find a C++ compiler, build the testbench against sr-hls's own
 * fixed-point headers, run it, and compare its outputs bit for bit with the expected ones and against the float64
 * reference. The outcome is a value ({@link io.github.srhls.core.simulation.host.SimulationResult}); writing it
 * into {@code report.json} is the report package's job, which is above this one.
 */
package io.github.srhls.core.simulation.host;
