package io.github.srhls.core.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.srhls.core.diag.SrHlsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A throw-away project directory with model files in src/main/sr, for the tests. */
final class ModelFiles {
  static final String VERSION = "0.1.0-SNAPSHOT";

  final Path project;
  final Path modelDir;

  ModelFiles(Path project) {
    this.project = project;
    this.modelDir = project.resolve("src/main/sr");
  }

  /** Writes a file relative to the model directory. */
  Path write(String relative, String content) {
    try {
      Path p = modelDir.resolve(relative);
      Files.createDirectories(p.getParent());
      Files.writeString(p, content);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ModelSpec read(String relative, String content) {
    return new ModelReader().read(write(relative, content), project, VERSION);
  }

  /** Reads a model that must be rejected; returns the message. */
  String error(String relative, String content) {
    Path file = write(relative, content);
    return assertThrows(SrHlsException.class, () -> new ModelReader().read(file, project, VERSION)).getMessage();
  }

  /** Asserts the message starts with the model file's project-relative name, line and column and has the words. */
  static void assertAt(String message, String file, int line, int column, String... words) {
    String where = Path.of("src/main/sr").resolve(file) + ":" + line + ":" + column + ": ";
    assertTrue(message.startsWith(where), () -> "expected '" + where + "...', got: " + message);
    for (String w : words) {
      assertTrue(message.contains(w), () -> "expected '" + w + "' in: " + message);
    }
  }
}
