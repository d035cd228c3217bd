package io.github.srhls.core.report;

import java.util.Objects;

/**
 * How a test case ended. JUnit tells a failure (the check ran and found the result wrong) from an error (the
 * check could not run).
 */
public sealed interface Outcome permits Outcome.Passed, Outcome.Failed, Outcome.Errored, Outcome.Skipped {

  record Passed() implements Outcome {}

  /**
   * @param type a short category, e.g. {@code sr-hls.mismatch}
   * @param message one line, shown in lists
   * @param detail the full text, shown when the case is opened
   */
  record Failed(String type, String message, String detail) implements Outcome {
    public Failed {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** Same fields as {@link Failed}. */
  record Errored(String type, String message, String detail) implements Outcome {
    public Errored {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(detail, "detail");
    }
  }

  record Skipped(String message) implements Outcome {
    public Skipped {
      Objects.requireNonNull(message, "message");
    }
  }
}
