package io.github.srhls.core.goals;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.model.ModelReader;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the model files under the model directory with include and exclude globs. */
final class ModelFiles {
  static final List<String> DEFAULT_INCLUDES = ModelReader.SUFFIXES.stream().map(s -> "**/*" + s).toList();

  private ModelFiles() {}

  /** The matching regular files, sorted by their path relative to the model directory. */
  static List<Path> find(Path modelDirectory, List<String> includes, List<String> excludes) {
    if (!Files.isDirectory(modelDirectory)) {
      return List.of();
    }
    FileSystem fs = modelDirectory.getFileSystem();
    List<PathMatcher> in = matchers(fs, includes.isEmpty() ? DEFAULT_INCLUDES : includes);
    List<PathMatcher> out = matchers(fs, excludes);
    try (Stream<Path> walk = Files.walk(modelDirectory)) {
      return walk.filter(Files::isRegularFile)
          .map(modelDirectory::relativize)
          .filter(rel -> matches(in, rel) && !matches(out, rel))
          .sorted()
          .map(modelDirectory::resolve)
          .toList();
    } catch (IOException e) {
      throw new SrHlsException("cannot list the model directory " + modelDirectory + ": " + e.getMessage(), e);
    }
  }

  private static List<PathMatcher> matchers(FileSystem fs, List<String> globs) {
    List<PathMatcher> matchers = new ArrayList<>();
    for (String glob : globs) {
      matchers.add(fs.getPathMatcher("glob:" + glob));
      // Ant-style: a leading **/ also matches files at the top level
      if (glob.startsWith("**/")) {
        matchers.add(fs.getPathMatcher("glob:" + glob.substring(3)));
      }
    }
    return matchers;
  }

  private static boolean matches(List<PathMatcher> matchers, Path rel) {
    return matchers.stream().anyMatch(m -> m.matches(rel));
  }
}
