/**
 * Reading what AMD's tools print and write, for pass or fail: the log lines that decide it
 * ({@link io.github.srhls.core.toolchain.amd.reports.ToolLog}), the synthesis report {@code <top>_csynth.xml}
 * ({@link io.github.srhls.core.toolchain.amd.reports.CsynthXml}, which never resolves an external entity), the
 * co-simulation report {@code <top>_cosim.rpt} ({@link io.github.srhls.core.toolchain.amd.reports.CosimRpt}), and the
 * limits that synthesis must keep ({@link io.github.srhls.core.toolchain.amd.reports.Budgets}).
 *
 * <p>In the pipeline: toolchains, AMD: detection, scripts, running, <b>report parsing</b>.
 *
 * <p>May use (layer 15 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 14; today diag, toolchain.amd.detect and toolchain.amd.scripts.
 */
package io.github.srhls.core.toolchain.amd.reports;
