package io.github.srhls.core.goals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files the models of a build read, as generate left them: every generated project keeps a copy of its model
 * file and of the files it references under {@link ModelGeneration#SOURCES}, at their paths in the consumer project.
 * What a build cache must hash for generate's outputs to follow the models (the plugin's build cache check).
 */
public final class ModelInputs {

  private ModelInputs() {}

  /**
   * @param projectDirectory the consumer project, whose paths the copies keep
   * @param outputDirectory where generate wrote the generated projects
   * @return the files in the consumer project, absolute when {@code projectDirectory} is, generated project by
   *     generated project and file by file in path order; none when nothing was generated
   */
  public static List<Path> of(Path projectDirectory, Path outputDirectory) {
    List<Path> inputs = new ArrayList<>();
    if (!Files.isDirectory(outputDirectory)) {
      return inputs;
    }
    try (Stream<Path> projects = Files.list(outputDirectory)) {
      for (Path copies : projects.map(p -> p.resolve(ModelGeneration.SOURCES)).filter(Files::isDirectory).sorted()
          .toList()) {
        try (Stream<Path> files = Files.walk(copies)) {
          files.filter(Files::isRegularFile).sorted()
              .forEach(f -> inputs.add(projectDirectory.resolve(copies.relativize(f).toString())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return inputs;
  }
}
