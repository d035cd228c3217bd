package io.github.srhls.plugin;

import io.github.srhls.core.diag.BuildLog;
import io.github.srhls.core.diag.SrHlsException;
import java.io.File;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The abstract base of the three goals, with what they share: the project, the two directories every goal reads or
 * writes, the global skip switch, and how failures reach the user.
 */
abstract class AbstractSrHlsMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /** The root of the generated HLS projects, one sub-directory per model. */
  @Parameter(
      property = "sr-hls.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/sr-hls",
      required = true)
  File outputDirectory;

  /** The plugin's own state and the simulation results, one sub-directory per model. */
  @Parameter(property = "sr-hls.workDirectory", defaultValue = "${project.build.directory}/sr-hls", required = true)
  File workDirectory;

  /** Which goal this is, for the log line that says how long it took. */
  @Parameter(defaultValue = "${mojoExecution}", readonly = true)
  MojoExecution mojoExecution;

  @Parameter(defaultValue = "${session}", readonly = true)
  MavenSession session;

  /** Skips every sr-hls goal. */
  @Parameter(property = "sr-hls.skip", defaultValue = "false")
  boolean skip;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    Optional<String> skipReason = skip ? Optional.of("sr-hls.skip is set") : goalSkipReason();
    if (skipReason.isPresent()) {
      getLog().info("Skipping: " + skipReason.get());
      return;
    }
    long start = System.nanoTime();
    try {
      run(new MavenBuildLog(getLog(), BuildNotes.of(session)));
      getLog().info(String.format(Locale.ROOT, "sr-hls:%s took %.2f s", goal(), (System.nanoTime() - start) / 1e9));
    } catch (SrHlsException e) {
      // The message is complete (file, position, what to do); a cause or stack trace would only bury it.
      throw new MojoFailureException(e.getMessage());
    } catch (RuntimeException e) {
      throw new MojoExecutionException(
          "Internal error in sr-hls; please report it with the output of mvn -e: " + e, e);
    }
  }

  /** The goal's name for the log: from the execution, or from the class name when there is none (tests). */
  private String goal() {
    return mojoExecution != null ? mojoExecution.getGoal()
        : getClass().getSimpleName().replace("Mojo", "").toLowerCase(Locale.ROOT);
  }

  /** Why this goal should not run this time, beyond the global {@code sr-hls.skip}. */
  abstract Optional<String> goalSkipReason();

  /**
   * Does the goal's work.
   *
   * @throws SrHlsException on anything the user has to fix
   */
  abstract void run(BuildLog log);
}
