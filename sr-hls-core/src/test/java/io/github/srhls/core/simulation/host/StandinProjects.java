package io.github.srhls.core.simulation.host;

import io.github.srhls.core.project.ProjectManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Copies of a hand-written generated project, "affine" (y0 = 2*x0 + x1, y1 = x0*x1, truncated to 8 fractional
 * bits), written in plain C++ doubles so these tests do not depend on sr-hls's fixed-point headers.
 */
public final class StandinProjects {

  private static final String RESOURCES = "io/github/srhls/core/simulation/host/";

  private StandinProjects() {}

  /** Headers for the stand-in: {@code standin_quantize.h}, which the firmware includes from the include dir. */
  public static IncludeHeaders headers() {
    return IncludeHeaders.fromResources(StandinProjects.class.getClassLoader(), RESOURCES + "standin-include/");
  }

  /** Copies the stand-in to {@code outputDirectory/<name>}, renaming the model in file names and contents. */
  public static Path copy(Path outputDirectory, String name) {
    Path source = resource(RESOURCES + "standin/affine");
    Path target = outputDirectory.resolve(name);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String relative = source.relativize(file).toString().replace("affine", name);
        Path copy = target.resolve(relative);
        Files.createDirectories(copy.getParent());
        String text = Files.readString(file, StandardCharsets.UTF_8)
            .replace("affine", name)
            .replace("AFFINE", name.toUpperCase(Locale.ROOT));
        Files.writeString(copy, text, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** Rewrites a file of a copied project. */
  public static void edit(Path file, UnaryOperator<String> change) {
    try {
      Files.writeString(file, change.apply(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the manifest's tolerance and host-simulation flag. */
  public static void manifest(Path project, Double tolerance, boolean hostSimulation) {
    ProjectManifest m = ProjectManifest.read(project);
    ProjectManifest.builder().name(m.name()).version(m.version()).digest(m.digest()).inputs(m.inputs())
        .outputs(m.outputs()).vectors(m.vectors()).tolerance(tolerance).hostSimulation(hostSimulation)
        .overflows(m.overflows()).modelFile(m.modelFile()).build().write(project);
  }

  /** The lines of a file. */
  public static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path resource(String name) {
    try {
      return Path.of(StandinProjects.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
