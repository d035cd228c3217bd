package io.github.srhls.core.project;

import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The generated projects under an output directory: its sub-directories that carry a manifest. */
public final class GeneratedProjects {

  private GeneratedProjects() {}

  /** A generated project: its directory and manifest. */
  public record Project(Path directory, ProjectManifest manifest) {}

  /**
   * Lists them sorted by directory name; a missing output directory has none.
   *
   * @throws SrHlsException when a manifest is malformed
   */
  public static List<Project> list(Path outputDirectory) {
    if (!Files.isDirectory(outputDirectory)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(outputDirectory)) {
      return children
          .filter(Files::isDirectory)
          .filter(ProjectManifest::isProject)
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .map(dir -> new Project(dir, ProjectManifest.read(dir)))
          .toList();
    } catch (IOException e) {
      throw new SrHlsException("cannot list " + outputDirectory + ": " + e.getMessage(), e);
    }
  }
}
