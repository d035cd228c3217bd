package io.github.srhls.core.incremental;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.project.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a step recorded after it last succeeded, kept in a small JSON file beside its results
 * ({@code target/sr-hls/<model>/<step>-state.json}).
 *
 * @param key the fingerprint of everything the step's result depends on
 * @param output a fingerprint of the step's output file, when it has one (to notice it was changed or
 *     replaced); null otherwise
 */
public record StepState(String key, String output) {

  public StepState {
    Objects.requireNonNull(key, "key");
  }

  /** The state recorded in {@code file}; null when there is none or it cannot be read (then the step runs). */
  public static StepState read(Path file) {
    return JsonFiles.readIfValid(file, StepState.class).orElse(null);
  }

  public void write(Path file) {
    JsonFiles.write(file, this);
  }

  /** Forgets the state before the step runs, so a step that fails half-way is never taken as up to date. */
  public static void forget(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new SrHlsException("cannot delete " + file + ": " + e.getMessage(), e);
    }
  }
}
