package io.github.srhls.core.report;

import io.github.srhls.core.project.ProjectManifest;
import java.util.List;

/** A suite's cases when one outcome holds for every output of a model: it could not run, or was skipped. */
final class OutputCases {
  private OutputCases() {}

  /** Every output errored with the same reason (its first line as the message). */
  static List<TestCase> errored(String suite, ProjectManifest manifest, String type, String reason, String fallback) {
    String firstLine = reason.lines().findFirst().orElse(fallback);
    return manifest.outputs().stream()
        .map(output -> new TestCase(suite, output, 0, new Outcome.Errored(type, firstLine, reason)))
        .toList();
  }

  /** Every output skipped for the same reason. */
  static List<TestCase> skipped(String suite, ProjectManifest manifest, String reason) {
    return manifest.outputs().stream().map(output -> new TestCase(suite, output, 0, new Outcome.Skipped(reason)))
        .toList();
  }
}
