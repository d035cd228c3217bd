/**
 * Running the AMD flow for one model: C simulation, synthesis, co-simulation and IP export
 * ({@link io.github.srhls.core.toolchain.amd.VendorStep}) on a copy of the generated project in a
 * {@link io.github.srhls.core.toolchain.amd.VendorWorkspace}, each step judged from the tool's log lines and report
 * files, never from an exit status alone ({@link io.github.srhls.core.toolchain.amd.VendorBuild}). What the build asks
 * is {@link io.github.srhls.core.toolchain.amd.VendorSettings}; what was found is a
 * {@link io.github.srhls.core.toolchain.amd.VendorReport}. Finding the tool, its scripts and reading its reports are
 * the sub-packages {@code detect}, {@code scripts} and {@code reports}.
 *
 * <p>In the pipeline: toolchains, AMD: detection, scripts, <b>running</b>, report parsing. Open-source tools go beside
 * it, as {@code toolchain.<name>}.
 *
 * <p>May use (layer 16 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 15; today diag, process, project, incremental, simulation.host and its three sub-packages.
 */
package io.github.srhls.core.toolchain.amd;
