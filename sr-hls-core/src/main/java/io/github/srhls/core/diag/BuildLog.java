package io.github.srhls.core.diag;

/** Where the core reports progress; the Maven plugin adapts its Log to this. */
public interface BuildLog {
  void info(String message);

  void warn(String message);

  void debug(String message);

  /** A log that drops everything (tests, benchmarks). */
  static BuildLog silent() {
    return new BuildLog() {
      @Override
      public void info(String message) {}

      @Override
      public void warn(String message) {}

      @Override
      public void debug(String message) {}
    };
  }
}
