package io.github.srhls.plugin;

import java.util.List;
import java.util.Set;

/**
 * Whether sr-hls:package runs after sr-hls:test in this build of a project, so that the test goal may leave the
 * budgets to the synthesis before the IP export: the package goal is named on the command line, or a phase from
 * {@code package} on is and the project binds the package goal.
 */
final class PackageFollows {

  /** The default lifecycle's phases from {@code package} on. */
  static final Set<String> FROM_PACKAGE = Set.of("package", "pre-integration-test", "integration-test",
      "post-integration-test", "verify", "install", "deploy");

  private PackageFollows() {}

  /**
   * @param goals what the build was asked for ({@code verify}, {@code sr-hls:package}, {@code g:a:v:package}...)
   * @param prefix the plugin's goal prefix ({@code sr-hls})
   * @param artifactId the plugin's artifactId
   * @param packageBound whether the project binds the package goal in an execution
   */
  static boolean in(List<String> goals, String prefix, String artifactId, boolean packageBound) {
    for (String goal : goals) {
      if (goal.equals(prefix + ":package") || goal.contains(artifactId + ":") && goal.endsWith(":package")) {
        return true;
      }
      if (packageBound && FROM_PACKAGE.contains(goal)) {
        return true;
      }
    }
    return false;
  }
}
