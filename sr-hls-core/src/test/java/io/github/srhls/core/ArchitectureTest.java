package io.github.srhls.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package layout true: the core's packages are layers along the pipeline, and dependencies point only
 * down it. The table below is the one statement of the layers; the developer page of the site draws it
 * ({@code src/site/markdown/developing.md}) and each package's {@code package-info.java} says what it may use.
 */
class ArchitectureTest {

  /**
   * The core's packages, lowest layer first. A package may use packages of lower layers only; packages of one
   * layer are independent of each other (none is allowed to use a sibling today). A new package gets a place here
   * before the build passes. {@code template}, {@code backend.rtl} and {@code simulation.rtl} are placed ahead of
   * their code.
   */
  static final LayerRules LAYERS = new LayerRules("io.github.srhls.core", List.of(
      List.of("diag", "fixed", "template", "plot"),         // 0 errors and logging; ap_fixed arithmetic; templates; SVG charts
      List.of("process", "project"),                        // 1 running tools; generated-project layout and files
      List.of("incremental"),                               // 2 up-to-date checks
      List.of("expr"),                                      // 3 expression language
      List.of("pysr"),                                      // 4 hall-of-fame CSVs
      List.of("model"),                                     // 5 model files
      List.of("ir"),                                        // 6 graph IR and its passes
      List.of("compile"),                                   // 7 model -> IR
      List.of("design.units"),                              // 8 function units
      List.of("design"),                                    // 9 the planned design: what every back end consumes
      List.of("testbench"),                                 // 10 vectors, expected outputs, the .dat format
      List.of("backend.hls", "backend.rtl"),                // 11 back ends
      List.of("explore"),                                   // 12 costing a front's rows; budgeted selection
      List.of("simulation.host", "simulation.rtl"),         // 13 simulations
      List.of("toolchain.amd.detect", "toolchain.amd.scripts", "toolchain.yosys"), // 14 finding the AMD tools; their scripts; Yosys
      List.of("toolchain.amd.reports"),                     // 15 reading what they write
      List.of("toolchain.amd"),                             // 16 running the AMD flow
      List.of("report"),                                    // 17 report.json and the JUnit XML
      List.of("packaging"),                                 // 18 zips
      List.of("report.site"),                               // 19 the site report's page
      List.of("goals")),                                    // 20 generate, test, explore, package
      Set.of());

  @Test
  void everyDependencyOfTheCorePointsDownThePipeline() {
    Map<String, Set<String>> references = merged(CodeReferences.inClassFiles(mainClasses()),
        CodeReferences.inImports(mainSources()));
    List<String> violations = LAYERS.violations(references);
    if (!violations.isEmpty()) {
      fail("dependencies against the layers of ArchitectureTest.LAYERS (" + violations.size() + "):\n  "
          + String.join("\n  ", violations));
    }
    // guards against checking nothing: the classes were found, and the references of the detector with them
    assertTrue(references.size() > 100, () -> references.size() + " classes read");
    assertTrue(references.get("io.github.srhls.core.toolchain.amd.detect.VendorDetector")
        .contains("io.github.srhls.core.process.ToolRunner"), references::toString);
  }

  @Test
  void everyPackageSaysWhatItHoldsInAPackageInfo() throws IOException {
    List<String> missing = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(mainSources())) {
      for (Path dir : walk.filter(Files::isDirectory).sorted().toList()) {
        boolean hasCode;
        try (Stream<Path> files = Files.list(dir)) {
          hasCode = files.anyMatch(f -> f.toString().endsWith(".java"));
        }
        if (hasCode && !Files.isRegularFile(dir.resolve("package-info.java"))) {
          missing.add(mainSources().relativize(dir).toString());
        }
      }
    }
    assertEquals(List.of(), missing, "packages without a package-info.java");
  }

  @Test
  void noPackageHasANameThatToolsSkipOrThatSaysNothing() {
    // linguist and many ignore files treat vendor/ and build/ as not the project's code; util and misc say nothing
    Set<String> banned = Set.of("build", "vendor", "util", "misc");
    Set<String> found = new TreeSet<>();
    for (List<String> layer : LAYERS.layers()) {
      for (String pkg : layer) {
        for (String segment : pkg.split("\\.")) {
          if (banned.contains(segment)) {
            found.add(pkg);
          }
        }
      }
    }
    assertEquals(Set.of(), found);
  }

  static Path mainClasses() {
    return classesOf(SrHlsException.class);
  }

  static Path mainSources() {
    return sources("main");
  }

  /** The directory a class was loaded from: the compiler's output it is part of (target/classes, test-classes). */
  static Path classesOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The core's sources: {@code set} is {@code main} or {@code test}. */
  static Path sources(String set) {
    return Path.of(System.getProperty("srhls.repositoryRoot", "..")).resolve("sr-hls-core/src/" + set + "/java")
        .toAbsolutePath().normalize();
  }

  /** The union of references per class. */
  @SafeVarargs
  static Map<String, Set<String>> merged(Map<String, Set<String>>... parts) {
    Map<String, Set<String>> all = new TreeMap<>();
    for (Map<String, Set<String>> part : parts) {
      part.forEach((from, to) -> all.computeIfAbsent(from, k -> new TreeSet<>()).addAll(to));
    }
    return all;
  }
}
