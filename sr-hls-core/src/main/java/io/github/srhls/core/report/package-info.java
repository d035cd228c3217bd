/**
 * What sr-hls reports, in the two forms it writes them. {@link io.github.srhls.core.report.ModelReport} is the one
 * owner of each model's {@code report.json}: its keys, writing it from the stages' results (the host simulation's
 * as a {@link io.github.srhls.core.report.SimulationReport} section, the vendor steps' as theirs), adding the vendor
 * section, reading it back for later goals and the copy packaged in the zip. The JUnit XML
 * ({@code TEST-*.xml} in Maven's {@code surefire-reports}, the format Jenkins, GitLab and IDEs read for unit tests)
 * has one test suite per model and simulation (host: {@link io.github.srhls.core.report.CsimSuites}, RTL:
 * {@link io.github.srhls.core.report.RtlSuites}), one test case per model output. An exploration's
 * {@code pareto.json} becomes SVG plots with {@link io.github.srhls.core.report.ParetoPlots}.
 *
 * <p>In the pipeline: simulation and toolchains → <b>report</b> → packaging. The stages below never use this package;
 * the goals above call it after running them.
 *
 * <p>May use (layer 17 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 16; today diag, plot, project, simulation.host, simulation.rtl, testbench,
 * toolchain.amd and toolchain.yosys.
 */
package io.github.srhls.core.report;
