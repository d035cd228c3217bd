package io.github.srhls.core.diag;

import java.nio.file.Path;

/**
 * Where something is in a user's file. Line and column are 1-based; 0 means unknown.
 *
 * @param file the file, as the user would recognise it (usually relative to the project)
 * @param line 1-based line, or 0
 * @param column 1-based column, or 0
 */
public record SourcePosition(Path file, int line, int column) {

  public static SourcePosition of(Path file) {
    return new SourcePosition(file, 0, 0);
  }

  /** The position {@code offset} characters further on the same line. */
  public SourcePosition plusColumns(int offset) {
    return column == 0 ? this : new SourcePosition(file, line, column + offset);
  }

  /** {@code file:line:column}, leaving out what is unknown. */
  public String render() {
    StringBuilder b = new StringBuilder(String.valueOf(file));
    if (line > 0) {
      b.append(':').append(line);
      if (column > 0) {
        b.append(':').append(column);
      }
    }
    return b.toString();
  }
}
