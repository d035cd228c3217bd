package io.github.srhls.core.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finding programs in directories and on a PATH, as a shell would, without starting one. */
public final class Executables {
  private Executables() {}

  /** The program in {@code dir}, if it is an executable regular file there. */
  public static Optional<Path> in(Path dir, String program) {
    try {
      Path file = dir.resolve(program);
      return Files.isRegularFile(file) && Files.isExecutable(file) ? Optional.of(file) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** The first executable {@code program} in the directories of a PATH value; none when the value is null. */
  public static Optional<Path> onPath(String program, String path) {
    return onPath(List.of(program), path);
  }

  /**
   * The first directory of a PATH value holding an executable of one of {@code fileNames}, tried in their order
   * within each directory (for instance {@code g++.exe} before {@code g++} on Windows).
   */
  public static Optional<Path> onPath(List<String> fileNames, String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path directory;
      try {
        directory = Path.of(dir);
      } catch (InvalidPathException e) {
        continue; // a malformed PATH entry holds nothing
      }
      for (String name : fileNames) {
        Optional<Path> found = in(directory, name);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The program a command names, found as the JVM would start it: a name with a {@code /} relative to the working
   * directory, any other on the JVM's own PATH (not the one given to the program).
   *
   * @param workingDirectory where the program will run; null means the current directory
   */
  static Optional<Path> startable(String program, Path workingDirectory) {
    if (program.indexOf('/') < 0) {
      return onPath(program, System.getenv("PATH"));
    }
    try {
      Path file = Path.of(program);
      if (!file.isAbsolute()) {
        file = (workingDirectory == null ? Path.of("") : workingDirectory).toAbsolutePath().resolve(file);
      }
      return Files.isRegularFile(file) && Files.isExecutable(file) ? Optional.of(file) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** The file name of a program path, as a user would type it. */
  public static String name(Path program) {
    return program.getFileName().toString();
  }
}
