package io.github.srhls.core.expr;

/**
 * A problem in an expression's text, located by the character range {@code [start, end)} of the source string.
 * The message carries no position: the caller knows where the string sits in its file and renders
 * {@code file:line:col} itself, adding {@link #excerpt(String)} to show the spot.
 */
public final class ExprException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The most characters of a line an excerpt shows. */
  static final int WINDOW = 100;

  private final int start;
  private final int end;

  public ExprException(String message, int start, int end) {
    super(message);
    this.start = start;
    this.end = Math.max(start, end);
  }

  /** What is wrong, without position. */
  public String message() {
    return getMessage();
  }

  /** Offset of the first offending character in the source. */
  public int start() {
    return start;
  }

  /** Offset just past the offending range ({@code == start} when pointing between characters, e.g. at the end). */
  public int end() {
    return end;
  }

  /**
   * The source line holding {@link #start()}, and below it a caret line marking the offending range, both indented
   * by four spaces, e.g.
   *
   * <pre>
   *     sin(x0, x1)
   *     ^~~~~~~~~~~
   * </pre>
   */
  public String excerpt(String source) {
    int at = Math.min(Math.max(start, 0), source.length());
    int lineStart = source.lastIndexOf('\n', at - 1) + 1;
    int lineEnd = source.indexOf('\n', at);
    if (lineEnd < 0) {
      lineEnd = source.length();
    }
    if (lineEnd > lineStart && source.charAt(lineEnd - 1) == '\r') {
      lineEnd--;
    }
    // a long line shows only a window around the spot, so a 100,000-term line does not make a 200 kB message
    int from = lineStart;
    int to = lineEnd;
    if (to - from > WINDOW) {
      from = Math.max(lineStart, at - WINDOW / 3);
      to = Math.min(lineEnd, from + WINDOW);
    }
    String before = from > lineStart ? "..." : "";
    String after = to < lineEnd ? "..." : "";
    StringBuilder caret = new StringBuilder("    ").append(" ".repeat(before.length()));
    for (int i = from; i < at && i < to; i++) {
      // keep tabs so the caret lines up however the terminal expands them
      caret.append(source.charAt(i) == '\t' ? '\t' : ' ');
    }
    caret.append('^');
    int width = Math.min(end, to) - at;
    caret.append("~".repeat(Math.max(0, width - 1)));
    return "    " + before + source.substring(from, to) + after + "\n" + caret;
  }
}
