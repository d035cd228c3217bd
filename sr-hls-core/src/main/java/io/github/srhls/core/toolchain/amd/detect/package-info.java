/**
 * Finding the AMD HLS tool to use ({@link io.github.srhls.core.toolchain.amd.detect.VendorDetector}): the
 * {@code hlsTool} parameter, Maven toolchains of type {@code hls}
 * ({@link io.github.srhls.core.toolchain.amd.detect.ToolchainEntry}), the {@code XILINX_*} variables, the PATH. The
 * tool's own version ({@link io.github.srhls.core.toolchain.amd.detect.HlsVersion}) picks how it is driven
 * ({@link io.github.srhls.core.toolchain.amd.detect.VendorFlow}). What is asked comes as a
 * {@link io.github.srhls.core.toolchain.amd.detect.DetectionRequest}; what is found is an
 * {@link io.github.srhls.core.toolchain.amd.detect.HlsTool}.
 *
 * <p>In the pipeline: toolchains, AMD: <b>detection</b>, scripts, running, report parsing.
 *
 * <p>May use (layer 14 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 13; today diag and process. Not its sibling toolchain.amd.scripts.
 */
package io.github.srhls.core.toolchain.amd.detect;
