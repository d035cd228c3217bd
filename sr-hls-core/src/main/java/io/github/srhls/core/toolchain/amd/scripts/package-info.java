/**
 * The scripts a generated project carries for AMD's tools
 * ({@link io.github.srhls.core.toolchain.amd.scripts.HlsScripts}): the Tcl scripts of Vivado HLS and Vitis HLS and the
 * {@code hls_config.cfg} of the unified flow, made from a model's
 * {@link io.github.srhls.core.toolchain.amd.scripts.HlsProjectSpec} and
 * {@link io.github.srhls.core.toolchain.amd.scripts.IpMetadata}. They run by hand exactly as the build runs them.
 *
 * <p>In the pipeline: toolchains, AMD: detection, <b>scripts</b>, running, report parsing. Generation writes them into
 * every project.
 *
 * <p>May use (layer 14 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 13; today none. Not its sibling toolchain.amd.detect.
 */
package io.github.srhls.core.toolchain.amd.scripts;
