package io.github.srhls.core.goals;

import io.github.srhls.core.diag.SrHlsException;
import io.github.srhls.core.model.ModelReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/** Finds the model files under the model directory with include and exclude globs. */
final class ModelFiles {
  static final List<String> DEFAULT_INCLUDES = ModelReader.SUFFIXES.stream().map(s -> "**/*" + s).toList();

  private ModelFiles() {}

  /**
   * The matching regular files, sorted by their path relative to the model directory; none when the directory does
   * not exist.
   *
   * @param root the project directory, for the paths in messages
   * @throws SrHlsException when the model directory is a file or a dangling link, when a pattern is no glob, or when
   *     a matching entry is a link to nothing (rather than take such a model as gone and remove its output)
   */
  static List<Path> find(Path root, Path modelDirectory, List<String> includes, List<String> excludes) {
    if (!Files.isDirectory(modelDirectory)) {
      if (Files.exists(modelDirectory, LinkOption.NOFOLLOW_LINKS)) {
        throw new SrHlsException("modelDirectory " + shown(root, modelDirectory) + (Files.isSymbolicLink(modelDirectory)
            && !Files.exists(modelDirectory) ? " is a symbolic link to " + target(modelDirectory) + ", which does not"
            + " exist" : " is a file, not a directory") + "; set modelDirectory (-Dsr-hls.modelDirectory) to the"
            + " directory that holds the model files");
      }
      return List.of();
    }
    FileSystem fs = modelDirectory.getFileSystem();
    List<PathMatcher> in = matchers(fs, includes.isEmpty() ? DEFAULT_INCLUDES : includes, "includes");
    List<PathMatcher> out = matchers(fs, excludes, "excludes");
    List<Path> found = new ArrayList<>();
    List<String> dangling = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(modelDirectory)) {
      walk.sorted().forEach(p -> {
        Path rel = modelDirectory.relativize(p);
        if (!matches(in, rel) || matches(out, rel)) {
          return;
        }
        if (Files.isRegularFile(p)) {
          found.add(p);
        } else if (Files.isSymbolicLink(p) && !Files.exists(p)) {
          dangling.add(shown(root, p) + " -> " + target(p));
        }
      });
    } catch (IOException | UncheckedIOException e) {
      throw new SrHlsException("cannot list the model directory " + shown(root, modelDirectory) + ": "
          + e.getMessage(), e);
    }
    if (!dangling.isEmpty()) {
      throw new SrHlsException("model file" + (dangling.size() > 1 ? "s are symbolic links" : " is a symbolic link")
          + " to nothing: " + String.join(", ", dangling) + "; restore the target, remove the link, or leave it out"
          + " with <excludes>");
    }
    return found.stream().sorted((a, b) -> modelDirectory.relativize(a).compareTo(modelDirectory.relativize(b)))
        .toList();
  }

  private static String shown(Path root, Path p) {
    return GenerateOrchestrator.relative(root, p);
  }

  private static String target(Path link) {
    try {
      return "'" + Files.readSymbolicLink(link) + "'";
    } catch (IOException e) {
      return "a missing file";
    }
  }

  private static List<PathMatcher> matchers(FileSystem fs, List<String> globs, String parameter) {
    List<PathMatcher> matchers = new ArrayList<>();
    for (String glob : globs) {
      try {
        matchers.add(fs.getPathMatcher("glob:" + glob));
        // Ant-style: a leading **/ also matches files at the top level
        if (glob.startsWith("**/")) {
          matchers.add(fs.getPathMatcher("glob:" + glob.substring(3)));
        }
      } catch (PatternSyntaxException e) {
        throw new SrHlsException("the " + parameter + " pattern '" + glob + "' is not a valid glob: "
            + e.getDescription() + "; write a glob relative to"
            + " modelDirectory such as **/*.sr.yaml, with [ ] closed (e.g. [a-z]) and { } closed");
      }
    }
    return matchers;
  }

  private static boolean matches(List<PathMatcher> matchers, Path rel) {
    return matchers.stream().anyMatch(m -> m.matches(rel));
  }
}
