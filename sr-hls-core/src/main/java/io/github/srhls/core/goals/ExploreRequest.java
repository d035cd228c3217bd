package io.github.srhls.core.goals;

import io.github.srhls.core.diag.BuildLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code sr-hls:explore} is asked to do.
 *
 * @param projectDirectory the project's base directory
 * @param modelDirectory where the model files are ({@code src/main/sr})
 * @param includes glob patterns relative to the model directory; empty means every model file
 * @param excludes glob patterns to leave out
 * @param workDirectory the plugin's own results ({@code target/sr-hls}); each model's go to
 *     {@code <name>/explore/}
 * @param projectVersion default model version
 * @param threads the most candidates built at once; 0 or less means one per available processor
 * @param log progress and the choices made
 */
public record ExploreRequest(Path projectDirectory, Path modelDirectory, List<String> includes,
    List<String> excludes, Path workDirectory, String projectVersion, int threads, BuildLog log) {

  public ExploreRequest {
    Objects.requireNonNull(projectDirectory, "projectDirectory");
    Objects.requireNonNull(modelDirectory, "modelDirectory");
    Objects.requireNonNull(workDirectory, "workDirectory");
    includes = includes == null ? List.of() : List.copyOf(includes);
    excludes = excludes == null ? List.of() : List.copyOf(excludes);
    log = log == null ? BuildLog.silent() : log;
    threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }
}
