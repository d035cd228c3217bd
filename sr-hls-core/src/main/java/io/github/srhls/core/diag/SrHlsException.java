package io.github.srhls.core.diag;

/**
 * A failure the user can act on. The message is complete and user-facing (file, line, column, what to do);
 * callers show it as it is, never with a stack trace.
 */
public class SrHlsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SrHlsException(String message) {
    super(message);
  }

  public SrHlsException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An error at a position in a file, rendered as {@code file:line:column: message}. */
  public static SrHlsException at(SourcePosition where, String message) {
    return new SrHlsException(where.render() + ": " + message);
  }
}
