package io.github.srhls.core.model;

import io.github.srhls.core.diag.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a user's file with its line starts, so that a parser's line and column can be turned back into the
 * characters there (to step over an opening quote, or to find the first line of a block scalar).
 */
final class SourceText {
  private final Path shownAs;
  private final String text;
  private final int[] lineStarts;

  SourceText(Path shownAs, String text) {
    this.shownAs = shownAs;
    this.text = text;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // \r\n, \r and \n each end a line, as they do for the YAML and JSON parsers
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The file as messages name it. */
  Path shownAs() {
    return shownAs;
  }

  String text() {
    return text;
  }

  SourcePosition at(int line, int column) {
    return new SourcePosition(shownAs, line, column);
  }

  /**
   * The character at a 1-based line and column, or -1 past the end. Columns count chars; the parsers count code
   * points, which differ only after a character outside the Basic Multilingual Plane on the same line.
   */
  int charAt(int line, int column) {
    int i = index(line, column);
    return i >= 0 && i < text.length() ? text.charAt(i) : -1;
  }

  /** Where the content of a block scalar begins whose indicator ({@code |} or {@code >}) is on {@code line}. */
  SourcePosition firstContentLineAfter(int line) {
    for (int l = line + 1; l <= lineStarts.length; l++) {
      int start = lineStarts[l - 1];
      int end = l < lineStarts.length ? lineStarts[l] : text.length();
      for (int i = start; i < end; i++) {
        char c = text.charAt(i);
        if (c == '\r' || c == '\n') {
          break;
        }
        if (c != ' ' && c != '\t') {
          return at(l, i - start + 1);
        }
      }
    }
    return at(line + 1, 1);
  }

  private int index(int line, int column) {
    if (line < 1 || line > lineStarts.length || column < 1) {
      return -1;
    }
    return lineStarts[line - 1] + column - 1;
  }
}
