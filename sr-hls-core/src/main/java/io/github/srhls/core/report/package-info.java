/**
 * Simulation outcomes as JUnit XML ({@code TEST-*.xml} in Maven's {@code surefire-reports}), the format Jenkins,
 * GitLab and IDEs read for unit tests: one test suite per model, one test case per model output.
 */
package io.github.srhls.core.report;
