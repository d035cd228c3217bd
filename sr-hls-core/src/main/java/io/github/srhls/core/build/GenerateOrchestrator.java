package io.github.srhls.core.build;

/** Runs {@code sr-hls:generate}. */
public final class GenerateOrchestrator {
  /** @throws io.github.srhls.core.diag.SrHlsException on bad input, with a user-facing message */
  public GenerateResult run(GenerateRequest request) {
    throw new UnsupportedOperationException("in progress");
  }
}
