package io.github.srhls.core.goals;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code sr-hls:test} found, one entry per model; it throws when any model failed.
 *
 * @param budgetsSettled whether the synthesis budgets need nothing more in this build: measured, none set, or said
 *     to be unchecked; false when they are left to sr-hls:package
 */
public record TestResult(List<ModelOutcome> models, boolean budgetsSettled) {
  public TestResult {
    models = List.copyOf(models);
  }

  /** With the budgets settled. */
  public TestResult(List<ModelOutcome> models) {
    this(models, true);
  }

  /**
   * @param model the model name
   * @param vectors test vectors simulated
   * @param mismatches values that differ from the bit-accurate expectation
   * @param report the report.json written
   */
  public record ModelOutcome(String model, int vectors, int mismatches, Path report) {
    /** The model's line in the log when the goal ends. */
    public String summary() {
      return "sr-hls simulation of " + model + ": " + vectors + " vectors, " + mismatches + " mismatches; report "
          + report;
    }
  }
}
