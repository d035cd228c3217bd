/**
 * What the build reports about each model: simulation outcomes as JUnit XML ({@code TEST-*.xml} in Maven's
 * {@code surefire-reports}, the format Jenkins, GitLab and IDEs read), one suite per model and one case per output
 * ({@link io.github.srhls.core.report.CsimSuites}, {@link io.github.srhls.core.report.JUnitXml}), and the model's
 * {@code report.json}.
 *
 * <p>In the pipeline: simulation and toolchains → <b>report</b> → packaging.
 *
 * <p>May use (layer 16 in {@code io.github.srhls.core.ArchitectureTest}, which checks it): the packages of layers 0 to
 * 15; today diag, project and simulation.host.
 */
package io.github.srhls.core.report;
