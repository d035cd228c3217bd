package io.github.srhls.plugin;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.goals.GenerateOrchestrator;
import io.github.srhls.core.goals.GenerateRequest;
import io.github.srhls.core.goals.GenerateResult;
import io.github.srhls.core.goals.BuildCacheCheck;
import io.github.srhls.core.goals.ModelInputs;
import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Generates an HLS C++ project (firmware, testbench, test vectors, vendor tool scripts) for every model file. Models
 * whose inputs have not changed since the last run are left alone; projects whose model file is gone are removed.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractSrHlsMojo {

  /** Where the model files are. A project without this directory has nothing to generate. */
  @Parameter(property = "sr-hls.modelDirectory", defaultValue = "${project.basedir}/src/main/sr", required = true)
  File modelDirectory;

  /**
   * Glob patterns, relative to the model directory, of the model files to use. Empty means every {@code *.sr.yaml},
   * {@code *.sr.yml} and {@code *.sr.json} file in the model directory and below.
   */
  @Parameter List<String> includes;

  /** Glob patterns, relative to the model directory, of files to leave out. */
  @Parameter List<String> excludes;

  /** The vendor stamped on the exported IP (its VLNV), e.g. your organisation's domain. */
  @Parameter(property = "sr-hls.ipVendor", defaultValue = "xilinx.com")
  String ipVendor;

  /** The library stamped on the exported IP (its VLNV). */
  @Parameter(property = "sr-hls.ipLibrary", defaultValue = "hls")
  String ipLibrary;

  /**
   * Emits each model's pipelined Verilog beside its HLS project: the directory rtl holds one module named as the
   * model, with latency and critical path in sr-hls-design.json. A design the RTL back end cannot do (one calling
   * the vendor's math library) gets a note instead of RTL.
   */
  @Parameter(property = "sr-hls.rtl", defaultValue = "true")
  boolean rtl;

  /** Skips this goal only. */
  @Parameter(property = "sr-hls.generate.skip", defaultValue = "false")
  boolean skipGenerate;

  /**
   * Where the project uses Maven's build cache extension: stops the build when the cache key would not cover every
   * file the models read (an extension older than 1.2.3 on a project with packaging pom, or a model file or a file
   * it references outside what the extension hashes), since the cache would then restore outputs built from other
   * versions of them.
   */
  @Parameter(property = "sr-hls.buildCacheCheck", defaultValue = "true")
  boolean buildCacheCheck;

  /**
   * The most models read, compiled and generated (and candidates of a budgeted model costed) at once, each on its own
   * thread; 0 (the default) means one per available processor. The results do not depend on it. Maven's {@code -T N}
   * runs up to N modules' builds at once, each with its own pool, so a reactor build may use up to N times this many
   * threads: with {@code -T}, give each module its share of the cores ({@code -T 2 -Dsr-hls.threads=4} on 8 cores).
   */
  @Parameter(property = "sr-hls.threads", defaultValue = "0")
  int threads;

  /** Part of the incremental-build key, so a new plugin version regenerates everything. */
  @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
  String pluginVersion;

  /** The core's entry point; tests put a recorder here to see the request without running the core. */
  Function<GenerateRequest, GenerateResult> orchestrator = new GenerateOrchestrator()::run;

  @Override
  Optional<String> goalSkipReason() {
    return skipGenerate ? Optional.of("sr-hls.generate.skip is set") : Optional.empty();
  }

  @Override
  void run(BuildLog log) {
    GenerateResult result =
        orchestrator.apply(
            GenerateRequest.builder()
                .projectDirectory(project.getBasedir().toPath())
                .modelDirectory(modelDirectory.toPath())
                .includes(includes)
                .excludes(excludes)
                .outputDirectory(outputDirectory.toPath())
                .workDirectory(workDirectory.toPath())
                .projectVersion(project.getVersion())
                .pluginVersion(pluginVersion)
                .log(log)
                .ipVendor(ipVendor)
                .ipLibrary(ipLibrary)
                .rtl(rtl)
                .threads(threads)
                .build());
    log.info(result.summary());
    if (buildCacheCheck && session != null) {
      BuildCacheCheck.problem(MavenBuildCache.project(project, session), ModelInputs.of(
          project.getBasedir().toPath(), outputDirectory.toPath())).ifPresent(problem -> {
            throw new SrHlsException(problem);
          });
    }
  }
}
