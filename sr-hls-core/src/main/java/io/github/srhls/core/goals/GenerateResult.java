package io.github.srhls.core.goals;

import java.util.List;

/**
 * What {@code sr-hls:generate} did, by model name.
 *
 * @param generated models written this time
 * @param upToDate models whose inputs had not changed
 * @param removed generated projects deleted because their model file is gone
 */
public record GenerateResult(List<String> generated, List<String> upToDate, List<String> removed) {
  public GenerateResult {
    generated = List.copyOf(generated);
    upToDate = List.copyOf(upToDate);
    removed = List.copyOf(removed);
  }

  /** The line that ends the goal in the log: {@code sr-hls models: 1 generated [a], 0 up to date, 0 removed}. */
  public String summary() {
    return "sr-hls models: " + count("generated", generated) + ", " + count("up to date", upToDate) + ", "
        + count("removed", removed);
  }

  private static String count(String what, List<String> models) {
    return models.size() + " " + what + (models.isEmpty() ? "" : " " + models);
  }
}
