package io.github.srhls.core.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One JUnit test suite.
 *
 * @param name the suite name; also names the file, {@code TEST-<name>.xml}
 * @param seconds how long the suite took
 * @param properties name-value pairs shown with the suite, in order
 * @param cases the test cases, in order
 */
public record TestSuite(String name, double seconds, Map<String, String> properties, List<TestCase> cases) {

  public TestSuite {
    Objects.requireNonNull(name, "name");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    cases = List.copyOf(cases);
  }

  public long failures() {
    return cases.stream().filter(c -> c.outcome() instanceof Outcome.Failed).count();
  }

  public long errors() {
    return cases.stream().filter(c -> c.outcome() instanceof Outcome.Errored).count();
  }

  public long skipped() {
    return cases.stream().filter(c -> c.outcome() instanceof Outcome.Skipped).count();
  }
}
