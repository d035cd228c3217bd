package io.github.srhls.plugin;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.goals.ExploreOrchestrator;
import io.github.srhls.core.goals.ExploreRequest;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds and costs every row of each hall-of-fame output, as generate would build it (fixed-point error against
 * float64 on the testbench vectors; LUT, FF, DSP, BRAM and latency by the RTL estimate), makes the budget selections
 * the model asks for, and writes it all to target/sr-hls/{name}/explore/pareto.json. Not bound to a phase:
 * run {@code mvn sr-hls:explore}.
 */
@Mojo(name = "explore", threadSafe = true)
public class ExploreMojo extends AbstractSrHlsMojo {

  /** Where the model files are. */
  @Parameter(property = "sr-hls.modelDirectory", defaultValue = "${project.basedir}/src/main/sr", required = true)
  File modelDirectory;

  /** Glob patterns, relative to the model directory, of the model files to explore; empty means all. */
  @Parameter List<String> includes;

  /** Glob patterns, relative to the model directory, of files to leave out. */
  @Parameter List<String> excludes;

  /** The most candidates built at once; 0 means one per available processor. */
  @Parameter(property = "sr-hls.explore.threads", defaultValue = "0")
  int threads;

  /** Skips this goal only. */
  @Parameter(property = "sr-hls.explore.skip", defaultValue = "false")
  boolean skipExplore;

  /** The core's entry point; tests put a recorder here to see the request without running the core. */
  Function<ExploreRequest, Map<String, Path>> orchestrator = new ExploreOrchestrator()::run;

  @Override
  Optional<String> goalSkipReason() {
    return skipExplore ? Optional.of("sr-hls.explore.skip is set") : Optional.empty();
  }

  @Override
  void run(BuildLog log) {
    Map<String, Path> written = orchestrator.apply(new ExploreRequest(project.getBasedir().toPath(),
        modelDirectory.toPath(), includes, excludes, workDirectory.toPath(), project.getVersion(), threads, log));
    log.info(written.isEmpty() ? "No model with outputs from a hall of fame; nothing explored"
        : "Explored " + written.size() + (written.size() == 1 ? " model" : " models"));
  }
}
