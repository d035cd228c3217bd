package io.github.srhls.core.build;

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
}
