package io.github.srhls.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.srhls.core.goals.GenerateOrchestrator;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.maven.plugins.annotations.Mojo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin is built against the Maven API of the wrapper's Maven (the plugin-testing harness needs it), but it
 * promises Maven 3.6.3 (its prerequisite): its sources, the generated HelpMojo included, must compile against the
 * jars of that Maven's own distribution, which the build unpacks for the ITs. So no newer API creeps in unnoticed,
 * on code paths the ITs under that Maven do not reach too.
 */
class LowestMavenApiTest {
  @TempDir Path out;

  @Test
  void thePluginCompilesAgainstTheOldestSupportedMavensJars() throws Exception {
    Path mavenHome = Path.of(System.getProperty("srhls.lowestMavenHome", "absent"));
    assumeTrue(Files.isDirectory(mavenHome.resolve("lib")),
        "no Maven distribution at " + mavenHome + " (the build unpacks it unless -DskipTests or -Dinvoker.skip)");
    List<String> classpath = new ArrayList<>();
    try (Stream<Path> jars = Files.list(mavenHome.resolve("lib"))) {
      jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> classpath.add(p.toString()));
    }
    assertTrue(classpath.stream().anyMatch(p -> p.contains("maven-core-")), classpath::toString);
    classpath.add(locationOf(GenerateOrchestrator.class)); // sr-hls-core
    classpath.add(locationOf(Mojo.class)); // the annotations, read at build time only
    // the report goal's own dependencies, which the plugin brings whatever the Maven: reporting and Doxia
    for (Class<?> reporting : List.of(org.apache.maven.reporting.AbstractMavenReport.class,
        org.apache.maven.reporting.MavenReport.class, org.apache.maven.doxia.sink.Sink.class,
        org.apache.maven.doxia.sink.impl.SinkEventAttributeSet.class, org.apache.maven.doxia.tools.SiteTool.class,
        org.apache.maven.doxia.siterenderer.Renderer.class)) {
      classpath.add(locationOf(reporting));
    }

    Path module = Path.of(System.getProperty("basedir", "."));
    List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-nowarn", "-d", out.toString(),
        "-classpath", String.join(File.pathSeparator, classpath)));
    for (Path sources : List.of(module.resolve("src/main/java"), module.resolve("target/generated-sources/plugin"))) {
      try (Stream<Path> files = Files.walk(sources)) {
        files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java"))
            .forEach(p -> args.add(p.toString()));
      }
    }
    assertTrue(args.stream().anyMatch(a -> a.endsWith("HelpMojo.java")), "the generated help goal is compiled too");

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
    assertEquals(0, status, () -> "against " + mavenHome + ":\n" + diagnostics.toString(StandardCharsets.UTF_8));
  }

  private static String locationOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
