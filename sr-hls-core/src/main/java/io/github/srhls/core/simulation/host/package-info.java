/**
 * Host C simulation of a generated project: find a C++ compiler, build the testbench against sr-hls's own
 * fixed-point headers, run it, and compare its outputs bit for bit with the expected ones and against the float64
 * reference. The outcome is a value ({@link io.github.srhls.core.simulation.host.SimulationResult}); writing it
 * into {@code report.json} is the report package's job, which is above this one.
 *
 * <p>In the pipeline: back ends and testbench → <b>simulation</b> → toolchains and report. RTL simulation goes beside
 * this one, as {@code simulation.rtl}.
 *
 * <p>May use (layer 13 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 12; today diag, process, project and testbench. Not another simulation.
 */
package io.github.srhls.core.simulation.host;
