/**
 * What sr-hls reports, in the two forms it writes them. {@link io.github.srhls.core.report.ModelReport} is the one
 * owner of each model's {@code report.json}: its keys, writing it from the stages' results (the host simulation's
 * as a {@link io.github.srhls.core.report.SimulationReport} section, the vendor steps' as theirs), adding the vendor
 * section, reading it back for later goals and the copy packaged in the zip. The JUnit XML
 * ({@code TEST-*.xml} in Maven's {@code surefire-reports}, the format Jenkins, GitLab and IDEs read for unit tests)
 * has one test suite per model, one test case per model output.
 *
 * <p>May use: {@code simulation.host}, {@code toolchain.amd} and its subpackages, {@code project}, {@code diag}.
 * The stages below never use this package; the goals above call it after running them.
 */
package io.github.srhls.core.report;
