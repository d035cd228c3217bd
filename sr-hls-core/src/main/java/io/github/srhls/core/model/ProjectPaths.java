package io.github.srhls.core.model;

import io.github.srhls.core.diag.SourcePosition;
import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Files a model refers to: resolved against the model's directory, kept inside the project directory (also
 * through symbolic links), and named relative to the project in messages.
 */
public final class ProjectPaths {
  private final Path project;
  private final Path base;

  /**
   * @param project the project directory
   * @param base the directory relative paths start from (the model file's)
   */
  ProjectPaths(Path project, Path base) {
    this.project = project.toAbsolutePath().normalize();
    this.base = base.toAbsolutePath().normalize();
  }

  /** A path as messages name it: relative to the project when inside it, else absolute. */
  public static Path shown(Path file, Path project) {
    Path f = file.toAbsolutePath().normalize();
    Path p = project.toAbsolutePath().normalize();
    return f.startsWith(p) && !f.equals(p) ? p.relativize(f) : f;
  }

  /**
   * Resolves a file name written in the model file.
   *
   * @param written the text as written
   * @param at where it is written
   * @param path the key's dotted path, for messages
   * @param mustExist whether a missing file is an error here (else only its directory must stay inside)
   * @return the absolute, normalized path, inside the project
   */
  Path resolve(String written, SourcePosition at, String path, boolean mustExist) {
    Path resolved;
    try {
      resolved = base.resolve(written).normalize();
    } catch (InvalidPathException e) {
      throw SrHlsException.at(at, path + " '" + written + "' is not a valid path: " + e.getReason());
    }
    String keepInside = "; keep the files a model uses inside the project";
    if (!resolved.startsWith(project) || resolved.equals(project)) {
      throw SrHlsException.at(at, path + " '" + written + "' resolves to " + resolved
          + ", outside the project directory " + project + keepInside);
    }
    // what exists of the path must not lead elsewhere through a symbolic link
    Path existing = resolved;
    while (!Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (!real(existing, at, path).startsWith(real(project, at, path))) {
      throw SrHlsException.at(at, path + " '" + written + "' leads outside the project directory " + project
          + " through a symbolic link" + keepInside);
    }
    if (mustExist && !existing.equals(resolved)) {
      throw SrHlsException.at(at, path + " '" + written + "': file not found: " + shown(resolved, project)
          + " (relative paths start from the model file's directory)");
    }
    if (mustExist && !Files.isRegularFile(resolved)) {
      throw SrHlsException.at(at, path + " '" + written + "' is a directory (" + shown(resolved, project)
          + "); name a file");
    }
    return resolved;
  }

  private static Path real(Path p, SourcePosition at, String path) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      throw SrHlsException.at(at, path + ": cannot resolve " + p + ": " + e.getMessage()
          + "; check that the directory is readable");
    }
  }
}
