package io.github.srhls.core.diag;

/** Where the core reports progress; the Maven plugin adapts its Log to this. */
public interface BuildLog {
  void info(String message);

  void warn(String message);

  void debug(String message);

  /**
   * A note about the machine rather than the goal (a tool found but not supported, or passed over), which every
   * goal of a build would find again: a log that knows the build says it the first time only. By default it is
   * said every time.
   */
  default void infoOncePerBuild(String message) {
    info(message);
  }

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
