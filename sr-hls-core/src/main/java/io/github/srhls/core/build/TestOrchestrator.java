package io.github.srhls.core.build;

/** Runs {@code sr-hls:test}. */
public final class TestOrchestrator {
  /** @throws io.github.srhls.core.diag.SrHlsException on a failed simulation, with a user-facing message */
  public TestResult run(TestRequest request) {
    throw new UnsupportedOperationException("in progress");
  }
}
