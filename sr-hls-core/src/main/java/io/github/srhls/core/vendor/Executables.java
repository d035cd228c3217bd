package io.github.srhls.core.vendor;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Finding programs in directories and on a PATH. */
final class Executables {
  private Executables() {}

  /** The program in {@code dir}, if it is an executable regular file there. */
  static Optional<Path> in(Path dir, String program) {
    try {
      Path file = dir.resolve(program);
      return Files.isRegularFile(file) && Files.isExecutable(file) ? Optional.of(file) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** The first executable {@code program} in the directories of a PATH value. */
  static Optional<Path> onPath(String program, String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      try {
        Optional<Path> found = in(Path.of(dir), program);
        if (found.isPresent()) {
          return found;
        }
      } catch (InvalidPathException e) {
        // a malformed PATH entry holds nothing
      }
    }
    return Optional.empty();
  }

  /** The file name of a program path, as a user would type it. */
  static String name(Path program) {
    return program.getFileName().toString();
  }
}
