package io.github.srhls.plugin;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.srhls.core.CodeReferences;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Mojos stay thin: of the core they use the orchestration of the goals, the diagnostics, and the few values
 * that the goals' requests carry from the packages below. Anything else they need belongs in a request or in
 * {@code goals}.
 */
class PluginDependenciesTest {

  static final String CORE = "io.github.srhls.core.";

  /** The core packages the plugin may use, whole. */
  static final Set<String> PACKAGES = Set.of("goals", "diag",
      "report.site"); // the site report's page, which the report goal renders with Doxia's sink

  /** Values the requests carry from lower packages, which the Mojos make from their parameters. */
  static final Set<String> VALUES = Set.of(
      "toolchain.amd.VendorSettings",     // TestRequest and PackageRequest: the vendor parameters
      "toolchain.amd.detect.ToolchainEntry", // in VendorSettings: toolchains.xml's entries of type hls
      "toolchain.amd.reports.Budgets",    // in VendorSettings: the synthesis limits
      "packaging.OutputTimestamp");       // PackageRequest: the zip entries' time, from outputTimestamp

  @Test
  void theMojosUseOnlyTheGoalsTheDiagnosticsAndTheRequestsValues() {
    // the class files, and the imports for what compiled code does not show (see CodeReferences)
    Map<String, Set<String>> references = new TreeMap<>();
    for (Map<String, Set<String>> part : List.of(CodeReferences.inClassFiles(pluginClasses()),
        CodeReferences.inImports(pluginSources()))) {
      part.forEach((from, to) -> references.computeIfAbsent(from, k -> new TreeSet<>()).addAll(to));
    }
    List<String> violations = new ArrayList<>();
    references.forEach((from, used) -> used.stream().filter(to -> to.startsWith(CORE)).forEach(to -> {
      String name = to.substring(CORE.length());
      String pkg = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
      if (!PACKAGES.contains(pkg) && !VALUES.contains(name)) {
        violations.add(from + " depends on " + to + " (" + pkg + ")");
      }
    }));
    if (!violations.isEmpty()) {
      fail("the plugin may use only the core's packages " + new TreeSet<>(PACKAGES) + " and the values "
          + new TreeSet<>(VALUES) + ", but:\n  " + String.join("\n  ", violations));
    }
    // guards against checking nothing
    assertTrue(references.getOrDefault("io.github.srhls.plugin.TestMojo", Set.of())
        .contains(CORE + "goals.TestOrchestrator"), references::toString);
  }

  private static Path pluginSources() {
    return Path.of(System.getProperty("srhls.repositoryRoot", "..")).resolve("sr-hls-maven-plugin/src/main/java")
        .toAbsolutePath().normalize();
  }

  private static Path pluginClasses() {
    try {
      return Path.of(GenerateMojo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
