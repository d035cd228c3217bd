/**
 * Driving AMD's HLS tools: finding an installation ({@link io.github.srhls.core.toolchain.amd.detect.VendorDetector}), writing
 * the project scripts it runs ({@link io.github.srhls.core.toolchain.amd.scripts.HlsScripts}), running C simulation, synthesis,
 * co-simulation and IP export on a copy of a generated project
 * ({@link io.github.srhls.core.toolchain.amd.VendorBuild}), and reading what the tools print and write
 * ({@link io.github.srhls.core.toolchain.amd.reports.ToolLog}, {@link io.github.srhls.core.toolchain.amd.reports.CsynthXml},
 * {@link io.github.srhls.core.toolchain.amd.reports.CosimRpt}). Pass or fail is decided from log lines and report files, never
 * from an exit status alone.
 */
package io.github.srhls.core.toolchain.amd;
