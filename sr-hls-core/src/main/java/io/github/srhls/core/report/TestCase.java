package io.github.srhls.core.report;

import java.util.Objects;

/**
 * One JUnit test case.
 *
 * @param className what CI tools group cases by (shown as package and class: {@code sr-hls.jet_tagger})
 * @param name the case's name
 * @param seconds how long it took
 * @param outcome passed, failed, errored or skipped
 */
public record TestCase(String className, String name, double seconds, Outcome outcome) {
  public TestCase {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(outcome, "outcome");
  }
}
